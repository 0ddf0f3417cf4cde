/**
 * The state of the project finder, kept in the URL so a filtered view can be shared and bookmarked:
 * ?q=…&Handlungsfeld=…&Status=…&seite=2. Pure, used by the browser code and unit-tested.
 */
export const FINDER_FACETS = [
  'Handlungsfeld',
  'Regierungsbezirk',
  'Kreis',
  'Kooperationsform',
  'Status',
  'Startjahr',
  'Best Practice',
] as const;
export type Facet = (typeof FINDER_FACETS)[number];

export type FinderSort = 'relevanz' | 'titel' | 'datum';

export interface FinderState {
  q: string;
  filters: Partial<Record<Facet, string[]>>;
  page: number;
  /** Absent: relevance with a query, title without one. */
  sort?: FinderSort;
}

export function parseFinderState(search: string): FinderState {
  const params = new URLSearchParams(search);
  const filters: Partial<Record<Facet, string[]>> = {};
  for (const facet of FINDER_FACETS) {
    const values = params.getAll(facet).filter(Boolean);
    if (values.length) filters[facet] = [...new Set(values)];
  }
  const page = Math.max(1, Number.parseInt(params.get('seite') ?? '1', 10) || 1);
  const sort = params.get('sortierung');
  const state: FinderState = { q: (params.get('q') ?? '').trim(), filters, page };
  if (sort === 'titel' || sort === 'datum' || sort === 'relevanz') state.sort = sort;
  return state;
}

export function finderQuery(state: FinderState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of FINDER_FACETS) for (const v of state.filters[facet] ?? []) params.append(facet, v);
  if (state.sort) params.set('sortierung', state.sort);
  if (state.page > 1) params.set('seite', String(state.page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function toggleFilter(state: FinderState, facet: Facet, value: string, on: boolean): FinderState {
  const current = new Set(state.filters[facet] ?? []);
  if (on) current.add(value);
  else current.delete(value);
  const filters = { ...state.filters, [facet]: [...current] };
  if (!filters[facet]!.length) delete filters[facet];
  return { ...state, filters, page: 1 };
}

let german: Intl.Collator | undefined;
/**
 * German collation, made on first use: a collator costs the browser a few milliseconds to make, and the
 * finder's script should not spend them before it has data to sort.
 */
export const compareGerman = (a: string, b: string) => (german ??= new Intl.Collator('de')).compare(a, b);

/** Facet values in a useful order: years descending, "ja" before "nein", everything else alphabetically. */
export function sortFacetValues(facet: Facet, values: string[]): string[] {
  if (facet === 'Startjahr') return [...values].sort((a, b) => b.localeCompare(a));
  if (facet === 'Best Practice') return [...values].sort((a, b) => (a === 'ja' ? -1 : b === 'ja' ? 1 : 0));
  return [...values].sort(compareGerman);
}

/**
 * A whole count as Intl's de-DE writes it, with a dot between thousands (1.234). Making an Intl.NumberFormat
 * costs a phone tens of milliseconds while the finder starts; a count needs none of it.
 */
export const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export function resultSummary(total: number, state: FinderState): string {
  const active = Object.values(state.filters).reduce((n, v) => n + (v?.length ?? 0), 0);
  const what = total === 1 ? '1 Projekt' : `${formatCount(total)} Projekte`;
  const conditions = [
    state.q ? `für „${state.q}“` : '',
    active ? `mit ${active} ${active === 1 ? 'Filter' : 'Filtern'}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `${what} gefunden${conditions ? ` ${conditions}` : ''}.`;
}
