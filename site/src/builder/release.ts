/**
 * Builds one release of the site: every URL of the route table for this content, pages rendered only where
 * their model changed since the previous release (the others linked from it), data files written from the
 * content, the search index updated by the changed pages only. Returns the manifest the next build compares
 * with.
 *
 * A release is built into an empty directory, or – the fast way – into a recycled one: an old release that
 * would be retired anyway, patched into the new one. Its manifest says what it holds, so only what differs
 * from it is replaced or removed; a fresh directory needs every one of ~93,000 files (at ten times the demo
 * content) linked again, which alone took 4 s per publish.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isPageRoute, outputPath, routes, searchBundlePath, type RouteKind, type RouteMatch } from '@ikz/shared-types/routes';
import type { Content } from '../model/content.ts';
import { dataFile } from '../model/files.ts';
import { inventory, sitemapUrls } from '../model/inventory.ts';
import { pageModel, SEARCHABLE_ROUTES, searchShard, shardKinds, type ModelContext } from '../model/pages.ts';
import type { Renderer } from './bundle.ts';
import { linkTree, removeFile, replaceFile, replaceWithLink, tryLinkFile, writeNew } from './files.ts';
import type { SearchShards } from './search.ts';
import { precompressDir, SEARCH_BUNDLE_ASSETS } from './precompress.ts';

/** The manifest format; a release with another one is never reused. */
export const MANIFEST_VERSION = 2;

export interface ReleaseManifest {
  version: typeof MANIFEST_VERSION;
  /** The code version the pages were rendered with; a different one means nothing can be reused. */
  codeHash: string;
  siteUrl: string;
  builtAt: string;
  /** HTML pages: URL → fingerprint of the page model. */
  pages: Record<string, string>;
  /** Data files: URL → hash of the content. */
  files: Record<string, string>;
  /** URLs in the search index, and the bundle (shard) each is in. */
  searchable: Record<string, string>;
  /** Search bundles: shard → version (new whenever the bundle is written). */
  bundles: Record<string, string>;
  /** Downloads and image files (site paths); their names change with their content. */
  assets: string[];
}

/** A release that can be built on: its directory and what it holds. */
export interface ReleaseBase {
  dir: string;
  manifest: ReleaseManifest;
}

export interface ReleaseInput {
  content: Content;
  context: ModelContext;
  renderer: Renderer;
  search: SearchShards;
  outDir: string;
  siteUrl: string;
  clientDir: string;
  env: Record<string, string | undefined>;
  previous: ReleaseBase | null;
  /** What `outDir` holds already: an old release being recycled (null: `outDir` does not exist yet). */
  recycled: ReleaseManifest | null;
  /** Render every page even where the previous release could be reused. */
  full: boolean;
  /** Takes a folder out of the release (a search bundle being replaced); by default it is removed. */
  discard?: (dir: string) => void;
}

/** Seconds per step, summed over the build. */
export type Phases = Record<string, number>;

function clock(phases: Phases) {
  return <T>(name: string, work: () => T): T => {
    const started = performance.now();
    try {
      return work();
    } finally {
      phases[name] = (phases[name] ?? 0) + (performance.now() - started) / 1000;
    }
  };
}

export interface ReleaseStats {
  pages: { total: number; rendered: number; reused: number };
  files: { total: number; written: number; reused: number };
  search: { pages: number; changed: number; removed: number };
  urls: string[];
  phases: Phases;
}

const sha = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);
const SEARCHABLE = new Set(SEARCHABLE_ROUTES);

/** The searchable pages of a release that are in one search bundle. */
export const bundlePages = (manifest: Pick<ReleaseManifest, 'searchable'>, shard: string) =>
  Object.keys(manifest.searchable).filter((url) => manifest.searchable[url] === shard);

/** Whether a release can be the base of an incremental build with this code for this site. */
export function reusable(manifest: ReleaseManifest, codeHash: string, siteUrl: string): boolean {
  return manifest.version === MANIFEST_VERSION && manifest.codeHash === codeHash && manifest.siteUrl === siteUrl;
}

export async function buildRelease(input: ReleaseInput): Promise<{ manifest: ReleaseManifest; stats: ReleaseStats; searchWritten: Promise<void> }> {
  const { content, renderer, search, outDir, siteUrl, previous } = input;
  const reuse = !input.full && previous && reusable(previous.manifest, renderer.hash, siteUrl) ? previous : null;
  /** The recycled release in `outDir`; only with a previous release to take what changed since from. */
  const base = reuse && input.recycled && reusable(input.recycled, renderer.hash, siteUrl) ? input.recycled : null;
  if (input.recycled && !base) throw new Error(`${outDir} holds a release that cannot be recycled for this build.`);
  if (!input.recycled && fs.existsSync(outDir)) throw new Error(`${outDir} exists already; a release is built into a new directory or a recycled release.`);
  fs.mkdirSync(outDir, { recursive: true });
  const discard = input.discard ?? ((dir: string) => fs.rmSync(dir, { recursive: true, force: true }));
  // A file of a recycled release is replaced (removed first); in a new folder it is simply created.
  const place = base ? { link: replaceWithLink, write: replaceFile } : { link: tryLinkFile, write: writeNew };
  const listed = performance.now();
  const urls = routes.expectedUrls(inventory(content, input.context.infoPages));
  const sitemap = sitemapUrls(urls);
  // Without a previous release every page is indexed. Otherwise the search index holds those bundles of the
  // previous release that earlier builds of this process wrote (none after a restart or a failed build,
  // and none that a rollback replaced); a bundle it does not hold is loaded – all its pages, read from the
  // new release – only when a page of it changed.
  const searchFresh = !reuse;
  if (searchFresh) await search.reset();
  for (const shard of search.names()) if (search.version(shard) !== reuse?.manifest.bundles[shard]) await search.drop(shard);
  const loaded = (shard: string) => searchFresh || search.has(shard) || !(shard in reuse!.manifest.bundles);
  /** Bundles whose pages changed: only these are written; the others are linked from the previous release. */
  const dirty = new Set<string>();
  const previousShard = (url: string) => reuse?.manifest.searchable[url];
  const removeFromSearch = async (shard: string, url: string) => {
    if (loaded(shard)) await timed('search', () => search.get(shard).remove(url));
    dirty.add(shard);
  };
  const addToSearch = async (shard: string, url: string, html: () => string) => {
    if (loaded(shard)) await timed('search', () => search.get(shard).add(url, html()));
    dirty.add(shard);
  };

  const manifest: ReleaseManifest = { version: MANIFEST_VERSION, codeHash: renderer.hash, siteUrl, builtAt: new Date().toISOString(), pages: {}, files: {}, searchable: {}, bundles: {}, assets: [] };
  const bundleVersion = `${manifest.builtAt}-${Math.random().toString(36).slice(2, 8)}`;
  const stats: ReleaseStats = { pages: { total: 0, rendered: 0, reused: 0 }, files: { total: 0, written: 0, reused: 0 }, search: { pages: 0, changed: 0, removed: 0 }, urls, phases: {} };
  stats.phases.inventory = (performance.now() - listed) / 1000;
  const time = clock(stats.phases);
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      stats.phases[name] = (stats.phases[name] ?? 0) + (performance.now() - started) / 1000;
    }
  };

  const matched = urls.map((url) => {
    const route = routes.match(url);
    if (!route) throw new Error(`The route table lists ${url}, but cannot read it back.`);
    return route;
  });
  // Pages that left the site leave their bundle first, so that a bundle can be written as soon as the
  // loop below is past the last page it can hold – Pagefind writes it in its own process meanwhile.
  if (!searchFresh) {
    const listed = new Set(urls);
    for (const [url, shard] of Object.entries(reuse!.manifest.searchable)) {
      if (listed.has(url)) continue;
      await removeFromSearch(shard, url);
      stats.search.removed += 1;
    }
  }
  const lastOfKind = new Map<RouteKind, number>();
  matched.forEach((route, i) => lastOfKind.set(route.kind, i));
  // Bundles are written one after another (bounded memory in Pagefind), each as soon as it is complete.
  const writes = new Map<string, Promise<unknown>>();
  let writing: Promise<unknown> = Promise.resolve();
  const startWrite = (shard: string) => {
    if (writes.has(shard)) return;
    // A bundle not loaded yet gets all its pages now: the loop is past them, so they are in the release.
    const load = loaded(shard) ? [] : bundlePages(manifest, shard);
    if (!load.length && (!search.has(shard) || search.get(shard).size === 0)) return;
    const bundle = path.join(outDir, searchBundlePath(shard));
    manifest.bundles[shard] = bundleVersion;
    if (base && fs.existsSync(bundle)) discard(bundle);
    const write = async () => {
      if (load.length) await timed('search', () => search.load(shard, bundleVersion, load, (url) => fs.readFileSync(path.join(outDir, outputPath(url)), 'utf8')));
      const started = performance.now();
      await search.get(shard).write(bundle);
      // The bundle's scripts and entry file (its index files are compressed already).
      precompressDir(bundle, { only: SEARCH_BUNDLE_ASSETS });
      stats.phases['search-write'] = (stats.phases['search-write'] ?? 0) + (performance.now() - started) / 1000;
    };
    // Settles with the error (if any), which is thrown when the build waits for the bundles.
    writing = writing.then(write).then(() => undefined, (error: unknown) => error ?? new Error(`writing ${shard} failed`));
    writes.set(shard, writing);
  };
  const writeFinished = (i: number) => {
    for (const shard of new Set([...search.names(), ...dirty])) {
      if ((searchFresh || dirty.has(shard)) && shardKinds(shard).every((kind) => (lastOfKind.get(kind) ?? -1) <= i)) startWrite(shard);
    }
  };

  for (const [i, url] of urls.entries()) {
    const route: RouteMatch = matched[i]!;
    if (i > 0 && matched[i - 1]!.kind !== route.kind) writeFinished(i - 1);
    const target = path.join(outDir, outputPath(url));
    const before = reuse ? path.join(reuse.dir, outputPath(url)) : null;
    if (isPageRoute(route.kind)) {
      const page = time('models', () => pageModel(content, route, input.context));
      if (!page) throw new Error(`No page model for ${url} (${route.kind}): the route table and the page models disagree.`);
      const fingerprint = time('fingerprints', () => sha(JSON.stringify(page)));
      manifest.pages[url] = fingerprint;
      stats.pages.total += 1;
      const shard = SEARCHABLE.has(route.kind) ? searchShard(route.kind, page.kind === 'document' ? page.document.date.slice(0, 4) : undefined, content.now.getUTCFullYear()) : null;
      if (shard) manifest.searchable[url] = shard;
      const moved = shard !== null && previousShard(url) !== undefined && previousShard(url) !== shard;
      if (moved) await removeFromSearch(previousShard(url)!, url);
      const live = reuse?.manifest.pages[url] === fingerprint;
      // A recycled release may hold the page as it is now but not as it is live (its model went back to
      // an earlier state): then the page is in place, but its search record changed.
      const inPlace = base?.pages[url] === fingerprint;
      if (inPlace || (live && time('links', () => place.link(before!, target)))) {
        stats.pages.reused += 1;
        if (shard && (moved || !live)) await addToSearch(shard, url, () => fs.readFileSync(target, 'utf8'));
        if (shard && !live) stats.search.changed += 1;
        continue;
      }
      const html = await timed('render', () => renderer.render(url, { page, siteUrl }));
      time('write', () => place.write(target, html));
      stats.pages.rendered += 1;
      if (shard) {
        await addToSearch(shard, url, () => html);
        if (!searchFresh) stats.search.changed += 1;
      }
      continue;
    }
    const file = await timed('files', () => dataFile(content, route, { siteUrl, sitemapUrls: sitemap, env: input.env }));
    if (!file) throw new Error(`No content for the file ${url} (${route.kind}).`);
    const hash = sha(file.body);
    manifest.files[url] = hash;
    stats.files.total += 1;
    if (base?.files[url] === hash || (before && reuse!.manifest.files[url] === hash && place.link(before, target))) {
      stats.files.reused += 1;
    } else {
      place.write(target, file.body);
      stats.files.written += 1;
    }
  }
  // What the recycled release has and this one does not: pages and files of removed entries.
  if (base) {
    time('links', () => {
      for (const url of [...Object.keys(base.pages), ...Object.keys(base.files)]) {
        if (!(url in manifest.pages) && !(url in manifest.files)) removeFile(outDir, path.join(outDir, outputPath(url)));
      }
    });
  }

  if (searchFresh) stats.search.changed = Object.keys(manifest.searchable).length;
  const shards = new Set(Object.values(manifest.searchable));
  for (const shard of shards) if (searchFresh || dirty.has(shard)) startWrite(shard);
  for (const shard of shards) {
    if (writes.has(shard)) continue;
    // An unchanged bundle: as it is in the recycled release, or linked from the previous one.
    manifest.bundles[shard] = reuse!.manifest.bundles[shard]!;
    if (base?.bundles[shard] === manifest.bundles[shard]) continue;
    const target = path.join(outDir, searchBundlePath(shard));
    if (base && fs.existsSync(target)) discard(target);
    time('links', () => linkTree(path.join(reuse!.dir, searchBundlePath(shard)), target));
  }
  for (const shard of Object.keys(base?.bundles ?? {})) {
    const dir = path.join(outDir, searchBundlePath(shard));
    if (!shards.has(shard) && fs.existsSync(dir)) discard(dir);
  }
  time('links', () => linkTree(input.clientDir, outDir));
  // Pagefind may still be writing: the caller checks the pages meanwhile and waits for this before going live.
  const searchWritten = (async () => {
    const failed = (await Promise.all(writes.values())).find((result) => result !== undefined);
    if (failed !== undefined) throw failed instanceof Error ? failed : new Error(String(failed));
    for (const shard of search.names()) if (!shards.has(shard)) await search.drop(shard);
    for (const shard of writes.keys()) search.written(shard, bundleVersion);
    stats.search.pages = Object.keys(manifest.searchable).length;
  })();
  searchWritten.catch(() => undefined); // handled by the caller, which may await it only later
  return { manifest, stats, searchWritten };
}
