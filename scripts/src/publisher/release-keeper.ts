/**
 * The publisher's releases: which one is live, which old one a build may recycle, switching a finished one
 * live (and retiring the oldest), and removing retired ones – between builds only, never beside one (a build
 * needs the disk and both cores).
 */
import fs from 'node:fs';
import path from 'node:path';
import { reusable, type ReleaseManifest } from '@ikz/site/builder';
import {
  activate,
  claimRelease,
  currentRelease,
  discard,
  emptyTrash,
  readManifest,
  recycleCandidate,
  releases,
  removeIncomplete,
  retire,
  writeManifest,
  type TrashRemoval,
} from './releases.ts';

export interface LiveRelease {
  id: string;
  dir: string;
  manifest: ReleaseManifest;
}

export function createReleaseKeeper(root: string, keep: number, log: (record: Record<string, unknown>) => void) {
  const r = releases(root);
  fs.mkdirSync(r.releasesDir, { recursive: true });
  for (const id of removeIncomplete(r)) log({ msg: 'removed unfinished release', release: id });
  let removal: TrashRemoval | null = null;

  function live(): LiveRelease | null {
    const id = currentRelease(r);
    const manifest = id ? readManifest<ReleaseManifest>(r, id) : null;
    return id && manifest ? { id, dir: path.join(r.releasesDir, id), manifest } : null;
  }

  /** An old release of the same code and site address that the build into `outDir` may patch instead of linking every file. */
  function recyclable(current: LiveRelease | null, outDir: string) {
    const candidate = current
      ? recycleCandidate<ReleaseManifest>(r, keep, (m) =>
          reusable(m, current.manifest.codeHash, current.manifest.siteUrl),
        )
      : null;
    return candidate
      ? { dir: candidate.dir, manifest: candidate.manifest, claim: () => claimRelease(r, candidate.id, outDir) }
      : null;
  }

  function goLive(id: string, manifest: ReleaseManifest): void {
    writeManifest(r, id, manifest);
    activate(r, id);
    const retired = retire(r, keep);
    if (retired.length) log({ msg: 'releases retired', releases: retired });
  }

  /** Moves a failed build's folder into the trash. */
  function discardDir(dir: string): void {
    if (fs.existsSync(dir)) discard(r, dir);
  }

  function removeOld(): void {
    if (removal) return;
    const started = emptyTrash(r);
    removal = started;
    void started.done
      .catch((error: unknown) => log({ level: 'error', msg: 'removing old releases failed', error: String(error) }))
      .finally(() => {
        if (removal === started) removal = null;
      });
  }

  /** Stops the removal under way, if any (a build starts); resolves once it has stopped. */
  function stopRemoval(): Promise<void> {
    const stopping = removal;
    removal = null;
    stopping?.stop();
    return stopping?.done ?? Promise.resolve();
  }

  return {
    releases: r,
    live,
    recyclable,
    goLive,
    discard: (dir: string) => discard(r, dir),
    discardDir,
    removeOld,
    stopRemoval,
    dirOf: (id: string) => path.join(r.releasesDir, id),
  };
}
