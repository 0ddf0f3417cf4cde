/**
 * Writes the project finder's file (lib/finder-data.ts) into a search bundle that holds project pages, from
 * the bundle's own fragments, just written by Pagefind. Fragment names carry a hash of their content, so a
 * fragment the base release's bundle had is taken from that bundle's finder file and only new ones are read
 * (a publish changes a few of 5,000 at ten times the demo content).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  decodeFinderFile,
  encodeFinderFile,
  FINDER_FILE,
  finderProjectOf,
  parseFragment,
  type FinderProject,
} from '../lib/finder-data.ts';
import { precompressFile } from './precompress.ts';
import { readPagefindFile } from './search-files.ts';

const FRAGMENT = /^(.+)\.pf_fragment$/;

/** The projects of a bundle's finder file by id; none when there is no readable one. */
function known(bundleDir: string | null): Map<string, FinderProject> {
  if (!bundleDir) return new Map();
  try {
    return new Map(decodeFinderFile(fs.readFileSync(path.join(bundleDir, FINDER_FILE), 'utf8')).map((p) => [p.id, p]));
  } catch {
    return new Map();
  }
}

/** A fragment's JSON, whether it is unpacked (signature first) or still Pagefind's gzip. */
const readFragment = (file: string): unknown => parseFragment(readPagefindFile(file).toString('utf8'));

export interface FinderFileStats {
  projects: number;
  /** Fragments read (the others were known from the base bundle's file). */
  read: number;
}

/** Writes `projekte.json` (and its compressed copies) into `bundleDir`, knowing what `baseBundleDir` had. */
export function writeFinderFile(bundleDir: string, baseBundleDir: string | null): FinderFileStats {
  const before = known(baseBundleDir);
  const projects: FinderProject[] = [];
  let read = 0;
  const fragments = path.join(bundleDir, 'fragment');
  for (const name of fs.existsSync(fragments) ? fs.readdirSync(fragments) : []) {
    const id = FRAGMENT.exec(name)?.[1];
    if (!id) continue;
    let project = before.get(id);
    if (!project) {
      read += 1;
      project = finderProjectOf(id, readFragment(path.join(fragments, name))) ?? undefined;
    }
    if (project) projects.push(project);
  }
  // The bundle is being written into a release that is not live yet: no reader sees the file half-written.
  const file = path.join(bundleDir, FINDER_FILE);
  fs.writeFileSync(file, encodeFinderFile(projects));
  precompressFile(file, 'every-publish');
  return { projects: projects.length, read };
}
