/**
 * Pagefind writes its index, fragment, filter and meta files and its WebAssembly gzip-compressed, and its
 * browser code inflates each of them in JavaScript. On a cold search page that JavaScript is not compiled yet:
 * inflating the 130 KB WebAssembly, the meta file and the first index chunk cost a reader more than the
 * network did (about 150 ms of a 0.9 s cold search on this machine).
 *
 * So a written bundle keeps each such file unpacked (Pagefind's signature `pagefind_dcd` first, which tells its
 * browser code to skip inflating), with Pagefind's own gzip bytes beside it as `x.gz`. The servers send that
 * copy with `Content-Encoding: gzip` (nginx's `gzip_static`, the local web server): the browser inflates it
 * natively, off the page's threads, and the bytes on the wire are those Pagefind wrote. A client that accepts
 * no gzip gets the unpacked file, which Pagefind reads as well.
 *
 * File names in a bundle carry a hash of the content, so most files of a rewritten bundle are those of the
 * release it was built on: they are linked from there (when their gzip bytes are equal) instead of inflated
 * and written again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PAGEFIND_SIGNATURE } from '../lib/finder-data.ts';
import { linkFile } from './files.ts';

export { PAGEFIND_SIGNATURE };

/** Pagefind's files that it writes gzip-compressed (its scripts and entry file are text: see precompress.ts). */
export const isPagefindBinary = (name: string) =>
  /\.pf_(meta|index|fragment|filter)$/.test(name) || /^wasm\.[a-z0-9_-]+\.pagefind$/.test(name);

const isGzip = (bytes: Uint8Array) => bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Whether `file` exists and holds exactly `bytes`. */
function holds(file: string, bytes: Buffer): boolean {
  try {
    return fs.statSync(file).size === bytes.length && fs.readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}

export interface Unpacked {
  /** Files inflated and written here. */
  unpacked: number;
  /** Files linked from the base bundle (same gzip bytes). */
  linked: number;
}

/**
 * Unpacks one Pagefind file of a bundle being written (not live yet): `file` becomes the inflated bytes,
 * `file.gz` Pagefind's gzip bytes. Returns how it was done, or null when the file is no gzip of Pagefind's
 * format (then it stays as it is: Pagefind's browser code reads it as before).
 */
function unpackFile(file: string, baseFile: string | null): 'unpacked' | 'linked' | null {
  const gz = fs.readFileSync(file);
  if (!isGzip(gz)) return null;
  if (baseFile && holds(`${baseFile}.gz`, gz) && fs.existsSync(baseFile)) {
    fs.rmSync(file);
    linkFile(baseFile, file);
    linkFile(`${baseFile}.gz`, `${file}.gz`);
    return 'linked';
  }
  const raw = gunzipSync(gz);
  if (raw.subarray(0, PAGEFIND_SIGNATURE.length).toString('latin1') !== PAGEFIND_SIGNATURE) return null;
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, raw);
  fs.renameSync(file, `${file}.gz`);
  fs.renameSync(tmp, file);
  // A server sends a copy only if it is at least as new as the file (else the file changed after it): the file
  // gets a time a millisecond before the copy's (times pass through whole milliseconds and seconds as floating
  // point numbers here; equal times could come out with the file a fraction newer).
  const copied = fs.statSync(`${file}.gz`).mtimeMs;
  fs.utimesSync(file, (copied - 1) / 1000, (copied - 1) / 1000);
  return 'unpacked';
}

/** Unpacks every Pagefind file of the bundle in `bundleDir`, linking from `baseBundleDir` what it holds already. */
export function unpackSearchFiles(bundleDir: string, baseBundleDir: string | null): Unpacked {
  const done: Unpacked = { unpacked: 0, linked: 0 };
  for (const entry of fs.readdirSync(bundleDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !isPagefindBinary(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const baseFile = baseBundleDir ? path.join(baseBundleDir, path.relative(bundleDir, file)) : null;
    const how = unpackFile(file, baseFile);
    if (how) done[how] += 1;
  }
  return done;
}
