/** Runs the Astro build of site/ against a Strapi, into a given output directory. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './strapi-process.ts';

export const SITE_DIR = path.join(REPO_ROOT, 'site');
const ASTRO_BIN = path.join(REPO_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface SiteBuildOptions {
  strapiUrl: string;
  token: string;
  outDir: string;
  /** Where Astro keeps its content store and image cache between builds (incremental builds). */
  cacheDir: string;
  siteUrl?: string;
  logFile?: string;
  env?: Record<string, string>;
}

export interface SiteBuildResult {
  seconds: number;
  pages: number;
  log: string;
}

export async function buildSite(options: SiteBuildOptions): Promise<SiteBuildResult> {
  const started = performance.now();
  fs.mkdirSync(options.cacheDir, { recursive: true });
  const env = {
    ...process.env,
    STRAPI_URL: options.strapiUrl,
    STRAPI_BUILD_TOKEN: options.token,
    SITE_URL: options.siteUrl ?? process.env.SITE_URL ?? 'http://localhost:4321',
    IKZ_SITE_OUT_DIR: options.outDir,
    IKZ_ASTRO_CACHE_DIR: path.join(options.cacheDir, 'astro'),
    IKZ_DOWNLOAD_CACHE: path.join(options.cacheDir, 'downloads'),
    IKZ_DOWNLOAD_MANIFEST_DIR: path.join(options.cacheDir, 'manifests'),
    IKZ_BUILD_REPORT_DIR: path.join(options.cacheDir, 'report'),
    ASTRO_TELEMETRY_DISABLED: '1',
    ...options.env,
  };
  const chunks: string[] = [];
  const child = spawn(process.execPath, [ASTRO_BIN, 'build'], { cwd: SITE_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d: Buffer) => chunks.push(d.toString()));
  child.stderr.on('data', (d: Buffer) => chunks.push(d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const log = chunks.join('');
  if (options.logFile) fs.writeFileSync(options.logFile, log);
  if (code !== 0) {
    const tail = log.split('\n').filter((l) => !/MODULE_LEVEL_DIRECTIVE|│|╭|───/.test(l)).slice(-25).join('\n');
    throw new Error(`The site build failed (exit ${code}):\n${tail}`);
  }
  const pages = Number(/(\d+) page\(s\) built/.exec(log)?.[1] ?? 0);
  return { seconds: (performance.now() - started) / 1000, pages, log };
}
