/**
 * Writing a release: new files are written into paths that do not exist yet; unchanged files and cached
 * assets are hard links (to the base release or the cache, whose files are never written again).
 * A file of a recycled release is replaced by removing it first. Nothing is ever written through a link, so
 * a new release cannot change the live one.
 */
import fs from 'node:fs';
import path from 'node:path';

const made = new Set<string>();

function ensureDir(dir: string): void {
  if (made.has(dir)) return;
  fs.mkdirSync(dir, { recursive: true });
  made.add(dir);
}

/** Writes a file that must not exist yet. */
export function writeNew(file: string, data: string | Uint8Array): void {
  ensureDir(path.dirname(file));
  fs.writeFileSync(file, data, { flag: 'wx' });
}

/** Links `target` to `source` (copies across file systems). */
export function linkFile(source: string, target: string): void {
  ensureDir(path.dirname(target));
  try {
    fs.linkSync(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.copyFileSync(source, target, fs.constants.COPYFILE_EXCL);
  }
}

/** Links `target` to `source` when the source exists; false when it does not (then the caller writes it). */
export function tryLinkFile(source: string, target: string): boolean {
  try {
    linkFile(source, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !fs.existsSync(source)) return false;
    throw error;
  }
}

/** Removes a file if it is there (a link is removed, never the file it shares its data with). */
function unlinkIfPresent(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Replaces a file of a recycled release with new content (a new file, not a write through the old one). */
export function replaceFile(file: string, data: string | Uint8Array): void {
  unlinkIfPresent(file);
  writeNew(file, data);
}

/** Replaces a file of a recycled release with a link to `source`; false when the source does not exist. */
export function replaceWithLink(source: string, target: string): boolean {
  unlinkIfPresent(target);
  return tryLinkFile(source, target);
}

/**
 * Removes a file of a recycled release that the new release does not have, and the folders it leaves
 * empty up to `root` (an empty page folder would answer 403 instead of 404).
 */
export function removeFile(root: string, file: string): void {
  unlinkIfPresent(file);
  for (let dir = path.dirname(file); dir.startsWith(`${root}${path.sep}`); dir = path.dirname(dir)) {
    try {
      fs.rmdirSync(dir);
      made.delete(dir);
    } catch {
      return; // not empty (or gone already)
    }
  }
}

/** Links every file below `sourceDir` into `targetDir`, keeping the layout; existing targets are left alone. */
export function linkTree(sourceDir: string, targetDir: string): number {
  let count = 0;
  for (const entry of fs.readdirSync(sourceDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(targetDir, path.relative(sourceDir, source));
    try {
      linkFile(source, target);
      count += 1;
    } catch (error) {
      // An existing target is left alone (asking first would cost a stat per file: 60,000 at scale 10).
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return count;
}

/** Writes into a cache file atomically (temporary file, then rename): readers never see half a file. */
export function writeCacheFile(file: string, data: Uint8Array): void {
  ensureDir(path.dirname(file));
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/** Forget which directories exist (a release directory was removed). */
export function forgetDirs(): void {
  made.clear();
}
