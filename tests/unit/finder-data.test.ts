import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeFinderFile } from '@ikz/site/builder/finder-file';
import { PAGEFIND_SIGNATURE } from '@ikz/site/builder/search-files';
import { everyWord, queryWords, selectProjects } from '@ikz/site/browser/finder-select';
import type { FinderState } from '@ikz/site/browser/finder-state';
import {
  decodeFinder,
  decodeFinderFile,
  encodeFinderFile,
  FINDER_FILE,
  finderProjectOf,
  type FinderProject,
} from '@ikz/site/lib/finder-data';

const project = (id: string, title: string, date: string, facets: FinderProject['facets']): FinderProject => ({
  id,
  url: `/projekte/${id}/`,
  title,
  date,
  facets,
});

// In title order, as the finder file has them.
const ALL = decodeFinderFile(
  encodeFinderFile([
    project('c', 'Zweckverband Wasser', '2024-02-01', { Status: ['in Betrieb'], Kreis: ['Kreis Lippe'] }),
    project('a', 'Äpfel und Obstwiesen', '2025-05-01', { Status: ['Planung'], Kreis: ['Kreis Lippe', 'Bielefeld'] }),
    project('b', 'Bauhof gemeinsam', '2023-01-01', {
      Status: ['in Betrieb'],
      Kreis: ['Bielefeld'],
      'Best Practice': ['ja'],
    }),
    project('d', 'Abfall digital', '2025-05-01', { Status: ['Planung'], 'Best Practice': ['nein'] }),
  ]),
);
const state = (s: Partial<FinderState>): FinderState => ({ q: '', filters: {}, page: 1, ...s });
const ids = (p: FinderProject[]) => p.map((x) => x.id);

describe('the finder file', () => {
  it('round-trips projects, sorted by title in German order, facet values written once in the order offered', () => {
    expect(ids(ALL)).toEqual(['d', 'a', 'b', 'c']);
    expect(ALL[1]).toEqual(
      project('a', 'Äpfel und Obstwiesen', '2025-05-01', { Kreis: ['Kreis Lippe', 'Bielefeld'], Status: ['Planung'] }),
    );
    const file = JSON.parse(encodeFinderFile(ALL)) as { facets: Record<string, string[]> };
    expect(file.facets.Kreis).toEqual(['Bielefeld', 'Kreis Lippe']);
    // The browser offers the values in the file's order, as sortFacetValues has them: years descending, „ja“ first.
    const years = encodeFinderFile([
      project('x', 'X', '', { Startjahr: ['2019'], 'Best Practice': ['nein'], Kreis: ['Ökoregion', 'Oberhausen'] }),
      project('y', 'Y', '', { Startjahr: ['2024'], 'Best Practice': ['ja'], Kreis: ['Aachen'] }),
    ]);
    expect(decodeFinder(years).values).toMatchObject({
      Startjahr: ['2024', '2019'],
      'Best Practice': ['ja', 'nein'],
      Kreis: ['Aachen', 'Oberhausen', 'Ökoregion'],
      Status: [],
    });
    expect(decodeFinder(years).projects[0]!.facets).toEqual({
      Kreis: ['Ökoregion', 'Oberhausen'],
      Startjahr: ['2019'],
      'Best Practice': ['nein'],
    });
  });

  it('refuses what is not a finder file of its format', () => {
    const good = JSON.parse(encodeFinderFile(ALL)) as Record<string, unknown>;
    for (const bad of [
      'null',
      '[]',
      '{}',
      JSON.stringify({ ...good, format: 2 }),
      JSON.stringify({ ...good, projects: [['x', '/x/', 'X', '', [[7]]]] }),
      JSON.stringify({ ...good, projects: [['x', '/x/', 42, '', []]] }),
      JSON.stringify({ ...good, facets: { Status: [1, 2] } }),
      encodeFinderFile(ALL).slice(0, 40),
    ])
      expect(() => decodeFinderFile(bad), bad).toThrow();
  });

  it('takes a project from a Pagefind fragment, and nothing else', () => {
    const fragment = {
      url: '/projekte/bauhof/',
      meta: { title: 'Bauhof', date: '2025-03-25', summary: '…' },
      filters: { Inhalt: ['Projekt'], Status: ['in Betrieb'], Kreis: ['Kreis Lippe', 'Kreis Lippe'], Format: ['x'] },
    };
    expect(finderProjectOf('de_1', fragment)).toEqual({
      id: 'de_1',
      url: '/projekte/bauhof/',
      title: 'Bauhof',
      date: '2025-03-25',
      facets: { Status: ['in Betrieb'], Kreis: ['Kreis Lippe'] },
    });
    expect(finderProjectOf('de_2', { ...fragment, filters: { Inhalt: ['Dokument'] } })).toBeNull();
    expect(finderProjectOf('de_3', { ...fragment, meta: {} })).toBeNull();
    expect(finderProjectOf('de_4', null)).toBeNull();
    expect(finderProjectOf('de_5', { ...fragment, meta: { title: 'Ohne Datum' } })?.date).toBe('');
  });
});

describe('what the finder shows', () => {
  it('without a query: every project by title, with counts of every value', () => {
    const { projects, counts } = selectProjects(ALL, state({}), null);
    expect(ids(projects)).toEqual(['d', 'a', 'b', 'c']);
    expect(counts.Status).toEqual({ 'in Betrieb': 2, Planung: 2 });
    expect(counts.Kreis).toEqual({ 'Kreis Lippe': 2, Bielefeld: 2 });
    expect(counts.Handlungsfeld).toEqual({});
  });

  it('values of a facet are alternatives, facets combine, a facet counts under the others only', () => {
    const { projects, counts } = selectProjects(
      ALL,
      state({ filters: { Status: ['Planung'], Kreis: ['Bielefeld', 'Kreis Lippe'] } }),
      null,
    );
    expect(ids(projects)).toEqual(['a']);
    // Status counts under the Kreis filter: a (Planung), b and c (in Betrieb); d has no Kreis.
    expect(counts.Status).toEqual({ 'in Betrieb': 2, Planung: 1 });
    // Kreis counts under the Status filter: a and d are Planung; d has no Kreis.
    expect(counts.Kreis).toEqual({ 'Kreis Lippe': 1, Bielefeld: 1 });
    // A value no project passing the other facets has is counted 0, and still offered.
    expect(counts['Best Practice']).toEqual({ ja: 0, nein: 0 });
  });

  it('sorts by date, newest first, equal dates in title order', () => {
    expect(ids(selectProjects(ALL, state({ sort: 'datum' }), null).projects)).toEqual(['d', 'a', 'c', 'b']);
  });

  it('with a query: only the pages Pagefind found, by its rank, or as chosen', () => {
    const ranks = new Map([
      ['c', 0],
      ['a', 1],
      ['zz-not-in-the-file', 2],
    ]);
    const found = selectProjects(ALL, state({ q: 'Wasser' }), ranks);
    expect(ids(found.projects)).toEqual(['c', 'a']);
    expect(found.counts.Status).toEqual({ 'in Betrieb': 1, Planung: 1 });
    expect(ids(selectProjects(ALL, state({ q: 'Wasser', sort: 'titel' }), ranks).projects)).toEqual(['a', 'c']);
    expect(ids(selectProjects(ALL, state({ q: 'Wasser', filters: { Status: ['Planung'] } }), ranks).projects)).toEqual([
      'a',
    ]);
    expect(selectProjects(ALL, state({ q: 'nichts' }), new Map()).projects).toEqual([]);
  });
});

describe('the finder file of a written bundle', () => {
  const fragment = (url: string, title: string, type = 'Projekt') =>
    JSON.stringify({ url, meta: { title, date: '2025-01-01' }, filters: { Inhalt: [type], Status: ['Planung'] } });

  it('lists the bundle’s project fragments, unpacked or gzip, and reads only those its base did not know', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-finder-file-'));
    try {
      const bundle = path.join(dir, 'neu');
      const base = path.join(dir, 'alt');
      fs.mkdirSync(path.join(bundle, 'fragment'), { recursive: true });
      fs.mkdirSync(base);
      const frag = (name: string) => path.join(bundle, 'fragment', `${name}.pf_fragment`);
      fs.writeFileSync(frag('de_a'), `${PAGEFIND_SIGNATURE}${fragment('/projekte/a/', 'Alpha')}`);
      fs.writeFileSync(`${frag('de_a')}.gz`, gzipSync(fragment('/projekte/a/', 'Alpha')));
      fs.writeFileSync(frag('de_b'), gzipSync(fragment('/projekte/b/', 'Beta')));
      fs.writeFileSync(frag('de_c'), `${PAGEFIND_SIGNATURE}${fragment('/seite/', 'Keine', 'Seite')}`);
      // The base knew de_a (under a title the fragment does not have: it is taken from there, not read again).
      fs.writeFileSync(
        path.join(base, FINDER_FILE),
        encodeFinderFile([{ id: 'de_a', url: '/projekte/a/', title: 'Alpha (bekannt)', date: '', facets: {} }]),
      );
      expect(writeFinderFile(bundle, base)).toEqual({ projects: 2, read: 2 });
      const written = decodeFinderFile(fs.readFileSync(path.join(bundle, FINDER_FILE), 'utf8'));
      expect(written.map((p) => [p.id, p.title])).toEqual([
        ['de_a', 'Alpha (bekannt)'],
        ['de_b', 'Beta'],
      ]);
      // Without a base (or with an unreadable one) every fragment is read.
      fs.writeFileSync(path.join(base, FINDER_FILE), 'kaputt');
      expect(writeFinderFile(bundle, base)).toEqual({ projects: 2, read: 3 });
      expect(writeFinderFile(bundle, null)).toEqual({ projects: 2, read: 3 });
      expect(fs.readdirSync(bundle).sort()).toEqual(['fragment', FINDER_FILE]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a query over several bundles', () => {
  it('keeps only pages that match every word some bundle knows, in the whole query’s order', () => {
    expect(queryWords('  Suche  nach Wortformen Suche ')).toEqual(['Suche', 'nach', 'Wortformen']);
    const whole = new Map([
      ['b', 0],
      ['a', 1],
      ['c', 2],
    ]);
    // „Wortformen“ is known in one bundle only (page a); the other bundles dropped it and matched b and c without it.
    const perWord = [
      new Map([
        ['a', 0],
        ['b', 1],
        ['c', 2],
      ]),
      new Map([
        ['a', 0],
        ['c', 1],
      ]),
      new Map([['a', 0]]),
    ];
    expect([...everyWord(whole, perWord)]).toEqual([['a', 1]]);
    // A word no bundle knows is ignored, as Pagefind does.
    expect(
      [
        ...everyWord(whole, [
          new Map([
            ['a', 0],
            ['b', 1],
            ['c', 2],
          ]),
          new Map(),
        ]),
      ].map(([id]) => id),
    ).toEqual(['b', 'a', 'c']);
  });
});
