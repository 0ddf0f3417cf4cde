/**
 * The site builder: keeps the published content, the renderer and the search index warm between builds,
 * and builds a release on request – incrementally from a base release (the live one), or in full. Used by the
 * publisher (every publish), by `pnpm build:site` and by the tests; the editors' preview renders with the
 * same renderer and page models.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BuildReport } from '@ikz/shared-types/build-report';
import { isProjectBundle, outputPath, SEARCH_MAIN_BUNDLE } from '@ikz/shared-types/routes';
import { createStrapiClient } from '@ikz/shared-types/rest';
import { buildKreisMap, readKreisTopology, type KreisMap, type KreisTopology } from '../lib/map.ts';
import { readReferenceJson } from '@ikz/shared-types/reference-data';
import { buildContent, type Snapshot } from '../model/content.ts';
import { publishedFiles, type AssetRef } from '../model/published-files.ts';
import type { InfoPage, MapBuilder } from '../model/pages.ts';
import { ContentStore, type Change } from '../snapshot/store.ts';
import { AssetCache, type AssetStats } from './assets.ts';
import { ensureBundle, loadRenderer, SITE_DIR, type Renderer } from './bundle.ts';
import { checkFiles, checkSearch } from './checks.ts';
import { buildRelease, type Phases, type ReleaseBase } from './release.ts';
import {
  bundlePages,
  bundlesOfChanges,
  chooseBase,
  planAssets,
  type EntryLists,
  type ReleaseManifest,
} from './plan.ts';
import { forgetDirs, removeFile } from './files.ts';
import { SearchBundles } from './search-index.ts';
import { renderPreview, type Preview } from './preview.ts';
import { FileScreen } from './screen.ts';
import { storeFile, type StoreFile } from './store-file.ts';
import type { ContentTypeName } from '@ikz/shared-types';
import type { PreviewStatus } from '@ikz/shared-types/preview';
import { ReleaseCheckError } from './errors.ts';
import { inheritedEnv } from '@ikz/shared-types/env';

export { ReleaseCheckError };

export type { AssetRef, Change, Preview, ReleaseBase, ReleaseManifest, Renderer };
export { PreviewError } from './preview.ts';
export { ensureBundle, loadRenderer, codeHash } from './bundle.ts';
export { reusable } from './plan.ts';
export { UploadGoneError, type AssetCache } from './assets.ts';
export { stopSearchService } from './search-index.ts';

export interface SiteBuilderOptions {
  strapiUrl: string;
  /** The read-only API token. */
  token: string;
  /** The public address of the site. */
  siteUrl: string;
  /** Where downloads and image variants are cached between builds. */
  cacheDir: string;
  /** Fail instead of skipping invalid entries. */
  strict?: boolean;
  /** Configuration the data files read (security.txt). */
  env?: Record<string, string | undefined>;
  now?: () => Date;
  log?: (message: string) => void;
  /**
   * Where the content store is saved between runs (the publisher's), so that a restart reads only what changed
   * meanwhile; without it, every start reads all content.
   */
  storeFile?: string;
  /** How often at most the store is saved while builds go on (default 30 s; always when the builder closes). */
  storeSaveIntervalMs?: number;
  /** Projects per search bundle before they are split (PROJECTS_PER_BUNDLE; the publisher passes IKZ_PROJECTS_PER_BUNDLE). */
  projectsPerBundle?: number;
}

export interface BuildRequest {
  outDir: string;
  /** The release to start from (the live one): pages whose model did not change are linked from it. */
  base: ReleaseBase | null;
  /**
   * An old release (never the live one) the build may turn into the new one instead of starting from an
   * empty directory. If the build takes it, it calls `claim`, which must move the release to `outDir` and
   * forget its manifest; a release not taken stays as it is.
   */
  recycle?: (ReleaseBase & { claim: () => void }) | null;
  /** Takes a folder out of a recycled release (into a trash emptied later); by default it is removed. */
  discard?: (dir: string) => void;
  /** Render every page and read all content again. */
  full?: boolean;
  /** Why the build is full (shown to editors). */
  reason?: string;
  /** What webhooks reported since the last build. */
  changes?: readonly Change[];
}

export interface BuildResult {
  manifest: ReleaseManifest;
  report: BuildReport;
}

export const INFO_PAGES_DIR = path.join(SITE_DIR, 'src', 'content', 'pages');

/** The site's MDX pages, and which of them show the content date or offer the municipalities in a form. */
export function readInfoPages(dir = INFO_PAGES_DIR): InfoPage[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      return {
        id: f.replace(/\.mdx$/, ''),
        usesContentDate: text.includes('<ContentDate'),
        usesMunicipalities: text.includes('<AdviceRequestForm') || text.includes('<ProjectReportForm'),
        usesTopics: text.includes('<ProjectReportForm'),
      };
    });
}

/** The NRW map for a set of counts, computed once per distinct set. */
function mapBuilder(): MapBuilder {
  let topology: KreisTopology | null = null;
  let last: { key: string; map: KreisMap } | null = null;
  return (counts) => {
    const key = JSON.stringify([...counts].sort());
    if (last?.key === key) return last.map;
    topology ??= readKreisTopology(readReferenceJson('nrw.topojson'));
    last = { key, map: buildKreisMap(topology, counts) };
    return last.map;
  };
}

/** The entries with a searchable page of their own, by type. */
const entryLists = (snapshot: Snapshot): EntryLists => ({
  project: snapshot.projects,
  document: snapshot.documents,
  newsletter: snapshot.newsletters,
  event: snapshot.events,
  'partner-search': snapshot.partnerSearches ?? [],
});

/** What a site builder keeps between builds. */
interface Parts {
  options: SiteBuilderOptions;
  log: (message: string) => void;
  store: ContentStore;
  saved: StoreFile | null;
  search: SearchBundles;
  assets: AssetCache;
  screen: FileScreen;
  buildMap: MapBuilder;
  /** The renderer of the current code (built first if the code changed). */
  renderer: () => Promise<Renderer>;
}

/**
 * Brings the content up to date (all of it for a full build; after a start, from the saved store if there is one
 * for this code) and screens the uploads it offers.
 */
async function readContent(
  { store, saved, screen, options, log }: Parts,
  request: BuildRequest & { codeHash: string },
  full: boolean,
  phases: Phases,
  assetStats: AssetStats,
) {
  let since = performance.now();
  // A saved store, once loaded, is brought up to date like a warm one.
  if (!full && !store.isLoaded) saved?.restore(request.codeHash);
  const sync =
    full || !store.isLoaded
      ? await store.loadAll().then(() => ({ read: -1, removed: 0 }))
      : await store.apply(request.changes ?? []);
  const snapshot = store.snapshot();
  if (sync.read === -1) sync.read = Object.values(snapshot).reduce((n, list) => n + list.length, 0);
  phases.content = (performance.now() - since) / 1000;
  since = performance.now();
  const sources = { downloads: store.downloads(), images: store.images() };
  await screen.screen(sources.downloads, sources.images, assetStats);
  const files = publishedFiles(snapshot, screen, sources);
  for (const file of files.withheld)
    log(`file not published (${file.detected}): ${file.type} ${file.documentId} ${file.field} ${file.name ?? ''}`);
  phases.screen = (performance.now() - since) / 1000;
  since = performance.now();
  const content = buildContent(files.snapshot, options.now?.() ?? new Date());
  phases.indexes = (performance.now() - since) / 1000;
  return { sync, snapshot, files, content };
}

/** Links the downloads and images into the release (a recycled release keeps those it has) and checks it. */
async function finishRelease(
  assets: AssetCache,
  outDir: string,
  built: Awaited<ReturnType<typeof buildRelease>>,
  recycled: ReleaseManifest | null,
  wanted: Map<string, AssetRef>,
  phases: Phases,
  assetStats: AssetStats,
) {
  const { manifest, stats, searchWritten } = built;
  let since = performance.now();
  const planned = planAssets(wanted.keys(), recycled);
  await assets.linkAssets(new Map(planned.link.map((file) => [file, wanted.get(file)!])), outDir, assetStats);
  for (const file of planned.remove) removeFile(outDir, path.join(outDir, file));
  manifest.assets = planned.all;
  phases.assets = (performance.now() - since) / 1000;
  since = performance.now();
  const problems = checkFiles(outDir, stats.urls, manifest.searchable, manifest.assets);
  phases.checks = (performance.now() - since) / 1000;
  since = performance.now();
  await searchWritten;
  phases['search-wait'] = (performance.now() - since) / 1000;
  problems.push(...checkSearch(outDir, manifest.searchable));
  if (problems.length) throw new ReleaseCheckError(problems);
}

/** One build: its base chosen, the content brought up to date, the release built, checked and reported. */
async function buildSite(parts: Parts, request: BuildRequest): Promise<BuildResult> {
  const { options, store, search, buildMap } = parts;
  const startedAt = new Date();
  const started = performance.now();
  const render = await parts.renderer();
  const bundle = await ensureBundle();
  const { base, recycled, fullReason } = chooseBase({
    base: request.base,
    recycle: request.recycle ?? null,
    codeHash: render.hash,
    siteUrl: options.siteUrl,
    full: Boolean(request.full),
    reason: request.reason,
  });
  const phases: Phases = {};
  const assetStats: AssetStats = { files: 0, fetched: 0, made: 0 };
  const { sync, snapshot, files, content } = await readContent(
    parts,
    { ...request, codeHash: render.hash },
    fullReason !== null,
    phases,
    assetStats,
  );
  forgetDirs();
  recycled?.claim();
  let searchWritten: Promise<void> | null = null;
  try {
    const built = await buildRelease({
      content,
      context: { buildMap, infoPages: readInfoPages(), projectsPerBundle: options.projectsPerBundle },
      renderer: render,
      search,
      outDir: request.outDir,
      siteUrl: options.siteUrl,
      clientDir: bundle.clientDir,
      env: options.env ?? inheritedEnv(),
      base,
      recycled: recycled?.manifest ?? null,
      ...(request.discard ? { discard: request.discard } : {}),
      warm: base ? bundlesOfChanges(request.changes ?? [], entryLists(snapshot), base.manifest) : [],
    });
    searchWritten = built.searchWritten;
    await finishRelease(
      parts.assets,
      request.outDir,
      built,
      recycled?.manifest ?? null,
      files.assets,
      phases,
      assetStats,
    );
    const { manifest, stats } = built;
    Object.assign(phases, stats.phases);
    const report: BuildReport = {
      kind: fullReason ? 'full' : 'incremental',
      reason: fullReason,
      recycled: Boolean(recycled),
      startedAt: startedAt.toISOString(),
      seconds: (performance.now() - started) / 1000,
      pages: stats.pages,
      files: stats.files,
      search: stats.search,
      content: sync,
      counts: Object.fromEntries(Object.entries(snapshot).map(([type, list]) => [type, list.length])),
      skipped: store.skipped(),
      withheld: files.withheld,
      phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v * 1000) / 1000])),
    };
    return { manifest, report };
  } catch (error) {
    // The search index may hold pages of this failed build: the next build starts it over.
    await searchWritten?.catch(() => undefined);
    await search.reset();
    throw error;
  }
}

export function createSiteBuilder(options: SiteBuilderOptions) {
  const baseUrl = options.strapiUrl.replace(/\/+$/, '');
  const client = createStrapiClient({ baseUrl, token: options.token });
  const log = options.log ?? (() => {});
  const store = new ContentStore({ client, baseUrl, strict: options.strict ?? false, warn: log });
  const search = new SearchBundles();
  const assets = new AssetCache(options.cacheDir);
  const screen = new FileScreen(assets);
  const saved = options.storeFile
    ? storeFile({
        file: options.storeFile,
        strapiUrl: baseUrl,
        store,
        screen,
        log,
        intervalMs: options.storeSaveIntervalMs ?? 30_000,
      })
    : null;
  const buildMap = mapBuilder();
  let renderer: Renderer | null = null;

  /** The renderer of the current code (built first if the code changed). */
  async function currentRenderer(): Promise<Renderer> {
    const bundle = await ensureBundle({ log });
    if (renderer?.hash !== bundle.hash) renderer = await loadRenderer(bundle);
    return renderer;
  }
  const parts: Parts = { options, log, store, saved, search, assets, screen, buildMap, renderer: currentRenderer };
  const build = (request: BuildRequest) => buildSite(parts, request);

  /**
   * Loads the projects' search bundle of a release into the search index if it is not loaded (after a
   * restart): nearly every publish changes that bundle, and loading its pages takes seconds at scale. Called
   * by the publisher after a build, before the next one can start. Returns the pages loaded. Projects split
   * into several bundles are not loaded ahead: a publish changes one of them, which the build loads then.
   */
  async function warmSearch(release: ReleaseBase): Promise<number> {
    const version = release.manifest.bundles[SEARCH_MAIN_BUNDLE];
    if (!version || Object.keys(release.manifest.bundles).filter(isProjectBundle).length > 1) return 0;
    const urls = bundlePages(release.manifest, SEARCH_MAIN_BUNDLE);
    const loaded = await search.load(SEARCH_MAIN_BUNDLE, version, urls, (url) =>
      fs.readFileSync(path.join(release.dir, outputPath(url)), 'utf8'),
    );
    return loaded ? urls.length : 0;
  }

  /** Renders an entry fetched for the preview (a draft, or the published version) into the published content. */
  async function preview(request: { type: ContentTypeName; status: PreviewStatus; entry: unknown }): Promise<Preview> {
    if (!store.isLoaded) await store.loadAll();
    return renderPreview({
      ...request,
      store,
      screen,
      renderer: await currentRenderer(),
      context: { buildMap, infoPages: readInfoPages(), projectsPerBundle: options.projectsPerBundle },
      siteUrl: options.siteUrl,
      strapiUrl: baseUrl,
      now: options.now?.() ?? new Date(),
    });
  }

  /** The downloads and image files of the published content (site path → source), as a release holds them. */
  async function publishedAssets(): Promise<Map<string, AssetRef>> {
    if (!store.isLoaded) await store.loadAll();
    const sources = { downloads: store.downloads(), images: store.images() };
    await screen.screen(sources.downloads, sources.images);
    return publishedFiles(store.snapshot(), screen, sources).assets;
  }

  return {
    build,
    preview,
    warmSearch,
    publishedAssets,
    assets,
    store,
    renderer: currentRenderer,
    /** Saves the content store for the next start if it changed (at most every storeSaveIntervalMs). */
    saveStore: () => saved?.save(renderer?.hash),
    /** Saves the content store and drops this builder's search index (Pagefind keeps running: see stopSearchService). */
    close: async () => {
      saved?.save(renderer?.hash, true);
      await search.reset();
    },
  };
}

export type SiteBuilder = ReturnType<typeof createSiteBuilder>;
