/**
 * The state of a local installation, all in one folder (default `.var/` in the repository, or IKZ_DATA_DIR):
 * generated secrets, the SQLite database, uploads and the seed state. Back up this folder to back up everything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readEnv } from '@ikz/shared-types/env';
import { generateSecrets, randomSecret, REPO_ROOT } from './strapi-process.ts';

export interface LocalState {
  dir: string;
  secretsFile: string;
  databaseFile: string;
  publicDir: string;
  seedStateFile: string;
}

export function localState(dir = readEnv(['IKZ_DATA_DIR']).IKZ_DATA_DIR ?? path.join(REPO_ROOT, '.var')): LocalState {
  const abs = path.resolve(dir);
  return {
    dir: abs,
    secretsFile: path.join(abs, 'secrets.json'),
    databaseFile: path.join(abs, 'strapi', 'data.db'),
    publicDir: path.join(abs, 'strapi', 'public'),
    seedStateFile: path.join(abs, 'seed-state.json'),
  };
}

/** The folder of the site releases: IKZ_SITE_ROOT, or `site/` in the state folder. */
export function siteRoot(state: LocalState, env?: Record<string, string | undefined>): string {
  return path.resolve(readEnv(['IKZ_SITE_ROOT'], env).IKZ_SITE_ROOT ?? path.join(state.dir, 'site'));
}

/** The state folder exists and only its owner may enter it (database, uploads and secrets live inside). */
export function ensureStateDir(state: LocalState): void {
  fs.mkdirSync(state.dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(state.dir, 0o700);
}

/** Secrets are generated on first start and kept (mode 0600); they never go to the log or the repository. */
export function loadOrCreateSecrets(state: LocalState): Record<string, string> {
  const stored = fs.existsSync(state.secretsFile)
    ? (JSON.parse(fs.readFileSync(state.secretsFile, 'utf8')) as Record<string, string>)
    : {};
  const secrets: Record<string, string> = {
    ...generateSecrets(),
    STRAPI_SEED_TOKEN: randomSecret(48),
    PUBLISHER_WEBHOOK_SECRET: randomSecret(32),
    PREVIEW_SECRET: randomSecret(48),
    STRAPI_PREVIEW_TOKEN: randomSecret(48),
    ...stored,
  };
  if (Object.keys(secrets).every((key) => key in stored)) return stored;
  ensureStateDir(state);
  fs.writeFileSync(state.secretsFile, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

export type SeedState = { status: 'started' | 'complete'; scale: number; at: string };

export function readSeedState(state: LocalState): SeedState | null {
  return fs.existsSync(state.seedStateFile)
    ? (JSON.parse(fs.readFileSync(state.seedStateFile, 'utf8')) as SeedState)
    : null;
}

export function writeSeedState(state: LocalState, value: SeedState): void {
  ensureStateDir(state);
  fs.writeFileSync(state.seedStateFile, `${JSON.stringify(value)}\n`);
}

/**
 * Seed when this installation started a seed that did not finish, or when Strapi holds no project at all
 * and the installation never seeded. A database with real content is never touched.
 */
export function shouldSeed(seedState: SeedState | null, projectCount: number, disabled: boolean): boolean {
  if (disabled) return false;
  if (seedState?.status === 'started') return true;
  if (seedState?.status === 'complete') return false;
  return projectCount === 0;
}
