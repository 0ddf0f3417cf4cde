import { describe, expect, it } from 'vitest';
import {
  mergeFilterCounts,
  mergeResults,
  orderFilters,
  readSearchState,
  resultMessage,
  writeSearchState,
} from '@ikz/site/browser/search-ui';
import { documentSearch, projectSearch } from '@ikz/site/lib/search-entry';
import type { SiteDocument, SiteProject } from '@ikz/site/lib/types';

describe('search state in the URL', () => {
  it('round-trips query and filters', () => {
    const url = writeSearchState('Kooperationen Bauhof', {
      Inhalt: ['Projekt'],
      Handlungsfeld: ['Bauhof und Fuhrpark', 'Winterdienst'],
    });
    expect(url).toBe(
      '?q=Kooperationen+Bauhof&Inhalt=Projekt&Handlungsfeld=Bauhof+und+Fuhrpark&Handlungsfeld=Winterdienst',
    );
    expect(readSearchState(url)).toEqual({
      q: 'Kooperationen Bauhof',
      filters: { Inhalt: ['Projekt'], Handlungsfeld: ['Bauhof und Fuhrpark', 'Winterdienst'] },
    });
    expect(writeSearchState('', {})).toBe('');
    expect(readSearchState('?q=&x=')).toEqual({ q: '', filters: {} });
  });
});

describe('search over groups of bundles', () => {
  it('orders merged results by score as one merged index does, and adds up filter counts', () => {
    const projects = [
      { id: 'p1', score: 3 },
      { id: 'p2', score: 1 },
    ];
    const documents = [
      { id: 'd1', score: 2 },
      { id: 'd2', score: 3 },
    ];
    expect(mergeResults([projects, documents]).map((r) => r.id)).toEqual(['p1', 'd2', 'd1', 'p2']);
    expect(
      mergeFilterCounts([
        { Inhalt: { Projekt: 4, Seite: 1 } },
        { Inhalt: { Dokument: 7, Seite: 2 }, Jahr: { '2024': 7 } },
      ]),
    ).toEqual({ Inhalt: { Projekt: 4, Seite: 3, Dokument: 7 }, Jahr: { '2024': 7 } });
  });

  it('shows filters in the site order, values by name and years newest first', () => {
    expect(
      orderFilters({
        Jahr: { '2019': 1, '2024': 1 },
        Zusatz: { b: 1 },
        Inhalt: { Seite: 1, Dokument: 1 },
        Status: { Planung: 1, 'in Betrieb': 1 },
      }),
    ).toEqual([
      ['Inhalt', ['Dokument', 'Seite']],
      ['Status', ['in Betrieb', 'Planung']],
      ['Jahr', ['2024', '2019']],
      ['Zusatz', ['b']],
    ]);
  });

  it('says in German how many results a search has', () => {
    expect(resultMessage(0, 'Bauhof')).toBe('Keine Treffer für „Bauhof“');
    expect(resultMessage(1, 'Bauhof')).toBe('1 Treffer für „Bauhof“');
    expect(resultMessage(12, 'Bauhof')).toBe('12 Treffer für „Bauhof“');
    expect(resultMessage(5, '')).toBe('5 Treffer');
  });
});

describe('search entries', () => {
  it('gives projects their facets', () => {
    const entry = projectSearch({
      title: 'Gemeinsamer Bauhof',
      updatedAt: '2026-01-02T00:00:00Z',
      reviewedAt: '2025-12-01',
      cooperationForm: 'Zweckverband',
      projectStatus: 'in Betrieb',
      startYear: 2019,
      bestPractice: true,
      topics: [{ documentId: 't', name: 'Bauhof und Fuhrpark' }],
      leadMunicipality: {
        documentId: 'a',
        name: 'Detmold',
        kind: 'Kreisangehörige Stadt',
        kreisName: 'Kreis Lippe',
        regierungsbezirkName: 'Detmold',
      },
      municipalities: [
        {
          documentId: 'b',
          name: 'Kreis Lippe',
          kind: 'Kreis',
          kreisName: 'Kreis Lippe',
          regierungsbezirkName: 'Detmold',
        },
        {
          documentId: 'c',
          name: 'Bielefeld',
          kind: 'Kreisfreie Stadt',
          kreisName: 'Bielefeld',
          regierungsbezirkName: 'Detmold',
        },
      ],
    } as unknown as SiteProject);
    expect(entry).toEqual({
      type: 'Projekt',
      title: 'Gemeinsamer Bauhof',
      date: '2025-12-01',
      filters: {
        Handlungsfeld: ['Bauhof und Fuhrpark'],
        Regierungsbezirk: ['Detmold'],
        Kreis: ['Kreis Lippe', 'Bielefeld'],
        Kooperationsform: 'Zweckverband',
        Status: 'in Betrieb',
        Startjahr: '2019',
        'Best Practice': 'ja',
      },
    });
  });

  it('gives documents their type and year', () => {
    expect(documentSearch({ title: 'Satzung', type: 'Satzung', date: '2021-05-03' } as SiteDocument)).toEqual({
      type: 'Dokument',
      title: 'Satzung',
      date: '2021-05-03',
      filters: { Dokumenttyp: 'Satzung', Jahr: '2021' },
    });
  });
});

describe('project finder state', async () => {
  const { finderQuery, formatCount, parseFinderState, resultSummary, sortFacetValues, toggleFilter } =
    await import('@ikz/site/browser/finder-state');
  const { effectiveSort } = await import('@ikz/site/browser/finder-select');

  it('sorts by title without a query, by relevance with one, or as chosen', () => {
    expect(effectiveSort({ q: '', filters: {}, page: 1 })).toBe('titel');
    expect(effectiveSort({ q: '', filters: {}, page: 1, sort: 'relevanz' })).toBe('titel');
    expect(effectiveSort({ q: 'Bauhof', filters: {}, page: 1 })).toBe('relevanz');
    expect(effectiveSort({ q: 'Bauhof', filters: {}, page: 1, sort: 'datum' })).toBe('datum');
    const state = parseFinderState('?q=x&sortierung=datum');
    expect(state.sort).toBe('datum');
    expect(finderQuery(state)).toBe('?q=x&sortierung=datum');
    expect(parseFinderState('?sortierung=quatsch').sort).toBeUndefined();
  });

  it('round-trips through the URL and ignores unknown parameters', () => {
    const state = parseFinderState(
      '?q=Bauhof&Status=in+Betrieb&Handlungsfeld=Winterdienst&Handlungsfeld=Bauhof+und+Fuhrpark&seite=2&utm=x',
    );
    expect(state).toEqual({
      q: 'Bauhof',
      filters: { Handlungsfeld: ['Winterdienst', 'Bauhof und Fuhrpark'], Status: ['in Betrieb'] },
      page: 2,
    });
    expect(parseFinderState(finderQuery(state))).toEqual(state);
    expect(parseFinderState('?seite=-3').page).toBe(1);
  });

  it('toggles filters, back to page 1', () => {
    const on = toggleFilter({ q: '', filters: {}, page: 3 }, 'Status', 'Planung', true);
    expect(on).toEqual({ q: '', filters: { Status: ['Planung'] }, page: 1 });
    expect(toggleFilter(on, 'Status', 'Planung', false)).toEqual({ q: '', filters: {}, page: 1 });
  });

  it('orders facet values and words the summary', () => {
    expect(sortFacetValues('Startjahr', ['2019', '2024', '2021'])).toEqual(['2024', '2021', '2019']);
    expect(sortFacetValues('Best Practice', ['nein', 'ja'])).toEqual(['ja', 'nein']);
    expect(sortFacetValues('Kreis', ['Kreis Unna', 'Bielefeld', 'Städteregion Aachen'])).toEqual([
      'Bielefeld',
      'Kreis Unna',
      'Städteregion Aachen',
    ]);
    expect(resultSummary(1, { q: 'Bauhof', filters: { Status: ['Planung'] }, page: 1 })).toBe(
      '1 Projekt gefunden für „Bauhof“ mit 1 Filter.',
    );
    expect(resultSummary(1234, { q: '', filters: {}, page: 1 })).toBe('1.234 Projekte gefunden.');
    // Counts are written as Intl's de-DE writes them, without making a NumberFormat in the browser.
    for (const n of [0, 7, 999, 1000, 12_345, 999_999, 1_234_567])
      expect(formatCount(n), String(n)).toBe(new Intl.NumberFormat('de-DE').format(n));
  });
});

describe('search result meta', async () => {
  const { germanMeta } = await import('@ikz/site/browser/search-ui');
  it('shows German labels and dates, and drops long texts', () => {
    expect(germanMeta({ title: 'T', type: 'Projekt', date: '2025-09-21', summary: 'lang …' })).toEqual({
      title: 'T',
      Art: 'Projekt',
      Datum: '21.09.2025',
    });
    expect(germanMeta({ title: 'T', date: 'kaputt' })).toEqual({ title: 'T' });
  });
});

describe('searches of a bundle group, one at a time', async () => {
  const { oneAtATime } = await import('@ikz/site/browser/search-ui');
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('starts each call when the one before it has settled, failed ones too, in order', async () => {
    const inTurn = oneAtATime();
    const log: string[] = [];
    const call = (name: string, fail = false) =>
      inTurn(async () => {
        log.push(`${name} starts`);
        await tick();
        log.push(`${name} ends`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([call('Ba'), call('Bau', true), call('Bauhof')]);
    expect(log).toEqual(['Ba starts', 'Ba ends', 'Bau starts', 'Bau ends', 'Bauhof starts', 'Bauhof ends']);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      'Ba',
      'Bau',
      'Bauhof',
    ]);
  });

  it('lets a call see, when its turn comes, that a newer one has made it pointless', async () => {
    const inTurn = oneAtATime();
    let latest = 0;
    const asked: string[] = [];
    const typed = (q: string) => {
      const mine = ++latest;
      return inTurn(async () => {
        if (mine !== latest) return null;
        asked.push(q);
        await tick();
        return q;
      });
    };
    // The first key's search starts; the keys typed while it runs wait, and only the last of them is asked.
    const first = typed('B');
    await tick();
    const answers = await Promise.all([first, ...['Ba', 'Bau', 'Bauh', 'Bauhof'].map(typed)]);
    expect(asked).toEqual(['B', 'Bauhof']);
    expect(answers).toEqual(['B', null, null, null, 'Bauhof']);
  });
});
