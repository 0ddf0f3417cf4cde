import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  activate,
  currentRelease,
  releaseId,
  releases,
  writeManifest,
  type Releases,
} from '@ikz/scripts/publisher/releases';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
let tmp: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-rollback-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Two complete releases, the newer one live – as the publisher leaves them. */
function twoReleases(root: string): { r: Releases; older: string; newer: string } {
  const r = releases(root);
  const [older, newer] = [releaseId(new Date('2026-11-20T10:00:00Z')), releaseId(new Date('2026-11-21T10:00:00Z'))];
  for (const id of [older, newer]) {
    fs.mkdirSync(path.join(r.releasesDir, id), { recursive: true });
    fs.writeFileSync(path.join(r.releasesDir, id, 'index.html'), `<!doctype html><title>${id}</title>`);
    writeManifest(r, id, { id });
    activate(r, id);
  }
  return { r, older: older!, newer: newer! };
}

/** `pnpm rollback` runs exactly this (after the Node version check). */
const rollback = (env: Record<string, string>) =>
  spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'src', 'rollback.ts')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });

// Each test starts the real command (about a second each on a busy machine).
describe('pnpm rollback', { timeout: 30_000 }, () => {
  it('switches the releases in IKZ_SITE_ROOT back, not those of the local installation', () => {
    const { r, older, newer } = twoReleases(path.join(tmp, 'srv', 'site'));
    const local = twoReleases(path.join(tmp, 'state', 'site'));
    const result = rollback({ IKZ_SITE_ROOT: r.root, IKZ_DATA_DIR: path.join(tmp, 'state') });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`live release in ${r.root}: ${older} (was ${newer})`);
    expect(currentRelease(r)).toBe(older);
    expect(fs.readFileSync(path.join(r.currentLink, 'index.html'), 'utf8')).toContain(older);
    expect(currentRelease(local.r)).toBe(local.newer);
  });

  it('without IKZ_SITE_ROOT uses site/ in IKZ_DATA_DIR', () => {
    const { r, older } = twoReleases(path.join(tmp, 'state', 'site'));
    const result = rollback({ IKZ_DATA_DIR: path.join(tmp, 'state') });
    expect(result.status).toBe(0);
    expect(currentRelease(r)).toBe(older);
  });

  it('says so and changes nothing when there is no earlier release', () => {
    const { r, older } = twoReleases(path.join(tmp, 'srv'));
    expect(rollback({ IKZ_SITE_ROOT: r.root }).status).toBe(0);
    const again = rollback({ IKZ_SITE_ROOT: r.root });
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe('[rollback] There is no earlier release to roll back to.');
    expect(currentRelease(r)).toBe(older);
  });
});
