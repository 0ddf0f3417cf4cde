import { describe, expect, it } from 'vitest';
import { readMunicipalityChoices } from '@ikz/shared-types/reference-data';
import { queryKey, resultsText, searchKey, suggest } from '@ikz/site/lib/municipality-search';

const choices = readMunicipalityChoices().flatMap((g) =>
  g.choices.map((c) => ({ value: c.ags, name: c.name, group: g.label })),
);
const names = (query: string, limit?: number) => suggest(choices, query, limit).map((c) => c.name);

describe('municipality suggestions', () => {
  it('offers Sankt Augustin for „Sankt“ and „St. Aug“', () => {
    expect(names('Sankt')).toEqual(['Sankt Augustin']);
    expect(names('st. aug')).toEqual(['Sankt Augustin']);
    expect(names('SANKT  augustin')).toEqual(['Sankt Augustin']);
  });

  it('matches umlauts however they are typed, the name itself first', () => {
    for (const query of ['münster', 'Münster', 'MÜNSTER', 'muenster', 'munster', 'Stadt Münster', 'gemeinde münster']) {
      expect(names(query)[0], query).toBe('Münster');
    }
    expect(names('münster')).toEqual(['Münster', 'Bad Münstereifel', 'Marienmünster']);
    expect(names('dusseldorf')).toEqual(['Düsseldorf']);
    expect(names('duesseldorf')).toEqual(['Düsseldorf']);
    expect(names('düsseldorf')).toEqual(['Düsseldorf']);
    expect(names('Weiß')).toEqual(names('weiss'));
  });

  it('keeps „Stadt“ when it is all that was typed, and finds names containing it', () => {
    expect(queryKey('Stadt')).toBe('stadt');
    expect(names('Stadt')).toEqual(expect.arrayContaining(['Stadtlohn', 'Erftstadt', 'Lippstadt']));
    expect(names('Stadt').slice(0, 2)).toEqual(['Städteregion Aachen', 'Stadtlohn']);
  });

  it('finds Kreise and ranks a word start before an inner match', () => {
    expect(names('kleve')).toEqual(['Kleve', 'Kreis Kleve']);
    expect(names('kreis kle')).toEqual(['Kreis Kleve']);
  });

  it('offers nothing for an empty query and at most the limit', () => {
    expect(names('')).toEqual([]);
    expect(names('  ')).toEqual([]);
    expect(names('e', 5)).toHaveLength(5);
  });

  it('compares names without case, accents or punctuation', () => {
    expect(searchKey('Halle (Westf.)')).toBe('halle westf');
    expect(searchKey('Städteregion Aachen')).toBe('staedteregion aachen');
  });

  it('says in German how many were found', () => {
    expect(resultsText(0, 0)).toBe('Keine passende Kommune gefunden.');
    expect(resultsText(1, 1)).toBe('1 Kommune gefunden. Mit Pfeiltasten auswählen, mit Eingabetaste übernehmen.');
    expect(resultsText(20, 57)).toBe(
      '57 Kommunen gefunden, die ersten 20 werden angezeigt. Mit Pfeiltasten auswählen, mit Eingabetaste übernehmen.',
    );
  });
});
