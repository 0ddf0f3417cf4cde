/**
 * Files readers download (PDFs etc.) are copied into the static output under /dateien/, so the built site
 * works with Strapi switched off. The loader records source → target in a manifest; the downloads
 * integration fetches them after the build (with a cache, so unchanged files are not fetched again).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Media } from '@ikz/shared-types';
import { slugify } from '@ikz/shared-types/slug';

export const DOWNLOAD_PREFIX = '/dateien/';

export interface DownloadJob {
  source: string;
  target: string;
  bytes: number;
}

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

export function toDownload(media: Media, baseUrl: string, jobs: DownloadJob[]): Download {
  const target = localPath(media);
  const bytes = Math.round(Number(media.size) * 1024);
  jobs.push({ source: absoluteUrl(media.url, baseUrl), target, bytes });
  return { url: target, name: media.name, mime: media.mime, bytes, label: TYPE_LABELS[media.mime] ?? (media.ext ?? '').replace('.', '').toUpperCase() };
}

export function manifestDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.IKZ_DOWNLOAD_MANIFEST_DIR ?? path.join(process.cwd(), '.astro', 'ikz-downloads'));
}

export function writeManifest(name: string, jobs: DownloadJob[]): void {
  const dir = manifestDir();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(jobs));
}

export function readManifests(dir = manifestDir()): DownloadJob[] {
  if (!fs.existsSync(dir)) return [];
  const all = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as DownloadJob[]);
  return [...new Map(all.map((job) => [job.target, job])).values()];
}
