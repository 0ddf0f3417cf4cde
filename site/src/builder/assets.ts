/**
 * Downloads and images of the published content, fetched from Strapi once into the builder's cache and
 * linked into every release: /dateien/<name>-<hash>.<ext> with the extension of the type its bytes have,
 * /bilder/<hash>-<width>.<format> made with sharp (see builder/screen.ts for what may enter a release). A
 * file Strapi does not have (404) stays out of the release; one that cannot be fetched otherwise fails the
 * build (no release with a broken download goes live).
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { StrapiRequestError } from '@ikz/shared-types/rest';
import type { ImageFile, SiteImage } from '../lib/images.ts';
import type { AssetRef } from '../model/published-files.ts';
import { linkFile, writeCacheFile } from './files.ts';

/** Strapi does not have the file (any more). */
export class UploadGoneError extends Error {
  constructor(url: string) {
    super(`Strapi no longer has ${url} (HTTP 404).`);
    this.name = 'UploadGoneError';
  }
}

async function fetchWithRetry(url: string, attempts = 3): Promise<Buffer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      let response: Response;
      try {
        response = await fetch(url);
      } catch (error) {
        throw new StrapiRequestError(`Strapi is not reachable for the download of ${url}`, null, undefined, error);
      }
      if (response.status === 404) throw new UploadGoneError(url);
      if (!response.ok)
        throw new StrapiRequestError(`Download of ${url} failed with HTTP ${response.status}`, response.status);
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      if (error instanceof UploadGoneError || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 300 * attempt));
    }
  }
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

export interface AssetStats {
  files: number;
  fetched: number;
  made: number;
}

export class AssetCache {
  private readonly dir: string;

  constructor(cacheDir: string) {
    this.dir = cacheDir;
  }

  /** The cached original of an image, fetched first if the cache lacks it. */
  async original(key: string, source: string, stats?: AssetStats): Promise<string> {
    const file = path.join(this.dir, 'originals', `image-${key}`);
    if (!fs.existsSync(file)) {
      writeCacheFile(file, await fetchWithRetry(source));
      if (stats) stats.fetched += 1;
    }
    return file;
  }

  private async variant(image: SiteImage, variant: ImageFile, source: string, stats: AssetStats): Promise<string> {
    const file = path.join(this.dir, 'images', path.basename(variant.path));
    if (fs.existsSync(file)) return file;
    const original = await this.original(image.key, source, stats);
    const pipeline = sharp(original).resize({ width: variant.width, withoutEnlargement: true });
    const data =
      variant.format === 'webp'
        ? await pipeline.webp({ quality: 78 }).toBuffer()
        : variant.format === 'png'
          ? await pipeline.png().toBuffer()
          : await pipeline.jpeg({ quality: 80, mozjpeg: true }).toBuffer();
    writeCacheFile(file, data);
    stats.made += 1;
    return file;
  }

  /** The cached copy of a download (local path, Strapi URL), fetched first if the cache lacks it. */
  async download(local: string, source: string, stats?: AssetStats): Promise<string> {
    const file = path.join(this.dir, 'downloads', path.basename(local));
    if (!fs.existsSync(file)) {
      writeCacheFile(file, await fetchWithRetry(source));
      if (stats) stats.fetched += 1;
    }
    return file;
  }

  /** The cached file of a release file (a download, or an image variant made first if the cache lacks it). */
  file(ref: AssetRef, stats: AssetStats = { files: 0, fetched: 0, made: 0 }): Promise<string> {
    return ref.kind === 'download'
      ? this.download(ref.local, ref.source, stats)
      : this.variant(ref.image, ref.variant, ref.source, stats);
  }

  /** Drops the cached copies of a file Strapi no longer has (links in releases keep their data). */
  forget(ref: AssetRef): void {
    const files =
      ref.kind === 'download'
        ? [path.join(this.dir, 'downloads', path.basename(ref.local))]
        : [
            path.join(this.dir, 'originals', `image-${ref.image.key}`),
            path.join(this.dir, 'images', path.basename(ref.variant.path)),
          ];
    for (const file of files) fs.rmSync(file, { force: true });
  }

  /**
   * Links every file of a release (site path → where it comes from) into `outDir`, fetching or making what
   * the cache lacks, except those `present` there already. Returns the site paths of all of them.
   */
  async linkAssets(
    assets: ReadonlyMap<string, AssetRef>,
    outDir: string,
    stats: AssetStats,
    present: ReadonlySet<string> = new Set(),
  ): Promise<string[]> {
    const jobs = [...assets].filter(([target]) => !present.has(target));
    await pool(
      jobs.filter(([, ref]) => ref.kind === 'download'),
      6,
      async ([target, ref]) => {
        linkFile(await this.file(ref, stats), path.join(outDir, target));
        stats.files += 1;
      },
    );
    await pool(
      jobs.filter(([, ref]) => ref.kind === 'image'),
      2,
      async ([target, ref]) => {
        linkFile(await this.file(ref, stats), path.join(outDir, target));
        stats.files += 1;
      },
    );
    return [...assets.keys()];
  }
}

export { pool };
export type { ImageFile, SiteImage };
