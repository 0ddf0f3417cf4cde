import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const CHECK = path.join(REPO_ROOT, 'scripts', 'check-node.cjs');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  engines: unknown;
  scripts: Record<string, string>;
};
const line = (found: string) =>
  `Interkommunales.NRW needs Node.js 24 (found ${found}). Install it from https://nodejs.org/ or with your version manager (nvm install 24), then run the command again.\n`;

/** Every executable called `name` on PATH, in PATH order. */
function onPath(name: string): string[] {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, name))
    .filter((file) => {
      try {
        fs.accessSync(file, fs.constants.X_OK);
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    });
}

/** A Node.js older than 24 somewhere on PATH (CI's and these machines' system Node is 20), or null. */
function findOldNode(): { binary: string; version: string } | null {
  for (const binary of onPath('node')) {
    const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout?.trim().replace(/^v/, '');
    if (version && Number(version.split('.')[0]) < 24) return { binary, version };
  }
  return null;
}

const oldNode = findOldNode();
const pnpm = onPath('pnpm')[0] ?? null;

function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd: options.cwd ?? REPO_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: os.homedir(), ...options.env },
  });
}

describe('check-node', () => {
  it('lets the current Node.js through silently', () => {
    const result = run(process.execPath, [CHECK]);
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe('');
  });

  it('stops an old Node.js with one line naming the version found, the version needed and how to get it', () => {
    const result = run(process.execPath, [CHECK], { env: { IKZ_NODE_VERSION_OVERRIDE: '20.20.2' } });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(line('20.20.2'));
  });

  it.skipIf(!oldNode)('stops a real old Node.js from PATH', () => {
    const result = run(oldNode!.binary, [CHECK]);
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toBe(line(oldNode!.version));
  });
});

describe('root scripts', () => {
  it('run the check first, except those that call pnpm, which loads .pnpmfile.cjs', () => {
    for (const [name, script] of Object.entries(manifest.scripts)) {
      if (!script.startsWith('pnpm ')) expect(script, name).toMatch(/^node scripts\/check-node\.cjs && /);
    }
  });
});

// Each test starts pnpm (a second or two when idle, more on a busy 2-core machine).
describe.skipIf(!pnpm)('pnpm in the workspace', { timeout: 60_000 }, () => {
  // A copy of the parts that take part: the root manifest's engines and start script, .npmrc, .pnpmfile.cjs
  // and the check. No packageManager field, so that any pnpm on PATH runs it as it is.
  const untouched = ['.npmrc', '.pnpmfile.cjs', 'package.json', 'scripts'];
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-check-node-'));
    const start = manifest.scripts.start!.replace('node scripts/src/start.ts', `node -e "console.log('started')"`);
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'check-node-fixture', private: true, engines: manifest.engines, scripts: { start } }),
    );
    fs.copyFileSync(path.join(REPO_ROOT, '.npmrc'), path.join(dir, '.npmrc'));
    fs.copyFileSync(path.join(REPO_ROOT, '.pnpmfile.cjs'), path.join(dir, '.pnpmfile.cjs'));
    fs.mkdirSync(path.join(dir, 'scripts'));
    fs.copyFileSync(CHECK, path.join(dir, 'scripts', 'check-node.cjs'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs scripts on the current Node.js', () => {
    const result = run(pnpm!, ['start'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('started');
  });

  it('still answers "pnpm --version" on an old Node.js', () => {
    const result = run(pnpm!, ['--version'], { cwd: dir, env: { IKZ_NODE_VERSION_OVERRIDE: '20.20.2' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  for (const command of ['install', 'start']) {
    it(`stops "pnpm ${command}" on an old Node.js with nothing but the line, and leaves the folder as it was`, () => {
      const result = run(pnpm!, [command], { cwd: dir, env: { IKZ_NODE_VERSION_OVERRIDE: '20.20.2' } });
      expect(result.status).toBe(1);
      expect(result.stdout + result.stderr).toBe(line('20.20.2'));
      expect(fs.readdirSync(dir).sort()).toEqual(untouched);
    });

    it.skipIf(!oldNode)(`stops "pnpm ${command}" the same way with the old Node.js from PATH first`, () => {
      const result = run(pnpm!, [command], {
        cwd: dir,
        env: { PATH: `${path.dirname(oldNode!.binary)}${path.delimiter}${process.env.PATH}` },
      });
      expect(result.status).toBe(1);
      expect(result.stdout + result.stderr).toBe(line(oldNode!.version));
      expect(fs.readdirSync(dir).sort()).toEqual(untouched);
    });
  }
});
