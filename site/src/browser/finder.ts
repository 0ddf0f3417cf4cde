/**
 * The project finder on /projekte/ (browser code): combinable facets with counts, sorting and paging, the state
 * in the URL, results announced to screen readers. It works on its own data, the projects' finder file beside
 * the search index (lib/finder-data.ts); Pagefind is loaded only for a text query, and answers with the ids of
 * the matching pages. A card's summary comes from the plain list on the page, or from the page's search fragment,
 * for the cards shown only. The facets are in finder-facets.ts.
 * Without JavaScript the page keeps its plain paginated list; this code takes over once the first results
 * are rendered.
 */
import { escapeHtml as esc } from '@ikz/shared-types/html';
import { byFinderTitle, decodeFinder, FINDER_FILE, parseFragment, type FinderProject } from '../lib/finder-data.ts';
import { facetWriter } from './finder-facets.ts';
import { effectiveSort, everyWord, queryWords, selectProjects } from './finder-select.ts';
import {
  FINDER_FACETS,
  finderQuery,
  parseFinderState,
  resultSummary,
  sortFacetValues,
  toggleFilter,
  type Facet,
  type FinderSort,
  type FinderState,
} from './finder-state.ts';

interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string): Promise<void>;
  search(term: string): Promise<{ results: { id: string }[] } | null>;
}

const PAGE_SIZE = 24;

/** One page of results as cards, or the hint that nothing matches. */
function resultsHtml(slice: FinderProject[], summaries: ReadonlyMap<string, string>): string {
  return slice.length
    ? slice
        .map((p) => {
          const summary = summaries.get(p.id);
          return `<li class="card"><h2 class="h3"><a href="${esc(p.url)}">${esc(p.title)}</a></h2>${summary ? `<p>${esc(summary)}</p>` : ''}</li>`;
        })
        .join('')
    : '<li class="card">Keine Projekte passen zu dieser Auswahl. Entfernen Sie einen Filter.</li>';
}

/** Previous/next buttons around "Seite x von y"; nothing for a single page. */
function pagerHtml(page: number, pages: number): string {
  return pages > 1
    ? `<ul class="pagination">${page > 1 ? `<li><button type="button" class="link" data-page="${page - 1}">Vorherige Seite</button></li>` : ''}<li><span aria-current="page">Seite ${page} von ${pages}</span></li>${page < pages ? `<li><button type="button" class="link" data-page="${page + 1}">Nächste Seite</button></li>` : ''}</ul>`
    : '';
}

/** A page's summary from its search fragment (served inflated with the signature, or as Pagefind's gzip). */
async function fragmentSummary(bundle: string, id: string): Promise<string> {
  const response = await fetch(`${bundle}fragment/${encodeURIComponent(id)}.pf_fragment`);
  if (!response.ok) return '';
  let bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b)
    bytes = new Uint8Array(
      await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer(),
    );
  const json = parseFragment(new TextDecoder().decode(bytes)) as { meta?: { summary?: unknown } } | null;
  return typeof json?.meta?.summary === 'string' ? json.meta.summary : '';
}

/**
 * The summaries of these projects, each fetched once from its bundle; a summary that cannot be read is left out.
 * `onPage` has the summaries the page already shows, by URL: the plain list is the finder's first view, so
 * that view needs no fetch.
 */
function summaryCache(bundleOf: ReadonlyMap<string, string>, onPage: ReadonlyMap<string, string>) {
  const known = new Map<string, Promise<string>>();
  return async (projects: FinderProject[]): Promise<Map<string, string>> => {
    for (const p of projects)
      if (!known.has(p.id)) {
        const shown = onPage.get(p.url);
        known.set(
          p.id,
          shown !== undefined ? Promise.resolve(shown) : fragmentSummary(bundleOf.get(p.id)!, p.id).catch(() => ''),
        );
      }
    return new Map(await Promise.all(projects.map(async (p) => [p.id, await known.get(p.id)!] as const)));
  };
}

/** The summaries of the plain list's cards, by the URL of their project. */
function summariesOnPage(list: HTMLElement): Map<string, string> {
  const found = new Map<string, string>();
  for (const card of list.querySelectorAll('li.card')) {
    const href = card.querySelector('a')?.getAttribute('href');
    const text = card.querySelector('p:not(.meta)')?.textContent?.trim();
    if (href && text) found.set(href, text);
  }
  return found;
}

/**
 * Pagefind over the projects' bundles (merged into the main one's), loaded on the first text query; the ranks
 * of the pages matching a query, each query asked once.
 */
function textSearch([main, ...more]: readonly string[]) {
  let api: Promise<PagefindApi> | null = null;
  const asked = new Map<string, Promise<Map<string, number>>>();
  const load = async () => {
    const pagefind = (await import(/* @vite-ignore */ `${main}pagefind.js`)) as PagefindApi;
    await pagefind.options({ bundlePath: main });
    for (const bundle of more) await pagefind.mergeIndex(bundle);
    return pagefind;
  };
  const ask = (q: string): Promise<Map<string, number>> => {
    let ranks = asked.get(q);
    if (!ranks) {
      api ??= load();
      ranks = api
        .then((pagefind) => pagefind.search(q))
        .then((found) => new Map((found?.results ?? []).map((r, i) => [r.id, i] as const)));
      asked.set(q, ranks);
      ranks.catch(() => asked.delete(q));
    }
    return ranks;
  };
  // With the projects in several bundles, each word is asked on its own too (see everyWord).
  return async (q: string): Promise<Map<string, number>> => {
    const words = queryWords(q);
    const whole = await ask(q);
    return more.length && words.length > 1 ? everyWord(whole, await Promise.all(words.map(ask))) : whole;
  };
}

/** What a state shows: its page of projects with their summaries, the counts, the total; throws when the text search fails. */
function finderResults(bundles: readonly string[], { all, bundleOf }: Projects, onPage: ReadonlyMap<string, string>) {
  const search = textSearch(bundles);
  const summaries = summaryCache(bundleOf, onPage);
  return async (state: FinderState) => {
    const selection = selectProjects(all, state, state.q ? await search(state.q) : null);
    const total = selection.projects.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = Math.min(state.page, pages);
    const slice = selection.projects.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    return { counts: selection.counts, total, pages, page, slice, summaries: await summaries(slice) };
  };
}

interface Projects {
  /** Every project, by title. */
  all: FinderProject[];
  /** The bundle of each project's page, by its id. */
  bundleOf: Map<string, string>;
  /** Per facet, the values the projects have, in the order the finder offers them. */
  values: Record<Facet, string[]>;
}

/** A promise resolved in a task of its own, after the browser had its turn (to paint, to handle input). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The finder files of the projects' bundles, merged. */
async function loadProjects(bundles: readonly string[]): Promise<Projects> {
  const texts = await Promise.all(
    bundles.map(async (bundle) => {
      const response = await fetch(`${bundle}${FINDER_FILE}`);
      if (!response.ok) throw new Error(`${bundle}${FINDER_FILE}: ${response.status}`);
      return { bundle, text: await response.text() };
    }),
  );
  await nextTask();
  const parts = texts.map(({ bundle, text }) => ({ bundle, ...decodeFinder(text) }));
  const bundleOf = new Map(parts.flatMap(({ bundle, projects }) => projects.map((p) => [p.id, bundle] as const)));
  if (parts.length === 1) return { all: parts[0]!.projects, bundleOf, values: parts[0]!.values };
  // Several parts: their projects and values are merged (one part is in order already).
  const values = Object.fromEntries(
    FINDER_FACETS.map((f) => [f, sortFacetValues(f, [...new Set(parts.flatMap((part) => part.values[f]))])]),
  ) as Record<Facet, string[]>;
  return { all: parts.flatMap((part) => part.projects).sort(byFinderTitle), bundleOf, values };
}

export async function startFinder(root: HTMLElement, staticList: HTMLElement): Promise<void> {
  const bundles = (root.dataset.bundles ?? '').split(' ').filter(Boolean);
  if (!bundles.length) return;
  let projects: Projects;
  try {
    projects = await loadProjects(bundles);
  } catch {
    return; // the plain list stays
  }
  const show = finderResults(bundles, projects, summariesOnPage(staticList));
  const form = root.querySelector<HTMLFormElement>('form')!;
  const facets = root.querySelector<HTMLElement>('[data-facets]')!;
  const summary = root.querySelector<HTMLElement>('[data-summary]')!;
  const results = root.querySelector<HTMLElement>('[data-results]')!;
  const pager = root.querySelector<HTMLElement>('[data-pager]')!;
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const sortSelect = root.querySelector<HTMLSelectElement>('select[name=sortierung]')!;
  let state: FinderState = parseFinderState(window.location.search);
  let run = 0;
  const writeFacets = facetWriter(facets, projects.values);

  const update = (next: FinderState, push: boolean) => {
    state = next;
    const url = `${window.location.pathname}${finderQuery(state)}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    void render();
  };

  async function render(): Promise<void> {
    const mine = ++run;
    const shown = await show(state).catch(() => null);
    if (mine !== run) return;
    if (!shown) {
      summary.textContent = 'Die Volltextsuche ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.';
      return;
    }
    input.value = state.q;
    sortSelect.value = effectiveSort(state);
    writeFacets(shown.counts, state);
    summary.textContent = resultSummary(shown.total, state);
    results.innerHTML = resultsHtml(shown.slice, shown.summaries);
    pager.innerHTML = pagerHtml(shown.page, shown.pages);
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
  // The work is split into tasks (fetch, decode, render), so that the page stays responsive while it runs.
  await nextTask();
  await render();
  staticList.hidden = true;
  root.hidden = false;
}
