/** Many pages sent to the real Pagefind at once (SearchIndex.addAll): in the order sent, and every error said. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SearchIndex } from '@ikz/site/builder/search-index';
import { PAGEFIND_SIGNATURE, unpackSearchFiles } from '@ikz/site/builder/search-files';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-search-index-'));
const index = new SearchIndex();
afterAll(async () => {
  await index.reset();
  fs.rmSync(dir, { recursive: true, force: true });
});

const page = (text: string) =>
  `<!doctype html><html lang="de"><body><main data-pagefind-body><p>${text}</p></main></body></html>`;

/** The text of every fragment of a written bundle. */
function fragmentTexts(bundle: string): string[] {
  unpackSearchFiles(bundle);
  const folder = path.join(bundle, 'fragment');
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.pf_fragment'))
    .map((name) => fs.readFileSync(path.join(folder, name), 'utf8').slice(PAGEFIND_SIGNATURE.length));
}

describe('adding many pages to the search index at once', () => {
  it('keeps the order sent: of two adds of one URL the later wins, also across the window', async () => {
    const pages = Array.from(
      { length: 60 },
      (_, i) => [`/projekte/p-${i}/`, () => page(`Projekt Nummer ${i}`)] as const,
    );
    await index.addAll([...pages, ['/projekte/p-3/', () => page('Zweite Fassung Bauhof')]], 8);
    expect(index.size).toBe(60);
    const bundle = path.join(dir, 'a');
    await index.write(bundle);
    const texts = fragmentTexts(bundle);
    expect(texts).toHaveLength(60);
    expect(texts.filter((t) => t.includes('Zweite Fassung Bauhof'))).toHaveLength(1);
    expect(texts.some((t) => /Projekt Nummer 3(?!\d)/.test(t))).toBe(false);
  });

  it('sends a page asked for while others are still being sent after them (a bundle loading, an edit)', async () => {
    const other = new SearchIndex();
    try {
      const pages = Array.from({ length: 40 }, (_, i) => [`/p-${i}/`, () => page(`Seite Nummer ${i}`)] as const);
      const loading = other.addAll(pages, 4);
      // Asked for while the loading has most of its pages still to send.
      await other.add('/p-39/', page('Neue Fassung Feuerwehr'));
      await loading;
      const bundle = path.join(dir, 'b');
      await other.write(bundle);
      const texts = fragmentTexts(bundle);
      expect(texts.filter((t) => t.includes('Neue Fassung Feuerwehr'))).toHaveLength(1);
      expect(texts.some((t) => t.includes('Seite Nummer 39'))).toBe(false);
    } finally {
      await other.reset();
    }
  });

  it('says which page Pagefind refused, and how many', async () => {
    const other = new SearchIndex();
    try {
      // A URL Pagefind's service refuses: not a string.
      const bad = [[undefined as unknown as string, () => page('kaputt')] as const];
      await expect(other.addAll([['/a/', () => page('gut')], ...bad], 4)).rejects.toThrow(
        /Pagefind could not index 1 page\(s\)/,
      );
    } finally {
      await other.reset();
    }
  });
});
