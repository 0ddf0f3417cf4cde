/** The NRW reference data (../shared/data beside the clone, or IKZ_REFERENCE_DATA). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function referenceDataDir(): string {
  if (process.env.IKZ_REFERENCE_DATA) return path.resolve(process.env.IKZ_REFERENCE_DATA);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(process.cwd(), '..', '..', 'shared', 'data'), path.resolve(here, '..', '..', '..', '..', 'shared', 'data')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'nrw.topojson')));
  if (!found) throw new Error(`NRW reference data not found (looked in ${candidates.join(', ')}); set IKZ_REFERENCE_DATA.`);
  return found;
}

export function readReferenceJson<T>(file: string): T {
  const full = path.join(referenceDataDir(), file);
  let text: string;
  try {
    text = fs.readFileSync(full, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the NRW reference file ${full}; set IKZ_REFERENCE_DATA to the folder that holds ${file}.`, { cause: error });
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(`The NRW reference file ${full} is not valid JSON.`, { cause: error });
  }
}
