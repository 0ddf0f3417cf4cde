/**
 * The project finder's own data: every project page of a search bundle with what the finder filters, counts
 * and sorts by. It is written beside the bundle's index (`projekte.json`) from the bundle's own fragments, so it
 * describes exactly the pages that bundle holds, under the ids Pagefind gives them. The finder filters, counts
 * and sorts on it in the reader's browser; Pagefind answers only a text query, with the ids of its pages.
 *
 * That frees the finder from Pagefind's sort, which orders the pages of one index only: projects can be
 * split over several bundles, each with its own file. Pure: used by the builder and the browser code.
 */
import { compareGerman, FINDER_FACETS, sortFacetValues, type Facet } from '../browser/finder-state.ts';

/** What Pagefind's browser code finds first in an inflated file of its index (see builder/search-files.ts). */
export const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/** The JSON of one of Pagefind's fragments from its inflated text (with the signature first, or without). */
export const parseFragment = (text: string): unknown =>
  JSON.parse(text.startsWith(PAGEFIND_SIGNATURE) ? text.slice(PAGEFIND_SIGNATURE.length) : text);

/** The file's name in a bundle that holds project pages. */
export const FINDER_FILE = 'projekte.json';
const FORMAT = 1;

export interface FinderProject {
  /** Pagefind's id of the page in its bundle (the name of its fragment file). */
  id: string;
  url: string;
  title: string;
  /** The project's date (reviewed or updated), YYYY-MM-DD; '' when it has none. */
  date: string;
  facets: Partial<Record<Facet, string[]>>;
}

/** A row of the file: id, URL, title, date, and per facet (in FINDER_FACETS order) indexes into its values. */
type Row = [string, string, string, string, number[][]];
interface FinderFile {
  format: number;
  facets: Record<string, string[]>;
  projects: Row[];
}

/** The titles' order: as the static project list has it (German collation), URLs breaking ties. */
export const byFinderTitle = (a: FinderProject, b: FinderProject) =>
  compareGerman(a.title, b.title) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

/**
 * The file for these projects, sorted by title; facet values are written once, in the order the finder offers
 * them (sortFacetValues), and referred to by index.
 */
export function encodeFinderFile(projects: readonly FinderProject[]): string {
  const values = Object.fromEntries(
    FINDER_FACETS.map((f) => [f, sortFacetValues(f, [...new Set(projects.flatMap((p) => p.facets[f] ?? []))])]),
  ) as Record<Facet, string[]>;
  const indexes = Object.fromEntries(
    FINDER_FACETS.map((f) => [f, new Map(values[f].map((v, i) => [v, i] as const))]),
  ) as Record<Facet, Map<string, number>>;
  const rows: Row[] = [...projects]
    .sort(byFinderTitle)
    .map((p) => [
      p.id,
      p.url,
      p.title,
      p.date,
      FINDER_FACETS.map((f) => (p.facets[f] ?? []).map((v) => indexes[f].get(v)!)),
    ]);
  const file: FinderFile = { format: FORMAT, facets: values, projects: rows };
  return JSON.stringify(file);
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

export interface FinderData {
  /** The projects, by title. */
  projects: FinderProject[];
  /** Per facet, the values the projects have, in the order the finder offers them. */
  values: Record<Facet, string[]>;
}

/** The projects of a finder file, in its order (by title); throws on anything that is not such a file. */
export const decodeFinderFile = (text: string): FinderProject[] => decodeFinder(text).projects;

/** A finder file's projects and values; throws on anything that is not such a file. */
export function decodeFinder(text: string): FinderData {
  const file = JSON.parse(text) as Partial<FinderFile> | null;
  if (!file || file.format !== FORMAT || !Array.isArray(file.projects) || typeof file.facets !== 'object')
    throw new Error('not a project finder file of this format');
  const values = FINDER_FACETS.map((f) => {
    const list = file.facets![f] ?? [];
    if (!isStrings(list)) throw new Error(`the finder file's values of ${f} are not strings`);
    return list;
  });
  // Plain loops: the reader's browser decodes this before the finder can show anything.
  const projects = file.projects.map((row, n): FinderProject => {
    const [id, url, title, date, indexes] = Array.isArray(row) ? row : [];
    if (
      typeof id !== 'string' ||
      typeof url !== 'string' ||
      typeof title !== 'string' ||
      typeof date !== 'string' ||
      !Array.isArray(indexes)
    )
      throw new Error(`row ${n} of the finder file is malformed`);
    const facets: FinderProject['facets'] = {};
    for (let i = 0; i < FINDER_FACETS.length; i++) {
      const list = (indexes[i] ?? []) as unknown[];
      if (!list.length) continue;
      const named: string[] = [];
      for (const k of list) {
        const value = typeof k === 'number' ? values[i]![k] : undefined;
        if (value === undefined) throw new Error(`row ${n} of the finder file names an unknown value`);
        named.push(value);
      }
      facets[FINDER_FACETS[i]!] = named;
    }
    return { id, url, title, date, facets };
  });
  return { projects, values: Object.fromEntries(FINDER_FACETS.map((f, i) => [f, values[i]!])) as FinderData['values'] };
}

/**
 * A project of the finder from one of Pagefind's fragments (its page's URL, meta data and filters); null for a
 * page that is not a project or lacks a title.
 */
export function finderProjectOf(id: string, fragment: unknown): FinderProject | null {
  const f = fragment as {
    url?: unknown;
    meta?: Record<string, unknown>;
    filters?: Record<string, unknown>;
  } | null;
  if (!f || typeof f.url !== 'string' || typeof f.meta?.title !== 'string') return null;
  const filters = f.filters ?? {};
  if (!isStrings(filters.Inhalt) || !filters.Inhalt.includes('Projekt')) return null;
  const facets: FinderProject['facets'] = {};
  for (const facet of FINDER_FACETS) {
    const list = filters[facet];
    if (isStrings(list) && list.length) facets[facet] = [...new Set(list)];
  }
  const date = typeof f.meta.date === 'string' ? f.meta.date : '';
  return { id, url: f.url, title: f.meta.title, date, facets };
}
