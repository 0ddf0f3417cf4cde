import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReferenceJson, readReferenceText, REFERENCE_FILES, referenceDataDir, referenceDataProblem, REPOSITORY_REFERENCE_DATA } from '@ikz/shared-types/reference-data';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-reference-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the reference data in the repository', () => {
  it('is found without any variable, inside the repository, with its sources and licence', () => {
    const repoRoot = path.resolve(import.meta.dirname, '..', '..');
    expect(referenceDataDir({})).toBe(REPOSITORY_REFERENCE_DATA);
    expect(REPOSITORY_REFERENCE_DATA).toBe(path.join(repoRoot, 'shared-types', 'reference-data'));
    expect(referenceDataProblem({})).toBeNull();
    for (const file of REFERENCE_FILES) expect(fs.statSync(path.join(REPOSITORY_REFERENCE_DATA, file)).size).toBeGreaterThan(1000);
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
    for (const file of REFERENCE_FILES) fs.copyFileSync(path.join(REPOSITORY_REFERENCE_DATA, file), path.join(dir, file));
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
    for (const file of REFERENCE_FILES.filter((f) => f !== 'nrw.topojson')) fs.copyFileSync(path.join(REPOSITORY_REFERENCE_DATA, file), path.join(dir, file));
    expect(referenceDataProblem({ IKZ_REFERENCE_DATA: dir })).toMatch(new RegExp(`^Cannot read the NRW reference file ${dir}/nrw\\.topojson \\(ENOENT\\): IKZ_REFERENCE_DATA=`));
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
      expect(problem).toMatch(process.getuid?.() === 0 ? /nrw-kreise\.json \(ENOENT\)/ : /nrw-kommunen\.json \(EACCES\)/);
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
    expect((error as Error).message).toBe(`The NRW reference file ${path.join(dir, 'nrw.topojson')} is not valid JSON.`);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });
});
