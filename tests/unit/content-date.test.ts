import { describe, expect, it } from 'vitest';
import { contentDate } from '@ikz/site/lib/content-date';

const fallback = new Date('2030-01-01T12:00:00Z');

describe('contentDate', () => {
  it('is the day of the newest update or publication', () => {
    const entries = [
      { updatedAt: '2026-10-01T08:00:00.000Z', publishedAt: '2026-10-01T08:00:00.000Z' },
      { updatedAt: '2026-11-02T09:30:00.000Z', publishedAt: '2026-11-20T10:00:00.000Z' },
      { updatedAt: '2026-11-05T09:30:00.000Z', publishedAt: null },
    ];
    expect(contentDate(entries, fallback)).toBe('2026-11-20');
  });

  it('counts the day in Europe/Berlin, not in UTC', () => {
    expect(contentDate([{ updatedAt: '2026-11-22T23:30:00.000Z' }], fallback)).toBe('2026-11-23');
    expect(contentDate([{ updatedAt: '2026-07-31T22:30:00.000Z' }], fallback)).toBe('2026-08-01');
  });

  it('compares instants, not strings with different offsets', () => {
    expect(
      contentDate([{ updatedAt: '2026-11-10T03:00:00+05:00' }, { updatedAt: '2026-11-09T23:30:00.000Z' }], fallback),
    ).toBe('2026-11-10');
  });

  it('falls back to the build time when nothing is dated', () => {
    expect(contentDate([], fallback)).toBe('2030-01-01');
    expect(contentDate([{ updatedAt: null, publishedAt: null }, {}], fallback)).toBe('2030-01-01');
  });
});
