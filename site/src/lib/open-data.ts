/**
 * Open data: every published project with stable field names, as JSON and CSV (RFC 4180, UTF-8,
 * comma-separated, lists joined with "; "). Field names only ever get added, never renamed.
 */
import type { SiteProject } from './types.ts';

export const PROJECT_FIELDS = [
  ['id', 'Dauerhafte Kennung (Strapi documentId)'],
  ['slug', 'URL-Kürzel'],
  ['url', 'Adresse der Projektseite'],
  ['title', 'Titel'],
  ['summary', 'Kurzbeschreibung'],
  ['leadMunicipality', 'Federführende Kommune'],
  ['leadMunicipalityAgs', 'Amtlicher Gemeindeschlüssel der federführenden Kommune'],
  ['municipalities', 'Beteiligte Kommunen'],
  ['municipalitiesAgs', 'Gemeindeschlüssel der beteiligten Kommunen'],
  ['topics', 'Handlungsfelder'],
  ['cooperationForm', 'Kooperationsform'],
  ['status', 'Projektstatus'],
  ['startYear', 'Startjahr'],
  ['endYear', 'Endjahr'],
  ['bestPractice', 'Gutes Beispiel (true/false)'],
  ['fundingProgramme', 'Förderprogramm'],
  ['fundingAmount', 'Fördersumme in Euro'],
  ['reviewedAt', 'Stand der Angaben (JJJJ-MM-TT)'],
  ['updatedAt', 'Letzte Änderung (ISO 8601)'],
] as const;

export type ProjectRecord = Record<(typeof PROJECT_FIELDS)[number][0], string | number | boolean | string[] | null>;

export function projectRecord(p: SiteProject, siteUrl: string): ProjectRecord {
  const municipalities = p.municipalities ?? [];
  return {
    id: p.documentId,
    slug: p.slug,
    url: new URL(`/projekte/${p.slug}/`, siteUrl).href,
    title: p.title,
    summary: p.summary,
    leadMunicipality: p.leadMunicipality?.name ?? null,
    leadMunicipalityAgs: p.leadMunicipality?.ags ?? null,
    municipalities: municipalities.map((m) => m.name ?? ''),
    municipalitiesAgs: municipalities.map((m) => m.ags ?? ''),
    topics: (p.topics ?? []).map((t) => t.name ?? ''),
    cooperationForm: p.cooperationForm,
    status: p.projectStatus,
    startYear: p.startYear,
    endYear: p.endYear,
    bestPractice: p.bestPractice,
    fundingProgramme: p.funding?.programme ?? null,
    fundingAmount: p.funding?.amount ?? null,
    reviewedAt: p.reviewedAt,
    updatedAt: p.updatedAt,
  };
}

export function csvCell(value: ProjectRecord[keyof ProjectRecord]): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('; ') : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(records: ProjectRecord[]): string {
  const header = PROJECT_FIELDS.map(([name]) => name).join(',');
  const lines = records.map((r) => PROJECT_FIELDS.map(([name]) => csvCell(r[name])).join(','));
  return `${[header, ...lines].join('\r\n')}\r\n`;
}
