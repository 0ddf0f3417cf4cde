import { describe, expect, it } from 'vitest';
import { bearerToken, redactContacts, requestsUnpublished } from '../../cms/src/lib/public-api.ts';

describe('requestsUnpublished', () => {
  it('flags draft and preview requests only', () => {
    expect(requestsUnpublished({})).toBe(false);
    expect(requestsUnpublished(undefined)).toBe(false);
    expect(requestsUnpublished({ status: 'published' })).toBe(false);
    expect(requestsUnpublished({ status: 'draft' })).toBe(true);
    expect(requestsUnpublished({ status: ['draft'] })).toBe(true);
    expect(requestsUnpublished({ publicationState: 'preview' })).toBe(true);
    expect(requestsUnpublished({ publicationState: 'live' })).toBe(false);
  });
});

describe('redactContacts', () => {
  it('keeps only consenting contacts, however deeply populated', () => {
    const body = {
      data: [
        { title: 'P', contacts: [{ name: 'Ja', consent: true }, { name: 'Nein', consent: false }, { name: 'Ohne Angabe' }] },
        { title: 'D', projects: [{ contacts: [{ name: 'Tief', consent: false }, { name: 'Tief ja', consent: true }] }] },
      ],
    };
    redactContacts(body);
    expect(body.data[0]!.contacts!.map((c) => c.name)).toEqual(['Ja']);
    expect(body.data[1]!.projects![0]!.contacts.map((c) => c.name)).toEqual(['Tief ja']);
  });

  it('leaves other data untouched', () => {
    const body = { data: { title: 'X', partners: [{ name: 'A' }] }, meta: {} };
    expect(redactContacts(structuredClone(body))).toEqual(body);
  });
});

describe('bearerToken', () => {
  it('extracts the token', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('bearer x')).toBe('x');
    expect(bearerToken('Basic x')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
