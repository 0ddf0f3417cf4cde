/**
 * Starting and stopping the Strapi server of cms/ from scripts and tests. Servers are stopped by their
 * process id; nothing here searches for processes by name.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inheritedEnv } from '@ikz/shared-types/env';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CMS_DIR = path.join(REPO_ROOT, 'cms');
export const STRAPI_BIN = path.join(REPO_ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const TSC_BIN = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The secrets Strapi needs; generated once per installation or test run. */
export function generateSecrets(): Record<string, string> {
  return {
    APP_KEYS: [randomSecret(), randomSecret(), randomSecret(), randomSecret()].join(','),
    ADMIN_JWT_SECRET: randomSecret(),
    API_TOKEN_SALT: randomSecret(),
    TRANSFER_TOKEN_SALT: randomSecret(),
    JWT_SECRET: randomSecret(),
    ENCRYPTION_KEY: randomSecret(),
    STRAPI_BUILD_TOKEN: randomSecret(48),
    IKZ_FORM_SECRET: randomSecret(48),
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = inheritedEnv()): void {
  const result = spawnSync(process.execPath, [command, ...args], { cwd, env, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(
      `${path.basename(command)} ${args.join(' ')} failed in ${cwd} (exit ${result.status ?? result.signal})`,
    );
}

/** Compiles cms/ (TypeScript and schema files) into cms/dist without building the admin panel. */
export function compileCms(): void {
  run(TSC_BIN, ['-p', 'tsconfig.json'], CMS_DIR);
}

/** Fingerprint of everything the admin build depends on. */
function cmsSourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(full).update(fs.readFileSync(full));
    }
  };
  for (const dir of ['src', 'config']) walk(path.join(CMS_DIR, dir));
  hash.update(fs.readFileSync(path.join(CMS_DIR, 'package.json')));
  return hash.digest('hex');
}

/** Builds cms/ including the admin panel, unless the last build is of the same sources. */
export function buildCmsIfNeeded(log: (line: string) => void = console.log): boolean {
  const marker = path.join(CMS_DIR, 'dist', '.source-hash');
  const current = cmsSourceHash();
  if (
    fs.existsSync(marker) &&
    fs.readFileSync(marker, 'utf8') === current &&
    fs.existsSync(path.join(CMS_DIR, 'dist', 'build', 'index.html'))
  )
    return false;
  log('building Strapi and its admin panel (about a minute on first start) …');
  run(STRAPI_BIN, ['build'], CMS_DIR, inheritedEnv({ NODE_ENV: 'production' }));
  fs.writeFileSync(marker, current);
  return true;
}

export interface StrapiServer {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface StartOptions {
  env: Record<string, string>;
  port?: number;
  /** Where Strapi's output goes; default: inherited. */
  logFile?: string;
  readyTimeoutMs?: number;
}

/** The environment `strapi start` runs with: listening on localhost at `port`, no telemetry, plus `env`. */
export function strapiProcessEnv(port: number, env: Record<string, string>): Record<string, string | undefined> {
  return inheritedEnv({
    HOST: '127.0.0.1',
    PORT: String(port),
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'none',
    ...env,
  });
}

/** Resolves once Strapi's health check at `url` answers; rejects when `signal` aborts first. */
export async function waitForStrapi(url: string, signal: AbortSignal): Promise<void> {
  for (;;) {
    if (signal.aborted) throw new Error(`Strapi at ${url} stopped before it answered`);
    try {
      const response = await fetch(`${url}/_health`, { signal: AbortSignal.any([signal, AbortSignal.timeout(5_000)]) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Starts `strapi start` in cms/ and resolves once its health check answers. */
export async function startStrapi(options: StartOptions): Promise<StrapiServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const out = options.logFile ? fs.openSync(options.logFile, 'a') : 'inherit';
  const child = spawn(process.execPath, [STRAPI_BIN, 'start'], {
    cwd: CMS_DIR,
    env: strapiProcessEnv(port, options.env),
    stdio: ['ignore', out, out],
  });
  let exited: string | null = null;
  const aborted = new AbortController();
  child.on('exit', (code, signal) => {
    exited = `exit ${code ?? signal}`;
    aborted.abort();
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await done;
    clearTimeout(timer);
  };

  const timeoutMs = options.readyTimeoutMs ?? 120_000;
  const timer = setTimeout(() => aborted.abort(), timeoutMs);
  try {
    await waitForStrapi(url, aborted.signal);
  } catch {
    if (exited) {
      const tail = options.logFile ? fs.readFileSync(options.logFile, 'utf8').split('\n').slice(-40).join('\n') : '';
      throw new Error(`Strapi stopped during start (${exited}).${tail ? `\n${tail}` : ''}`);
    }
    await stop();
    throw new Error(`Strapi did not answer at ${url} within ${timeoutMs / 1000} s`);
  } finally {
    clearTimeout(timer);
  }
  return { url, port, child, stop };
}
