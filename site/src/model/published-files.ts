/**
 * Which uploaded files enter a release, decided from what their bytes are (see builder/screen.ts): a
 * download whose type is on the allowlist is published under the extension of that type; an image is
 * published when sharp can read it as a raster image. Any other file stays out – its entry is published
 * without it, and the file is listed for editors. Pure: takes the verdicts, returns the content to build and
 * every file the release holds.
 */
import { ALLOWED_FILE_TYPES, type AllowedFileType } from '@ikz/shared-types/file-types';
import type { WithheldFile } from '@ikz/shared-types/build-report';
import { imageFiles, type ImageFile, type SiteImage } from '../lib/images.ts';
import type { Download } from '../lib/media.ts';
import type { Snapshot } from './content.ts';

/** What the bytes of a download turned out to be. */
export type DownloadVerdict = { ok: true; type: AllowedFileType } | { ok: false; detected: string };
/** Whether an image could be read; its real size when it could. */
export type ImageVerdict =
  { ok: true; width: number; height: number; type: AllowedFileType } | { ok: false; detected: string };

export interface FileVerdicts {
  /** By the download's local path as the store made it (with the uploaded extension). */
  downloads: ReadonlyMap<string, DownloadVerdict>;
  /** By image key. */
  images: ReadonlyMap<string, ImageVerdict>;
}

/** A file of a release and where it comes from. */
export type AssetRef =
  | { kind: 'download'; /** the store's local path (the cache's name for it) */ local: string; source: string }
  | { kind: 'image'; image: SiteImage; variant: ImageFile; source: string };

export interface PublishedFiles {
  snapshot: Snapshot;
  /** Site path → what to put there: every download and image file of the release. */
  assets: Map<string, AssetRef>;
  withheld: WithheldFile[];
}

/** The local path of a download with the extension of the type its bytes have. */
export function publishedPath(local: string, type: AllowedFileType): string {
  const dot = local.lastIndexOf('.');
  const stem = dot > local.lastIndexOf('/') ? local.slice(0, dot) : local;
  return `${stem}.${type.ext}`;
}

const LABELS = new Map(ALLOWED_FILE_TYPES.map((t) => [t.mime, t.label]));

function publishedDownload(download: Download, type: AllowedFileType): Download {
  return {
    ...download,
    url: publishedPath(download.url, type),
    mime: type.mime,
    label: LABELS.get(type.mime) ?? type.label,
  };
}

const UNCHECKED: { ok: false; detected: string } = { ok: false, detected: 'nicht geprüft' };

/**
 * The snapshot with every file replaced by what may be published of it. A file without a verdict is
 * treated as not allowed (it was never checked).
 */
export function publishedFiles(
  snapshot: Snapshot,
  verdicts: FileVerdicts,
  sources: { downloads: ReadonlyMap<string, string>; images: ReadonlyMap<string, string> },
): PublishedFiles {
  const assets = new Map<string, AssetRef>();
  const withheld: WithheldFile[] = [];

  const screen = <T extends { documentId: string; title: string }>(
    type: string,
    field: string,
    entry: T,
    download: Download | null,
  ): Download | null => {
    if (!download) return null;
    const verdict = verdicts.downloads.get(download.url) ?? UNCHECKED;
    const source = sources.downloads.get(download.url);
    if (!verdict.ok || !source) {
      withheld.push({
        type,
        documentId: entry.documentId,
        title: entry.title,
        field,
        name: download.name,
        detected: verdict.ok ? 'nicht abrufbar' : verdict.detected,
      });
      return null;
    }
    const published = publishedDownload(download, verdict.type);
    assets.set(published.url, { kind: 'download', local: download.url, source });
    return published;
  };

  const documents = snapshot.documents.map((d) => {
    const file = screen('documents', 'file', d, d.file);
    return file === d.file ? d : file ? { ...d, file } : { ...d, file, fileWithheld: true };
  });
  const newsletters = snapshot.newsletters.map((n) => {
    const pdf = screen('newsletters', 'pdf', n, n.pdf);
    return pdf === n.pdf ? n : pdf ? { ...n, pdf } : { ...n, pdf, pdfWithheld: true };
  });
  const projects = snapshot.projects.map((p) => {
    if (!p.image) return p;
    const verdict = verdicts.images.get(p.image.key) ?? UNCHECKED;
    const source = sources.images.get(p.image.key);
    if (!verdict.ok || !source) {
      withheld.push({
        type: 'projects',
        documentId: p.documentId,
        title: p.title,
        field: 'image',
        name: null,
        detected: verdict.ok ? 'nicht abrufbar' : verdict.detected,
      });
      return { ...p, image: null };
    }
    const image: SiteImage = {
      ...p.image,
      width: verdict.width,
      height: verdict.height,
      fallback: verdict.type.ext === 'png' ? 'png' : 'jpeg',
    };
    for (const variant of imageFiles(image)) assets.set(variant.path, { kind: 'image', image, variant, source });
    const same =
      image.width === p.image.width && image.height === p.image.height && image.fallback === p.image.fallback;
    return same ? p : { ...p, image };
  });
  return { snapshot: { ...snapshot, documents, newsletters, projects }, assets, withheld };
}
