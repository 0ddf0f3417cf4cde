/**
 * What a build does, decided before anything touches the disk: which release it starts from (its **base**),
 * and – from the page models' fingerprints, the data files' hashes and the manifests of the base release and
 * of the release being recycled – which pages are rendered, linked from the base or kept where they are,
 * which files are removed, which pages enter or leave the search index and which search bundles are written
 * again. Pure: no disk, no Pagefind, no Astro; `release.ts` carries the plan out.
 */
import { routes, type EntryType, type RouteKind } from '@ikz/shared-types/routes';

/** The manifest format; a release with another one is never a base. */
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
  /** URLs in the search index, and the name of the search bundle each is in. */
  searchable: Record<string, string>;
  /** Search bundles: name → version (new whenever the bundle is written). */
  bundles: Record<string, string>;
  /** Downloads and image files (site paths); their names change with their content. */
  assets: string[];
}

/** The searchable pages of a release that are in one search bundle. */
export const bundlePages = (manifest: Pick<ReleaseManifest, 'searchable'>, bundleName: string) =>
  Object.keys(manifest.searchable).filter((url) => manifest.searchable[url] === bundleName);

/** Whether a release can be the base of an incremental build with this code for this site. */
export function reusable(manifest: ReleaseManifest, codeHash: string, siteUrl: string): boolean {
  return manifest.version === MANIFEST_VERSION && manifest.codeHash === codeHash && manifest.siteUrl === siteUrl;
}

export interface BaseRequest<B, R> {
  /** The release the build would start from (the live one); null when there is none or its manifest is unreadable. */
  base: B | null;
  /** An old release offered for recycling (patched into the new one instead of a new directory). */
  recycle: R | null;
  codeHash: string;
  siteUrl: string;
  /** A full build was asked for, and why. */
  full: boolean;
  reason?: string | undefined;
}

export interface BaseChoice<B, R> {
  /** The release the build starts from: pages with an unchanged fingerprint are linked from it. */
  base: B | null;
  /** The release recycled into the new one; only with a base, to take what changed since from. */
  recycled: R | null;
  /** Why every page is rendered (shown to editors); null for an incremental build. */
  fullReason: string | null;
}

/** Which release a build starts from and which it recycles – answered here and only here. */
export function chooseBase<B extends { manifest: ReleaseManifest }, R extends { manifest: ReleaseManifest }>(
  request: BaseRequest<B, R>,
): BaseChoice<B, R> {
  const { base, codeHash, siteUrl } = request;
  const fullReason = request.full
    ? (request.reason ?? 'Neubau aller Seiten angefordert')
    : !base
      ? 'erster Bau'
      : base.manifest.codeHash !== codeHash
        ? 'Code der Website oder Referenzdaten geändert'
        : base.manifest.siteUrl !== siteUrl
          ? 'Adresse der Website geändert'
          : !reusable(base.manifest, codeHash, siteUrl)
            ? 'neues Format der Veröffentlichung'
            : null;
  if (fullReason !== null) return { base: null, recycled: null, fullReason };
  const recycled = request.recycle && reusable(request.recycle.manifest, codeHash, siteUrl) ? request.recycle : null;
  return { base, recycled, fullReason };
}

/** A page of the new release: its URL, kind, the fingerprint of its model and its search bundle (if searchable). */
export interface PageFingerprint {
  url: string;
  kind: RouteKind;
  fingerprint: string;
  bundleName: string | null;
}

/** A data file of the new release and the hash of its content. */
export interface FileHash {
  url: string;
  hash: string;
}

export interface PlanInput {
  /** In route order (the order the pages are rendered in). */
  pages: readonly PageFingerprint[];
  files: readonly FileHash[];
  base: ReleaseManifest | null;
  recycled: ReleaseManifest | null;
}

export interface PagePlan extends PageFingerprint {
  /** keep: the recycled release holds it as it is now; link: from the base release; render: anew. */
  action: 'keep' | 'link' | 'render';
  /** Whether the page is (again) added to its search bundle. */
  index: boolean;
  /** The bundle of the base release it moved out of (its search bundle changed), or null. */
  leaves: string | null;
  /** Whether its search record differs from the base release's (counted in the report). */
  searchChanged: boolean;
}

export interface FilePlan extends FileHash {
  /** keep: as it is in the recycled release; link: from the base release; write: anew. */
  action: 'keep' | 'link' | 'write';
}

export interface ReleasePlan {
  /** No base: the search index starts empty and every page is indexed. */
  fresh: boolean;
  pages: PagePlan[];
  files: FilePlan[];
  /** Pages and files the recycled release holds and the new one does not (URLs). */
  remove: string[];
  /** Pages of the base release's search index that left the site, and the bundle each leaves. */
  unindex: { url: string; bundleName: string }[];
  /** Bundles re-indexed (a page entered, changed or left them) – also those left empty. */
  reindex: string[];
  /** Each search bundle of the new release: written anew, linked from the base, or kept in the recycled release. */
  bundles: Record<string, 'write' | 'link' | 'keep'>;
  /** Bundles of the recycled release the new one does not have. */
  discard: string[];
  /** The new release's manifest as far as the plan knows it (bundle versions and assets come from the build). */
  manifest: Pick<ReleaseManifest, 'pages' | 'files' | 'searchable'>;
}

function planPage(page: PageFingerprint, base: ReleaseManifest | null, recycled: ReleaseManifest | null): PagePlan {
  const before = base?.searchable[page.url];
  const leaves = page.bundleName !== null && before !== undefined && before !== page.bundleName ? before : null;
  const unchanged = base?.pages[page.url] === page.fingerprint;
  // A recycled release may hold the page as it is now but not as it is in the base (its model went back to
  // an earlier state): then the page is in place, but its search record changed.
  const action = recycled?.pages[page.url] === page.fingerprint ? 'keep' : unchanged ? 'link' : 'render';
  const searchable = page.bundleName !== null;
  const index = searchable && (action === 'render' || leaves !== null || !unchanged);
  return { ...page, action, index, leaves, searchChanged: searchable && !unchanged };
}

function planFile(file: FileHash, base: ReleaseManifest | null, recycled: ReleaseManifest | null): FilePlan {
  const action =
    recycled?.files[file.url] === file.hash ? 'keep' : base?.files[file.url] === file.hash ? 'link' : 'write';
  return { ...file, action };
}

/** The plan of one build from the fingerprints of its pages and files and the base and recycled releases. */
export function planRelease(input: PlanInput): ReleasePlan {
  const { base, recycled } = input;
  if (recycled && !base)
    throw new Error('A release can only be recycled with a base release to take what changed since from.');
  const pages = input.pages.map((page) => planPage(page, base, recycled));
  const files = input.files.map((file) => planFile(file, base, recycled));
  const manifest = {
    pages: Object.fromEntries(pages.map((p) => [p.url, p.fingerprint])),
    files: Object.fromEntries(files.map((f) => [f.url, f.hash])),
    searchable: Object.fromEntries(
      pages.flatMap((p) => (p.bundleName === null ? [] : [[p.url, p.bundleName] as const])),
    ),
  };
  const unindex = Object.entries(base?.searchable ?? {})
    .filter(([url]) => !(url in manifest.pages))
    .map(([url, bundleName]) => ({ url, bundleName }));
  const reindex = new Set([
    ...unindex.map((u) => u.bundleName),
    ...pages.flatMap((p) => [...(p.leaves === null ? [] : [p.leaves]), ...(p.index ? [p.bundleName!] : [])]),
  ]);
  const bundleNames = new Set(Object.values(manifest.searchable));
  const bundles = Object.fromEntries(
    [...bundleNames].map(
      (bundleName) =>
        [
          bundleName,
          !base || reindex.has(bundleName)
            ? 'write'
            : recycled?.bundles[bundleName] === base.bundles[bundleName]
              ? 'keep'
              : 'link',
        ] as const,
    ),
  );
  const remove = recycled
    ? [...Object.keys(recycled.pages), ...Object.keys(recycled.files)].filter(
        (url) => !(url in manifest.pages) && !(url in manifest.files),
      )
    : [];
  const discard = Object.keys(recycled?.bundles ?? {}).filter((bundleName) => !bundleNames.has(bundleName));
  return { fresh: !base, pages, files, remove, unindex, reindex: [...reindex], bundles, discard, manifest };
}

/** Which downloads and images are linked into the new release and which of the recycled release's are removed. */
export function planAssets(
  wanted: Iterable<string>,
  recycled: ReleaseManifest | null,
): { link: string[]; remove: string[]; all: string[] } {
  const all = [...new Set(wanted)];
  const present = new Set(recycled?.assets ?? []);
  const want = new Set(all);
  return {
    link: all.filter((file) => !present.has(file)),
    remove: [...present].filter((file) => !want.has(file)),
    all: [...all].sort(),
  };
}

/** The entries of a snapshot by type, as far as the search needs them (their own page's URL comes from the slug). */
export type EntryLists = Partial<Record<EntryType, readonly { documentId: string; slug: string }[]>>;

/**
 * The search bundles of the base release that hold the pages of the entries a build was asked to publish:
 * loaded from the base release while the build collects (see release.ts), so that a build after a restart
 * does not wait for them when it writes. An entry without a page in the base (a new one) names none.
 */
export function bundlesOfChanges(
  changes: readonly { type?: string | undefined; documentId?: string | undefined }[],
  entries: EntryLists,
  base: Pick<ReleaseManifest, 'searchable'>,
): string[] {
  const bundles = new Set<string>();
  for (const { type, documentId } of changes) {
    const list = type && documentId ? entries[type as EntryType] : undefined;
    const entry = list?.find((e) => e.documentId === documentId);
    const bundle = entry ? base.searchable[routes.entryUrl(type as EntryType, entry)] : undefined;
    if (bundle) bundles.add(bundle);
  }
  return [...bundles];
}
