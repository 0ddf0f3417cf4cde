/**
 * Builds one release of the site: every URL of the route table for this content, pages rendered only where
 * their model changed since the base release (the others linked from it), data files written from the
 * content, the search index updated by the changed pages only. Returns the manifest the next build compares
 * with.
 *
 * What is done is decided first, without touching the disk (`plan.ts`): the page models' fingerprints and
 * the data files' hashes are collected, compared with the base release's manifest, and the plan is carried
 * out here.
 *
 * A release is built into an empty directory, or – the fast way – into a recycled one: an old release that
 * would be retired anyway, patched into the new one. Its manifest says what it holds, so only what differs
 * from it is replaced or removed; a fresh directory needs every one of ~93,000 files (at ten times the demo
 * content) linked again, which alone took 4 s per publish.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  isPageRoute,
  outputPath,
  routes,
  searchBundlePath,
  type RouteKind,
  type RouteMatch,
} from '@ikz/shared-types/routes';
import type { Content } from '../model/content.ts';
import { dataFile } from '../model/files.ts';
import { inventory, sitemapUrls } from '../model/inventory.ts';
import {
  bundleKinds,
  pageModel,
  projectBundlesOf,
  SEARCHABLE_ROUTES,
  searchBundleName,
  type ModelContext,
} from '../model/pages.ts';
import type { Renderer } from './bundle.ts';
import { linkTree, removeFile, replaceFile, replaceWithLink, tryLinkFile, writeNew } from './files.ts';
import {
  bundlePages,
  MANIFEST_VERSION,
  planRelease,
  type FileHash,
  type PageFingerprint,
  type PagePlan,
  type ReleaseManifest,
  type ReleasePlan,
} from './plan.ts';
import type { SearchBundles } from './search-index.ts';
import { precompressDir, SEARCH_BUNDLE_ASSETS } from './precompress.ts';
import { unpackSearchFiles } from './search-files.ts';
import { pruneSearchFiles, seedSearchFiles } from './search-reuse.ts';
import { writeFinderFile } from './finder-file.ts';

export { bundlePages, MANIFEST_VERSION, reusable, type ReleaseManifest } from './plan.ts';

/** A release that can be built on: its directory and what it holds. */
export interface ReleaseBase {
  dir: string;
  manifest: ReleaseManifest;
}

export interface ReleaseInput {
  content: Content;
  context: ModelContext;
  renderer: Renderer;
  search: SearchBundles;
  outDir: string;
  siteUrl: string;
  clientDir: string;
  env: Record<string, string | undefined>;
  /** The release the build starts from (chosen by `chooseBase`); null: every page is rendered. */
  base: ReleaseBase | null;
  /** What `outDir` holds already: an old release being recycled (null: `outDir` does not exist yet). */
  recycled: ReleaseManifest | null;
  /** Takes a folder out of the release (a search bundle being replaced); by default it is removed. */
  discard?: (dir: string) => void;
  /** Bundles of the base release to load into the search index while the build collects (bundlesOfChanges). */
  warm?: readonly string[];
}

/** Seconds per step, summed over the build. */
export type Phases = Record<string, number>;

/** Times steps into `phases`. */
function timer(phases: Phases) {
  const add = (name: string, started: number) =>
    (phases[name] = (phases[name] ?? 0) + (performance.now() - started) / 1000);
  return {
    time<T>(name: string, work: () => T): T {
      const started = performance.now();
      try {
        return work();
      } finally {
        add(name, started);
      }
    },
    async timed<T>(name: string, work: () => Promise<T>): Promise<T> {
      const started = performance.now();
      try {
        return await work();
      } finally {
        add(name, started);
      }
    },
  };
}
type Timer = ReturnType<typeof timer>;

export interface ReleaseStats {
  pages: { total: number; rendered: number; reused: number };
  files: { total: number; written: number; reused: number };
  search: { pages: number; changed: number; removed: number };
  urls: string[];
  phases: Phases;
}

const sha = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);
const SEARCHABLE = new Set(SEARCHABLE_ROUTES);

type CollectedPage = PageFingerprint & { route: RouteMatch };

interface Collected {
  urls: string[];
  pages: CollectedPage[];
  files: (FileHash & { body: string })[];
}

/** Every URL of the release: the fingerprint of its page model, or its data file and that file's hash. */
async function collect(input: ReleaseInput, clock: Timer, phases: Phases): Promise<Collected> {
  const { content, context, siteUrl } = input;
  const listed = performance.now();
  const urls = routes.expectedUrls(inventory(content, context.infoPages));
  const sitemap = sitemapUrls(urls);
  phases.inventory = (performance.now() - listed) / 1000;
  const collected: Collected = { urls, pages: [], files: [] };
  const projectBundles = projectBundlesOf(content, context);
  for (const url of urls) {
    const route = routes.match(url);
    if (!route) throw new Error(`The route table lists ${url}, but cannot read it back.`);
    if (isPageRoute(route.kind)) {
      const page = clock.time('models', () => pageModel(content, route, context));
      if (!page)
        throw new Error(`No page model for ${url} (${route.kind}): the route table and the page models disagree.`);
      const fingerprint = clock.time('fingerprints', () => sha(JSON.stringify(page)));
      const bundleName = SEARCHABLE.has(route.kind)
        ? searchBundleName(
            route.kind,
            page.kind === 'document' ? page.document.date.slice(0, 4) : undefined,
            content.now.getUTCFullYear(),
            { slug: route.params.slug ?? '', projectBundles },
          )
        : null;
      collected.pages.push({ url, kind: route.kind, fingerprint, bundleName, route });
      continue;
    }
    const file = await clock.timed('files', () =>
      dataFile(content, route, { siteUrl, sitemapUrls: sitemap, env: input.env }),
    );
    if (!file) throw new Error(`No content for the file ${url} (${route.kind}).`);
    collected.files.push({ url, hash: sha(file.body), body: file.body });
  }
  return collected;
}

/**
 * The search side of a build. Without a base every page is indexed. Otherwise the search index holds those
 * bundles of the base release that earlier builds of this process wrote (none after a restart or a failed
 * build, and none that a rollback replaced); a bundle it does not hold is loaded – all its pages, read from
 * the new release – only when a page of it changed. Bundles are written one after another (bounded memory
 * in Pagefind), each as soon as the pages it can hold are in the release.
 */
async function searchIndexer(
  input: ReleaseInput,
  plan: ReleasePlan,
  manifest: ReleaseManifest,
  clock: Timer,
  warming: Promise<void>,
) {
  const { search, outDir, base } = input;
  // Pages are added in the order they are sent: the bundles loaded ahead must be in before this build's own.
  await clock.timed('search-warm-wait', () => warming);
  if (plan.fresh) await search.reset();
  for (const bundleName of search.names())
    if (search.version(bundleName) !== base?.manifest.bundles[bundleName]) await search.drop(bundleName);
  const discard = input.discard ?? ((dir: string) => fs.rmSync(dir, { recursive: true, force: true }));
  const bundleVersion = `${manifest.builtAt}-${Math.random().toString(36).slice(2, 8)}`;
  const loaded = (bundleName: string) =>
    plan.fresh || search.has(bundleName) || !(bundleName in base!.manifest.bundles);
  /** Bundles whose pages changed: only these are written; the others are linked from the base release. */
  const dirty = new Set(plan.reindex);
  const writes = new Map<string, Promise<unknown>>();
  let writing: Promise<unknown> = Promise.resolve();
  const write = (bundleName: string) => {
    if (writes.has(bundleName)) return;
    // A bundle not loaded yet gets all its pages now: the build is past them, so they are in the release.
    const load = loaded(bundleName) ? [] : bundlePages(manifest, bundleName);
    if (!load.length && (!search.has(bundleName) || search.get(bundleName).size === 0)) return;
    const bundle = path.join(outDir, searchBundlePath(bundleName));
    manifest.bundles[bundleName] = bundleVersion;
    if (input.recycled && fs.existsSync(bundle)) discard(bundle);
    const run = async () => {
      if (load.length)
        await clock.timed('search', () =>
          search.load(bundleName, bundleVersion, load, (url) =>
            fs.readFileSync(path.join(outDir, outputPath(url)), 'utf8'),
          ),
        );
      const baseBundle = base ? path.join(base.dir, searchBundlePath(bundleName)) : null;
      // Pagefind writes only the hashed files the base bundle lacks (search-reuse.ts).
      const seeded = baseBundle ? clock.time('search-seed', () => seedSearchFiles(baseBundle, bundle)) : 0;
      await clock.timed('search-write', async () => {
        await search.get(bundleName).write(bundle);
        // The bundle's scripts and entry file; its index files come with Pagefind's gzip copy (search-files.ts).
        precompressDir(bundle, { only: SEARCH_BUNDLE_ASSETS });
      });
      if (seeded) clock.time('search-seed', () => pruneSearchFiles(bundle));
      clock.time('search-unpack', () => unpackSearchFiles(bundle));
      if (bundleKinds(bundleName).includes('project'))
        clock.time('search-finder', () => writeFinderFile(bundle, baseBundle));
    };
    // Settles with the error (if any), which is thrown when the build waits for the bundles.
    writing = writing.then(run).then(
      () => undefined,
      (error: unknown) => error ?? new Error(`writing ${bundleName} failed`),
    );
    writes.set(bundleName, writing);
  };
  return {
    dirty,
    writes,
    bundleVersion,
    discard,
    write,
    async remove(bundleName: string, url: string) {
      if (loaded(bundleName)) await clock.timed('search', () => search.get(bundleName).remove(url));
    },
    async add(bundleName: string, url: string, html: () => string) {
      dirty.add(bundleName);
      if (loaded(bundleName)) await clock.timed('search', () => search.get(bundleName).add(url, html()));
    },
    /** Starts writing the changed bundles whose kinds of page all came before `done`. */
    finished(lastOfKind: ReadonlyMap<RouteKind, number>, done: number) {
      for (const bundleName of dirty)
        if (bundleKinds(bundleName).every((kind) => (lastOfKind.get(kind) ?? -1) <= done)) write(bundleName);
    },
  };
}
type SearchIndexer = Awaited<ReturnType<typeof searchIndexer>>;

/** One build under way: its input, its plan and what it has done so far. */
interface Build {
  input: ReleaseInput;
  plan: ReleasePlan;
  manifest: ReleaseManifest;
  stats: ReleaseStats;
  clock: Timer;
  index: SearchIndexer;
  /** A file of a recycled release is replaced (removed first); in a new folder it is simply created. */
  place: { link: (source: string, target: string) => boolean; write: (file: string, data: string) => void };
}

/** Keeps, links or renders one page as planned (rendering it after all when the base lacks its file). */
async function placePage(b: Build, page: PagePlan & { route: RouteMatch }): Promise<void> {
  const { input, clock, stats } = b;
  const target = path.join(input.outDir, outputPath(page.url));
  if (page.leaves !== null) await b.index.remove(page.leaves, page.url);
  const linked =
    page.action === 'link' &&
    clock.time('links', () => b.place.link(path.join(input.base!.dir, outputPath(page.url)), target));
  if (page.action === 'keep' || linked) {
    stats.pages.reused += 1;
    if (page.index) await b.index.add(page.bundleName!, page.url, () => fs.readFileSync(target, 'utf8'));
    if (page.searchChanged) stats.search.changed += 1;
    return;
  }
  const model = clock.time('models', () => pageModel(input.content, page.route, input.context))!;
  const html = await clock.timed('render', () =>
    input.renderer.render(page.url, { page: model, siteUrl: input.siteUrl }),
  );
  clock.time('write', () => b.place.write(target, html));
  stats.pages.rendered += 1;
  if (page.bundleName !== null) {
    await b.index.add(page.bundleName, page.url, () => html);
    if (!b.plan.fresh) stats.search.changed += 1;
  }
}

/** The pages in route order; each search bundle is written as soon as the pages it can hold are placed. */
async function placePages(b: Build, pages: CollectedPage[]): Promise<void> {
  // Pages that left the site leave their bundle first, so that a bundle can be written as soon as the
  // loop below is past the last page it can hold – Pagefind writes it in its own process meanwhile.
  for (const { url, bundleName } of b.plan.unindex) {
    await b.index.remove(bundleName, url);
    b.stats.search.removed += 1;
  }
  const lastOfKind = new Map<RouteKind, number>();
  pages.forEach((page, i) => lastOfKind.set(page.kind, i));
  for (const [i, page] of b.plan.pages.entries()) {
    if (i > 0 && b.plan.pages[i - 1]!.kind !== page.kind) b.index.finished(lastOfKind, i - 1);
    await placePage(b, { ...page, route: pages[i]!.route });
  }
}

/** The data files as planned, and what the recycled release holds that the new one does not. */
function placeFiles(b: Build, files: Collected['files']): void {
  const { input, plan, stats } = b;
  for (const [i, file] of plan.files.entries()) {
    const target = path.join(input.outDir, outputPath(file.url));
    if (
      file.action === 'keep' ||
      (file.action === 'link' && b.place.link(path.join(input.base!.dir, outputPath(file.url)), target))
    ) {
      stats.files.reused += 1;
    } else {
      b.place.write(target, files[i]!.body);
      stats.files.written += 1;
    }
  }
  b.clock.time('links', () => {
    for (const url of plan.remove) removeFile(input.outDir, path.join(input.outDir, outputPath(url)));
  });
}

/** Writes the changed bundles not written yet; the others are kept in place or linked from the base release. */
function placeBundles(b: Build): void {
  const { input, plan, manifest, index } = b;
  if (plan.fresh) b.stats.search.changed = Object.keys(manifest.searchable).length;
  for (const bundleName of Object.keys(plan.bundles)) if (index.dirty.has(bundleName)) index.write(bundleName);
  for (const [bundleName, action] of Object.entries(plan.bundles)) {
    if (index.writes.has(bundleName)) continue;
    manifest.bundles[bundleName] = input.base!.manifest.bundles[bundleName]!;
    if (action === 'keep') continue;
    const target = path.join(input.outDir, searchBundlePath(bundleName));
    if (input.recycled && fs.existsSync(target)) index.discard(target);
    b.clock.time('links', () => linkTree(path.join(input.base!.dir, searchBundlePath(bundleName)), target));
  }
  for (const bundleName of plan.discard) {
    const dir = path.join(input.outDir, searchBundlePath(bundleName));
    if (fs.existsSync(dir)) index.discard(dir);
  }
}

/** Settles when every bundle is written; then the search index forgets the bundles the release has not. */
async function searchDone(b: Build): Promise<void> {
  const { search } = b.input;
  const failed = (await Promise.all(b.index.writes.values())).find((result) => result !== undefined);
  if (failed !== undefined) throw failed instanceof Error ? failed : new Error(String(failed));
  for (const bundleName of search.names()) if (!(bundleName in b.plan.bundles)) await search.drop(bundleName);
  for (const bundleName of b.index.writes.keys()) search.written(bundleName, b.index.bundleVersion);
  b.stats.search.pages = Object.keys(b.manifest.searchable).length;
}

/**
 * Loads `input.warm` from the base release into the search index if it does not hold them (after a restart, or
 * a failed build): Pagefind's process adds the pages while this one collects fingerprints.
 */
function warmBundles(input: ReleaseInput, clock: Timer): Promise<void> {
  const { base, search } = input;
  const load = (input.warm ?? []).flatMap((bundleName) => {
    const version = base?.manifest.bundles[bundleName];
    return version && search.version(bundleName) !== version ? [[bundleName, version] as const] : [];
  });
  if (!base || !load.length) return Promise.resolve();
  return clock.timed('search-warm', async () => {
    for (const [bundleName, version] of load)
      await search.load(bundleName, version, bundlePages(base.manifest, bundleName), (url) =>
        fs.readFileSync(path.join(base.dir, outputPath(url)), 'utf8'),
      );
  });
}

export async function buildRelease(
  input: ReleaseInput,
): Promise<{ manifest: ReleaseManifest; stats: ReleaseStats; searchWritten: Promise<void> }> {
  const { renderer, outDir, siteUrl } = input;
  if (!input.recycled && fs.existsSync(outDir))
    throw new Error(`${outDir} exists already; a release is built into a new directory or a recycled release.`);
  fs.mkdirSync(outDir, { recursive: true });
  const phases: Phases = {};
  const clock = timer(phases);
  const warming = warmBundles(input, clock);
  warming.catch(() => undefined); // awaited by the search indexer
  let collected: Collected;
  let plan: ReleasePlan;
  try {
    collected = await collect(input, clock, phases);
    plan = planRelease({
      pages: collected.pages,
      files: collected.files,
      base: input.base?.manifest ?? null,
      recycled: input.recycled,
    });
  } catch (error) {
    // The caller starts the search index over after a failed build: not while bundles are still loading.
    await warming.catch(() => undefined);
    throw error;
  }
  const manifest: ReleaseManifest = {
    version: MANIFEST_VERSION,
    codeHash: renderer.hash,
    siteUrl,
    builtAt: new Date().toISOString(),
    ...plan.manifest,
    bundles: {},
    assets: [],
  };
  const stats: ReleaseStats = {
    pages: { total: plan.pages.length, rendered: 0, reused: 0 },
    files: { total: plan.files.length, written: 0, reused: 0 },
    search: { pages: 0, changed: 0, removed: 0 },
    urls: collected.urls,
    phases,
  };
  const index = await searchIndexer(input, plan, manifest, clock, warming);
  const place = input.recycled ? { link: replaceWithLink, write: replaceFile } : { link: tryLinkFile, write: writeNew };
  const b: Build = { input, plan, manifest, stats, clock, index, place };
  await placePages(b, collected.pages);
  placeFiles(b, collected.files);
  placeBundles(b);
  clock.time('links', () => linkTree(input.clientDir, outDir));
  // Pagefind may still be writing: the caller checks the pages meanwhile and waits for this before going live.
  const searchWritten = searchDone(b);
  searchWritten.catch(() => undefined); // handled by the caller, which may await it only later
  return { manifest, stats, searchWritten };
}
