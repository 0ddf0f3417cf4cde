/**
 * Files readers download (PDFs etc.) are copied into the static output under /dateien/, so the built site
 * works with Strapi switched off. The snapshot records which Strapi URL each local file comes from; the
 * build fetches every file once into its cache (see builder/assets.ts).
 */
import path from 'node:path';
import type { Media } from '@ikz/shared-types';
import { slugify } from '@ikz/shared-types/slug';

export const DOWNLOAD_PREFIX = '/dateien/';

/** Local site path → the Strapi URL the file is fetched from. */
export type AssetSources = Map<string, string>;

/** The public path of a file: readable name, plus the upload's hash so that a new version gets a new URL. */
export function localPath(media: Pick<Media, 'name' | 'ext' | 'hash' | 'url'>): string {
  const ext = (media.ext ?? path.extname(media.url)).toLowerCase().replace(/[^.a-z0-9]/g, '');
  const stem = slugify(media.name.replace(/\.[a-z0-9]+$/i, '')).slice(0, 60) || 'datei';
  const hash = (media.hash ?? '').replace(/[^a-zA-Z0-9]/g, '').slice(-10);
  return `${DOWNLOAD_PREFIX}${stem}${hash ? `-${hash}` : ''}${ext}`;
}

export function absoluteUrl(url: string, baseUrl: string): string {
  return /^https?:\/\//.test(url) ? url : `${baseUrl.replace(/\/+$/, '')}${url.startsWith('/') ? '' : '/'}${url}`;
}

/** A downloadable file as the pages use it: local URL, size in bytes, type label. */
export interface Download {
  url: string;
  name: string;
  mime: string;
  bytes: number;
  label: string;
}

const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'text/csv': 'CSV',
  'application/zip': 'ZIP',
};

export function toDownload(media: Media, baseUrl: string, sources: AssetSources): Download {
  const target = localPath(media);
  sources.set(target, absoluteUrl(media.url, baseUrl));
  return {
    url: target,
    name: media.name,
    mime: media.mime,
    bytes: Math.round(Number(media.size) * 1024),
    label: TYPE_LABELS[media.mime] ?? (media.ext ?? '').replace('.', '').toUpperCase(),
  };
}
