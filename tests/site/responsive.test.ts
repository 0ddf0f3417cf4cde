/**
 * Phones and zoom (320 CSS px is also a 1280 px screen at 400 %) and WCAG 2.2 AA in Chromium: every page type at
 * 320 and 1280 px without sideways scrolling, axe-core, the WCAG 1.4.12 text spacing, forced colours, reduced
 * motion and a keyboard-only journey on a phone-sized page.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WCAG_22_AA } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { commonProjectWord, pagesOfEveryType } from './page-types.ts';

const WIDTHS = [320, 1280] as const;
const TEXT_SPACING =
  '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

let browser: Browser;
let pages: string[];
let searchTerm: string;

beforeAll(async () => {
  browser = await launchChromium();
  pages = pagesOfEveryType(inject('siteDir'));
  searchTerm = commonProjectWord(inject('siteDir'));
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(
  width: number,
  options: { forcedColors?: boolean; reducedMotion?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    forcedColors: options.forcedColors ? 'active' : 'none',
    reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
  });
  return context.newPage();
}

/** Opens a page in the state readers see: the search with results and every filter open, the finder ready. */
async function show(page: Page, url: string): Promise<void> {
  if (url === '/suche/') {
    await page.goto(`${inject('siteUrl')}/suche/?q=${encodeURIComponent(searchTerm)}`);
    await expect.poll(() => page.locator('.pagefind-ui__result-link').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    // The filters' values load after the first results.
    await expect.poll(() => page.locator('.pagefind-ui__filter-block').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page
      .locator('.pagefind-ui__filter-block')
      .evaluateAll((blocks) => blocks.forEach((b) => ((b as HTMLDetailsElement).open = true)));
    await expect.poll(() => page.locator('.pagefind-ui__filter-checkbox').first().isVisible()).toBe(true);
    return;
  }
  await page.goto(`${inject('siteUrl')}${url}`);
  if (url === '/projekte/')
    await expect.poll(() => page.locator('[data-summary]').textContent(), { timeout: 10_000 }).toMatch(/gefunden/);
}

/**
 * Layout problems at the current width: sideways scrolling, images wider than their column, tables outside a named,
 * focusable scroll region; and a page that does not say it is German or has not exactly one main heading.
 */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.lang !== 'de') problems.push(`language is "${root.lang}"`);
    if (document.querySelectorAll('h1').length !== 1)
      problems.push(`${document.querySelectorAll('h1').length} main headings`);
    if (root.scrollWidth > root.clientWidth)
      problems.push(`page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
    for (const img of Array.from(document.images)) {
      const box = img.getBoundingClientRect();
      let column = img.parentElement!;
      while (getComputedStyle(column).display.startsWith('inline') || getComputedStyle(column).display === 'contents')
        column = column.parentElement!;
      const col = column.getBoundingClientRect();
      if (box.width && (box.left < col.left - 1 || box.right > col.right + 1))
        problems.push(
          `image ${img.currentSrc || img.src} is ${Math.round(box.width)} px wide in a ${Math.round(col.width)} px column`,
        );
    }
    for (const table of Array.from(document.querySelectorAll('table'))) {
      const region = table.closest('[role="region"]');
      const labelId = region?.getAttribute('aria-labelledby');
      const label = labelId ? document.getElementById(labelId) : null;
      const name = table.caption?.textContent?.trim() ?? '(no caption)';
      if (
        !region ||
        region.getAttribute('tabindex') !== '0' ||
        !label ||
        label !== table.caption ||
        !label.textContent?.trim()
      )
        problems.push(`table "${name}" is not in a focusable region named by its caption`);
      else if (getComputedStyle(region).overflowX !== 'auto' && getComputedStyle(region).overflowX !== 'scroll')
        problems.push(`table "${name}" cannot scroll inside its region`);
      else if (table.caption!.getBoundingClientRect().right > region.getBoundingClientRect().right + 1)
        problems.push(`the caption of table "${name}" runs out of its region (it would scroll away with the columns)`);
    }
    return problems;
  });
}

/** Text outside its box with the text spacing overrides: cut off by a clipping box, or running out of its own box or the window. */
function textProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      problems.push(`page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      if (el.closest('.visually-hidden, [hidden], svg, details:not([open]) > :not(summary)')) continue;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (style.display === 'none' || style.visibility === 'hidden' || (!box.width && !box.height)) continue;
      const what = `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}> "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      const clips = [style.overflowX, style.overflowY].some((o) => o === 'hidden' || o === 'clip');
      if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
        problems.push(`${what} cuts off its content`);
      if (style.display === 'inline') continue;
      for (const node of Array.from(el.childNodes)) {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const outside = Array.from(range.getClientRects()).some(
          (r) =>
            r.width > 0 &&
            (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1),
        );
        if (outside) {
          problems.push(`${what} has text outside its box`);
          break;
        }
      }
    }
    return problems;
  });
}

/** The focused element: where it is, whether something covers it and whether its focus ring shows. */
function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const visibleAt = Array.from(el.getClientRects()).some((r) => {
      const top = document.elementFromPoint(
        Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1),
        Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1),
      );
      return !!top && (top === el || el.contains(top));
    });
    return {
      id: el.id,
      text: (el.textContent ?? '').trim(),
      inView: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
      covered: !visibleAt,
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      width: box.width,
      height: box.height,
    };
  });
}

/** Presses Tab until the focused element matches the selector (at most `limit` times); checks every stop on the way. */
async function tabTo(page: Page, selector: string, limit: number): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const state = await focusState(page);
    expect(state.inView && !state.covered, `focus on "${state.text.slice(0, 40)}" is visible and not covered`).toBe(
      true,
    );
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} not reached with ${limit} presses of Tab on ${page.url()}`);
}

async function expectFocusShown(page: Page, what: string) {
  const state = await focusState(page);
  expect({ what, inView: state.inView, covered: state.covered, ring: state.ring }).toEqual({
    what,
    inView: true,
    covered: false,
    ring: true,
  });
}

describe('every page type', () => {
  for (const width of WIDTHS) {
    it(
      `reflows at ${width} px: no sideways scrolling, images within their column, wide tables in named keyboard-scrollable regions`,
      { timeout: 600_000 },
      async () => {
        expect(pages.length).toBeGreaterThan(25);
        const page = await newPage(width);
        const problems: string[] = [];
        let scrolledByKeyboard = 0;
        for (const url of pages) {
          await show(page, url);
          problems.push(...(await layoutProblems(page)).map((p) => `${url}: ${p}`));
          const region = page.locator('.table-scroll:visible').filter({ has: page.locator('table') });
          for (const r of await region.all()) {
            if (!(await r.evaluate((el) => el.scrollWidth > el.clientWidth))) continue;
            await r.focus();
            await expectFocusShown(page, `${url}: table region`);
            await page.keyboard.press('ArrowRight');
            await expect
              .poll(() => r.evaluate((el) => el.scrollLeft), { message: `${url}: the table scrolls by keyboard` })
              .toBeGreaterThan(0);
            scrolledByKeyboard++;
            break;
          }
        }
        expect(problems).toEqual([]);
        if (width === 320) expect(scrolledByKeyboard, 'wide tables that scroll at 320 px').toBeGreaterThan(0);
        await page.context().close();
      },
    );

    it(`have no WCAG 2.2 A/AA violations (axe-core) at ${width} px`, { timeout: 600_000 }, async () => {
      const page = await newPage(width);
      const problems: string[] = [];
      for (const url of pages) {
        await show(page, url);
        const result = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
        expect(result.passes.length, `axe ran its rules on ${url}`).toBeGreaterThan(10);
        for (const v of result.violations)
          problems.push(
            `${url}: ${v.id} (${v.impact}) – ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
          );
      }
      expect(problems).toEqual([]);
      await page.context().close();
    });

    it(`keep text inside its box with the WCAG 1.4.12 text spacing at ${width} px`, { timeout: 600_000 }, async () => {
      const page = await newPage(width);
      const problems: string[] = [];
      for (const url of pages) {
        await show(page, url);
        await page.addStyleTag({ content: TEXT_SPACING });
        problems.push(...(await textProblems(page)).map((p) => `${url}: ${p}`));
      }
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});

describe('forced colours and reduced motion', () => {
  it('keep the focus ring, borders, the map shading and the checkboxes in forced colours', async () => {
    const page = await newPage(1280, { forcedColors: true });
    for (const url of ['/', '/kommunen/', '/projekte/', '/suche/']) {
      await show(page, url);
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press('Tab');
        const state = await focusState(page);
        expect(state.ring, `${url}: focus ring on "${state.text.slice(0, 40)}"`).toBe(true);
      }
      const borders = await page
        .locator('.card, .panel, .badge')
        .evaluateAll((els) =>
          els
            .map((el) => getComputedStyle(el))
            .map((s) => s.borderTopStyle !== 'none' && s.borderTopColor !== 'rgba(0, 0, 0, 0)'),
        );
      expect(borders.every(Boolean), `${url}: cards, panels and badges keep a border`).toBe(true);
    }

    await show(page, '/kommunen/');
    const legend = await page
      .locator('.legend .swatch')
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
    expect(legend.length).toBeGreaterThan(2);
    expect(new Set(legend).size, 'every legend swatch keeps its own colour').toBe(legend.length);
    const fills = await page
      .locator('.map path')
      .evaluateAll((els) => [...new Set(els.map((el) => getComputedStyle(el).fill))]);
    expect(fills.length, 'the map keeps its shading').toBeGreaterThan(1);
    expect(
      fills.every((f) => legend.includes(f)),
      'map shades are the legend colours',
    ).toBe(true);

    for (const [url, selector] of [
      ['/projekte/', '[data-facets] input[type=checkbox]'],
      ['/suche/', '.pagefind-ui__filter-checkbox'],
    ] as const) {
      await show(page, url);
      // The finder's facets are groups that open and close; the first one is opened to reach its checkboxes.
      if (url === '/projekte/') await page.locator('[data-facets] summary').first().click();
      const boxes = page.locator(selector);
      // A group writes its checkboxes when its toggle event comes, a moment after the click.
      await boxes.first().waitFor({ state: 'attached' });
      expect(await boxes.count(), url).toBeGreaterThan(0);
      await boxes.first().check();
      const looks = await boxes.evaluateAll((els) => els.map((el) => getComputedStyle(el).appearance));
      expect(
        looks.filter((a) => a === 'none'),
        `${url}: checkboxes are drawn by the system in forced colours`,
      ).toEqual([]);
    }
    await page.context().close();
  });

  it('animate nothing when the reader asks for reduced motion', async () => {
    const page = await newPage(1280, { reducedMotion: true });
    for (const url of ['/', '/projekte/', '/suche/']) {
      await show(page, url);
      if (url === '/suche/') await page.locator('.pagefind-ui__filter-checkbox').first().check();
      const moving = await page.evaluate(() => {
        const seconds = (value: string) =>
          Math.max(...value.split(',').map((v) => parseFloat(v) * (v.trim().endsWith('ms') ? 0.001 : 1)));
        const found: string[] = [];
        for (const el of Array.from(document.querySelectorAll('*'))) {
          for (const pseudo of [null, '::before', '::after']) {
            const style = getComputedStyle(el, pseudo);
            if (
              seconds(style.transitionDuration) > 0.001 ||
              (style.animationName !== 'none' && seconds(style.animationDuration) > 0.001)
            )
              found.push(`${el.tagName.toLowerCase()}.${el.className}${pseudo ?? ''}`);
          }
        }
        return found;
      });
      expect(moving, url).toEqual([]);
    }
    await page.context().close();
  });
});

describe('keyboard only at 320 px', () => {
  it('reaches the content by the skip link, the menu, the search, a finder filter and a result', async () => {
    const page = await newPage(320);
    const home = `${inject('siteUrl')}/`;

    await page.goto(home);
    await page.keyboard.press('Tab');
    expect((await focusState(page)).text).toBe('Zum Inhalt springen');
    await expectFocusShown(page, 'skip link');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('inhalt');

    await page.goto(home);
    await tabTo(page, '.menu > summary', 3);
    await expectFocusShown(page, 'menu button');
    expect(await page.locator('.main-nav').isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    const links = page.locator('.main-nav a');
    expect(await links.count()).toBeGreaterThan(5);
    for (const box of await links.evaluateAll((as) => as.map((a) => a.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(
        box.width >= 24 && box.height >= 24 && box.left >= 0 && box.right <= 320,
        `menu link ${JSON.stringify(box)}`,
      ).toBe(true);
    }
    await tabTo(page, '.main-nav a', 1);
    await expectFocusShown(page, 'first menu link');
    await tabTo(page, '#kopf-suche', 10);
    await page.keyboard.type(searchTerm);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/suche\/\?q=/);
    await expect.poll(() => page.locator('.pagefind-ui__result-link').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await tabTo(page, '.pagefind-ui__result-link', 60);
    await expectFocusShown(page, 'search result');

    await page.goto(home);
    await tabTo(page, '.menu > summary', 3);
    await page.keyboard.press('Enter');
    await tabTo(page, '.main-nav a[href="/projekte/"]', 2);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/projekte\/$/);
    await expect.poll(() => page.locator('[data-summary]').textContent(), { timeout: 10_000 }).toMatch(/gefunden/);
    const before = await page.locator('[data-summary]').textContent();
    await tabTo(page, '[data-facets] summary', 30);
    await expectFocusShown(page, 'finder filter group');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-facets] details[open] input').count()).toBeGreaterThan(0);
    await tabTo(page, '[data-facets] input[type=checkbox]', 1);
    await expectFocusShown(page, 'finder filter');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('[data-summary]').textContent()).not.toBe(before);
    // The checkbox ticked stays where it was, with the focus on it.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    expect(new URL(page.url()).search).not.toBe('');
    await tabTo(page, '[data-results] a', 250);
    await expectFocusShown(page, 'finder result');
    const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).pathname);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === target);
    expect(await page.locator('h1').count()).toBe(1);
    await page.context().close();
  });
});
