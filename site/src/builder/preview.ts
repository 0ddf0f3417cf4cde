/**
 * The editors' preview of one entry: the draft (or the published version) put into the published content
 * as it would be after publishing, rendered by the same renderer and page models as the site, with a
 * banner. Its relations show what the live page will show: related entries that are published, with their
 * published names; links point to the live site. Nothing here touches a release.
 */
import { RELATIONS, SCHEMAS, type ContentTypeName } from '@ikz/shared-types';
import { ENTRY_ROUTES, routes } from '@ikz/shared-types/routes';
import type { PreviewStatus } from '@ikz/shared-types/preview';
import { buildContent, type Snapshot } from '../model/content.ts';
import { pageModel, type ModelContext } from '../model/pages.ts';
import { publishedFiles, type AssetRef } from '../model/published-files.ts';
import { partitionEntries } from '../snapshot/entries.ts';
import { toSiteEntry, type ContentStore } from '../snapshot/store.ts';
import type { Renderer } from './bundle.ts';
import type { FileScreen } from './screen.ts';

const SNAPSHOT_KEYS: Record<ContentTypeName, keyof Snapshot> = {
  project: 'projects',
  document: 'documents',
  newsletter: 'newsletters',
  event: 'events',
  topic: 'topics',
  municipality: 'municipalities',
  'partner-search': 'partnerSearches',
};

export class PreviewError extends Error {
  /** A German message for the editor. */
  readonly editorMessage: string;

  constructor(message: string, editorMessage: string) {
    super(message);
    this.name = 'PreviewError';
    this.editorMessage = editorMessage;
  }
}

type Record_ = Record<string, unknown>;

/** Relations as they will be once published: refs to published entries, with their published fields. */
function resolveRelations(type: ContentTypeName, entry: Record_, store: ContentStore): void {
  for (const relation of RELATIONS[type]) {
    if (relation.target === 'media') continue;
    const target = relation.target as ContentTypeName;
    const resolve = (holder: Record_, path: readonly string[]): void => {
      const [head, ...rest] = path;
      const value = holder[head!];
      if (rest.length) {
        for (const item of Array.isArray(value) ? value : value ? [value] : [])
          if (item && typeof item === 'object') resolve(item as Record_, rest);
        return;
      }
      const refresh = (ref: Record_) => {
        const published = store.get(target, String(ref.documentId));
        if (!published) return null;
        for (const field of Object.keys(ref)) if (field in published) ref[field] = published[field];
        return ref;
      };
      if (Array.isArray(value))
        holder[head!] = value.flatMap((ref) =>
          ref && typeof ref === 'object' && refresh(ref as Record_) ? [ref] : [],
        );
      else if (value && typeof value === 'object') holder[head!] = refresh(value as Record_);
    };
    resolve(entry, relation.path);
  }
}

/** Links inside the preview lead to the live site; the preview's own assets stay where they are. */
export function linksToLiveSite(html: string, siteUrl: string): string {
  const live = siteUrl.replace(/\/+$/, '');
  return html
    .replace(/(<a\b[^>]*?\shref=")\/(?!\/|_astro\/|bilder\/|dateien\/)/g, `$1${live}/`)
    .replace(/(<form\b[^>]*?\saction=")\/(?!\/)/g, `$1${live}/`);
}

export interface PreviewInput {
  type: ContentTypeName;
  status: PreviewStatus;
  /** The entry as Strapi's REST API returned it (populated like the site reads it). */
  entry: unknown;
  store: ContentStore;
  /** Decides which uploads may be shown (as in a release). */
  screen: FileScreen;
  renderer: Renderer;
  context: ModelContext;
  siteUrl: string;
  /** Strapi's address, for the entry's uploads. */
  strapiUrl: string;
  now?: Date;
}

export interface Preview {
  html: string;
  url: string;
  /** The entry's downloads and image files as the page uses them (site path → source), so the preview can serve them. */
  assets: [string, AssetRef][];
}

export async function renderPreview(input: PreviewInput): Promise<Preview> {
  const { type, store } = input;
  const { valid, invalid } = partitionEntries(type, [input.entry], SCHEMAS[type] as never);
  if (!valid.length) {
    const problem = invalid[0];
    throw new PreviewError(
      `The ${type} cannot be previewed: ${problem?.message}`,
      `Dieser Eintrag kann noch nicht angezeigt werden – bitte prüfen: ${problem?.fields.join(', ') ?? 'Pflichtfelder'}.`,
    );
  }
  const stored = toSiteEntry(type, valid[0] as never, input.strapiUrl.replace(/\/+$/, ''));
  const entry = stored.entry;
  resolveRelations(type, entry, store);
  const snapshot = store.snapshot();
  const key = SNAPSHOT_KEYS[type];
  const list = (snapshot[key] as readonly { documentId: string }[]).filter((e) => e.documentId !== entry.documentId);
  const overlay = { ...snapshot, [key]: [...list, entry] } as Snapshot;
  const sources = {
    downloads: new Map([...store.downloads(), ...stored.downloads]),
    images: new Map([...store.images(), ...stored.images]),
  };
  await input.screen.screen(sources.downloads, sources.images);
  const files = publishedFiles(overlay, input.screen, sources);
  const own = new Set([...stored.downloads, ...stored.images].map(([k]) => k));
  const assets = [...files.assets].filter(([, ref]) => own.has(ref.kind === 'download' ? ref.local : ref.image.key));
  const content = buildContent(files.snapshot, input.now ?? new Date());
  const url = routes.url(ENTRY_ROUTES[type], { slug: String(entry.slug) });
  const page = pageModel(content, routes.match(url)!, input.context);
  if (!page) throw new PreviewError(`No page for ${url}`, 'Für diesen Eintrag gibt es keine Seite.');
  const html = await input.renderer.render(url, {
    page,
    siteUrl: input.siteUrl,
    preview: { status: input.status, updatedAt: String(entry.updatedAt) },
  });
  return { html: linksToLiveSite(html, input.siteUrl), url, assets };
}
