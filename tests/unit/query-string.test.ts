import { describe, expect, it } from 'vitest';
import { toQueryString } from '@ikz/shared-types/rest';

describe('toQueryString', () => {
  it('encodes nested objects and arrays in qs bracket style', () => {
    expect(
      decodeURIComponent(
        toQueryString({ populate: { topics: { fields: ['name', 'slug'] } }, pagination: { page: 2, pageSize: 100 } }),
      ),
    ).toBe(
      'populate[topics][fields][0]=name&populate[topics][fields][1]=slug&pagination[page]=2&pagination[pageSize]=100',
    );
  });

  it('escapes values and skips undefined', () => {
    expect(toQueryString({ filters: { title: { $eq: 'Köln & Bonn' } }, status: undefined })).toBe(
      'filters[title][%24eq]=K%C3%B6ln%20%26%20Bonn',
    );
  });
});
