/**
 * What each page tells the search index: its content type, filters (facets), date and image. Filter names
 * and values are German because readers see them in the search and in the project finder.
 */
import type { SiteDocument, SiteEvent, SiteNewsletter, SitePartnerSearch, SiteProject } from './types.ts';

export type SearchType = 'Projekt' | 'Dokument' | 'Newsletter' | 'Veranstaltung' | 'Seite' | 'Partnersuche';

export interface SearchEntry {
  type: SearchType;
  title?: string;
  date?: string | null;
  image?: string | null;
  summary?: string | null;
  filters?: Record<string, string | string[] | null | undefined>;
}

export function projectSearch(p: SiteProject): SearchEntry {
  const places = [p.leadMunicipality, ...(p.municipalities ?? [])].filter((m) => m?.name);
  return {
    type: 'Projekt',
    title: p.title,
    summary: p.summary,
    date: p.reviewedAt ?? p.updatedAt.slice(0, 10),
    filters: {
      Handlungsfeld: (p.topics ?? []).map((t) => t.name ?? ''),
      Regierungsbezirk: [...new Set(places.map((m) => m!.regierungsbezirkName ?? ''))],
      Kreis: [...new Set(places.map((m) => (m!.kind === 'Kreis' ? m!.name! : (m!.kreisName ?? ''))))],
      Kooperationsform: p.cooperationForm,
      Status: p.projectStatus,
      Startjahr: p.startYear ? String(p.startYear) : null,
      'Best Practice': p.bestPractice ? 'ja' : 'nein',
    },
  };
}

export function documentSearch(d: SiteDocument): SearchEntry {
  return { type: 'Dokument', title: d.title, date: d.date, filters: { Dokumenttyp: d.type, Jahr: d.date.slice(0, 4) } };
}

export function newsletterSearch(n: SiteNewsletter): SearchEntry {
  return { type: 'Newsletter', title: n.title, date: n.sentAt, filters: { Jahr: String(n.year) } };
}

export function eventSearch(e: SiteEvent): SearchEntry {
  return {
    type: 'Veranstaltung',
    title: e.title,
    date: e.startsAt.slice(0, 10),
    filters: { Format: e.format, Jahr: e.startsAt.slice(0, 4) },
  };
}

export function partnerSearchSearch(e: SitePartnerSearch): SearchEntry {
  return {
    type: 'Partnersuche',
    title: e.title,
    summary: e.seek.slice(0, 200),
    filters: {
      Handlungsfeld: (e.topics ?? []).map((t) => t.name ?? ''),
      Regierungsbezirk: e.municipality?.regierungsbezirkName ?? null,
    },
  };
}
