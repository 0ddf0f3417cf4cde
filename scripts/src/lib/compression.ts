/**
 * Compression for the local web server: which encoding a client accepts, which files are worth compressing, and
 * a bounded cache of compressed bodies keyed by file, size and modification time (so a swapped release or a
 * rewritten file is never answered from an old body), filled from the compressed copy a release holds beside a
 * file when there is one, else by compressing the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { isPagefindBinary } from '@ikz/site/builder/search-files';

export type Encoding = 'br' | 'gzip';

/**
 * Text types by extension. Pagefind's index, fragment, filter and meta files and its WebAssembly are sent as
 * the gzip copy written with them (isSentAsCopy), images and PDFs are compressed formats: none of them are
 * listed.
 */
const COMPRESSIBLE = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.xml',
  '.rss',
  '.atom',
  '.svg',
  '.txt',
  '.csv',
  '.ics',
  '.webmanifest',
]);

/** Below this many bytes compression saves less than a packet. */
export const MIN_COMPRESS_BYTES = 1024;

export const isCompressible = (file: string) => COMPRESSIBLE.has(path.extname(file).toLowerCase());

/**
 * Pagefind's index, fragment, filter and meta files and its WebAssembly: a release holds them unpacked with
 * Pagefind's own gzip bytes beside them (site/src/builder/search-files.ts). They are sent as that copy, gzip,
 * or as they are; never compressed here (a bundle of an older release holds them as gzip without a copy).
 */
export const isSentAsCopy = (file: string) => isPagefindBinary(path.basename(file));

/**
 * The encoding to send for an Accept-Encoding header: brotli before gzip, each only with a q-value above 0
 * (given by name or by `*`); null for identity.
 */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepts = acceptedEncodings(acceptEncoding);
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

/**
 * The encoding to send `file` (of `size` bytes) in for an Accept-Encoding header; null: as it is. Pagefind's
 * binary files only as their gzip copy (isSentAsCopy), text files of 1 KB and more as negotiated.
 */
export function encodingFor(file: string, size: number, acceptEncoding: string | undefined): Encoding | null {
  if (isSentAsCopy(file)) return acceptedEncodings(acceptEncoding)('gzip') ? 'gzip' : null;
  return size >= MIN_COMPRESS_BYTES && isCompressible(file) ? negotiateEncoding(acceptEncoding) : null;
}

/** Whether an Accept-Encoding header accepts an encoding: with a q-value above 0, by name or by `*`. */
export function acceptedEncodings(acceptEncoding: string | undefined): (name: Encoding) => boolean {
  if (!acceptEncoding) return () => false;
  const quality = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    quality.set(token.trim(), Number.isFinite(value) ? value : 0);
  }
  return (name: Encoding) => (quality.get(name) ?? quality.get('*') ?? 0) > 0;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      })
    : gzip(body, { level: 6 });
}

/**
 * The compressed copy written beside a file with its release (`x.js.br`, `x.js.gz`: see
 * site/src/builder/precompress.ts), if there is one at least as new as the file; null otherwise.
 */
export async function readPrecompressed(
  file: string,
  version: FileVersion,
  encoding: Encoding,
): Promise<Buffer | null> {
  const copy = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
  try {
    if ((await fs.promises.stat(copy)).mtimeMs < version.mtimeMs) return null;
    return await fs.promises.readFile(copy);
  } catch {
    return null;
  }
}

export interface FileVersion {
  size: number;
  mtimeMs: number;
}

/**
 * Compressed bodies, least recently used first out once their total passes `maxBytes`. Concurrent requests for
 * the same body share one compression.
 */
export class CompressedCache {
  private readonly entries = new Map<string, Promise<Buffer>>();
  private readonly sizes = new Map<string, number>();
  private total = 0;

  private readonly maxBytes: number;
  private readonly read: (file: string) => Promise<Buffer>;

  constructor(maxBytes: number, read: (file: string) => Promise<Buffer>) {
    this.maxBytes = maxBytes;
    this.read = read;
  }

  get bytes(): number {
    return this.total;
  }

  /** The body of `file` in `encoding`; with `copyOnly`, the copy written beside it or a rejection. */
  get(file: string, version: FileVersion, encoding: Encoding, { copyOnly = false } = {}): Promise<Buffer> {
    const key = `${file}\0${version.size}\0${version.mtimeMs}\0${encoding}`;
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const body = readPrecompressed(file, version, encoding).then(
      (ready) =>
        ready ??
        (copyOnly
          ? Promise.reject(new Error(`${file} has no ${encoding} copy`))
          : this.read(file).then((raw) => {
              if (raw.length !== version.size) throw new Error(`${file} changed while it was compressed`);
              return compress(raw, encoding);
            })),
    );
    this.entries.set(key, body);
    body.then(
      (buffer) => {
        if (this.entries.get(key) !== body) return;
        this.sizes.set(key, buffer.length);
        this.total += buffer.length;
        this.evict();
      },
      () => this.entries.delete(key),
    );
    return body;
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.total <= this.maxBytes) return;
      const size = this.sizes.get(key);
      if (size === undefined) continue;
      this.entries.delete(key);
      this.sizes.delete(key);
      this.total -= size;
    }
  }
}
