import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStrapiClient } from '@ikz/shared-types/rest';
import { decodeFinderFile, FINDER_FILE } from '@ikz/site/lib/finder-data';
import { WCAG_22_AA } from '../support/axe.ts';
import { launchChromium, layoutShift, observeLayoutShift } from '../support/browser.ts';

let browser: Browser;
const api = () => createStrapiClient({ baseUrl: inject('siteStrapiUrl') });
type Row = { projectStatus: string; bestPractice: boolean; cooperationForm: string; title: string; summary: string };
let projects: Row[] = [];

async function openFinder(query = ''): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${inject('siteUrl')}/projekte/${query}`);
  await expect.poll(() => page.locator('#projektfinder').isVisible(), { timeout: 10_000 }).toBe(true);
  await expect.poll(() => page.locator('[data-summary]').textContent(), { timeout: 15_000 }).toMatch(/gefunden/);
  return page;
}

/** A facet's group, opened (its checkboxes are written when it first opens). */
async function openGroup(page: Page, facet: string) {
  const group = page.locator(`details.facet[data-group="${facet}"]`);
  if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator('summary').click();
  await expect.poll(() => group.locator(`legend:text-is("${facet}")`).count()).toBe(1);
  return group;
}

/** Ticks a value of a facet, opening its group first when it is closed. */
async function tick(page: Page, facet: string, value: string) {
  await (await openGroup(page, facet)).locator('label', { hasText: value }).first().click();
}

const countOf = async (page: Page, facet: string, value: string) => {
  const label = (await openGroup(page, facet)).locator('label', { hasText: value }).first();
  return Number(/\((\d+)\)/.exec((await label.textContent()) ?? '')?.[1]);
};

beforeAll(async () => {
  browser = await launchChromium();
  projects = await api().findAll<Row>('projects', {
    fields: ['projectStatus', 'bestPractice', 'cooperationForm', 'title', 'summary'],
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('project finder', () => {
  it('replaces the plain list and shows facet counts that match the content', async () => {
    const page = await openFinder();
    expect(await page.locator('#projektliste').isHidden()).toBe(true);
    expect(await page.locator('[data-summary]').textContent()).toBe(`${projects.length} Projekte gefunden.`);
    for (const status of new Set(projects.map((p) => p.projectStatus))) {
      expect(await countOf(page, 'Status', status), status).toBe(
        projects.filter((p) => p.projectStatus === status).length,
      );
    }
    await page.context().close();
  });

  it('filters on its own data: no Pagefind until a text query, and cards with their summaries', async () => {
    const page = await (await browser.newContext()).newPage();
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(`${inject('siteUrl')}/projekte/`);
    await expect.poll(() => page.locator('#projektfinder').isVisible(), { timeout: 10_000 }).toBe(true);
    // Each card shows the project's summary (from its page's fragment, in whichever part), as the plain list does.
    const cards = page.locator('[data-results] .card');
    expect(await cards.count()).toBeGreaterThan(10);
    for (const card of await cards.all()) {
      const title = await card.locator('a').textContent();
      const row = projects.find((p) => p.title === title);
      expect(row, `a project titled ${title}`).toBeDefined();
      expect((await card.locator('p').textContent())?.trim(), title!).toBe(row!.summary.trim());
    }
    // The first view is the plain list's page: its summaries are taken from the page, no fragment is fetched.
    expect(asked.filter((p) => p.endsWith('.pf_fragment'))).toEqual([]);
    // The next page's cards are not on the page: their summaries come from their parts' fragments.
    await page.locator('[data-pager] button', { hasText: 'Nächste Seite' }).click();
    await expect.poll(() => page.locator('[data-summary]').textContent()).toMatch(/gefunden/);
    await expect.poll(() => page.locator('[data-pager] [aria-current]').textContent()).toMatch(/^Seite 2 /);
    const next = page.locator('[data-results] .card');
    expect(await next.count()).toBeGreaterThan(0);
    for (const card of await next.all()) {
      const title = await card.locator('a').textContent();
      const row = projects.find((p) => p.title === title);
      expect((await card.locator('p').textContent())?.trim()).toBe(row!.summary.trim());
    }
    expect(asked.filter((p) => p.endsWith('.pf_fragment')).length).toBe(await next.count());
    await page.locator('[data-pager] button', { hasText: 'Vorherige Seite' }).click();
    await expect.poll(() => page.locator('[data-pager] [aria-current]').textContent()).toMatch(/^Seite 1 /);

    await tick(page, 'Status', 'in Betrieb');
    await expect.poll(() => page.locator('[data-summary]').textContent()).toMatch(/mit 1 Filter/);
    // Every part of the projects' index has its file (the site tests split them over three bundles).
    expect(asked.filter((p) => p.endsWith('/projekte.json')).sort()).toEqual([
      '/pagefind-projekte-2/projekte.json',
      '/pagefind-projekte-3/projekte.json',
      '/pagefind/projekte.json',
    ]);
    expect(asked.filter((p) => /pagefind\.js$|\.pagefind$|\.pf_(index|meta|filter)$/.test(p))).toEqual([]);

    // A text query loads Pagefind; sorted by title, the same projects come in title order.
    await page.locator('#finder-q').fill('Kooperation');
    await expect.poll(() => page.locator('[data-summary]').textContent()).toMatch(/für „Kooperation“/);
    expect(asked.some((p) => p.endsWith('/pagefind/pagefind.js'))).toBe(true);
    const byRelevance = (await page.locator('[data-summary]').textContent())!;
    await page.locator('#finder-sort').selectOption('titel');
    await expect.poll(() => new URL(page.url()).searchParams.get('sortierung')).toBe('titel');
    await expect.poll(() => page.locator('[data-summary]').textContent()).toBe(byRelevance);
    const titles = await page.locator('[data-results] .card a').allTextContents();
    expect(titles.length).toBeGreaterThan(1);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'de')));
    // Pagefind answered from every part: the projects found sit in more than one bundle.
    const bundleOf = new Map(
      ['pagefind', 'pagefind-projekte-2', 'pagefind-projekte-3'].flatMap((bundle) =>
        decodeFinderFile(fs.readFileSync(path.join(inject('siteDir'), bundle, FINDER_FILE), 'utf8')).map(
          (p) => [p.title, bundle] as const,
        ),
      ),
    );
    expect(new Set(titles.map((t) => bundleOf.get(t))).size).toBeGreaterThan(1);
    await page.context().close();
  });

  it('replaces the plain list without moving what the reader sees', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 800 },
    ]) {
      const page = await (await browser.newContext({ viewport })).newPage();
      await observeLayoutShift(page);
      await page.goto(`${inject('siteUrl')}/projekte/`);
      await expect.poll(() => page.locator('#projektfinder').isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await page.locator('[data-results] .card').count()).toBeGreaterThan(0);
      expect(await layoutShift(page), `cumulative layout shift at ${viewport.width} px`).toBeLessThanOrEqual(0.05);
      await page.context().close();
    }
  });

  it('combines facets, keeps the state in the URL and restores it from a shared link', async () => {
    const page = await openFinder();
    await tick(page, 'Status', 'in Betrieb');
    await tick(page, 'Best Practice', 'nein');
    const expected = projects.filter((p) => p.projectStatus === 'in Betrieb' && !p.bestPractice).length;
    await expect
      .poll(() => page.locator('[data-summary]').textContent())
      .toBe(`${expected === 1 ? '1 Projekt' : `${expected} Projekte`} gefunden mit 2 Filtern.`);
    const url = page.url();
    expect(new URL(url).searchParams.getAll('Status')).toEqual(['in Betrieb']);
    expect(new URL(url).searchParams.getAll('Best Practice')).toEqual(['nein']);
    await page.context().close();

    const shared = await openFinder(new URL(url).search);
    expect(await shared.locator('[data-summary]').textContent()).toBe(
      `${expected === 1 ? '1 Projekt' : `${expected} Projekte`} gefunden mit 2 Filtern.`,
    );
    expect(await shared.locator('fieldset:has(legend:text-is("Status")) input:checked').count()).toBe(1);
    // The groups start closed, but a group with a ticked value starts open, and says how many are ticked.
    expect(await shared.locator('details.facet[open] > summary').allTextContents()).toEqual([
      'Status (1 ausgewählt)',
      'Best Practice (1 ausgewählt)',
    ]);
    expect(await shared.locator('[data-results] .card a').count()).toBe(Math.min(expected, 24));
    await shared.context().close();
  });

  it('sorts by title or by date, and keeps the choice in the URL', async () => {
    const page = await openFinder();
    const titles = await page.locator('[data-results] .card a').allTextContents();
    expect(titles).toEqual(
      [...titles].sort((a, b) => a.toLocaleLowerCase('de').localeCompare(b.toLocaleLowerCase('de'), 'de')),
    );
    await page.locator('#finder-sort').selectOption('datum');
    await expect.poll(() => new URL(page.url()).searchParams.get('sortierung')).toBe('datum');
    await expect
      .poll(async () => (await page.locator('[data-results] .card a').allTextContents()).join('|'))
      .not.toBe(titles.join('|'));
    await page.context().close();
  });

  it('works by keyboard and passes axe-core', async () => {
    const page = await openFinder();
    await page.locator('#finder-q').focus();
    await page.keyboard.type('Suche nach Wortformen');
    await expect.poll(() => page.locator('[data-summary]').textContent()).toMatch(/^1 Projekt gefunden für/);
    await page.locator('[data-facets] summary').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-facets] details[open] input').count()).toBeGreaterThan(0);
    await page.keyboard.press('Tab');
    const box = await page.evaluate(() => document.activeElement?.id);
    expect(box).toMatch(/^facette-/);
    await page.keyboard.press('Space');
    await expect.poll(() => page.url()).toMatch(/\?q=/);
    // The finder updates its checkboxes in place: the one just ticked keeps the focus.
    await expect.poll(() => page.locator('[data-summary]').textContent()).toMatch(/mit 1 Filter/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(box);
    const result = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await page.context().close();
  });
});
