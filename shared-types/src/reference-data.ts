/**
 * The NRW reference data (Gemeinden, Kreise, Regierungsbezirke, boundaries; sources and licence in its
 * folder): kept in the repository in `shared-types/reference-data/`, found the same way by Strapi, the site
 * builder, the scripts and the tests through this module. `IKZ_REFERENCE_DATA` names another folder instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEnv } from './env.ts';
import { municipalityChoices, type MunicipalityGroup, type MunicipalityRowLike } from './municipality-choices.ts';

/** The repository's copy. */
export const REPOSITORY_REFERENCE_DATA = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'reference-data',
);

/** Every data file a folder of reference data must hold. */
export const REFERENCE_FILES = [
  'nrw-kommunen.json',
  'nrw-kreise.json',
  'nrw-regierungsbezirke.json',
  'nrw-kreise.geojson',
  'nrw-gemeinden.geojson',
  'nrw.topojson',
] as const;
export type ReferenceFile = (typeof REFERENCE_FILES)[number];

type Env = Record<string, string | undefined>;

/** The folder in use: IKZ_REFERENCE_DATA when set, else the repository's copy. */
export function referenceDataDir(env?: Env): string {
  const { IKZ_REFERENCE_DATA } = readEnv(['IKZ_REFERENCE_DATA'], env);
  return IKZ_REFERENCE_DATA ? path.resolve(IKZ_REFERENCE_DATA) : REPOSITORY_REFERENCE_DATA;
}

/** One line naming the file and what to do about it. */
function unreadable(file: string, env: Env | undefined, error: unknown): Error {
  const reason = (error as NodeJS.ErrnoException)?.code ?? String(error);
  const { IKZ_REFERENCE_DATA } = readEnv(['IKZ_REFERENCE_DATA'], env);
  const message = IKZ_REFERENCE_DATA
    ? `Cannot read the NRW reference file ${file} (${reason}): IKZ_REFERENCE_DATA=${IKZ_REFERENCE_DATA} must name a folder with ${REFERENCE_FILES.join(', ')}; unset it to use the repository's copy.`
    : `Cannot read the NRW reference file ${file} (${reason}) of the repository's copy; restore it with \`git checkout -- shared-types/reference-data\`.`;
  return new Error(message, { cause: error });
}

/**
 * Checks that every reference file can be read; returns one line naming the first that cannot and the
 * variable to set, or null. Meant for a start-up check before anything is changed.
 */
export function referenceDataProblem(env?: Env): string | null {
  let dir: string;
  try {
    dir = referenceDataDir(env);
  } catch (error) {
    return (error as Error).message.replace(/\s*\n\s*/g, ' ');
  }
  for (const file of REFERENCE_FILES) {
    const full = path.join(dir, file);
    try {
      fs.accessSync(full, fs.constants.R_OK);
      if (!fs.statSync(full).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    } catch (error) {
      return unreadable(full, env, error).message;
    }
  }
  return null;
}

/** A reference file's text; throws one line naming the file and the variable. */
export function readReferenceText(file: ReferenceFile, env?: Env): string {
  const full = path.join(referenceDataDir(env), file);
  try {
    return fs.readFileSync(full, 'utf8');
  } catch (error) {
    throw unreadable(full, env, error);
  }
}

/** A reference file parsed; throws naming the file when it cannot be read or is not JSON. */
export function readReferenceJson<T>(file: ReferenceFile, env?: Env): T {
  const text = readReferenceText(file, env);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(`The NRW reference file ${path.join(referenceDataDir(env), file)} is not valid JSON.`, {
      cause: error,
    });
  }
}

type ReferenceRow = {
  ags: string;
  name: string;
  typ: string;
  regierungsbezirk: string;
  regierungsbezirkName: string;
  anzeigename?: string;
};

/** The choices from the reference data in use (IKZ_REFERENCE_DATA or the repository's copy). */
export function readMunicipalityChoices(env?: Record<string, string | undefined>): MunicipalityGroup[] {
  const row = (r: ReferenceRow, name: string): MunicipalityRowLike => ({
    ags: r.ags,
    name,
    regierungsbezirkAgs: r.regierungsbezirk,
    regierungsbezirkName: r.regierungsbezirkName,
  });
  const gemeinden = readReferenceJson<ReferenceRow[]>('nrw-kommunen.json', env).map((g) => row(g, g.name));
  const kreise = readReferenceJson<ReferenceRow[]>('nrw-kreise.json', env)
    .filter((k) => k.typ === 'Kreis')
    .map((k) => row(k, k.anzeigename ?? k.name));
  return municipalityChoices([...gemeinden, ...kreise]);
}
