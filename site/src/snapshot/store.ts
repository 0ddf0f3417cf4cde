/**
 * The published content, read from Strapi's REST API with the read-only build token and kept in memory:
 * loaded whole once, then brought up to date per change. Every entry is validated with the shared Zod
 * schema; invalid ones are skipped and listed for editors (or fail the load with `strict`).
 *
 * A change re-reads the changed entries, and – when something other entries show of them changed (a
 * topic's name, a document's title), or they appeared or disappeared – the entries that refer to them, so
 * that their populated relations are current. As a safety net every sync also re-reads whatever Strapi
 * reports as updated since the newest entry it knows.
 */
import { CONTENT_TYPES, RELATIONS, SCHEMAS, type ContentTypeName } from '@ikz/shared-types';
import { StrapiRequestError, type QueryValue, type StrapiClient } from '@ikz/shared-types/rest';
import { imageKey, type SiteImage } from '../lib/images.ts';
import { toDownload, type AssetSources } from '../lib/media.ts';
import type {
  SiteDocument,
  SiteEvent,
  SiteMunicipality,
  SiteNewsletter,
  SitePartnerSearch,
  SiteProject,
  SiteTopic,
} from '../lib/types.ts';
import type { Snapshot } from '../model/content.ts';
import {
  changedMedia,
  changedSinceFilter,
  countDisagrees,
  listingDifference,
  newestOf,
  storeAhead,
  type MediaFile,
} from './away.ts';
import { formatInvalid, partitionEntries, type InvalidEntry } from './entries.ts';
import { POPULATE, referencedFields } from './populate.ts';

export type { InvalidEntry };
export const TYPES = Object.keys(CONTENT_TYPES) as ContentTypeName[];

type Entry = { documentId: string; updatedAt: string } & Record<string, unknown>;

/** What a webhook said changed: an entry (type and documentId, when known) or a media file. */
export interface Change {
  type?: ContentTypeName | undefined;
  documentId?: string | undefined;
  mediaId?: number | undefined;
}

export interface SyncResult {
  /** Entries read again. */
  read: number;
  removed: number;
}

export interface StoreOptions {
  client: StrapiClient;
  /** Strapi's address, for absolute URLs of uploads. */
  baseUrl: string;
  strict?: boolean;
  warn?: (message: string) => void;
}

export interface Stored {
  entry: Entry;
  downloads: [string, string][];
  images: [string, string][];
  /** Keys ("type:documentId") of the entries it refers to, and the media ids it uses. */
  refs: string[];
  media: number[];
}

/** What a store holds, as saved between runs of the publisher (./saved.ts). */
export interface StoreState {
  entries: [ContentTypeName, Stored[]][];
  /** Skipped entries by "type:documentId". */
  invalid: [string, InvalidEntry][];
  /** The newest time of a file in Strapi's media library when the store last looked. */
  mediaSince: string | null;
}

const key = (type: ContentTypeName, documentId: string) => `${type}:${documentId}`;
/** Strapi's media library as the content API lists it, with what a sync compares. */
const MEDIA_LIST = { path: '/api/upload/files', query: { fields: ['id', 'updatedAt'] } } as const;
const BATCH = 50;

/** Wraps a failed request in an error that says what to check. */
function readError(plural: string, baseUrl: string, error: unknown): Error {
  const status = error instanceof StrapiRequestError ? error.status : null;
  const hint =
    status === 401 || status === 403
      ? 'the API token was refused: check STRAPI_BUILD_TOKEN (read-only token of this Strapi).'
      : status === null
        ? `Strapi is not reachable at ${baseUrl}: start it or set STRAPI_URL.`
        : 'Strapi answered with an error; see its log.';
  return new Error(`Cannot read ${plural} for the site – ${hint}`, { cause: error });
}

/**
 * A relation without the row ids of the entries it points to: Strapi gives a published entry a new row id
 * at every publish, and no page shows it – kept, it would make every page that names the entry change
 * (rendered and re-indexed again) whenever the entry is published, even with nothing visible changed.
 */
function withoutRowIds(value: unknown, path: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutRowIds(v, path));
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (path.length === 0) {
    const { id: _rowId, ...rest } = record;
    return rest;
  }
  return path[0]! in record ? { ...record, [path[0]!]: withoutRowIds(record[path[0]!], path.slice(1)) } : record;
}

/** Turns a valid REST entry into what the pages use: uploads as local files and images. */
function transform(type: ContentTypeName, entry: Entry, baseUrl: string): Stored {
  const downloads: AssetSources = new Map();
  const images: [string, string][] = [];
  const media: number[] = [];
  const site: Entry = { ...entry };
  const asMedia = (value: unknown) =>
    value as {
      id: number;
      url: string;
      width: number | null;
      height: number | null;
      hash?: string;
      mime: string;
      alternativeText: string | null;
    } | null;
  if (type === 'project') {
    const image = asMedia(entry.image);
    let siteImage: SiteImage | null = null;
    if (image?.width && image.height) {
      const k = imageKey(image.hash ?? String(image.id));
      siteImage = {
        key: k,
        width: image.width,
        height: image.height,
        alt: (entry.imageAlt as string | null) || image.alternativeText || '',
        fallback: image.mime === 'image/png' ? 'png' : 'jpeg',
      };
      images.push([k, new URL(image.url, `${baseUrl}/`).href]);
    }
    if (image) media.push(image.id);
    site.image = siteImage;
  }
  for (const field of type === 'document' ? ['file'] : type === 'newsletter' ? ['pdf'] : []) {
    const file = entry[field] as Parameters<typeof toDownload>[0] | null | undefined;
    site[field] = file ? toDownload(file, baseUrl, downloads) : null;
    if (file) media.push(file.id);
  }
  const refs: string[] = [];
  let shown: Entry = site;
  for (const relation of RELATIONS[type]) {
    if (relation.target === 'media') continue;
    shown = withoutRowIds(shown, relation.path) as Entry;
    const collect = (value: unknown, path: readonly string[]): void => {
      if (Array.isArray(value)) return value.forEach((v) => collect(v, path));
      if (!value || typeof value !== 'object') return;
      const record = value as Record<string, unknown>;
      if (path.length === 0) {
        if (typeof record.documentId === 'string')
          refs.push(key(relation.target as ContentTypeName, record.documentId));
        return;
      }
      collect(record[path[0]!], path.slice(1));
    };
    collect(entry, relation.path);
  }
  return { entry: shown, downloads: [...downloads], images, refs, media };
}

/** A filter that selects entries whose relation at `path` points to one of `ids`. */
function relationFilter(path: readonly string[], ids: string[]): QueryValue {
  let filter: QueryValue = { documentId: { $in: ids } };
  for (const segment of [...path].reverse()) filter = { [segment]: filter };
  return filter;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An entry of the store and the media files (ids) it uses. */
export interface MediaUse {
  type: ContentTypeName;
  documentId: string;
  media: readonly number[];
}

/**
 * The entries webhook changes ask to read again, by type: each changed entry, and every entry that uses a
 * changed media file (`uses`: the entries the store holds).
 */
export function entriesToReread(
  changes: readonly Change[],
  uses: Iterable<MediaUse>,
): Map<ContentTypeName, Set<string>> {
  const pending = new Map<ContentTypeName, Set<string>>();
  const want = (type: ContentTypeName, id: string) =>
    (pending.get(type) ?? pending.set(type, new Set()).get(type)!).add(id);
  const media = changes.flatMap((change) => (change.mediaId === undefined ? [] : [change.mediaId]));
  const users = media.length ? [...uses] : [];
  for (const change of changes) {
    if (change.type && change.documentId) want(change.type, change.documentId);
    if (change.mediaId !== undefined)
      for (const use of users) if (use.media.includes(change.mediaId)) want(use.type, use.documentId);
  }
  return pending;
}

/**
 * Whether what other entries show of an entry (`fields`) differs between two versions of it – or the entry
 * appeared or disappeared: then the entries that refer to it are read again.
 */
export function shownChanged(
  fields: readonly string[],
  old: Record<string, unknown> | undefined,
  now: Record<string, unknown> | undefined,
): boolean {
  if (!old || !now) return Boolean(old) !== Boolean(now);
  return fields.some((field) => JSON.stringify(old[field]) !== JSON.stringify(now[field]));
}

export class ContentStore {
  private readonly options: StoreOptions;
  private readonly stored = new Map<ContentTypeName, Map<string, Stored>>(TYPES.map((t) => [t, new Map()]));
  private readonly invalid = new Map<string, InvalidEntry>();
  private loaded = false;
  /** Loaded from a saved state: the next sync first looks for what changed while it was saved. */
  private unverified = false;
  private mediaSince: string | null = null;
  private changes = 0;

  constructor(options: StoreOptions) {
    this.options = options;
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Counts every change of what the store holds (to save it only when it changed). */
  get revision(): number {
    return this.changes;
  }

  /** What the store holds, to be saved; only a store that is loaded and up to date has one. */
  exportState(): StoreState | null {
    if (!this.loaded || this.unverified) return null;
    return {
      entries: [...this.stored].map(([type, map]) => [type, [...map.values()]]),
      invalid: [...this.invalid],
      mediaSince: this.mediaSince,
    };
  }

  /** Takes a saved state as the store's content; the next `apply` first catches up with Strapi. */
  importState(state: StoreState): void {
    for (const map of this.stored.values()) map.clear();
    for (const [type, list] of state.entries) {
      const map = this.stored.get(type);
      if (map) for (const stored of list) map.set(stored.entry.documentId, stored);
    }
    this.invalid.clear();
    for (const [k, bad] of state.invalid) this.invalid.set(k, bad);
    this.mediaSince = state.mediaSince;
    this.loaded = true;
    this.unverified = true;
    this.changes += 1;
  }

  private async read(type: ContentTypeName, params: Record<string, QueryValue>): Promise<unknown[]> {
    const plural = CONTENT_TYPES[type].plural;
    try {
      return await this.options.client.findAll(plural, { populate: POPULATE[type], sort: ['id:asc'], ...params });
    } catch (error) {
      throw readError(plural, this.options.baseUrl, error);
    }
  }

  /** Validates rows, stores the valid ones and records the invalid ones; returns the documentIds seen. */
  private accept(type: ContentTypeName, rows: unknown[]): Set<string> {
    const plural = CONTENT_TYPES[type].plural;
    const { valid, invalid } = partitionEntries(plural, rows, SCHEMAS[type] as never);
    const seen = new Set<string>();
    for (const bad of invalid) {
      this.options.warn?.(formatInvalid(bad));
      this.invalid.set(key(type, bad.documentId), bad);
      this.stored.get(type)!.delete(bad.documentId);
      seen.add(bad.documentId);
    }
    if (invalid.length && this.options.strict) {
      throw new Error(
        `${invalid.length} invalid ${plural} (IKZ_STRICT_CONTENT=1): ${invalid.map((e) => e.documentId).join(', ')}`,
      );
    }
    this.changes += 1;
    for (const entry of valid as Entry[]) {
      this.invalid.delete(key(type, entry.documentId));
      this.stored.get(type)!.set(entry.documentId, transform(type, entry, this.options.baseUrl));
      seen.add(entry.documentId);
    }
    return seen;
  }

  /** Reads everything that is published. */
  async loadAll(): Promise<void> {
    const [media, ...rows] = await Promise.all([this.mediaFiles(), ...TYPES.map((type) => this.read(type, {}))]);
    for (const map of this.stored.values()) map.clear();
    this.invalid.clear();
    TYPES.forEach((type, i) => this.accept(type, rows[i]!));
    this.mediaSince = newestOf(media.map((file) => file.updatedAt));
    this.loaded = true;
    this.unverified = false;
  }

  /** Strapi's media library: every file's id and time. */
  private async mediaFiles(): Promise<MediaFile[]> {
    try {
      return (
        (await this.options.client.request<MediaFile[]>('GET', MEDIA_LIST.path, { query: MEDIA_LIST.query })) ?? []
      );
    } catch (error) {
      throw readError('media files', this.options.baseUrl, error);
    }
  }

  /** Reads the given entries again; those Strapi no longer returns are gone. Returns the keys that changed. */
  private async reread(
    type: ContentTypeName,
    ids: string[],
  ): Promise<{ read: number; removed: string[]; changedRefs: boolean[] }> {
    const before = new Map(ids.map((id) => [id, this.stored.get(type)!.get(id)]));
    const seen = new Set<string>();
    for (const batch of chunks(ids, BATCH)) {
      for (const id of this.accept(type, await this.read(type, { filters: { documentId: { $in: batch } } })))
        seen.add(id);
    }
    const removed = ids.filter((id) => !seen.has(id));
    for (const id of removed) {
      this.stored.get(type)!.delete(id);
      this.invalid.delete(key(type, id));
    }
    this.changes += removed.length;
    const shown = referencedFields(type);
    const changedRefs = ids.map((id) =>
      shownChanged(shown, before.get(id)?.entry, this.stored.get(type)!.get(id)?.entry),
    );
    return { read: seen.size, removed, changedRefs };
  }

  /** Entries (by type) that refer to any of the given targets, now in the store or now in Strapi. */
  private async referrers(targetType: ContentTypeName, ids: string[]): Promise<Map<ContentTypeName, Set<string>>> {
    const found = new Map<ContentTypeName, Set<string>>();
    const add = (type: ContentTypeName, id: string) =>
      (found.get(type) ?? found.set(type, new Set()).get(type)!).add(id);
    const targets = new Set(ids.map((id) => key(targetType, id)));
    for (const [type, map] of this.stored) {
      for (const [id, stored] of map) if (stored.refs.some((ref) => targets.has(ref))) add(type, id);
    }
    for (const type of TYPES) {
      for (const relation of RELATIONS[type]) {
        if (relation.target !== targetType) continue;
        for (const batch of chunks(ids, BATCH)) {
          const rows = (await this.options.client
            .findAll<{ documentId: string }>(CONTENT_TYPES[type].plural, {
              filters: relationFilter(relation.path, batch),
              fields: ['documentId'],
            })
            .catch((error: unknown) => {
              throw readError(CONTENT_TYPES[type].plural, this.options.baseUrl, error);
            })) as { documentId: string }[];
          for (const row of rows) add(type, row.documentId);
        }
      }
    }
    return found;
  }

  /** Each stored entry and the media files it uses. */
  private *mediaUse(): Iterable<MediaUse> {
    for (const [type, map] of this.stored)
      for (const [documentId, stored] of map) yield { type, documentId, media: stored.media };
  }

  /** The documentIds of the entries of a type Strapi changed after the newest the store knows. */
  private async changedSince(type: ContentTypeName): Promise<string[]> {
    const entries = [...this.stored.get(type)!.values()].map((s) => s.entry);
    const filters = changedSinceFilter(
      newestOf(entries.map((e) => e.updatedAt)),
      newestOf(entries.map((e) => e.publishedAt as string | null | undefined)),
    );
    if (!filters) return [];
    return (await this.listIds(type, { filters: filters as QueryValue })).map((row) => row.documentId);
  }

  private listIds(type: ContentTypeName, params: Record<string, QueryValue> = {}) {
    const plural = CONTENT_TYPES[type].plural;
    return this.options.client
      .findAll<{ documentId: string }>(plural, { ...params, fields: ['documentId'] })
      .catch((error: unknown) => {
        throw readError(plural, this.options.baseUrl, error);
      });
  }

  /**
   * After a saved state was loaded: adds to `changed` the entries Strapi added or removed meanwhile (a type's
   * count that disagrees names them by a listing); returns the media files it replaced or deleted, as changes –
   * or null when the store is ahead of Strapi (see storeAhead) and must be read whole.
   */
  private async changedWhileAway(
    changed: Map<ContentTypeName, string[]>,
  ): Promise<{ media: Change[]; mediaSince: string | null } | null> {
    const ahead = await Promise.all(
      TYPES.map(async (type) => {
        const plural = CONTENT_TYPES[type].plural;
        const known = new Set(this.stored.get(type)!.keys());
        for (const k of this.invalid.keys()) if (k.startsWith(`${type}:`)) known.add(k.slice(type.length + 1));
        const page = await this.options.client
          .findPage<{ updatedAt: string }>(plural, 1, { fields: ['updatedAt'], sort: ['updatedAt:desc'] })
          .catch((error: unknown) => {
            throw readError(plural, this.options.baseUrl, error);
          });
        const storeNewest = newestOf([...this.stored.get(type)!.values()].map((s) => s.entry.updatedAt));
        if (storeAhead(storeNewest, page.data[0]?.updatedAt ?? null)) return true;
        if (!countDisagrees(known, changed.get(type) ?? [], page.meta.pagination.total)) return false;
        const listed = (await this.listIds(type)).map((row) => row.documentId);
        changed.set(type, [...(changed.get(type) ?? []), ...listingDifference(known, listed)]);
        return false;
      }),
    );
    if (ahead.includes(true)) return null;
    const used = [...this.mediaUse()].flatMap((use) => use.media);
    const media = changedMedia(used, await this.mediaFiles(), this.mediaSince);
    return { media: media.ids.map((mediaId) => ({ mediaId })), mediaSince: media.newest };
  }

  /**
   * Brings the store up to date with the given changes, and anything updated or published since the newest
   * known entry (after a saved state was loaded: also what was added, removed or whose files changed meanwhile).
   */
  async apply(changes: readonly Change[]): Promise<SyncResult> {
    const readWhole = async () => {
      await this.loadAll();
      return { read: [...this.stored.values()].reduce((n, m) => n + m.size, 0), removed: 0 };
    };
    if (!this.loaded) return readWhole();
    const changed = new Map(
      await Promise.all(TYPES.map(async (type) => [type, await this.changedSince(type)] as const)),
    );
    const away = this.unverified ? await this.changedWhileAway(changed) : null;
    if (this.unverified && !away) {
      this.options.warn?.('the saved content store is newer than Strapi (a restored database?): all content is read');
      return readWhole();
    }
    const pending = entriesToReread([...changes, ...(away?.media ?? [])], this.mediaUse());
    const want = (type: ContentTypeName, id: string) =>
      (pending.get(type) ?? pending.set(type, new Set()).get(type)!).add(id);
    for (const [type, ids] of changed) for (const id of ids) want(type, id);
    let read = 0;
    let removed = 0;
    const done = new Set<string>();
    // Re-read changed entries, then – where what others show of them changed – their referrers, once each.
    while (pending.size) {
      const [type, idSet] = pending.entries().next().value as [ContentTypeName, Set<string>];
      pending.delete(type);
      const ids = [...idSet].filter((id) => !done.has(key(type, id)));
      if (!ids.length) continue;
      ids.forEach((id) => done.add(key(type, id)));
      const result = await this.reread(type, ids);
      read += result.read;
      removed += result.removed.length;
      const shownChanged = ids.filter((_, i) => result.changedRefs[i]);
      if (shownChanged.length) {
        for (const [refType, refIds] of await this.referrers(type, shownChanged))
          for (const id of refIds) if (!done.has(key(refType, id))) want(refType, id);
      }
    }
    if (away) this.mediaSince = away.mediaSince;
    this.unverified = false;
    return { read, removed };
  }

  snapshot(): Snapshot {
    const list = <T>(type: ContentTypeName) => [...this.stored.get(type)!.values()].map((s) => s.entry as unknown as T);
    return {
      projects: list<SiteProject>('project'),
      documents: list<SiteDocument>('document'),
      newsletters: list<SiteNewsletter>('newsletter'),
      events: list<SiteEvent>('event'),
      topics: list<SiteTopic>('topic'),
      municipalities: list<SiteMunicipality>('municipality'),
      partnerSearches: list<SitePartnerSearch>('partner-search'),
    };
  }

  /** Local download path → Strapi URL, for every file the published content offers. */
  downloads(): Map<string, string> {
    return new Map([...this.stored.values()].flatMap((map) => [...map.values()].flatMap((s) => s.downloads)));
  }

  /** Image key → Strapi URL of the original, for every project image. */
  images(): Map<string, string> {
    return new Map([...this.stored.values()].flatMap((map) => [...map.values()].flatMap((s) => s.images)));
  }

  /** Entries skipped because they are invalid. */
  skipped(): InvalidEntry[] {
    return [...this.invalid.values()];
  }

  /** The published entry of a type, as the pages use it. */
  get(type: ContentTypeName, documentId: string): Entry | undefined {
    return this.stored.get(type)!.get(documentId)?.entry;
  }
}

export { transform as toSiteEntry };
