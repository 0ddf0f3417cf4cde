import { describe, expect, it } from 'vitest';
import { readSearchState, writeSearchState } from '../../site/src/lib/search-ui.ts';
import { documentSearch, projectSearch } from '../../site/src/lib/search.ts';
import type { SiteDocument, SiteProject } from '../../site/src/lib/types.ts';

describe('search state in the URL', () => {
  it('round-trips query and filters', () => {
    const url = writeSearchState('Kooperationen Bauhof', { Inhalt: ['Projekt'], Handlungsfeld: ['Bauhof und Fuhrpark', 'Winterdienst'] });
    expect(url).toBe('?q=Kooperationen+Bauhof&Inhalt=Projekt&Handlungsfeld=Bauhof+und+Fuhrpark&Handlungsfeld=Winterdienst');
    expect(readSearchState(url)).toEqual({ q: 'Kooperationen Bauhof', filters: { Inhalt: ['Projekt'], Handlungsfeld: ['Bauhof und Fuhrpark', 'Winterdienst'] } });
    expect(writeSearchState('', {})).toBe('');
    expect(readSearchState('?q=&x=')).toEqual({ q: '', filters: {} });
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
      leadMunicipality: { documentId: 'a', name: 'Detmold', kind: 'Kreisangehörige Stadt', kreisName: 'Kreis Lippe', regierungsbezirkName: 'Detmold' },
      municipalities: [{ documentId: 'b', name: 'Kreis Lippe', kind: 'Kreis', kreisName: 'Kreis Lippe', regierungsbezirkName: 'Detmold' }, { documentId: 'c', name: 'Bielefeld', kind: 'Kreisfreie Stadt', kreisName: 'Bielefeld', regierungsbezirkName: 'Detmold' }],
    } as unknown as SiteProject);
    expect(entry).toEqual({
      type: 'Projekt',
      title: 'Gemeinsamer Bauhof',
      date: '2025-12-01',
      filters: { Handlungsfeld: ['Bauhof und Fuhrpark'], Regierungsbezirk: ['Detmold'], Kreis: ['Kreis Lippe', 'Bielefeld'], Kooperationsform: 'Zweckverband', Status: 'in Betrieb', Startjahr: '2019', 'Best Practice': 'ja' },
    });
  });

  it('gives documents their type and year', () => {
    expect(documentSearch({ title: 'Satzung', type: 'Satzung', date: '2021-05-03' } as SiteDocument)).toEqual({ type: 'Dokument', title: 'Satzung', date: '2021-05-03', filters: { Dokumenttyp: 'Satzung', Jahr: '2021' } });
  });
});
