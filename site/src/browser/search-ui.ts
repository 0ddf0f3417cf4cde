/**
 * Client code of /suche/: Pagefind's own UI in German, with the query and the filters in the URL
 * (?q=…&Inhalt=Projekt) so that a search can be shared and bookmarked.
 */
declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => { triggerSearch(term: string): void; triggerFilters(filters: Record<string, string[]>): void };
  }
}

export const SEARCH_TRANSLATIONS = {
  placeholder: 'Suchbegriff eingeben',
  clear_search: 'Löschen',
  load_more: 'Weitere Treffer laden',
  search_label: 'Website durchsuchen',
  filters_label: 'Filter',
  zero_results: 'Keine Treffer für [SEARCH_TERM]',
  many_results: '[COUNT] Treffer für [SEARCH_TERM]',
  one_result: '[COUNT] Treffer für [SEARCH_TERM]',
  alt_search: 'Keine Treffer für [SEARCH_TERM]. Stattdessen Treffer für [DIFFERENT_TERM]',
  search_suggestion: 'Keine Treffer für [SEARCH_TERM]. Versuchen Sie eine andere Suche:',
  searching: 'Suche nach [SEARCH_TERM] …',
};

const dateFormat = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

/** What a result shows besides title and excerpt: German labels, German dates, no long texts. */
export function germanMeta(meta: Record<string, string>): Record<string, string> {
  const shown: Record<string, string> = {};
  if (meta.title) shown.title = meta.title;
  if (meta.image) shown.image = meta.image;
  if (meta.type) shown.Art = meta.type;
  if (meta.date && /^\d{4}-\d{2}-\d{2}$/.test(meta.date)) shown.Datum = dateFormat.format(new Date(`${meta.date}T00:00:00Z`));
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

export function startSearch(element: HTMLElement): void {
  const UI = window.PagefindUI;
  if (!UI) {
    element.innerHTML = '<p class="panel">Die Suche konnte nicht geladen werden. Bitte laden Sie die Seite neu.</p>';
    return;
  }
  const state = readSearchState(window.location.search);
  let current = state;
  const ui = new UI({
    element,
    bundlePath: element.dataset.bundle,
    // The index is split into bundles (see the route table); the search covers them all.
    mergeIndex: (element.dataset.merge ?? '').split(' ').filter(Boolean).map((bundlePath) => ({ bundlePath })),
    showImages: false,
    showSubResults: true,
    resetStyles: false,
    pageSize: 10,
    excerptLength: 30,
    translations: SEARCH_TRANSLATIONS,
    processResult: (result: { meta: Record<string, string> }) => ({ ...result, meta: germanMeta(result.meta) }),
    processTerm: (term: string) => {
      current = { ...current, q: term };
      history.replaceState(null, '', `${window.location.pathname}${writeSearchState(current.q, current.filters)}`);
      return term;
    },
  });
  if (Object.keys(state.filters).length) ui.triggerFilters(state.filters);
  if (state.q) ui.triggerSearch(state.q);
  element.addEventListener('change', () => {
    const filters: Record<string, string[]> = {};
    element.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked').forEach((box) => {
      const name = box.closest('fieldset')?.querySelector('legend')?.textContent?.trim();
      const value = box.closest('label')?.textContent?.replace(/\s*\(\d+\)\s*$/, '').trim() ?? box.value;
      if (name) (filters[name] ??= []).push(box.value || value);
    });
    current = { ...current, filters };
    history.replaceState(null, '', `${window.location.pathname}${writeSearchState(current.q, current.filters)}`);
  });
}
