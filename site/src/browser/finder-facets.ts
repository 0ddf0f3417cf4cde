/**
 * The project finder's facets (browser code): one group per facet that opens and closes, each a fieldset of
 * checkboxes with counts. Groups start closed, so that the results follow the search box closely, also on a
 * phone; a group's checkboxes are written when it is first opened. Counts and ticks are then set in place, so a
 * checkbox keeps the focus while the reader ticks it.
 */
import { escapeHtml as esc } from '@ikz/shared-types/html';
import { FINDER_FACETS, sortFacetValues, type Facet, type FinderState } from './finder-state.ts';

type Counts = Record<Facet, Record<string, number>>;
const slugId = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/**
 * Per facet, the values it offers: every value a project has, in the finder file's order, and any ticked one
 * that no project has (so that it can be unticked).
 */
function facetValues(known: Record<Facet, string[]>, state: FinderState): Record<Facet, string[]> {
  return Object.fromEntries(
    FINDER_FACETS.map((f) => {
      const extra = (state.filters[f] ?? []).filter((v) => !known[f].includes(v));
      return [f, extra.length ? sortFacetValues(f, [...known[f], ...extra]) : known[f]];
    }),
  ) as Record<Facet, string[]>;
}

/** A group's checkboxes, without counts and ticks. */
function checkboxesHtml(facet: Facet, values: readonly string[]): string {
  const id = `facette-${slugId(facet)}`;
  return `<fieldset><legend class="visually-hidden">${esc(facet)}</legend><ul>${values
    .map(
      (value, i) =>
        `<li><input type="checkbox" id="${id}-${i}" data-facet="${esc(facet)}" value="${esc(value)}"><label for="${id}-${i}">${esc(value)} <span class="count"></span></label></li>`,
    )
    .join('')}</ul></fieldset>`;
}

/** The groups; those named in `open` are open, with their checkboxes. */
function groupsHtml(values: Record<Facet, string[]>, open: ReadonlySet<string>): string {
  return FINDER_FACETS.map((facet) =>
    values[facet].length
      ? `<details class="facet" id="facette-${slugId(facet)}" data-group="${esc(facet)}"${open.has(facet) ? ' open' : ''}><summary>${esc(facet)}<span class="ticked"></span></summary>${open.has(facet) ? checkboxesHtml(facet, values[facet]) : ''}</details>`
      : '',
  ).join('');
}

/** Sets each checkbox's tick and count, and each group's number of ticked values, in place. */
function updateGroup(group: HTMLElement, counts: Counts, state: FinderState): void {
  const facet = group.dataset.group as Facet;
  const ticked = new Set(state.filters[facet] ?? []);
  for (const box of group.querySelectorAll<HTMLInputElement>('input[data-facet]')) {
    box.checked = ticked.has(box.value);
    box.labels![0]!.querySelector('.count')!.textContent = `(${counts[facet][box.value] ?? 0})`;
  }
  group.querySelector('.ticked')!.textContent = ticked.size ? ` (${ticked.size} ausgewählt)` : '';
}

/**
 * Writes the facets into their container: the groups the first time and when a value comes or goes (a filter
 * from the URL that no project has), then each time their counts and ticks. Groups with a ticked value start
 * open; groups the reader opened stay open.
 */
export function facetWriter(facets: HTMLElement, known: Record<Facet, string[]>) {
  let offered = '';
  let values = known;
  let last: { counts: Counts; state: FinderState } | null = null;
  // `toggle` does not bubble: it is caught on its way down.
  facets.addEventListener(
    'toggle',
    (event) => {
      const group = event.target as HTMLDetailsElement;
      if (!group.open || !group.dataset.group || group.querySelector('fieldset')) return;
      group.insertAdjacentHTML(
        'beforeend',
        checkboxesHtml(group.dataset.group as Facet, values[group.dataset.group as Facet]),
      );
      if (last) updateGroup(group, last.counts, last.state);
    },
    true,
  );
  return (counts: Counts, state: FinderState) => {
    values = facetValues(known, state);
    const now = JSON.stringify(values);
    if (now !== offered) {
      const open = new Set([...facets.querySelectorAll<HTMLElement>('details[open]')].map((d) => d.dataset.group!));
      if (!offered) for (const f of Object.keys(state.filters)) open.add(f);
      facets.innerHTML = groupsHtml(values, open);
      offered = now;
    }
    last = { counts, state };
    for (const group of facets.querySelectorAll<HTMLElement>('details[data-group]')) updateGroup(group, counts, state);
  };
}
