/**
 * A bundle written again starts from the base release's bundle. Pagefind names its fragment, index, filter and
 * meta files by a hash of their content, and does not write such a file again when one of that name is in the
 * folder it writes to (its "immutable" files). Compressing (gzip at its highest level) and writing those files is
 * most of writing a bundle: a projects' part at ten times the demo content has 1,722 fragments, of which a
 * publish changes one or two.
 *
 * So before Pagefind writes a bundle, the base release's hashed files of that bundle are linked into the new
 * bundle's folder (`seedSearchFiles`): Pagefind writes only the new ones. Afterwards every hashed file that the
 * new index does not name is removed (`pruneSearchFiles`), so the bundle holds what a write into an empty folder
 * holds (the equivalence test compares them). Only hashed files are linked: Pagefind rewrites its other files
 * (scripts, entry, WebAssembly) in place, which through a link would change the live release.
 *
 * Pagefind's short hashes (eight hex digits) could in principle give a new file the name of an old one of the
 * base bundle; Pagefind would then keep the old file. The chance is about one in 10⁹ per publish, and the nightly
 * full build writes every bundle into an empty folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decode } from 'cborg';
import { PAGEFIND_SIGNATURE } from '../lib/finder-data.ts';
import { linkFile } from './files.ts';
import { readPagefindFile } from './search-files.ts';

/** The folders of a bundle that hold hashed files, and their extension. */
const HASHED_DIRS = { fragment: '.pf_fragment', index: '.pf_index', filter: '.pf_filter' } as const;
const META = /^pagefind\.[^/]+\.pf_meta$/;

/** A hashed file of a bundle (relative path), or one of its gzip copies (see search-files.ts). */
function isHashed(relative: string): boolean {
  const file = relative.endsWith('.gz') ? relative.slice(0, -3) : relative;
  const [dir, name, ...rest] = file.split('/');
  if (rest.length) return false;
  if (name === undefined) return META.test(dir!);
  const ext = HASHED_DIRS[dir as keyof typeof HASHED_DIRS];
  return ext !== undefined && name.endsWith(ext);
}

/** The hashed files of a bundle folder (relative paths with forward slashes, gzip copies included). */
function hashedFiles(bundleDir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(bundleDir, { withFileTypes: true })) {
    if (entry.isFile() && isHashed(entry.name)) found.push(entry.name);
    if (!entry.isDirectory() || !(entry.name in HASHED_DIRS)) continue;
    for (const name of fs.readdirSync(path.join(bundleDir, entry.name)))
      if (isHashed(`${entry.name}/${name}`)) found.push(`${entry.name}/${name}`);
  }
  return found;
}

/** Links the hashed files of `baseBundleDir` into `bundleDir` (which has none yet); returns how many. */
export function seedSearchFiles(baseBundleDir: string, bundleDir: string): number {
  if (!fs.existsSync(baseBundleDir)) return 0;
  const files = hashedFiles(baseBundleDir);
  for (const file of files) linkFile(path.join(baseBundleDir, file), path.join(bundleDir, file));
  return files.length;
}

/** A Pagefind file's payload: its bytes after the signature, whether it is unpacked or still Pagefind's gzip. */
function payload(file: string): Uint8Array {
  const bytes = readPagefindFile(file);
  if (bytes.subarray(0, PAGEFIND_SIGNATURE.length).toString('latin1') !== PAGEFIND_SIGNATURE)
    throw new Error(`${file} is not a Pagefind file`);
  return bytes.subarray(PAGEFIND_SIGNATURE.length);
}

const isList = (value: unknown): value is unknown[] => Array.isArray(value);
/** A hash as Pagefind writes it into a file name (nothing that could leave the bundle's folder). */
const checkedHash = (hash: unknown): string => {
  if (typeof hash !== 'string' || !/^[\w-]+$/.test(hash)) throw new Error('unexpected hash in a Pagefind meta file');
  return hash;
};
const hashAt = (row: unknown, at: number) => checkedHash(isList(row) ? row[at] : undefined);

/**
 * The hashed files a written bundle's index names (relative paths): each language's meta file (from
 * `pagefind-entry.json`) and the fragments, index chunks and filter chunks that meta file lists.
 */
export function referencedSearchFiles(bundleDir: string): Set<string> {
  const entry = JSON.parse(fs.readFileSync(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const named = new Set<string>();
  for (const { hash } of Object.values(entry.languages)) {
    const meta = `pagefind.${checkedHash(hash)}.pf_meta`;
    named.add(meta);
    // MetaIndex: [version, pages [hash, word count], index chunks [from, to, hash], filters [name, hash], sorts].
    const decoded: unknown = decode(payload(path.join(bundleDir, meta)));
    if (!isList(decoded) || !isList(decoded[1]) || !isList(decoded[2]) || !isList(decoded[3]))
      throw new Error(`${meta} is not a Pagefind meta file of the expected format`);
    for (const page of decoded[1]) named.add(`fragment/${hashAt(page, 0)}.pf_fragment`);
    for (const chunk of decoded[2]) named.add(`index/${hashAt(chunk, 2)}.pf_index`);
    for (const filter of decoded[3]) named.add(`filter/${hashAt(filter, 1)}.pf_filter`);
  }
  return named;
}

/**
 * Removes the hashed files (and their gzip copies) that the bundle's index does not name, and returns how many;
 * throws if the index names a file the folder lacks (the bundle would answer searches with errors).
 */
export function pruneSearchFiles(bundleDir: string): number {
  const named = referencedSearchFiles(bundleDir);
  const present = new Set<string>();
  let removed = 0;
  for (const file of hashedFiles(bundleDir)) {
    const of = file.endsWith('.gz') ? file.slice(0, -3) : file;
    if (!named.has(of)) {
      fs.unlinkSync(path.join(bundleDir, file));
      removed += 1;
    } else if (of === file) present.add(file);
  }
  const missing = [...named].filter((file) => !present.has(file));
  if (missing.length)
    throw new Error(
      `The search bundle ${bundleDir} lacks ${missing.length} file(s) its index names, e.g. ${missing[0]}`,
    );
  return removed;
}
