/**
 * The site builder: keeps the published content, the renderer and the search index warm between builds,
 * and builds a release on request – incrementally from the previous release, or in full. Used by the
 * publisher (every publish), by `pnpm build:site` and by the tests; the editors' preview renders with the
 * same renderer and page models.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BuildReport } from '@ikz/shared-types/build-report';
import { outputPath, SEARCH_MAIN_SHARD } from '@ikz/shared-types/routes';
import { createStrapiClient } from '@ikz/shared-types/rest';
import { buildKreisMap, readKreisTopology, type KreisMap, type KreisTopology } from '../lib/map.ts';
import { readReferenceJson } from '@ikz/shared-types/reference-data';
import { buildContent } from '../model/content.ts';
import { publishedFiles, type AssetRef } from '../model/published-files.ts';
import type { InfoPage, MapBuilder } from '../model/pages.ts';
import { ContentStore, type Change } from '../snapshot/store.ts';
import { AssetCache, type AssetStats } from './assets.ts';
import { ensureBundle, loadRenderer, SITE_DIR, type Renderer } from './bundle.ts';
import { checkFiles, checkSearch } from './checks.ts';
import { buildRelease, bundlePages, reusable, type ReleaseBase, type ReleaseManifest } from './release.ts';
import { forgetDirs, removeFile } from './files.ts';
import { SearchShards } from './search.ts';
import { renderPreview, type Preview } from './preview.ts';
import { FileScreen } from './screen.ts';
import type { ContentTypeName } from '@ikz/shared-types';
import type { PreviewStatus } from '@ikz/shared-types/preview';
import { ReleaseCheckError } from './errors.ts';
import { inheritedEnv } from '@ikz/shared-types/env';

export { ReleaseCheckError };

export type { AssetRef, Change, Preview, ReleaseBase, ReleaseManifest, Renderer };
export { PreviewError } from './preview.ts';
export { ensureBundle, loadRenderer, codeHash } from './bundle.ts';
export { reusable } from './release.ts';
export { UploadGoneError, type AssetCache } from './assets.ts';
export { stopSearchService } from './search.ts';

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
}

export interface BuildRequest {
  outDir: string;
  previous: ReleaseBase | null;
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
      return { id: f.replace(/\.mdx$/, ''), usesContentDate: text.includes('<ContentDate'), usesMunicipalities: text.includes('<AdviceRequestForm') || text.includes('<ProjectReportForm'), usesTopics: text.includes('<ProjectReportForm') };
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

export function createSiteBuilder(options: SiteBuilderOptions) {
  const baseUrl = options.strapiUrl.replace(/\/+$/, '');
  const client = createStrapiClient({ baseUrl, token: options.token });
  const log = options.log ?? (() => {});
  const store = new ContentStore({ client, baseUrl, strict: options.strict ?? false, warn: log });
  const search = new SearchShards();
  const assets = new AssetCache(options.cacheDir);
  const screen = new FileScreen(assets);
  const buildMap = mapBuilder();
  let renderer: Renderer | null = null;

  /** The renderer of the current code (built first if the code changed). */
  async function currentRenderer(): Promise<Renderer> {
    const bundle = await ensureBundle({ log });
    if (renderer?.hash !== bundle.hash) renderer = await loadRenderer(bundle);
    return renderer;
  }

  async function build(request: BuildRequest): Promise<BuildResult> {
    const startedAt = new Date();
    const started = performance.now();
    const render = await currentRenderer();
    const bundle = await ensureBundle();
    const previous = request.previous;
    const fullReason =
      request.full ? (request.reason ?? 'Neubau aller Seiten angefordert')
      : !previous ? 'erster Bau'
      : previous.manifest.codeHash !== render.hash ? 'Code der Website oder Referenzdaten geändert'
      : previous.manifest.siteUrl !== options.siteUrl ? 'Adresse der Website geändert'
      : !reusable(previous.manifest, render.hash, options.siteUrl) ? 'neues Format der Veröffentlichung'
      : null;
    const phases: Record<string, number> = {};
    const step = (name: string, since: number) => (phases[name] = (performance.now() - since) / 1000);
    let since = performance.now();
    const sync = fullReason || !store.isLoaded ? await store.loadAll().then(() => ({ read: -1, removed: 0 })) : await store.apply(request.changes ?? []);
    const snapshot = store.snapshot();
    if (sync.read === -1) sync.read = Object.values(snapshot).reduce((n, list) => n + list.length, 0);
    step('content', since);
    since = performance.now();
    const assetStats: AssetStats = { files: 0, fetched: 0, made: 0 };
    const sources = { downloads: store.downloads(), images: store.images() };
    await screen.screen(sources.downloads, sources.images, assetStats);
    const files = publishedFiles(snapshot, screen, sources);
    for (const file of files.withheld) log(`file not published (${file.detected}): ${file.type} ${file.documentId} ${file.field} ${file.name ?? ''}`);
    step('screen', since);
    since = performance.now();
    const content = buildContent(files.snapshot, options.now?.() ?? new Date());
    step('indexes', since);
    const recycle = !fullReason && request.recycle && reusable(request.recycle.manifest, render.hash, options.siteUrl) ? request.recycle : null;
    forgetDirs();
    recycle?.claim();
    let searchWritten: Promise<void> | null = null;
    try {
      const { manifest, stats, ...built } = await buildRelease({
        content,
        context: { buildMap, infoPages: readInfoPages() },
        renderer: render,
        search,
        outDir: request.outDir,
        siteUrl: options.siteUrl,
        clientDir: bundle.clientDir,
        env: options.env ?? inheritedEnv(),
        previous,
        recycled: recycle?.manifest ?? null,
        full: Boolean(fullReason),
        ...(request.discard ? { discard: request.discard } : {}),
      });
      searchWritten = built.searchWritten;
      since = performance.now();
      // A recycled release has the assets it had: only new ones are linked, and those no longer used removed.
      const present = new Set(recycle?.manifest.assets ?? []);
      const linked = new Set(await assets.linkAssets(files.assets, request.outDir, assetStats, present));
      for (const file of present) if (!linked.has(file)) removeFile(request.outDir, path.join(request.outDir, file));
      manifest.assets = [...linked].sort();
      step('assets', since);
      since = performance.now();
      const problems = checkFiles(request.outDir, stats.urls, manifest.searchable, manifest.assets);
      step('checks', since);
      since = performance.now();
      await searchWritten;
      step('search-wait', since);
      problems.push(...checkSearch(request.outDir, manifest.searchable));
      if (problems.length) throw new ReleaseCheckError(problems);
      Object.assign(phases, stats.phases);
      const report: BuildReport = {
        kind: fullReason ? 'full' : 'incremental',
        reason: fullReason,
        recycled: Boolean(recycle),
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

  /**
   * Loads the projects' search bundle of a release into the search index if it is not loaded (after a
   * restart): nearly every publish changes that bundle, and loading its pages takes seconds at scale. Called
   * by the publisher after a build, before the next one can start. Returns the pages loaded.
   */
  async function warmSearch(release: ReleaseBase): Promise<number> {
    const version = release.manifest.bundles[SEARCH_MAIN_SHARD];
    if (!version) return 0;
    const urls = bundlePages(release.manifest, SEARCH_MAIN_SHARD);
    const loaded = await search.load(SEARCH_MAIN_SHARD, version, urls, (url) => fs.readFileSync(path.join(release.dir, outputPath(url)), 'utf8'));
    return loaded ? urls.length : 0;
  }

  /** Renders an entry fetched for the preview (a draft, or the published version) into the published content. */
  async function preview(request: { type: ContentTypeName; status: PreviewStatus; entry: unknown }): Promise<Preview> {
    if (!store.isLoaded) await store.loadAll();
    return renderPreview({ ...request, store, screen, renderer: await currentRenderer(), context: { buildMap, infoPages: readInfoPages() }, siteUrl: options.siteUrl, strapiUrl: baseUrl, now: options.now?.() ?? new Date() });
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
    /** Drops this builder's search index (Pagefind itself keeps running: see stopSearchService). */
    close: () => search.reset(),
  };
}

export type SiteBuilder = ReturnType<typeof createSiteBuilder>;
