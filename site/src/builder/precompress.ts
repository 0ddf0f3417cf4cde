/**
 * Compressed copies of the static text assets, written once – the site's scripts and styles when the renderer
 * is built, Pagefind's scripts each time a search bundle is written – and hard-linked into every release with
 * the files they belong to: `x.js.gz` for nginx's `gzip_static`, `x.js.br` for a server that sends brotli (the
 * local web server; nginx with Debian's brotli module). At the highest levels, since they are made once.
 * Pagefind's index, fragment, filter and meta files and its WebAssembly are gzip already and stay as they are;
 * pages and data files change with every publish and are compressed by the servers (see README, Search).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Text assets by extension. */
const PRECOMPRESSED = new Set(['.js', '.mjs', '.css', '.json', '.svg', '.txt', '.webmanifest']);
/** Below this many bytes compression saves less than a packet (as the servers decide). */
const MIN_BYTES = 1024;

export const precompressible = (file: string) => PRECOMPRESSED.has(path.extname(file).toLowerCase());

/** Compressed copies by the content's hash: Pagefind writes the same scripts into every bundle, every time. */
const made = new Map<string, [string, Buffer][]>();
const MADE_MAX = 256;

/** Brotli's quality for files written once (11, its best) and for a file rewritten by every publish (7). */
export type Effort = 'once' | 'every-publish';
const BROTLI_QUALITY: Record<Effort, number> = { once: 11, 'every-publish': 7 };

function compressedCopies(raw: Buffer, effort: Effort): [string, Buffer][] {
  const key = `${effort}:${createHash('sha256').update(raw).digest('base64')}`;
  let copies = made.get(key);
  if (!copies) {
    copies = [
      ['.gz', zlib.gzipSync(raw, { level: 9 })],
      [
        '.br',
        zlib.brotliCompressSync(raw, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY[effort],
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        }),
      ],
    ];
    if (made.size >= MADE_MAX) made.delete(made.keys().next().value!);
    made.set(key, copies);
  }
  return copies;
}

/**
 * Writes `file.gz` and `file.br` beside `file` (each through a temporary name, so no reader sees half of one).
 * A file that every publish rewrites is compressed with less effort: brotli's best took 1.5 s for the 860 KB
 * finder file at ten times the demo content, quality 7 takes 45 ms for 17 % more bytes.
 */
export function precompressFile(file: string, effort: Effort = 'once'): void {
  const raw = fs.readFileSync(file);
  if (raw.length < MIN_BYTES) return;
  for (const [extension, body] of compressedCopies(raw, effort)) {
    if (body.length >= raw.length) continue;
    const tmp = `${file}${extension}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, body);
    fs.renameSync(tmp, `${file}${extension}`);
  }
}

/** What readers load of a search bundle's own files (the site has its own search UI: Pagefind's is not used). */
export const SEARCH_BUNDLE_ASSETS = ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json'];

/**
 * Compressed copies of the text assets in `dir` (and below it, if `recursive`; only those named in `only`, if
 * given); returns how many files got them.
 */
export function precompressDir(
  dir: string,
  { recursive = false, only }: { recursive?: boolean; only?: readonly string[] } = {},
): number {
  let count = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive })) {
    if (!entry.isFile() || !precompressible(entry.name) || (only && !only.includes(entry.name))) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (fs.statSync(file).size < MIN_BYTES) continue;
    precompressFile(file);
    count += 1;
  }
  return count;
}
