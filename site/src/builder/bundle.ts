/**
 * The renderer bundle: the Astro site built once per code version (site sources, shared types, lockfile,
 * reference data) into node_modules/.cache/ikz-renderer/<hash>/ – inside the repository, so the bundle's
 * imports of installed packages resolve – and loaded into the process that renders.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PageModel } from '../model/pages.ts';
import { readReferenceText, REFERENCE_FILES } from '@ikz/shared-types/reference-data';
import { inheritedEnv } from '@ikz/shared-types/env';
import { precompressDir } from './precompress.ts';

export const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REPO_ROOT = path.resolve(SITE_DIR, '..');
export const RENDERER_CACHE = path.join(REPO_ROOT, 'node_modules', '.cache', 'ikz-renderer');
const ASTRO_BIN = path.join(REPO_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** Everything the rendered output depends on besides content: a change means a full build. */
export function codeHash(): string {
  const hash = createHash('sha256');
  const add = (file: string) =>
    hash.update(path.relative(REPO_ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else add(full);
    }
  };
  walk(path.join(SITE_DIR, 'src'));
  walk(path.join(SITE_DIR, 'public'));
  walk(path.join(REPO_ROOT, 'shared-types', 'src'));
  for (const file of ['site/astro.config.mjs', 'site/package.json', 'pnpm-lock.yaml']) add(path.join(REPO_ROOT, file));
  // By name and content, wherever IKZ_REFERENCE_DATA puts them.
  for (const file of REFERENCE_FILES)
    hash.update(`reference-data/${file}`).update('\0').update(readReferenceText(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

function runAstroBuild(outDir: string, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const chunks: string[] = [];
    const child = spawn(process.execPath, [ASTRO_BIN, 'build'], {
      cwd: SITE_DIR,
      env: inheritedEnv({ IKZ_RENDERER_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d: Buffer) => chunks.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => chunks.push(d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const tail = chunks
        .join('')
        .split('\n')
        .filter((l) => l.trim() && !/MODULE_LEVEL_DIRECTIVE|│|╭|╰|───/.test(l))
        .slice(-25)
        .join('\n');
      log(tail);
      reject(new Error(`The site's renderer could not be built (astro build exit ${code}):\n${tail}`));
    });
  });
}

export interface Bundle {
  hash: string;
  dir: string;
  /** Static files of the site (scripts, styles, favicon), to be copied into every release. */
  clientDir: string;
}

/** The bundle of the current code, built first when there is none (or when `force`). */
export async function ensureBundle(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<Bundle> {
  const hash = codeHash();
  const dir = path.join(RENDERER_CACHE, hash);
  const bundle = { hash, dir, clientDir: path.join(dir, 'client') };
  if (!options.force && fs.existsSync(path.join(dir, 'server', 'entry.mjs'))) return bundle;
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  options.log?.(`building the site's renderer (${hash}) …`);
  try {
    await runAstroBuild(tmp, options.log ?? (() => {}));
    precompressDir(path.join(tmp, 'client'), { recursive: true });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return bundle;
}

export interface RenderLocals {
  page: PageModel;
  siteUrl: string;
  preview?: { status: 'draft' | 'published'; updatedAt: string };
}

export interface Renderer {
  hash: string;
  /** The HTML of the page at `url`, rendered from `locals.page`. */
  render(url: string, locals: RenderLocals): Promise<string>;
}

interface AstroApp {
  render(request: Request, options: { locals: { ikz: RenderLocals } }): Promise<Response>;
}

export async function loadRenderer(bundle: Bundle): Promise<Renderer> {
  const entry = (await import(pathToFileURL(path.join(bundle.dir, 'server', 'entry.mjs')).href)) as { app: AstroApp };
  return {
    hash: bundle.hash,
    async render(url, locals) {
      const response = await entry.app.render(new Request(new URL(url, locals.siteUrl)), { locals: { ikz: locals } });
      const html = await response.text();
      if (response.status !== 200)
        throw new Error(`Rendering ${url} (${locals.page.kind}) answered ${response.status}: ${html.slice(0, 300)}`);
      return html;
    },
  };
}
