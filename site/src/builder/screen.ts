/**
 * Looks at the bytes of every upload the content uses before any page is rendered: a download is allowed
 * when the type detected from its bytes is on the allowlist (@ikz/shared-types/file-types), an image when
 * its bytes are an allowed raster format that sharp can decode. The verdicts are kept for the life of the
 * builder and saved with its content store (a file's URL changes with its content); a file Strapi does not
 * have is asked for again next time.
 */
import fs from 'node:fs';
import sharp from 'sharp';
import { inspectFile } from '@ikz/shared-types/file-types';
import type { DownloadVerdict, FileVerdicts, ImageVerdict } from '../model/published-files.ts';
import { pool, UploadGoneError, type AssetCache, type AssetStats } from './assets.ts';

/** Enough of a file to tell its type (and to check a CSV for control characters). */
const HEAD_BYTES = 8 * 1024 * 1024;
/** An old Office file's type is in its directory, which may lie anywhere in it: such a file is read whole. */
const COMPOUND_FILE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function head(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const total = fs.fstatSync(fd).size;
    const magic = Buffer.alloc(COMPOUND_FILE_MAGIC.length);
    fs.readSync(fd, magic, 0, magic.length, 0);
    const size = magic.equals(COMPOUND_FILE_MAGIC) ? total : Math.min(total, HEAD_BYTES);
    const buffer = Buffer.alloc(size);
    fs.readSync(fd, buffer, 0, size, 0);
    return buffer;
  } finally {
    fs.closeSync(fd);
  }
}

const GONE = { ok: false, detected: 'nicht abrufbar' } as const;

/** The verdicts, to be saved with the content store: a file's path and key carry its upload's hash. */
export interface ScreenState {
  downloads: [string, DownloadVerdict][];
  images: [string, ImageVerdict][];
}

export class FileScreen implements FileVerdicts {
  readonly downloads = new Map<string, DownloadVerdict>();
  readonly images = new Map<string, ImageVerdict>();
  private readonly assets: AssetCache;

  constructor(assets: AssetCache) {
    this.assets = assets;
  }

  private async download(local: string, source: string, stats?: AssetStats): Promise<DownloadVerdict> {
    try {
      const verdict = await inspectFile(head(await this.assets.download(local, source, stats)), local);
      return verdict.ok ? { ok: true, type: verdict.type } : verdict;
    } catch (error) {
      if (error instanceof UploadGoneError) return GONE;
      throw error;
    }
  }

  private async image(key: string, source: string, stats?: AssetStats): Promise<ImageVerdict> {
    let file: string;
    try {
      file = await this.assets.original(key, source, stats);
    } catch (error) {
      if (error instanceof UploadGoneError) return GONE;
      throw error;
    }
    const verdict = await inspectFile(head(file), key);
    if (!verdict.ok) return verdict;
    if (!verdict.type.image) return { ok: false, detected: verdict.type.ext };
    try {
      const { width, height } = await sharp(file).metadata();
      // Decoding a small version reads the whole image: a truncated or broken one fails here, not in the build.
      await sharp(file).resize({ width: 16 }).raw().toBuffer();
      if (!width || !height) return { ok: false, detected: `${verdict.type.ext} ohne Größe` };
      return { ok: true, width, height, type: verdict.type };
    } catch {
      return { ok: false, detected: `${verdict.type.ext}, nicht lesbar` };
    }
  }

  /** The verdicts but those of files Strapi did not have (asked for again next time). */
  exportState(): ScreenState {
    const kept = <V>(verdicts: Map<string, V>) => [...verdicts].filter(([, verdict]) => verdict !== GONE);
    return { downloads: kept(this.downloads), images: kept(this.images) };
  }

  /** Takes saved verdicts for files not checked yet. */
  importState(state: ScreenState): void {
    for (const [local, verdict] of state.downloads) if (!this.downloads.has(local)) this.downloads.set(local, verdict);
    for (const [key, verdict] of state.images) if (!this.images.has(key)) this.images.set(key, verdict);
  }

  /** Checks every download (local path → Strapi URL) and image (key → Strapi URL) not checked yet. */
  async screen(
    downloads: ReadonlyMap<string, string>,
    images: ReadonlyMap<string, string>,
    stats?: AssetStats,
  ): Promise<void> {
    const due = (verdicts: Map<string, unknown>, key: string) => (verdicts.get(key) ?? GONE) === GONE;
    await pool(
      [...downloads].filter(([local]) => due(this.downloads, local)),
      6,
      async ([local, source]) => {
        this.downloads.set(local, await this.download(local, source, stats));
      },
    );
    await pool(
      [...images].filter(([key]) => due(this.images, key)),
      2,
      async ([key, source]) => {
        this.images.set(key, await this.image(key, source, stats));
      },
    );
  }
}
