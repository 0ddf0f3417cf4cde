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
 * A bundle written again starts with the base release's files, unpacked already (search-reuse.ts): a file with
 * a gzip copy beside it is left as it is, only those Pagefind wrote now are unpacked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PAGEFIND_SIGNATURE } from '../lib/finder-data.ts';

export { PAGEFIND_SIGNATURE };

/** Pagefind's files that it writes gzip-compressed (its scripts and entry file are text: see precompress.ts). */
export const isPagefindBinary = (name: string) =>
  /\.pf_(meta|index|fragment|filter)$/.test(name) || /^wasm\.[a-z0-9_-]+\.pagefind$/.test(name);

const isGzip = (bytes: Uint8Array) => bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** A Pagefind file of a bundle as Pagefind's browser code reads it: inflated if it is still Pagefind's gzip. */
export function readPagefindFile(file: string): Buffer {
  const bytes = fs.readFileSync(file);
  return isGzip(bytes) ? gunzipSync(bytes) : bytes;
}

/**
 * Unpacks one Pagefind file of a bundle being written (not live yet): `file` becomes the inflated bytes,
 * `file.gz` Pagefind's gzip bytes. False when the file is no gzip of Pagefind's format (then it stays as it is:
 * Pagefind's browser code reads it as before).
 */
function unpackFile(file: string): boolean {
  const gz = fs.readFileSync(file);
  if (!isGzip(gz)) return false;
  const raw = gunzipSync(gz);
  if (raw.subarray(0, PAGEFIND_SIGNATURE.length).toString('latin1') !== PAGEFIND_SIGNATURE) return false;
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, raw);
  fs.renameSync(file, `${file}.gz`);
  fs.renameSync(tmp, file);
  // A server sends a copy only if it is at least as new as the file (else the file changed after it): the file
  // gets a time a millisecond before the copy's (times pass through whole milliseconds and seconds as floating
  // point numbers here; equal times could come out with the file a fraction newer).
  const copied = fs.statSync(`${file}.gz`).mtimeMs;
  fs.utimesSync(file, (copied - 1) / 1000, (copied - 1) / 1000);
  return true;
}

/** Unpacks the Pagefind files of the bundle in `bundleDir` that have no gzip copy yet; returns how many. */
export function unpackSearchFiles(bundleDir: string): number {
  const files = fs
    .readdirSync(bundleDir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  const present = new Set(files);
  let unpacked = 0;
  for (const file of files)
    if (isPagefindBinary(path.basename(file)) && !present.has(`${file}.gz`) && unpackFile(file)) unpacked += 1;
  return unpacked;
}
