/** The shipped nginx sample, run by Debian's nginx against the built site, and the site under its CSP in Chromium. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { request, startNginx, type RunningNginx } from '../support/nginx.ts';

let nginx: RunningNginx;
let browser: Browser;
let preview: http.Server;
const siteDir = () => inject('siteDir');
const firstFile = (dir: string, pattern: RegExp) => fs.readdirSync(path.join(siteDir(), dir)).find((f) => pattern.test(f))!;
const firstPage = (dir: string) => fs.readdirSync(path.join(siteDir(), dir), { withFileTypes: true }).find((e) => e.isDirectory() && fs.existsSync(path.join(siteDir(), dir, e.name, 'index.html')) && e.name !== 'seite')!.name;

const SECURITY_HEADERS: Record<string, RegExp> = {
  'content-security-policy': /default-src 'self'.*script-src 'self' 'wasm-unsafe-eval'.*frame-ancestors 'none'/,
  'strict-transport-security': /max-age=31536000/,
  'x-content-type-options': /^nosniff$/,
  'referrer-policy': /^strict-origin-when-cross-origin$/,
  'permissions-policy': /camera=\(\)/,
};

beforeAll(async () => {
  // Stands in for the preview service behind nginx: answers with the headers the real one sends.
  preview = http.createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' }).end(`Vorschau ${req.url} ${req.headers['x-forwarded-proto']}`));
  await new Promise<void>((resolve) => preview.listen(0, '127.0.0.1', resolve));
  nginx = await startNginx(siteDir(), (preview.address() as { port: number }).port);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  await new Promise((resolve) => preview?.close(resolve));
});

describe('nginx sample configuration', () => {
  it('sends every security header on HTML, assets, downloads, the search index, data files and the 404 page', async () => {
    const urls = [
      '/',
      '/projekte/',
      `/projekte/${firstPage('projekte')}/`,
      '/projekte',
      `/_astro/${firstFile('_astro', /\.css$/)}`,
      `/dateien/${firstFile('dateien', /\.pdf$/)}`,
      '/pagefind/pagefind.js',
      `/pagefind/fragment/${firstFile('pagefind/fragment', /./)}`,
      '/daten/projekte.csv',
      '/veranstaltungen/kalender.ics',
      '/.well-known/security.txt',
      '/gibt-es-nicht/',
    ];
    for (const url of urls) {
      const response = await request(nginx.httpsPort, url);
      expect(response.status, url).toBe(url === '/gibt-es-nicht/' ? 404 : 200);
      for (const [header, pattern] of Object.entries(SECURITY_HEADERS)) expect(response.headers[header], `${header} on ${url}`).toMatch(pattern);
    }
    const notFound = await request(nginx.httpsPort, '/gibt-es-nicht/');
    expect(notFound.body.toString()).toContain('Seite nicht gefunden');
  });

  it('caches as documented: fingerprinted assets for a year, downloads for 30 days, pages briefly', async () => {
    const cacheOf = async (url: string) => (await request(nginx.httpsPort, url)).headers['cache-control'];
    expect(await cacheOf(`/_astro/${firstFile('_astro', /\.css$/)}`)).toBe('public, max-age=31536000, immutable');
    expect(await cacheOf(`/pagefind/fragment/${firstFile('pagefind/fragment', /./)}`)).toBe('public, max-age=31536000, immutable');
    expect(await cacheOf(`/dateien/${firstFile('dateien', /\.pdf$/)}`)).toBe('public, max-age=2592000');
    for (const url of ['/', '/projekte/', '/pagefind/pagefind-entry.json', '/daten/projekte.json', '/projekte/feed.xml']) {
      expect(await cacheOf(url), url).toBe('public, max-age=60, must-revalidate');
    }
  });

  it('serves the right types and compresses text', async () => {
    const csv = await request(nginx.httpsPort, '/daten/projekte.csv', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(csv.headers['content-encoding']).toBe('gzip');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const ics = fs.readdirSync(path.join(siteDir(), 'veranstaltungen')).find((f) => f.endsWith('.ics'))!;
    expect((await request(nginx.httpsPort, `/veranstaltungen/${ics}`)).headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect((await request(nginx.httpsPort, '/')).headers['content-type']).toMatch(/^text\/html/);
    expect((await request(nginx.httpsPort, '/.well-known/security.txt')).headers['content-type']).toMatch(/^text\/plain/);
  });

  it('passes the preview host name to the preview service, uncached, with its own headers', async () => {
    const response = await request(nginx.httpsPort, '/vorschau?token=x', { host: 'vorschau.interkommunales.example' });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('Vorschau /vorschau?token=x https');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-robots-tag']).toBe('noindex, nofollow');
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const response = await request(nginx.httpPort, '/projekte/', { tls: false });
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('https://www.interkommunales.example/projekte/');
  });

  it('lets search and the project finder work under the CSP, without a single violation', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI}`));
    });
    const base = `https://127.0.0.1:${nginx.httpsPort}`;
    await page.goto(`${base}/suche/?q=Kooperation`);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 20_000 });
    await page.goto(`${base}/projekte/`);
    await page.locator('#projektfinder:not([hidden])').waitFor({ timeout: 20_000 });
    await page.goto(`${base}/`);
    expect(violations).toEqual([]);
    await context.close();
  });
});
