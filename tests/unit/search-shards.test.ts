/**
 * The builder's search index per bundle, on Pagefind's real process: a bundle is loaded from a release once
 * per version, and written with exactly the pages it holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SearchShards, stopSearchService } from '@ikz/site/builder/search';

const page = (title: string) => `<!doctype html><html lang="de"><body><main data-pagefind-body><h1>${title}</h1><p>Kooperation der Kommunen ${title}</p></main></body></html>`;
const shards = new SearchShards();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-search-'));
afterAll(async () => {
  await shards.reset();
  await stopSearchService();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('search shards', () => {
  it('loads a bundle once per version and writes exactly its pages', async () => {
    const urls = ['/projekte/a/', '/projekte/b/', '/projekte/c/'];
    const read: string[] = [];
    const load = (version: string) => shards.load('projekte', version, urls, (url) => (read.push(url), page(url)));
    expect(shards.has('projekte')).toBe(false);
    expect(await load('v1')).toBe(true);
    expect(read).toEqual(urls);
    expect(shards.version('projekte')).toBe('v1');
    expect(await load('v1')).toBe(false);
    expect(read).toHaveLength(3);

    // Another version (a rollback, another process wrote it): loaded anew, not added to.
    expect(await load('v2')).toBe(true);
    expect(shards.get('projekte').size).toBe(3);
    await shards.get('projekte').remove('/projekte/b/');
    await shards.get('projekte').write(path.join(dir, 'bundle'));
    const entry = JSON.parse(fs.readFileSync(path.join(dir, 'bundle', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(2);

    await shards.drop('projekte');
    expect(shards.version('projekte')).toBeUndefined();
  }, 60_000);
});
