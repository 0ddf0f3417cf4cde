import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  readReferenceJson,
  readReferenceText,
  REFERENCE_FILES,
  referenceDataDir,
  referenceDataProblem,
  REPOSITORY_REFERENCE_DATA,
} from '@ikz/shared-types/reference-data';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-reference-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the reference data in the repository', () => {
  it('is found without any variable, inside the repository, with its sources and licence', () => {
    const repoRoot = path.resolve(import.meta.dirname, '..', '..');
    expect(referenceDataDir({})).toBe(REPOSITORY_REFERENCE_DATA);
    expect(REPOSITORY_REFERENCE_DATA).toBe(path.join(repoRoot, 'shared-types', 'reference-data'));
    expect(referenceDataProblem({})).toBeNull();
    for (const file of REFERENCE_FILES)
      expect(fs.statSync(path.join(REPOSITORY_REFERENCE_DATA, file)).size).toBeGreaterThan(1000);
    const sources = fs.readFileSync(path.join(REPOSITORY_REFERENCE_DATA, 'SOURCES.md'), 'utf8');
    const licence = fs.readFileSync(path.join(REPOSITORY_REFERENCE_DATA, 'LICENCE.md'), 'utf8');
    expect(sources).toMatch(/© GeoBasis-DE \/ BKG/);
    expect(licence).toMatch(/Datenlizenz Deutschland – Namensnennung – Version 2\.0/);
    expect(licence).toMatch(/https:\/\/www\.govdata\.de\/dl-de\/by-2-0/);
  });

  it('holds the 396 Gemeinden, 53 Kreis-level units and 5 Regierungsbezirke', () => {
    expect(readReferenceJson<unknown[]>('nrw-kommunen.json', {})).toHaveLength(396);
    expect(readReferenceJson<unknown[]>('nrw-kreise.json', {})).toHaveLength(53);
    expect(readReferenceJson<unknown[]>('nrw-regierungsbezirke.json', {})).toHaveLength(5);
    expect(readReferenceJson<{ features: unknown[] }>('nrw-gemeinden.geojson', {}).features).toHaveLength(396);
  });
});

describe('IKZ_REFERENCE_DATA', () => {
  it('names another folder, which is then read instead', () => {
    const dir = path.join(tmp, 'copy');
    fs.mkdirSync(dir);
    for (const file of REFERENCE_FILES)
      fs.copyFileSync(path.join(REPOSITORY_REFERENCE_DATA, file), path.join(dir, file));
    fs.writeFileSync(path.join(dir, 'nrw-regierungsbezirke.json'), '[{"ags":"051"}]');
    const env = { IKZ_REFERENCE_DATA: dir };
    expect(referenceDataDir(env)).toBe(dir);
    expect(referenceDataProblem(env)).toBeNull();
    expect(readReferenceJson('nrw-regierungsbezirke.json', env)).toEqual([{ ags: '051' }]);
  });

  it('pointing at a missing folder gets one line naming the file and the variable', () => {
    const env = { IKZ_REFERENCE_DATA: path.join(tmp, 'fehlt') };
    const problem = referenceDataProblem(env);
    expect(problem).toBe(
      `Cannot read the NRW reference file ${path.join(tmp, 'fehlt', 'nrw-kommunen.json')} (ENOENT): IKZ_REFERENCE_DATA=${path.join(tmp, 'fehlt')} must name a folder with ${REFERENCE_FILES.join(', ')}; unset it to use the repository's copy.`,
    );
    expect(problem).not.toContain('\n');
    expect(() => readReferenceText('nrw.topojson', env)).toThrow(/nrw\.topojson \(ENOENT\): IKZ_REFERENCE_DATA=/);
  });

  it('pointing at a folder without one of the files names that file', () => {
    const dir = path.join(tmp, 'partial');
    fs.mkdirSync(dir);
    for (const file of REFERENCE_FILES.filter((f) => f !== 'nrw.topojson'))
      fs.copyFileSync(path.join(REPOSITORY_REFERENCE_DATA, file), path.join(dir, file));
    expect(referenceDataProblem({ IKZ_REFERENCE_DATA: dir })).toMatch(
      new RegExp(`^Cannot read the NRW reference file ${dir}/nrw\\.topojson \\(ENOENT\\): IKZ_REFERENCE_DATA=`),
    );
    fs.mkdirSync(path.join(dir, 'nrw.topojson'));
    expect(referenceDataProblem({ IKZ_REFERENCE_DATA: dir })).toMatch(/nrw\.topojson \(EISDIR\)/);
  });

  it('pointing at an unreadable folder says so (as a user without root rights)', () => {
    const dir = path.join(tmp, 'locked');
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(REPOSITORY_REFERENCE_DATA, 'nrw-kommunen.json'), path.join(dir, 'nrw-kommunen.json'));
    fs.chmodSync(dir, 0o000);
    try {
      const problem = referenceDataProblem({ IKZ_REFERENCE_DATA: dir });
      // root reads anything; then the next missing file is named.
      expect(problem).toMatch(
        process.getuid?.() === 0 ? /nrw-kreise\.json \(ENOENT\)/ : /nrw-kommunen\.json \(EACCES\)/,
      );
      expect(problem).toMatch(/IKZ_REFERENCE_DATA=/);
    } finally {
      fs.chmodSync(dir, 0o700);
    }
  });

  it('a file that is not JSON is named', () => {
    const dir = path.join(tmp, 'broken');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'nrw.topojson'), '{"type": "Topology", ');
    let error: unknown;
    try {
      readReferenceJson('nrw.topojson', { IKZ_REFERENCE_DATA: dir });
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toBe(
      `The NRW reference file ${path.join(dir, 'nrw.topojson')} is not valid JSON.`,
    );
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });
});

describe('a missing IKZ_REFERENCE_DATA folder', () => {
  const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
  it.each(['start', 'build-site', 'publisher'])(
    'stops scripts/src/%s.ts with one line naming file and variable, before it changes anything',
    { timeout: 60_000 },
    (command) => {
      const dir = fs.mkdtempSync(path.join(tmp, `${command}-`));
      fs.mkdirSync(path.join(dir, 'out'));
      fs.writeFileSync(path.join(dir, 'out', 'index.html'), 'bleibt');
      const missing = path.join(dir, 'fehlt');
      const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'src', `${command}.ts`)], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          PATH: process.env.PATH ?? '',
          IKZ_REFERENCE_DATA: missing,
          IKZ_DATA_DIR: path.join(dir, 'state'),
          IKZ_SITE_ROOT: path.join(dir, 'site'),
          OUT_DIR: path.join(dir, 'out'),
          STRAPI_BUILD_TOKEN: 'a'.repeat(40),
          PUBLISHER_WEBHOOK_SECRET: 'b'.repeat(40),
          SITE_URL: 'https://www.interkommunales.example',
        },
      });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(
        `Cannot read the NRW reference file ${path.join(missing, 'nrw-kommunen.json')} (ENOENT): IKZ_REFERENCE_DATA=${missing}`,
      );
      expect(fs.readdirSync(dir).sort()).toEqual(['out']);
      expect(fs.readFileSync(path.join(dir, 'out', 'index.html'), 'utf8')).toBe('bleibt');
    },
  );
});
