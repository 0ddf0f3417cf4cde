import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';

let browser: Browser;
const firstDir = (rel: string) =>
  fs
    .readdirSync(path.join(inject('siteDir'), rel), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !['seite', 'typ', 'archiv'].includes(e.name))[0]!.name;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

async function open(url: string): Promise<{ page: Page; foreign: string[] }> {
  const page = await newPage();
  const foreign: string[] = [];
  const base = new URL(inject('siteUrl'));
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.host !== base.host && u.protocol !== 'data:') foreign.push(req.url());
  });
  const response = await page.goto(`${inject('siteUrl')}${url}`);
  expect(response?.status(), url).toBeLessThan(400);
  return { page, foreign };
}

const pages = () => [
  '/',
  '/projekte/',
  `/projekte/${firstDir('projekte')}/`,
  '/themen/',
  '/themen/shared-service-center/',
  '/kommunen/',
  '/kommunen/kreis-lippe/',
  '/kommunen/koeln/',
  '/dokumente/',
  `/dokumente/${firstDir('dokumente')}/`,
  '/dokumente/rechtsprechung/',
  '/newsletter/',
  `/newsletter/${firstDir('newsletter')}/`,
  '/veranstaltungen/',
  `/veranstaltungen/${firstDir('veranstaltungen')}/`,
  '/daten/',
  '/partnersuche/',
  '/partnersuche/eintragen/',
  '/ueber-uns/',
  '/barrierefreiheit/',
  '/leichte-sprache/',
];

describe('pages in Chromium', () => {
  it('are German, have one main heading and load nothing from third parties', async () => {
    const problems: string[] = [];
    for (const url of pages()) {
      const { page, foreign } = await open(url);
      for (const f of foreign) problems.push(`${url}: third-party request ${f}`);
      expect(await page.locator('html').getAttribute('lang')).toBe('de');
      expect(await page.locator('h1').count(), url).toBe(1);
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });

  it('offer a skip link as the first stop of the keyboard', async () => {
    const { page } = await open('/projekte/');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect.poll(() => focused.textContent()).toBe('Zum Inhalt springen');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('inhalt');
    await page.context().close();
  });

  it('answer unknown addresses with the German 404 page', async () => {
    const page = await newPage();
    const response = await page.goto(`${inject('siteUrl')}/gibt-es-nicht/`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Seite nicht gefunden');
    await page.context().close();
  });

  it('let readers page through the project list without JavaScript', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${inject('siteUrl')}/projekte/`);
    const cards = await page.locator('main .card').count();
    expect(cards).toBeGreaterThan(0);
    const next = page.getByRole('link', { name: 'Nächste Seite' });
    if (await next.count()) {
      await next.click();
      expect(page.url()).toContain('/projekte/seite/2/');
    }
    await page.context().close();
  });

  it('links every Kreis on the map to its page', async () => {
    const { page } = await open('/kommunen/');
    const links = await page.locator('.map svg a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(53);
    const first = links[0]!;
    const response = await page.goto(`${inject('siteUrl')}${first}`);
    expect(response?.status()).toBe(200);
    await page.context().close();
  });
});
