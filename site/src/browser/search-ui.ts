/**
 * Client code of /suche/: a small German search UI over Pagefind's JavaScript API, with the query and the
 * filters in the URL (?q=…&Inhalt=Projekt) so that a search can be shared and bookmarked.
 *
 * The index is split into bundles (see the route table). The main group – projects and the other pages – is
 * asked first and its results are shown at once; the documents' bundles (recent ones and the archive) are merged
 * into a second group, and their results join the list when they arrive. Without a query every bundle loads at
 * once, so that typing searches loaded bundles; the filters' values load after the first results. Results of
 * both groups are ordered by Pagefind's score, as one merged index orders them. The class names are those of
 * Pagefind's own UI, which this replaces.
 */
export const SEARCH_TRANSLATIONS = {
  placeholder: 'Suchbegriff eingeben',
  clear_search: 'Löschen',
  load_more: 'Weitere Treffer laden',
  search_label: 'Website durchsuchen',
  filters_label: 'Filter',
  zero_results: 'Keine Treffer für [SEARCH_TERM]',
  many_results: '[COUNT] Treffer für [SEARCH_TERM]',
  one_result: '[COUNT] Treffer für [SEARCH_TERM]',
  filter_results: '[COUNT] Treffer',
  searching: 'Suche nach [SEARCH_TERM] …',
  more_loading: 'Dokumente werden noch durchsucht …',
  failed: 'Die Suche konnte nicht geladen werden. Bitte laden Sie die Seite neu.',
};

/**
 * What a result shows besides title and excerpt: German labels, German dates (as de-DE writes them with two-digit
 * day and month: 05.12.2026; built from the ISO date, since an Intl formatter costs a cold page 30 ms), no long
 * texts.
 */
export function germanMeta(meta: Record<string, string>): Record<string, string> {
  const shown: Record<string, string> = {};
  if (meta.title) shown.title = meta.title;
  if (meta.image) shown.image = meta.image;
  if (meta.type) shown.Art = meta.type;
  if (meta.date && /^\d{4}-\d{2}-\d{2}$/.test(meta.date)) shown.Datum = meta.date.split('-').reverse().join('.');
  return shown;
}

/** Reads ?q=… and filter parameters (name → values) from a query string. */
export function readSearchState(search: string): { q: string; filters: Record<string, string[]> } {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if (key === 'q' || !value) continue;
    (filters[key] ??= []).push(value);
  }
  return { q: params.get('q') ?? '', filters };
}

export function writeSearchState(q: string, filters: Record<string, string[]>): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const [key, values] of Object.entries(filters)) for (const v of values) params.append(key, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export type FilterCounts = Record<string, Record<string, number>>;

/** Filter counts of several groups added up, as Pagefind adds up those of merged bundles. */
export function mergeFilterCounts(parts: FilterCounts[]): FilterCounts {
  const merged: FilterCounts = {};
  for (const part of parts) {
    for (const [name, values] of Object.entries(part)) {
      const into = (merged[name] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return merged;
}

/** Results of several groups in one list, best score first (ties keep the order of the groups). */
export function mergeResults<T extends { score: number }>(parts: T[][]): T[] {
  return parts
    .flat()
    .map((result, i) => ({ result, i }))
    .sort((a, b) => b.result.score - a.result.score || a.i - b.i)
    .map((r) => r.result);
}

const FILTER_ORDER = [
  'Inhalt',
  'Handlungsfeld',
  'Regierungsbezirk',
  'Kreis',
  'Kooperationsform',
  'Status',
  'Startjahr',
  'Best Practice',
  'Dokumenttyp',
  'Jahr',
];
const YEAR_FILTERS = new Set(['Startjahr', 'Jahr']);

/** Filter names in the site's order (unknown ones after, by name); values by name, years newest first. */
export function orderFilters(filters: FilterCounts): [string, string[]][] {
  const rank = (name: string) => (FILTER_ORDER.includes(name) ? FILTER_ORDER.indexOf(name) : FILTER_ORDER.length);
  return Object.keys(filters)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'de'))
    .map((name) => [
      name,
      Object.keys(filters[name]!).sort((a, b) =>
        YEAR_FILTERS.has(name) ? b.localeCompare(a) : a.localeCompare(b, 'de'),
      ),
    ]);
}

export function resultMessage(count: number, q: string): string {
  if (!q) return SEARCH_TRANSLATIONS.filter_results.replace('[COUNT]', String(count));
  const template =
    count === 0
      ? SEARCH_TRANSLATIONS.zero_results
      : count === 1
        ? SEARCH_TRANSLATIONS.one_result
        : SEARCH_TRANSLATIONS.many_results;
  return template.replace('[COUNT]', String(count)).replace('[SEARCH_TERM]', `„${q}“`);
}

interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface Result {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
interface Response {
  results: Result[];
  filters: FilterCounts;
}
interface Instance {
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  preload(term: string, options?: { filters: Record<string, string[]> }): Promise<void>;
  search(term: string | null, options: { filters: Record<string, string[]> }): Promise<Response>;
  filters(): Promise<FilterCounts>;
}
interface PagefindModule {
  createInstance(options: { basePath: string }): Instance;
}

/** One group of bundles searched as one index: the first bundle and those merged into it, set up once. */
interface Group {
  (): Promise<Instance>;
  /** Whether the group's bundles are loaded (a search then costs only its index chunks). */
  ready: boolean;
  /**
   * Runs a search of the group after the group's previous one has finished. Pagefind's worker answers searches
   * in order, so searches started key by key would queue behind each other (seconds for short prefixes in a
   * large index); this way at most one runs, and `work` – called when its turn comes – can skip a query that is
   * outdated by then (null).
   */
  turn<T>(work: (instance: Instance) => Promise<T> | null): Promise<T | null>;
}
/** Runs calls one at a time, in the order they come: each starts when the one before it has settled. */
export function oneAtATime(): <T>(work: () => Promise<T> | T) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T> | T) => {
    const next = last.then(work);
    last = next.catch(() => undefined);
    return next;
  };
}

function group(pagefind: PagefindModule, [first, ...rest]: string[]): Group {
  let loading: Promise<Instance> | undefined;
  const inTurn = oneAtATime();
  const load = (() =>
    (loading ??= (async () => {
      // Pagefind's web worker (one for all instances) decompresses and searches off the page's thread.
      const instance = pagefind.createInstance({ basePath: first! });
      await instance.init();
      await Promise.all(rest.map((bundle) => instance.mergeIndex(bundle)));
      load.ready = true;
      return instance;
    })())) as Group;
  load.ready = false;
  load.turn = <T>(work: (instance: Instance) => Promise<T> | null) => inTurn(async () => work(await load()));
  return load;
}

/** Pagefind's excerpt as nodes: its text and its <mark>s, nothing else (parsed inert, in a template). */
function excerptNodes(excerpt: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  return Array.from(template.content.childNodes).map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

const PAGE_SIZE = 10;
/** The pause after a key before the search runs (the index chunks already load while typing). */
const TYPING_PAUSE_MS = 60;
/** Without a search, the filters' values load after this long. */
const FILTERS_AFTER_MS = 1500;

/** The search's elements, in the class names of Pagefind's own UI. */
interface SearchDom {
  form: HTMLFormElement;
  input: HTMLInputElement;
  clear: HTMLButtonElement;
  panel: HTMLDivElement;
  message: HTMLParagraphElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
}

/** Builds the form, the filter panel and the results area into `element`. */
function buildSearchDom(element: HTMLElement): SearchDom {
  element.classList.add('pagefind-ui');
  element.innerHTML = '';
  const form = el('form', 'pagefind-ui__form');
  form.setAttribute('role', 'search');
  const label = el('label', 'visually-hidden', SEARCH_TRANSLATIONS.search_label);
  label.htmlFor = 'suche-eingabe';
  const input = el('input', 'pagefind-ui__search-input');
  Object.assign(input, {
    id: 'suche-eingabe',
    type: 'search',
    name: 'q',
    placeholder: SEARCH_TRANSLATIONS.placeholder,
    autocomplete: 'off',
    enterKeyHint: 'search',
  });
  const clear = el('button', 'pagefind-ui__search-clear', SEARCH_TRANSLATIONS.clear_search);
  clear.type = 'button';
  form.append(label, input, clear);
  const drawer = el('div', 'pagefind-ui__drawer');
  const panel = el('div', 'pagefind-ui__filter-panel');
  panel.setAttribute('role', 'group');
  panel.setAttribute('aria-label', SEARCH_TRANSLATIONS.filters_label);
  panel.hidden = true;
  const area = el('div', 'pagefind-ui__results-area');
  const message = el('p', 'pagefind-ui__message');
  message.setAttribute('role', 'status');
  const list = el('ol', 'pagefind-ui__results');
  const more = el('button', 'pagefind-ui__button', SEARCH_TRANSLATIONS.load_more);
  more.type = 'button';
  more.hidden = true;
  area.append(message, list, more);
  // Results first, filters after them (beside them on wide screens): filters that load later move nothing.
  drawer.append(area, panel);
  element.append(form, drawer);
  return { form, input, clear, panel, message, list, more };
}

/** The filter panel: built once every group's values are known, then only their counts change. */
function filterPanel(panel: HTMLElement) {
  const countNodes = new Map<string, HTMLElement>();
  return {
    build(values: FilterCounts, selected: Record<string, string[]>): void {
      panel.innerHTML = '';
      countNodes.clear();
      panel.append(el('p', 'pagefind-ui__filter-panel-label', SEARCH_TRANSLATIONS.filters_label));
      orderFilters(values).forEach(([name, names], g) => {
        const block = el('details', 'pagefind-ui__filter-block');
        block.open = (selected[name] ?? []).length > 0;
        block.append(el('summary', 'pagefind-ui__filter-name', name));
        const fieldset = el('fieldset', 'pagefind-ui__filter-group');
        fieldset.append(el('legend', 'visually-hidden', name));
        names.forEach((value, v) => {
          const row = el('div', 'pagefind-ui__filter-value');
          const box = el('input', 'pagefind-ui__filter-checkbox');
          Object.assign(box, {
            type: 'checkbox',
            id: `filter-${g}-${v}`,
            value,
            checked: (selected[name] ?? []).includes(value),
          });
          box.dataset.filter = name;
          const text = el('label', 'pagefind-ui__filter-label', `${value} `);
          text.htmlFor = box.id;
          const count = el('span', 'count', `(${values[name]![value]})`);
          text.append(count);
          countNodes.set(`${name}\u0000${value}`, count);
          row.append(box, text);
          fieldset.append(row);
        });
        block.append(fieldset);
        panel.append(block);
      });
      panel.hidden = false;
    },
    showCounts(counts: FilterCounts): void {
      for (const [key, node] of countNodes) {
        const [name, value] = key.split('\u0000') as [string, string];
        node.textContent = `(${counts[name]?.[value] ?? 0})`;
      }
    },
  };
}

/** One result: its title as a link (site paths only), the excerpt with its marks, its kind and date. */
function resultItem(d: ResultData): HTMLLIElement {
  const meta = germanMeta(d.meta);
  const item = el('li', 'pagefind-ui__result');
  const inner = el('div', 'pagefind-ui__result-inner');
  const title = el('p', 'pagefind-ui__result-title');
  const link = el('a', 'pagefind-ui__result-link', meta.title ?? d.url);
  link.href = d.url.startsWith('/') && !d.url.startsWith('//') ? d.url : '/';
  title.append(link);
  const excerpt = el('p', 'pagefind-ui__result-excerpt');
  excerpt.append(...excerptNodes(d.excerpt));
  const tags = el('ul', 'pagefind-ui__result-tags');
  for (const key of ['Art', 'Datum'])
    if (meta[key]) tags.append(el('li', 'pagefind-ui__result-tag', `${key}: ${meta[key]}`));
  inner.append(title, excerpt);
  if (tags.childElementCount) inner.append(tags);
  item.append(inner);
  return item;
}

/** A running search page: its elements, its bundle groups and what it shows now. */
interface SearchSession {
  dom: SearchDom;
  groups: Group[];
  filters: ReturnType<typeof filterPanel>;
  dataOf(result: Result): Promise<ResultData>;
  state: { q: string; filters: Record<string, string[]> };
  /** Counts up with every search; an answer for an older run is dropped. */
  run: number;
  /** Counts up with every showing of results; an older one stops (a merged answer overtook it). */
  paint: number;
  shown: number;
  results: Result[];
  /** Every filter's values once loaded (the counts without a search). */
  filterValues: FilterCounts | null;
  filtersLoading: Promise<void> | undefined;
  filtersLater: ReturnType<typeof setTimeout> | undefined;
}

function newSession(dom: SearchDom, groups: Group[]): SearchSession {
  const data = new WeakMap<Result, Promise<ResultData>>();
  const dataOf = (result: Result) => {
    let d = data.get(result);
    if (!d) data.set(result, (d = result.data()));
    return d;
  };
  const state = readSearchState(window.location.search);
  return {
    dom,
    groups,
    filters: filterPanel(dom.panel),
    dataOf,
    state,
    run: 0,
    paint: 0,
    shown: PAGE_SIZE,
    results: [],
    filterValues: null,
    filtersLoading: undefined,
    filtersLater: undefined,
  };
}

async function showResults(s: SearchSession, mine: number): Promise<void> {
  const { list, more } = s.dom;
  const paint = ++s.paint;
  const current = () => mine === s.run && paint === s.paint;
  const shown = s.results.slice(0, s.shown);
  // An empty list (the first search of the page) fills in as results arrive, in order: the first shows as soon
  // as its fragment is in, which is asked for alone – on a cold page the others' nine requests would compete
  // with it for the connections – and the others' right after. A list on screen is replaced at once, so that it
  // never shows two queries' results.
  if (!list.childElementCount)
    for (const [i, result] of shown.entries()) {
      const item = resultItem(await s.dataOf(result));
      if (!current()) return;
      list.append(item);
      // Which query the list shows (for measurements: results of an earlier query may still be on screen).
      list.dataset.query = s.state.q;
      if (i === 0) for (const other of shown) s.dataOf(other).catch(() => undefined);
    }
  else {
    const shownData = await Promise.all(shown.map(s.dataOf));
    if (!current()) return;
    replaceKeepingFocus(list, shownData.map(resultItem));
    list.dataset.query = s.state.q;
  }
  more.hidden = s.results.length <= s.shown;
}

/**
 * Replaces the results shown; a reader whose focus is on a result link (the documents' results joining the list
 * replace it) keeps it on the link to the same page, wherever it moved, or on the first result if that page is
 * no longer among those shown: focus never falls back to the start of the page.
 */
function replaceKeepingFocus(list: HTMLOListElement, items: HTMLLIElement[]): void {
  const focused = document.activeElement;
  const href = focused instanceof HTMLAnchorElement && list.contains(focused) ? focused.getAttribute('href') : null;
  list.replaceChildren(...items);
  if (href === null) return;
  const links = Array.from(list.querySelectorAll<HTMLAnchorElement>('.pagefind-ui__result-link'));
  (links.find((link) => link.getAttribute('href') === href) ?? links[0])?.focus();
}

/** No query and no filter: an empty list, and the filters' counts of everything. */
function showNothing(s: SearchSession): void {
  s.results = [];
  s.dom.list.replaceChildren();
  s.dom.more.hidden = true;
  s.dom.message.textContent = '';
  if (s.filterValues) s.filters.showCounts(s.filterValues);
  else requestFilters(s);
}

/** Searches every group; shows the first group's answer at once and the merged answer when all are in. */
async function search(s: SearchSession): Promise<void> {
  const mine = ++s.run;
  const { q, filters } = s.state;
  const { message } = s.dom;
  history.replaceState(null, '', `${window.location.pathname}${writeSearchState(q, filters)}`);
  s.shown = PAGE_SIZE;
  if (!q && !Object.keys(filters).length) return showNothing(s);
  if (!s.results.length)
    message.textContent = q ? SEARCH_TRANSLATIONS.searching.replace('[SEARCH_TERM]', `„${q}“`) : '';
  const answers: (Response | null)[] = s.groups.map(() => null);
  const ask = async (i: number) => {
    const answer = await s.groups[i]!.turn((instance) =>
      mine === s.run ? instance.search(q || null, { filters }) : null,
    );
    if (!answer) return;
    answers[i] = answer;
    if (mine !== s.run) return;
    const complete = answers.every(Boolean);
    s.results = mergeResults(answers.filter((a): a is Response => a !== null).map((a) => a.results));
    await showResults(s, mine);
    if (mine !== s.run) return;
    message.textContent = complete
      ? resultMessage(s.results.length, q)
      : `${resultMessage(s.results.length, q)} – ${SEARCH_TRANSLATIONS.more_loading}`;
    if (complete && s.filterValues) s.filters.showCounts(mergeFilterCounts(answers.map((a) => a!.filters)));
  };
  // The later groups are asked once the first answer is painted, so that it is not slowed by them: on a cold
  // page they are still loading, and while the reader types, Pagefind's one worker would search them first
  // (at ten times the demo content, typing → first results 213 ms instead of 351 ms, median of 12).
  const firstAnswer = ask(0);
  const painted = firstAnswer
    .catch(() => undefined)
    .then(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  const laterAnswers = s.groups.slice(1).map((_, i) => painted.then(() => ask(i + 1)));
  const complete = await Promise.all([firstAnswer, ...laterAnswers]).then(
    () => true,
    () => {
      if (mine === s.run) message.textContent = SEARCH_TRANSLATIONS.failed;
      return false;
    },
  );
  if (complete) requestFilters(s);
}

async function loadFilters(s: SearchSession): Promise<void> {
  const values = mergeFilterCounts(
    await Promise.all(s.groups.map(async (instanceOf) => (await instanceOf()).filters())),
  );
  s.filterValues = values;
  s.filters.build(values, s.state.filters);
  // Counts for the current search need the filter chunks just loaded: ask again, but leave the results as shown.
  const { q, filters } = s.state;
  if (!q && !Object.keys(filters).length) return;
  const mine = s.run;
  const answers = await Promise.all(
    s.groups.map((g) => g.turn((instance) => (mine === s.run ? instance.search(q || null, { filters }) : null))),
  );
  if (mine === s.run && answers.every(Boolean)) s.filters.showCounts(mergeFilterCounts(answers.map((a) => a!.filters)));
}

// The filters' values (every filter chunk of every bundle) load once, after the first search has shown its
// results or when the reader has not searched for a while: never in the way of a search.
function requestFilters(s: SearchSession): void {
  clearTimeout(s.filtersLater);
  s.filtersLoading ??= loadFilters(s).catch(() => {
    s.filtersLoading = undefined;
  });
}

/** The reader's part: typing (with a short pause), submitting, clearing, ticking filters, loading more. */
function listenToReader(s: SearchSession): void {
  const { form, input, clear, panel, more, list } = s.dom;
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    clearTimeout(s.filtersLater);
    const q = input.value.trim();
    // The index chunks of the words typed so far load during the pause; Pagefind keeps them for the search.
    if (q)
      for (const g of s.groups)
        if (g.ready)
          void g()
            .then((instance) => instance.preload(q, { filters: s.state.filters }))
            .catch(() => undefined);
    typing = setTimeout(() => {
      s.state = { ...s.state, q };
      void search(s);
    }, TYPING_PAUSE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    s.state = { ...s.state, q: input.value.trim() };
    void search(s);
  });
  clear.addEventListener('click', () => {
    input.value = '';
    s.state = { ...s.state, q: '' };
    void search(s);
    input.focus();
  });
  panel.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const name = box.dataset.filter;
    if (!name) return;
    const values = new Set(s.state.filters[name] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    const filters = { ...s.state.filters, [name]: [...values] };
    if (!values.size) delete filters[name];
    s.state = { ...s.state, filters };
    void search(s);
  });
  more.addEventListener('click', () => {
    const firstNew = s.shown;
    s.shown += PAGE_SIZE;
    void showResults(s, s.run).then(() =>
      list.querySelectorAll<HTMLAnchorElement>('.pagefind-ui__result-link')[firstNew]?.focus(),
    );
  });
}

export async function startSearch(element: HTMLElement): Promise<void> {
  const main = [element.dataset.bundle ?? '/pagefind/', ...(element.dataset.merge ?? '').split(' ').filter(Boolean)];
  const later = (element.dataset.later ?? '').split(' ').filter(Boolean);
  const first = main.filter((bundle) => !later.includes(bundle));
  const dom = buildSearchDom(element);
  let pagefind: PagefindModule;
  try {
    pagefind = (await import(/* @vite-ignore */ `${main[0]}pagefind.js`)) as PagefindModule;
  } catch {
    dom.message.textContent = SEARCH_TRANSLATIONS.failed;
    return;
  }
  const groups = [group(pagefind, first), ...(later.length ? [group(pagefind, later)] : [])];
  const s = newSession(dom, groups);
  dom.input.value = s.state.q;
  listenToReader(s);

  // A search from the URL first (the filters follow it). Without a query every group's bundles load at once,
  // so that the first key already searches loaded bundles, and the filters when the reader has not typed yet.
  if (s.state.q || Object.keys(s.state.filters).length) await search(s);
  else {
    s.filtersLater = setTimeout(() => requestFilters(s), FILTERS_AFTER_MS);
    await groups[0]!()
      .then(() => Promise.all(groups.slice(1).map((g) => g())))
      .catch(() => undefined);
  }
}
