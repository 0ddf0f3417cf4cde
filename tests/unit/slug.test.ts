import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, SLUG_PATTERN, slugify, uniqueSlug } from '@ikz/shared-types/slug';

describe('slugify', () => {
  it('transliterates German umlauts and ß', () => {
    expect(slugify('Mülheim an der Ruhr')).toBe('muelheim-an-der-ruhr');
    expect(slugify('Öffentlich-rechtliche Vereinbarung über Straßenreinigung')).toBe(
      'oeffentlich-rechtliche-vereinbarung-ueber-strassenreinigung',
    );
    expect(slugify('ÄÖÜ äöü ß')).toBe('aeoeue-aeoeue-ss');
  });

  it('drops other diacritics and punctuation and keeps only ASCII', () => {
    expect(slugify('Café „Zukunft“ – Kreis Höxter (2024)!')).toBe('cafe-zukunft-kreis-hoexter-2024');
    expect(slugify('Bauhof & Fuhrpark')).toBe('bauhof-und-fuhrpark');
    expect(slugify('  --Langenfeld (Rheinland)--  ')).toBe('langenfeld-rheinland');
  });

  it('shortens long titles at a word boundary', () => {
    const slug = slugify('Interkommunale Zusammenarbeit '.repeat(10));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('always returns a valid slug or an empty string', () => {
    for (const input of ['Ärger', '§ 1 GkG NRW', '—', 'Straße 12a', 'Zweckverband „Wasser“']) {
      const slug = slugify(input);
      if (slug) expect(slug).toMatch(SLUG_PATTERN);
    }
    expect(slugify('—')).toBe('');
  });
});

describe('uniqueSlug', () => {
  it('appends the first free number', async () => {
    const taken = new Set(['bauhof', 'bauhof-2']);
    expect(await uniqueSlug('bauhof', (s) => taken.has(s))).toBe('bauhof-3');
    expect(await uniqueSlug('winterdienst', (s) => taken.has(s))).toBe('winterdienst');
  });

  it('uses a fallback for an empty base and respects the length limit', async () => {
    expect(await uniqueSlug('', () => false)).toBe('eintrag');
    const long = 'a'.repeat(MAX_SLUG_LENGTH);
    const result = await uniqueSlug(long, (s) => s === long);
    expect(result.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(result.endsWith('-2')).toBe(true);
  });
});
