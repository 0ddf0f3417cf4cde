/**
 * What readers wait for, measured in Chromium against a served site: a cold load of /suche/?q=… until the first
 * results show (requests, bytes on the wire, milliseconds), typing on /suche/ until the results for the last key
 * show, the cumulative layout shift of a page, and Lighthouse's performance score. Used by
 * `pnpm bench` and by `node scripts/src/reader-figures.ts <site dir>`; figures, never assertions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { readEnv } from '@ikz/shared-types/env';
import { freePort } from './strapi-process.ts';

export interface ColdSearch {
  query: string;
  /** Navigation start until the first result link is in the page; NaN when none showed within 30 s. */
  ms: number;
  requests: number;
  /** Requests started until then; their response bodies as transferred (compressed when the server compressed them) plus headers. */
  bytes: number;
}

/** The first result link on /suche/, whatever renders it. */
export const FIRST_RESULT = '.pagefind-ui__result-link';

export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: readEnv(['CHROMIUM_PATH']).CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Init script (a string: this file is type-checked for Node, not for the browser): records in the page when
 * the first result link for the query in the URL or typed last enters the page (\`window.__shown\`,
 * performance.now()), and when the search field last changed (\`window.__typed\`). Taken inside the page, so a
 * busy main thread (Pagefind runs there) cannot delay the figure as it delays Playwright's polling.
 */
const WATCH_RESULTS = `window.__shown = null; window.__typed = null;
  document.addEventListener('input', () => { window.__typed = performance.now(); window.__shown = null; }, true);
  new MutationObserver(() => {
    if (window.__shown !== null) return;
    const field = document.querySelector('.pagefind-ui__results');
    const wanted = window.__typed === null ? null : document.querySelector('.pagefind-ui__search-input')?.value.trim();
    if (field && field.querySelector('${FIRST_RESULT}') && (wanted === null || field.dataset.query === wanted)) window.__shown = performance.now();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-query'] });`;

/** Waits until the page recorded a shown result; its time (page clock) or NaN after 30 s. */
async function shownAt(page: Page): Promise<number> {
  return page.waitForFunction('window.__shown', undefined, { timeout: 30_000, polling: 50 }).then(
    async () => (await page.evaluate('window.__shown')) as number,
    () => Number.NaN,
  );
}

/**
 * Each query in a fresh browser context (empty cache): /suche/?q=… until the first result is in the page, the
 * requests started until then (those of a web worker included) and their bytes; `identity` asks for nothing
 * compressed.
 */
export async function measureColdSearch(
  siteUrl: string,
  queries: string[],
  { identity = false } = {},
): Promise<ColdSearch[]> {
  const browser = await launchBenchChromium();
  const runs: ColdSearch[] = [];
  try {
    for (const query of queries) {
      const context = await browser.newContext(identity ? { extraHTTPHeaders: { 'Accept-Encoding': 'identity' } } : {});
      const page = await context.newPage();
      await page.addInitScript(WATCH_RESULTS);
      const requests: Request[] = [];
      context.on('request', (request) => requests.push(request));
      await page.goto(`${siteUrl}/suche/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
      const ms = await shownAt(page);
      // Requests started before the result showed (epoch milliseconds on both sides); their sizes once done.
      const shownEpoch =
        ((await page.evaluate('performance.timeOrigin')) as number) + (Number.isNaN(ms) ? Infinity : ms);
      await page.waitForLoadState('networkidle').catch(() => undefined);
      const before = requests.filter((r) => r.timing().startTime <= shownEpoch);
      const sizes = await Promise.all(
        before.map((r) =>
          r.sizes().then(
            (s) => s.responseBodySize + s.responseHeadersSize,
            () => 0,
          ),
        ),
      );
      runs.push({ query, ms, requests: before.length, bytes: sizes.reduce((sum, n) => sum + n, 0) });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return runs;
}

export interface Typing {
  query: string;
  /** The last key until the first result for the whole query is in the page; NaN when none showed within 30 s. */
  ms: number;
  /** Search index bytes fetched from the page's load until then (as transferred). */
  bytes: number;
}

/**
 * Typing on /suche/ in a fresh browser context: from the load event the query is typed key by key, `keyDelayMs`
 * apart (0: all at once, right at the load event: the worst case), until the results for the whole query show.
 */
export async function measureTyping(siteUrl: string, queries: string[], { keyDelayMs = 100 } = {}): Promise<Typing[]> {
  const browser = await launchBenchChromium();
  const runs: Typing[] = [];
  try {
    for (const query of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(WATCH_RESULTS);
      let bytes = 0;
      // Context events include what a web worker fetches; every bundle counts (/pagefind/, /pagefind-…/).
      context.on('requestfinished', async (request) => {
        if (new URL(request.url()).pathname.startsWith('/pagefind'))
          bytes += await request.sizes().then(
            (s) => s.responseBodySize,
            () => 0,
          );
      });
      await page.goto(`${siteUrl}/suche/`);
      const input = page.locator('.pagefind-ui__search-input');
      await input.waitFor();
      if (keyDelayMs) await input.pressSequentially(query, { delay: keyDelayMs });
      else await input.fill(query);
      const shown = await shownAt(page);
      const typed = (await page.evaluate('window.__typed')) as number;
      runs.push({ query, ms: shown - typed, bytes });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return runs;
}

export function typingLine(runs: Typing[]): string {
  const list = runs
    .map(
      (r) =>
        `„${r.query}“ ${Number.isNaN(r.ms) ? 'no result within 30 s' : `${r.ms.toFixed(0)} ms`}, ${(r.bytes / 1024).toFixed(1)} KB fetched`,
    )
    .join('; ');
  return `median ${median(runs.filter((r) => !Number.isNaN(r.ms)).map((r) => r.ms)).toFixed(0)} ms (${list})`;
}

export const TYPING_QUERIES = ['Bauhof', 'Kooperationen Digitalisierung', 'Satzung Zweckverband'];

/**
 * Cumulative layout shift of a page (the sum of shifts without recent input, which is at least what Lighthouse
 * reports) until `settledMs` after the load event; a CPU slowed by `cpuSlowdown` makes late scripts visible.
 */
export async function measureLayoutShift(
  siteUrl: string,
  pagePath: string,
  { settledMs = 1500, cpuSlowdown = 4, mobile = false } = {},
): Promise<number> {
  const browser = await launchBenchChromium();
  try {
    // Lighthouse's two form factors: a desktop window, and a phone (412 × 823 CSS pixels).
    const context = await browser.newContext(
      mobile
        ? { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true }
        : { viewport: { width: 1350, height: 940 } },
    );
    const page = await context.newPage();
    const client = await context.newCDPSession(page);
    await client.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    // A string: this file is type-checked for Node, not for the browser.
    await page.addInitScript(`window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });`);
    await page.goto(`${siteUrl}${pagePath}`, { waitUntil: 'load' });
    await page.waitForTimeout(settledMs);
    return (await page.evaluate('window.__cls')) as number;
  } finally {
    await browser.close();
  }
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export function coldSearchLine(runs: ColdSearch[]): string {
  const shown = runs.filter((r) => !Number.isNaN(r.ms));
  const list = runs
    .map(
      (r) =>
        `„${r.query}“ ${Number.isNaN(r.ms) ? 'no result within 30 s' : `${r.ms.toFixed(0)} ms`} / ${r.requests} req / ${(r.bytes / 1024).toFixed(0)} KB`,
    )
    .join('; ');
  return `median ${median(shown.map((r) => r.ms)).toFixed(0)} ms, ${median(runs.map((r) => r.requests))} requests, ${(median(runs.map((r) => r.bytes)) / 1024).toFixed(0)} KB (${list})`;
}

export const COLD_QUERIES = [
  'Bauhof',
  'Kooperationen Digitalisierung',
  'Satzung Zweckverband',
  'Abwasser',
  'Jahrestagung',
];

export interface LighthouseFigures {
  url: string;
  formFactor: 'mobile' | 'desktop';
  /** Lighthouse's performance score, 0–100. */
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

/**
 * Lighthouse's performance category for each page, as a phone (Lighthouse's default: simulated slow 4G and a
 * CPU slowed 4×) and as a desktop, in Debian's Chromium started by Playwright (Lighthouse drives it through its
 * debugging port). The `lighthouse` package is loaded only here: nothing else needs it.
 */
export async function measureLighthouse(siteUrl: string, pagePaths: string[]): Promise<LighthouseFigures[]> {
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: readEnv(['CHROMIUM_PATH']).CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--remote-debugging-port=${port}`,
    ],
  });
  const figures: LighthouseFigures[] = [];
  try {
    for (const pagePath of pagePaths) {
      for (const formFactor of ['mobile', 'desktop'] as const) {
        const result = await lighthouse(
          `${siteUrl}${pagePath}`,
          { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
          formFactor === 'desktop' ? desktopConfig : undefined,
        );
        const lhr = result?.lhr;
        if (!lhr || lhr.runtimeError)
          throw new Error(`Lighthouse could not measure ${pagePath}: ${lhr?.runtimeError?.message ?? 'no result'}`);
        const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
        figures.push({
          url: pagePath,
          formFactor,
          score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          fcpMs: value('first-contentful-paint'),
          lcpMs: value('largest-contentful-paint'),
          tbtMs: value('total-blocking-time'),
          cls: value('cumulative-layout-shift'),
        });
      }
    }
  } finally {
    await browser.close();
  }
  return figures;
}

export function lighthouseLine(figures: LighthouseFigures[]): string {
  return figures
    .map(
      (f) =>
        `${f.url} ${f.formFactor} ${f.score} (FCP ${(f.fcpMs / 1000).toFixed(1)} s, LCP ${(f.lcpMs / 1000).toFixed(1)} s, TBT ${f.tbtMs.toFixed(0)} ms, CLS ${f.cls.toFixed(3)})`,
    )
    .join('; ');
}

export const LIGHTHOUSE_PAGES = ['/suche/?q=Bauhof', '/projekte/'];

/** The layout shift of a page as a desktop and as a phone; a page that fails to load gets no figures. */
export interface PageShift {
  url: string;
  /** Desktop, phone; null when the page failed to load (the machine is shared and busy). */
  shifts: [number, number] | null;
  error?: string;
}

export async function measurePageShift(siteUrl: string, url: string): Promise<PageShift> {
  try {
    const desktop = await measureLayoutShift(siteUrl, url);
    return { url, shifts: [desktop, await measureLayoutShift(siteUrl, url, { mobile: true })] };
  } catch (error) {
    return { url, shifts: null, error: (error as Error).message.split('\n')[0] };
  }
}

/** "/projekte/ 0.000 / 0.021; /suche/ failed (…)". */
export const pageShiftLine = (pages: PageShift[]): string =>
  pages
    .map((p) =>
      p.shifts ? `${p.url} ${p.shifts[0].toFixed(3)} / ${p.shifts[1].toFixed(3)}` : `${p.url} failed (${p.error})`,
    )
    .join('; ');

/** The lowest Lighthouse performance score of the runs. */
export const lowestScore = (figures: LighthouseFigures[]): number => Math.min(...figures.map((f) => f.score));

/** Segments that name a part of a section (pagination, a list by type, an archive), not an entry. */
const SECTION_PARTS = new Set(['seite', 'typ', 'archiv', 'rechtsprechung']);

/** One page of every kind in a built site (the first by URL): `/`, `/projekte/`, `/projekte/*`, `/projekte/seite/*`, … */
export function onePagePerKind(siteDir: string): string[] {
  const kinds = new Map<string, string>();
  for (const entry of fs.readdirSync(siteDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const segments = path.relative(siteDir, entry.parentPath).split(path.sep).filter(Boolean);
    if (segments[0]?.startsWith('pagefind')) continue;
    const kind = segments.map((s, i) => (i === 0 || SECTION_PARTS.has(s) ? s : '*')).join('/');
    const url = segments.length ? `/${segments.join('/')}/` : '/';
    if (!kinds.has(kind) || url < kinds.get(kind)!) kinds.set(kind, url);
  }
  return [...kinds.values()].sort();
}
