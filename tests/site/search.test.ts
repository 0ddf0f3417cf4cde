import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStrapiClient } from '@ikz/shared-types/rest';
import { DRAFT_MARKER } from '@ikz/scripts/seed/generate';
import { WCAG_22_AA } from '../support/axe.ts';
import { launchChromium, layoutShift, observeLayoutShift } from '../support/browser.ts';
import { STEMMING } from './fixtures.ts';

let browser: Browser;
let page: Page;
const api = () => createStrapiClient({ baseUrl: inject('siteStrapiUrl') });

let mergeBundles: string[] = [];

/** Runs a query through the site's own Pagefind bundles in the browser, merged as /suche/ merges them; returns result URLs. */
async function search(term: string | null, filters: Record<string, string | string[]> = {}): Promise<string[]> {
  // A string, so that the test runner does not rewrite the browser's import().
  const script = `(async () => {
    const pagefind = await import(location.origin + '/pagefind/pagefind.js');
    await pagefind.options({ bundlePath: '/pagefind/' });
    if (!window.__merged) {
      for (const bundle of ${JSON.stringify(mergeBundles)}) await pagefind.mergeIndex(bundle);
      window.__merged = true;
    }
    const result = await pagefind.search(${JSON.stringify(term)}, { filters: ${JSON.stringify(filters)} });
    const data = await Promise.all(result.results.map((r) => r.data()));
    return data.map((d) => d.url);
  })()`;
  return page.evaluate(script) as Promise<string[]>;
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
  await page.goto(`${inject('siteUrl')}/suche/`);
  mergeBundles = ((await page.locator('#suche').getAttribute('data-merge')) ?? '').split(' ').filter(Boolean);
  // The queries below load Pagefind themselves: on a page whose own search UI is not using the same module at once.
  await page.goto(`${inject('siteUrl')}/impressum/`);
});
afterAll(async () => {
  await browser?.close();
});

describe('search index', () => {
  it('is split into bundles that the search page merges: projects in parts, recent documents, older documents, the rest', () => {
    // The site tests split the projects over three bundles (SITE_PROJECTS_PER_BUNDLE); the main one is /pagefind/.
    expect(mergeBundles).toEqual([
      '/pagefind-dokumente-aktuell/',
      '/pagefind-dokumente-archiv/',
      '/pagefind-projekte-2/',
      '/pagefind-projekte-3/',
      '/pagefind-weitere/',
    ]);
  });

  it("preloads files the release holds, and keeps Pagefind's files unpacked with its gzip bytes beside them", () => {
    const site = inject('siteDir');
    const html = fs.readFileSync(path.join(site, 'suche', 'index.html'), 'utf8');
    const preloaded = [...html.matchAll(/<link rel="(?:module)?preload" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(preloaded).toEqual(['/pagefind/pagefind.js']);
    for (const url of preloaded) expect(fs.existsSync(path.join(site, url)), url).toBe(true);
    for (const bundle of ['/pagefind/', ...mergeBundles]) {
      const meta = fs.readdirSync(path.join(site, bundle)).find((f) => f.endsWith('.pf_meta'))!;
      const fragment = fs.readdirSync(path.join(site, bundle, 'fragment')).find((f) => f.endsWith('.pf_fragment'))!;
      for (const file of [`wasm.de.pagefind`, meta, `fragment/${fragment}`]) {
        const raw = fs.readFileSync(path.join(site, bundle, file));
        expect(raw.subarray(0, 12).toString(), `${bundle}${file}`).toBe('pagefind_dcd');
        expect(gunzipSync(fs.readFileSync(path.join(site, bundle, `${file}.gz`))).equals(raw), `${bundle}${file}`).toBe(
          true,
        );
      }
    }
  });

  it('finds a page by an inflected German form of its word', async () => {
    const urls = await search(STEMMING.plural);
    expect(urls).toContain('/projekte/testprojekt-zur-suche-nach-wortformen/');
    const kooperationen = await search('Kooperationen');
    expect(kooperationen.length).toBeGreaterThan(0);
  });

  it('returns exactly the counts the content says for filter combinations', async () => {
    const projects = await api().findAll<{ projectStatus: string; bestPractice: boolean; cooperationForm: string }>(
      'projects',
      { fields: ['projectStatus', 'bestPractice', 'cooperationForm'] },
    );
    expect((await search(null, { Inhalt: 'Projekt' })).length).toBe(projects.length);
    const inOperation = projects.filter((p) => p.projectStatus === 'in Betrieb');
    expect((await search(null, { Inhalt: 'Projekt', Status: 'in Betrieb' })).length).toBe(inOperation.length);
    const best = inOperation.filter((p) => p.bestPractice);
    expect((await search(null, { Status: 'in Betrieb', 'Best Practice': 'ja' })).length).toBe(best.length);
    const documents = await api().findAll<{ type: string; date: string }>('documents', { fields: ['type', 'date'] });
    const satzungen = documents.filter((d) => d.type === 'Satzung');
    expect((await search(null, { Dokumenttyp: 'Satzung' })).length).toBe(satzungen.length);
    expect((await search(null, { Inhalt: 'Seite' })).length).toBe(8);
  });

  it('indexes the page content only, not the hidden filter and meta markup', async () => {
    const script = `(async () => {
      const pagefind = await import(location.origin + '/pagefind/pagefind.js');
      const result = await pagefind.search(${JSON.stringify(STEMMING.plural)});
      return (await result.results[0].data()).content;
    })()`;
    const content = (await page.evaluate(script)) as string;
    expect(content).toContain(STEMMING.singular);
    expect(content).not.toMatch(/Planung\s*2026\s*nein/);
  });

  it('holds no draft text', async () => {
    expect(await search(DRAFT_MARKER)).toEqual([]);
  });
});

describe('/suche/', () => {
  it('takes the query from the URL, shows highlighted excerpts and writes the state back', async () => {
    const p = await (await browser.newContext()).newPage();
    await p.goto(`${inject('siteUrl')}/suche/?q=${encodeURIComponent(STEMMING.plural)}`);
    await expect.poll(() => p.locator('.pagefind-ui__search-input').inputValue()).toBe(STEMMING.plural);
    await expect.poll(() => p.locator('.pagefind-ui__result-link').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => p.locator('.pagefind-ui__message').textContent()).toMatch(/Treffer für/);
    expect(await p.locator('.pagefind-ui__result-excerpt mark').count()).toBeGreaterThan(0);
    const shown = (await p.locator('.pagefind-ui__results').textContent()) ?? '';
    expect(shown).not.toMatch(/\b(Date|Summary|Type):/);
    expect(shown).toMatch(/Art: Projekt/);
    await p.locator('.pagefind-ui__search-input').fill('Bauhof');
    await expect.poll(() => new URL(p.url()).searchParams.get('q')).toBe('Bauhof');
    await p.context().close();
  });

  it('shows results and filters without moving what the reader sees', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 800 },
    ]) {
      const p = await (await browser.newContext({ viewport })).newPage();
      await observeLayoutShift(p);
      await p.goto(`${inject('siteUrl')}/suche/?q=Satzung`);
      await expect
        .poll(() => p.locator('.pagefind-ui__message').textContent(), { timeout: 10_000 })
        .toMatch(/^\d+ Treffer für „Satzung“$/);
      await expect
        .poll(() => p.locator('.pagefind-ui__filter-checkbox').count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      expect(await layoutShift(p), `cumulative layout shift at ${viewport.width} px`).toBeLessThanOrEqual(0.05);
      await p.context().close();
    }
  });

  it("keeps the keyboard focus on a result while the documents' results join the list", async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // The documents' bundles answer only once a reader has put the focus on a result (requests of Pagefind's
    // web worker included).
    await context.route(/\/pagefind-dokumente-[^/]+\//, async (route) => {
      await held;
      await route.continue();
    });
    const message = () => p.locator('.pagefind-ui__message').textContent();
    const count = async () => Number(/^(\d+) Treffer/.exec((await message()) ?? '')?.[1]);
    await p.goto(`${inject('siteUrl')}/suche/?q=Kooperation`);
    await expect.poll(message, { timeout: 10_000 }).toMatch(/Dokumente werden noch durchsucht/);
    const withoutDocuments = await count();
    const first = p.locator('.pagefind-ui__result-link').first();
    const href = await first.getAttribute('href');
    // Marked, to tell the link shown now from the one that replaces it.
    await first.evaluate((link) => link.setAttribute('data-vorher', ''));
    await first.focus();
    release();
    await expect.poll(message, { timeout: 10_000 }).toMatch(/^\d+ Treffer für „Kooperation“$/);
    expect(await count()).toBeGreaterThan(withoutDocuments);
    const shown = await p
      .locator('.pagefind-ui__result-link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const focused = await p.evaluate(() => [
      document.activeElement?.className,
      document.activeElement?.getAttribute('href'),
      document.activeElement?.hasAttribute('data-vorher'),
    ]);
    // A new link (the list was rebuilt), to the same page or, if that page is no longer shown, the first.
    expect(focused).toEqual(['pagefind-ui__result-link', shown.includes(href) ? href : shown[0], false]);
    await context.close();
  });

  it('finds documents too, filters them and keeps the filters in the URL', async () => {
    const p = await (await browser.newContext()).newPage();
    await p.goto(`${inject('siteUrl')}/suche/?q=Satzung&Inhalt=Dokument`);
    await expect
      .poll(() => p.locator('.pagefind-ui__message').textContent(), { timeout: 10_000 })
      .toMatch(/^\d+ Treffer für „Satzung“$/);
    const tags = await p.locator('.pagefind-ui__result-tag').allTextContents();
    expect(tags.filter((t) => t.startsWith('Art:'))).not.toContain('Art: Projekt');
    expect(tags).toContain('Art: Dokument');
    await expect.poll(() => p.locator('.pagefind-ui__filter-checkbox:checked').count(), { timeout: 10_000 }).toBe(1);
    await p.locator('.pagefind-ui__filter-checkbox:checked').uncheck();
    await expect.poll(() => new URL(p.url()).searchParams.getAll('Inhalt')).toEqual([]);
    expect(new URL(p.url()).searchParams.get('q')).toBe('Satzung');
    await p.context().close();
  });

  it('is reachable from the search box in every page header and works by keyboard', async () => {
    const p = await (await browser.newContext()).newPage();
    await p.goto(`${inject('siteUrl')}/projekte/`);
    for (let i = 0; i < 15 && (await p.evaluate(() => document.activeElement?.id)) !== 'kopf-suche'; i++)
      await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('kopf-suche');
    await p.keyboard.type('Satzung');
    await p.keyboard.press('Enter');
    await p.waitForURL(/\/suche\/\?q=Satzung/);
    await expect.poll(() => p.locator('.pagefind-ui__result-link').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const result = await new AxeBuilder({ page: p }).withTags(WCAG_22_AA).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await p.context().close();
  });
});
