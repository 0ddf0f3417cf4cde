/**
 * The project finder on /projekte/ (browser code): combinable facets with counts over Pagefind's index,
 * the state in the URL, results announced to screen readers. Without JavaScript the page keeps its plain
 * paginated list; this code only takes over once the index has loaded and the first results are rendered.
 */
import { escapeHtml as esc } from '@ikz/shared-types/html';
import {
  FINDER_FACETS,
  finderQuery,
  pagefindFilters,
  pagefindSort,
  parseFinderState,
  resultSummary,
  sortFacetValues,
  toggleFilter,
  type Facet,
  type FinderSort,
  type FinderState,
} from './finder-state.ts';

interface PagefindResult {
  data(): Promise<{ url: string; meta: Record<string, string> }>;
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    o: { filters: Record<string, unknown>; sort?: Record<string, string> | undefined },
  ): Promise<{ results: PagefindResult[]; filters: Record<string, Record<string, number>> }>;
}

const PAGE_SIZE = 24;
const slugId = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** The facets as fieldsets of checkboxes, each value with its count; selected values stay even at count 0. */
function facetsHtml(filters: Record<string, Record<string, number>>, state: FinderState): string {
  return FINDER_FACETS.map((facet) => {
    const counts = filters[facet] ?? {};
    const selected = new Set(state.filters[facet] ?? []);
    const values = sortFacetValues(facet, [...new Set([...Object.keys(counts), ...selected])]);
    if (!values.length) return '';
    const id = `facette-${slugId(facet)}`;
    return `<fieldset class="facet" id="${id}"><legend>${esc(facet)}</legend><ul>${values
      .map((value, i) => {
        const count = counts[value] ?? 0;
        const box = `${id}-${i}`;
        return `<li><input type="checkbox" id="${box}" data-facet="${esc(facet)}" value="${esc(value)}"${selected.has(value) ? ' checked' : ''}><label for="${box}">${esc(value)} <span class="count">(${count})</span></label></li>`;
      })
      .join('')}</ul></fieldset>`;
  }).join('');
}

/** One page of results as cards, or the hint that nothing matches. */
function resultsHtml(slice: { url: string; meta: Record<string, string> }[]): string {
  return slice.length
    ? slice
        .map(
          (r) =>
            `<li class="card"><h2 class="h3"><a href="${esc(r.url)}">${esc(r.meta.title ?? r.url)}</a></h2>${r.meta.summary ? `<p>${esc(r.meta.summary)}</p>` : ''}</li>`,
        )
        .join('')
    : '<li class="card">Keine Projekte passen zu dieser Auswahl. Entfernen Sie einen Filter.</li>';
}

/** Previous/next buttons around "Seite x von y"; nothing for a single page. */
function pagerHtml(page: number, pages: number): string {
  return pages > 1
    ? `<ul class="pagination">${page > 1 ? `<li><button type="button" class="link" data-page="${page - 1}">Vorherige Seite</button></li>` : ''}<li><span aria-current="page">Seite ${page} von ${pages}</span></li>${page < pages ? `<li><button type="button" class="link" data-page="${page + 1}">Nächste Seite</button></li>` : ''}</ul>`
    : '';
}

export async function startFinder(root: HTMLElement, staticList: HTMLElement): Promise<void> {
  const bundle = root.dataset.bundle ?? '/pagefind/';
  let pagefind: PagefindApi;
  try {
    pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi;
    await pagefind.options({ bundlePath: bundle });
  } catch {
    return; // the plain list stays
  }
  const form = root.querySelector<HTMLFormElement>('form')!;
  const facets = root.querySelector<HTMLElement>('[data-facets]')!;
  const summary = root.querySelector<HTMLElement>('[data-summary]')!;
  const results = root.querySelector<HTMLElement>('[data-results]')!;
  const pager = root.querySelector<HTMLElement>('[data-pager]')!;
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const sortSelect = root.querySelector<HTMLSelectElement>('select[name=sortierung]')!;
  let state: FinderState = parseFinderState(window.location.search);
  let run = 0;

  const update = (next: FinderState, push: boolean) => {
    state = next;
    const url = `${window.location.pathname}${finderQuery(state)}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    void render();
  };

  async function render(): Promise<void> {
    const mine = ++run;
    const found = await pagefind.search(state.q || null, {
      filters: pagefindFilters(state),
      sort: pagefindSort(state),
    });
    if (mine !== run) return;
    const total = found.results.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = Math.min(state.page, pages);
    const slice = await Promise.all(found.results.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => r.data()));
    if (mine !== run) return;

    input.value = state.q;
    sortSelect.value = state.sort ?? (state.q ? 'relevanz' : 'titel');
    facets.innerHTML = facetsHtml(found.filters, state);
    summary.textContent = resultSummary(total, state);
    results.innerHTML = resultsHtml(slice);
    pager.innerHTML = pagerHtml(page, pages);
  }

  facets.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    if (box.dataset.facet) update(toggleFilter(state, box.dataset.facet as Facet, box.value, box.checked), true);
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => update({ ...state, q: input.value.trim(), page: 1 }, false), 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update({ ...state, q: input.value.trim(), page: 1 }, true);
  });
  sortSelect.addEventListener('change', () =>
    update({ ...state, sort: sortSelect.value as FinderSort, page: 1 }, true),
  );
  root.querySelector('[data-reset]')?.addEventListener('click', () => update({ q: '', filters: {}, page: 1 }, true));
  pager.addEventListener('click', (event) => {
    const page = Number((event.target as HTMLElement).dataset.page);
    if (page) {
      update({ ...state, page }, true);
      summary.focus();
    }
  });
  window.addEventListener('popstate', () => {
    state = parseFinderState(window.location.search);
    void render();
  });

  // Rendered while hidden, then swapped in one frame: nothing the reader already sees moves (no layout shift).
  await render();
  staticList.hidden = true;
  root.hidden = false;
}
