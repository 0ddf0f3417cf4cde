/**
 * What the project finder shows for a state: the projects that pass its filters (and its text query, answered
 * by Pagefind as ranked ids), in the chosen order, and per facet value how many projects it would show with
 * that value ticked as well. Pure, on the finder's own data (lib/finder-data.ts); unit-tested.
 */
import type { FinderProject } from '../lib/finder-data.ts';
import { FINDER_FACETS, type Facet, type FinderState } from './finder-state.ts';

export interface Selection {
  /** The projects shown, in order. */
  projects: FinderProject[];
  /** Per facet, every value any project has, with its count under the other facets' filters. */
  counts: Record<Facet, Record<string, number>>;
}

/** The words of a query, as the finder asks Pagefind for each on its own. */
export const queryWords = (q: string) => [...new Set(q.split(/\s+/).filter(Boolean))];

/**
 * The pages that match every word of a query somewhere in the index. Pagefind drops a word its index does not
 * know; over several bundles each bundle drops its own, so a page of one bundle would match „Suche nach
 * Wortformen“ by „Suche“ alone because only another bundle knows „Wortformen“. So a page found for the whole
 * query counts only if it is among the pages found for each word that any bundle found (`perWord`).
 */
export function everyWord(
  whole: ReadonlyMap<string, number>,
  perWord: readonly ReadonlyMap<string, number>[],
): Map<string, number> {
  const known = perWord.filter((found) => found.size > 0);
  return new Map([...whole].filter(([id]) => known.every((found) => found.has(id))));
}

/** The order a state asks for: relevance only with a query; by title without one. */
export function effectiveSort(state: FinderState): 'relevanz' | 'titel' | 'datum' {
  const sort = state.sort ?? (state.q ? 'relevanz' : 'titel');
  return sort === 'relevanz' && !state.q ? 'titel' : sort;
}

/**
 * Values of one facet are alternatives, facets combine: a project passes a facet with nothing ticked, or when
 * it has one of the ticked values. A value's count is taken under every other facet's filter but not its own
 * facet's, so it says how many projects ticking it would add.
 *
 * @param all every project, in title order (as the finder file has them)
 * @param ranks for a text query: Pagefind's ids of the matching pages by rank; null without a query
 */
export function selectProjects(
  all: readonly FinderProject[],
  state: FinderState,
  ranks: ReadonlyMap<string, number> | null,
): Selection {
  const counts = Object.fromEntries(FINDER_FACETS.map((f) => [f, {} as Record<string, number>])) as Selection['counts'];
  for (const p of all) for (const f of FINDER_FACETS) for (const v of p.facets[f] ?? []) counts[f][v] = 0;

  // Plain loops: this runs on every change, over every project, in the reader's main thread.
  const ticked = FINDER_FACETS.map((f) => (state.filters[f]?.length ? new Set(state.filters[f]) : null));
  const shown: FinderProject[] = [];
  for (const p of all) {
    if (ranks && !ranks.has(p.id)) continue;
    // The facet the project fails (-1: none); a project failing two facets counts for none.
    let failed = -1;
    let failures = 0;
    for (let i = 0; i < FINDER_FACETS.length && failures < 2; i++) {
      const wanted = ticked[i];
      if (wanted && !(p.facets[FINDER_FACETS[i]!] ?? []).some((v) => wanted.has(v))) {
        failed = i;
        failures += 1;
      }
    }
    if (failures > 1) continue;
    if (failures === 0) shown.push(p);
    // Counted for a facet when every other facet lets it pass.
    for (let i = 0; i < FINDER_FACETS.length; i++) {
      if (failures === 1 && failed !== i) continue;
      const facet = FINDER_FACETS[i]!;
      const values = p.facets[facet] ?? [];
      for (const v of values.length > 1 ? new Set(values) : values) counts[facet][v] = (counts[facet][v] ?? 0) + 1;
    }
  }

  const sort = effectiveSort(state);
  if (sort === 'relevanz' && ranks) shown.sort((a, b) => ranks.get(a.id)! - ranks.get(b.id)!);
  // Newest first; equal dates keep the title order (the sort is stable).
  else if (sort === 'datum') shown.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return { projects: shown, counts };
}
