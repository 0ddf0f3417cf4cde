/**
 * The builder's search index per bundle, on Pagefind's real process: a bundle is loaded from a release once
 * per version, and written with exactly the pages it holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SearchBundles, stopSearchService } from '@ikz/site/builder/search-index';

const page = (title: string) =>
  `<!doctype html><html lang="de"><body><main data-pagefind-body><h1>${title}</h1><p>Kooperation der Kommunen ${title}</p></main></body></html>`;
const bundleNames = new SearchBundles();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-search-'));
afterAll(async () => {
  await bundleNames.reset();
  await stopSearchService();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('search bundleNames', () => {
  it('loads a bundle once per version and writes exactly its pages', async () => {
    const urls = ['/projekte/a/', '/projekte/b/', '/projekte/c/'];
    const read: string[] = [];
    const load = (version: string) => bundleNames.load('projekte', version, urls, (url) => (read.push(url), page(url)));
    expect(bundleNames.has('projekte')).toBe(false);
    expect(await load('v1')).toBe(true);
    expect(read).toEqual(urls);
    expect(bundleNames.version('projekte')).toBe('v1');
    expect(await load('v1')).toBe(false);
    expect(read).toHaveLength(3);

    // Another version (a rollback, another process wrote it): loaded anew, not added to.
    expect(await load('v2')).toBe(true);
    expect(bundleNames.get('projekte').size).toBe(3);
    await bundleNames.get('projekte').remove('/projekte/b/');
    await bundleNames.get('projekte').write(path.join(dir, 'bundle'));
    const entry = JSON.parse(fs.readFileSync(path.join(dir, 'bundle', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(2);

    await bundleNames.drop('projekte');
    expect(bundleNames.version('projekte')).toBeUndefined();
  }, 60_000);
});
