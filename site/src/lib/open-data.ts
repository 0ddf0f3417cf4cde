/**
 * Open data: every published project with stable field names, as JSON and CSV (RFC 4180, UTF-8,
 * comma-separated, lists joined with "; "). Field names only ever get added, never renamed.
 */
import type { SiteProject } from './types.ts';
import { routes } from '@ikz/shared-types/routes';

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
    url: new URL(routes.url('project', { slug: p.slug }), siteUrl).href,
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

/** Characters that make a spreadsheet program read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula gets a leading apostrophe and quotes, as
 * spreadsheet programs expect; numbers and booleans stay as they are. The JSON export keeps the exact text.
 */
export function csvCell(value: ProjectRecord[keyof ProjectRecord]): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = Array.isArray(value) ? value.join('; ') : value;
  const formula = FORMULA_START.test(text);
  if (formula) text = `'${text}`;
  return formula || /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(records: ProjectRecord[]): string {
  const header = PROJECT_FIELDS.map(([name]) => name).join(',');
  const lines = records.map((r) => PROJECT_FIELDS.map(([name]) => csvCell(r[name])).join(','));
  return `${[header, ...lines].join('\r\n')}\r\n`;
}
