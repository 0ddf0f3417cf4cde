/**
 * Downloads and images of the published content, fetched from Strapi once into the builder's cache and
 * linked into every release: /dateien/<name>-<hash>.<ext> as uploaded, /bilder/<hash>-<width>.<format> made
 * with sharp. A file that cannot be fetched fails the build (no release with a broken download goes live).
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { imageFiles, type ImageFile, type SiteImage } from '../lib/images.ts';
import { linkFile, writeCacheFile } from './files.ts';

async function fetchWithRetry(url: string, attempts = 3): Promise<Buffer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      if (attempt >= attempts) throw new Error(`Download of ${url} failed: ${(error as Error).message}`, { cause: error });
      await new Promise((r) => setTimeout(r, 300 * attempt));
    }
  }
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
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

  private async original(key: string, source: string, stats: AssetStats): Promise<string> {
    const file = path.join(this.dir, 'originals', key);
    if (!fs.existsSync(file)) {
      writeCacheFile(file, await fetchWithRetry(source));
      stats.fetched += 1;
    }
    return file;
  }

  private async variant(image: SiteImage, variant: ImageFile, source: string, stats: AssetStats): Promise<string> {
    const file = path.join(this.dir, 'images', path.basename(variant.path));
    if (fs.existsSync(file)) return file;
    const original = await this.original(`image-${image.key}`, source, stats);
    const pipeline = sharp(original).resize({ width: variant.width, withoutEnlargement: true });
    const data = variant.format === 'webp' ? await pipeline.webp({ quality: 78 }).toBuffer() : variant.format === 'png' ? await pipeline.png().toBuffer() : await pipeline.jpeg({ quality: 80, mozjpeg: true }).toBuffer();
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

  /** The cached file of one image variant, made first if the cache lacks it. */
  image(image: SiteImage, variant: ImageFile, source: string, stats: AssetStats = { files: 0, fetched: 0, made: 0 }): Promise<string> {
    return this.variant(image, variant, source, stats);
  }

  /**
   * Links every download (local path → Strapi URL) into `outDir`, fetching what the cache lacks, except
   * those `present` there already. Returns the local paths of all of them.
   */
  async linkDownloads(downloads: Map<string, string>, outDir: string, stats: AssetStats, present: ReadonlySet<string> = new Set()): Promise<string[]> {
    await pool([...downloads].filter(([local]) => !present.has(local)), 6, async ([local, source]) => {
      linkFile(await this.download(local, source, stats), path.join(outDir, local));
      stats.files += 1;
    });
    return [...downloads.keys()];
  }

  /** Links every variant of every image into `outDir` (except those `present`), making what the cache lacks. */
  async linkImages(images: SiteImage[], sources: Map<string, string>, outDir: string, stats: AssetStats, present: ReadonlySet<string> = new Set()): Promise<string[]> {
    const jobs = images.flatMap((image) => imageFiles(image).map((variant) => ({ image, variant })));
    const unique = [...new Map(jobs.map((job) => [job.variant.path, job])).values()];
    await pool(unique.filter((job) => !present.has(job.variant.path)), 2, async ({ image, variant }) => {
      const source = sources.get(image.key);
      if (!source) throw new Error(`No source for image ${image.key}.`);
      linkFile(await this.variant(image, variant, source, stats), path.join(outDir, variant.path));
      stats.files += 1;
    });
    return unique.map((job) => job.variant.path);
  }
}
