/**
 * What readers wait for, measured in Chromium against a served site: a cold load of /suche/?q=… until the first
 * results show (requests, bytes on the wire, milliseconds), and the cumulative layout shift of a page. Used by
 * `pnpm bench` and by `node scripts/src/reader-figures.ts <site dir>`; figures, never assertions.
 */
import { chromium, type Browser } from 'playwright-core';
import { readEnv } from '@ikz/shared-types/env';

export interface ColdSearch {
  query: string;
  /** Navigation start until the first result link is visible; NaN when none showed within 30 s. */
  ms: number;
  requests: number;
  /** Response bodies as transferred (compressed when the server compressed them) plus headers. */
  bytes: number;
}

/** The first result link on /suche/, whatever renders it. */
export const FIRST_RESULT = '.pagefind-ui__result-link';

export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: readEnv(['CHROMIUM_PATH']).CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Each query in a fresh browser context (empty cache): /suche/?q=… until the first result is visible; `identity` asks for nothing compressed. */
export async function measureColdSearch(siteUrl: string, queries: string[], { identity = false } = {}): Promise<ColdSearch[]> {
  const browser = await launchBenchChromium();
  const runs: ColdSearch[] = [];
  try {
    for (const query of queries) {
      const context = await browser.newContext(identity ? { extraHTTPHeaders: { 'Accept-Encoding': 'identity' } } : {});
      const page = await context.newPage();
      // Context events: they include what Pagefind's web worker fetches, which the page's own events miss.
      let requests = 0;
      let done = false;
      const sizes: Promise<number>[] = [];
      context.on('request', () => {
        if (!done) requests += 1;
      });
      context.on('requestfinished', (request) => {
        if (!done) sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize, () => 0));
      });
      const started = performance.now();
      await page.goto(`${siteUrl}/suche/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
      const shown = await page.locator(FIRST_RESULT).first().waitFor({ timeout: 30_000 }).then(() => true, () => false);
      const ms = shown ? performance.now() - started : Number.NaN;
      done = true;
      const bytes = (await Promise.all(sizes)).reduce((sum, n) => sum + n, 0);
      runs.push({ query, ms, requests, bytes });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return runs;
}

/**
 * Cumulative layout shift of a page (the sum of shifts without recent input, which is at least what Lighthouse
 * reports) until `settledMs` after the load event; a CPU slowed by `cpuSlowdown` makes late scripts visible.
 */
export async function measureLayoutShift(siteUrl: string, pagePath: string, { settledMs = 1500, cpuSlowdown = 4, mobile = false } = {}): Promise<number> {
  const browser = await launchBenchChromium();
  try {
    // Lighthouse's two form factors: a desktop window, and a phone (412 × 823 CSS pixels).
    const context = await browser.newContext(mobile ? { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true } : { viewport: { width: 1350, height: 940 } });
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
  const list = runs.map((r) => `„${r.query}“ ${Number.isNaN(r.ms) ? 'no result within 30 s' : `${r.ms.toFixed(0)} ms`} / ${r.requests} req / ${(r.bytes / 1024).toFixed(0)} KB`).join('; ');
  return `median ${median(shown.map((r) => r.ms)).toFixed(0)} ms, ${median(runs.map((r) => r.requests))} requests, ${(median(runs.map((r) => r.bytes)) / 1024).toFixed(0)} KB (${list})`;
}

export const COLD_QUERIES = ['Bauhof', 'Kooperationen Digitalisierung', 'Satzung Zweckverband', 'Abwasser', 'Jahrestagung'];
