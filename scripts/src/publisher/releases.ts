/**
 * Release directories of the live site: every build goes into releases/<id>/; `current` is a symlink that
 * is switched atomically (a new link renamed over the old one), so readers never see a half-built site.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface Releases {
  root: string;
  releasesDir: string;
  /** One manifest per complete release (kept outside the served directory). */
  manifestsDir: string;
  currentLink: string;
  /** Releases being deleted: moved here first (one rename), then removed by a separate process. */
  trashDir: string;
}

export function releases(root: string): Releases {
  return {
    root,
    releasesDir: path.join(root, 'releases'),
    manifestsDir: path.join(root, 'manifests'),
    currentLink: path.join(root, 'current'),
    trashDir: path.join(root, 'trash'),
  };
}

const manifestFile = (r: Releases, id: string) => path.join(r.manifestsDir, `${id}.json`);

/** Records a release as complete; a release directory without a manifest is a build that did not finish. */
export function writeManifest(r: Releases, id: string, manifest: unknown): void {
  fs.mkdirSync(r.manifestsDir, { recursive: true });
  const tmp = `${manifestFile(r, id)}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(manifest));
  fs.renameSync(tmp, manifestFile(r, id));
}

export function readManifest<T>(r: Releases, id: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(manifestFile(r, id), 'utf8')) as T;
  } catch {
    return null;
  }
}

/** Removes release directories of builds that did not finish (a killed build); never the live one. */
export function removeIncomplete(r: Releases): string[] {
  const current = currentRelease(r);
  const doomed = listReleases(r).filter((id) => id !== current && !fs.existsSync(manifestFile(r, id)));
  for (const id of doomed) discard(r, path.join(r.releasesDir, id));
  return doomed;
}

/** Sortable and unique: 20261122T021800123Z-ab12 */
export function releaseId(now = new Date(), random = Math.random): string {
  return `${now.toISOString().replace(/[-:.]/g, '')}-${Math.floor(random() * 0xffff)
    .toString(16)
    .padStart(4, '0')}`;
}

export function listReleases(r: Releases): string[] {
  if (!fs.existsSync(r.releasesDir)) return [];
  return fs
    .readdirSync(r.releasesDir)
    .filter((name) => fs.statSync(path.join(r.releasesDir, name)).isDirectory())
    .sort();
}

export function currentRelease(r: Releases): string | null {
  try {
    return path.basename(fs.readlinkSync(r.currentLink));
  } catch {
    return null;
  }
}

/** The directory the web server serves. */
export function currentDir(r: Releases): string {
  const id = currentRelease(r);
  return id ? path.join(r.releasesDir, id) : path.join(r.root, 'empty');
}

export function activate(r: Releases, id: string): void {
  if (!fs.existsSync(path.join(r.releasesDir, id, 'index.html')))
    throw new Error(`Release ${id} is incomplete (no index.html); not switching.`);
  const tmp = `${r.currentLink}.${process.pid}.${Date.now()}`;
  fs.symlinkSync(path.join('releases', id), tmp);
  fs.renameSync(tmp, r.currentLink);
}

/**
 * Takes all but the newest `keep` releases (never the current one) out of the list: the manifest goes first
 * (a release without one is never the base of an incremental build), then the directory is renamed into the
 * trash. Renames only, so it is instant; `emptyTrash` removes the files.
 */
export function retire(r: Releases, keep: number): string[] {
  const current = currentRelease(r);
  const all = listReleases(r);
  const doomed = all.slice(0, Math.max(0, all.length - keep)).filter((id) => id !== current);
  for (const id of doomed) {
    fs.rmSync(manifestFile(r, id), { force: true });
    discard(r, path.join(r.releasesDir, id));
  }
  return doomed;
}

/**
 * The release a build may recycle (patch into the new one) instead of linking every file into a new folder:
 * once `keep` releases exist, the oldest complete one that is not live and that `fits` (built by the same code
 * for the same site) – usually the one the next retire would take anyway.
 */
export function recycleCandidate<M>(
  r: Releases,
  keep: number,
  fits: (manifest: M) => boolean = () => true,
): { id: string; dir: string; manifest: M } | null {
  const current = currentRelease(r);
  const all = listReleases(r);
  if (all.length < keep) return null;
  for (const id of all) {
    if (id === current) continue;
    const manifest = readManifest<M>(r, id);
    if (manifest && fits(manifest)) return { id, dir: path.join(r.releasesDir, id), manifest };
  }
  return null;
}

/**
 * Takes a release for recycling: its manifest goes first (from now on it is an unfinished build, removed at
 * the next start if the build is killed), then it is renamed to the new release's folder.
 */
export function claimRelease(r: Releases, id: string, dir: string): void {
  fs.rmSync(manifestFile(r, id), { force: true });
  fs.renameSync(path.join(r.releasesDir, id), dir);
}

/** Moves a directory (an old or a failed release) into the trash. */
export function discard(r: Releases, dir: string): void {
  fs.mkdirSync(r.trashDir, { recursive: true });
  fs.renameSync(dir, path.join(r.trashDir, `${path.basename(dir)}-${process.pid}-${Date.now()}`));
}

export interface TrashRemoval {
  /** Settles when the trash is empty, or when the removal was stopped. */
  done: Promise<void>;
  /** Stops the removal (what is left stays in the trash for the next one). */
  stop(): void;
}

/**
 * Removes everything in the trash (also what a stopped or killed publisher left) with `rm` in its own
 * process at the lowest CPU priority: a release at scale is ~90,000 links; removing them in this process
 * would hold its event loop for seconds or queue every file read of its thread pool (the local web
 * server's among them) behind the unlinks. The publisher stops the removal while it builds.
 */
export function emptyTrash(r: Releases): TrashRemoval {
  const entries = fs.existsSync(r.trashDir)
    ? fs.readdirSync(r.trashDir).map((name) => path.join(r.trashDir, name))
    : [];
  if (!entries.length) return { done: Promise.resolve(), stop: () => {} };
  let stopped = false;
  const child = spawn('nice', ['-n', '19', 'rm', '-rf', '--', ...entries], { stdio: 'ignore' });
  const done = new Promise<boolean>((resolve) => {
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  }).then(async (removed) => {
    // Without `nice` or `rm`, the same in this process.
    if (!removed && !stopped)
      for (const entry of entries) await fs.promises.rm(entry, { recursive: true, force: true });
  });
  return {
    done,
    stop: () => {
      stopped = true;
      child.kill();
    },
  };
}

/** Switches back to the release before the current one. */
export function rollback(r: Releases): string {
  const current = currentRelease(r);
  const all = listReleases(r);
  const index = current ? all.indexOf(current) : all.length;
  const previous = all[index - 1];
  if (!previous) throw new Error('There is no earlier release to roll back to.');
  activate(r, previous);
  return previous;
}
