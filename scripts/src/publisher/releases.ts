/**
 * Release directories of the live site: every build goes into releases/<id>/; `current` is a symlink that
 * is switched atomically (a new link renamed over the old one), so readers never see a half-built site.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Releases {
  root: string;
  releasesDir: string;
  /** One manifest per complete release (kept outside the served directory). */
  manifestsDir: string;
  currentLink: string;
}

export function releases(root: string): Releases {
  return { root, releasesDir: path.join(root, 'releases'), manifestsDir: path.join(root, 'manifests'), currentLink: path.join(root, 'current') };
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
  for (const id of doomed) fs.rmSync(path.join(r.releasesDir, id), { recursive: true, force: true });
  return doomed;
}

/** Sortable and unique: 20261122T021800123Z-ab12 */
export function releaseId(now = new Date(), random = Math.random): string {
  return `${now.toISOString().replace(/[-:.]/g, '')}-${Math.floor(random() * 0xffff).toString(16).padStart(4, '0')}`;
}

export function listReleases(r: Releases): string[] {
  if (!fs.existsSync(r.releasesDir)) return [];
  return fs.readdirSync(r.releasesDir).filter((name) => fs.statSync(path.join(r.releasesDir, name)).isDirectory()).sort();
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
  if (!fs.existsSync(path.join(r.releasesDir, id, 'index.html'))) throw new Error(`Release ${id} is incomplete (no index.html); not switching.`);
  const tmp = `${r.currentLink}.${process.pid}.${Date.now()}`;
  fs.symlinkSync(path.join('releases', id), tmp);
  fs.renameSync(tmp, r.currentLink);
}

/**
 * Deletes all but the newest `keep` releases; never the current one. Asynchronous (tens of thousands of
 * links at scale), so the publisher can run it beside the next build. The manifest goes first: a release
 * without a manifest is never the base of an incremental build.
 */
export async function prune(r: Releases, keep: number): Promise<string[]> {
  const current = currentRelease(r);
  const all = listReleases(r);
  const doomed = all.slice(0, Math.max(0, all.length - keep)).filter((id) => id !== current);
  for (const id of doomed) {
    await fs.promises.rm(manifestFile(r, id), { force: true });
    await fs.promises.rm(path.join(r.releasesDir, id), { recursive: true, force: true });
  }
  return doomed;
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
