/**
 * The content store saved in a file between runs of the publisher, so that a restart reads from Strapi only
 * what changed meanwhile instead of all content. A saved store is used only by the same code (its hash is in
 * the key: a new schema or page model reads all content again) against the same Strapi; anything else in the
 * file – another key, another format, a file cut short – is ignored with a reason, and all content is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { StoreState } from './store.ts';

/** The verdicts on the uploads' bytes (builder/screen.ts), saved with the store. */
export interface SavedVerdicts {
  downloads: [string, unknown][];
  images: [string, unknown][];
}

const FORMAT = 1;

interface SavedFile {
  format: number;
  key: string;
  savedAt: string;
  state: StoreState;
  verdicts: SavedVerdicts;
}

/** The key a saved store is valid for: the code that made it and the Strapi it read. */
export const savedStoreKey = (codeHash: string, strapiUrl: string) => `${codeHash} ${strapiUrl.replace(/\/+$/, '')}`;

/** Writes the state whole (to a temporary file first, so a crash leaves the last complete one). */
export function saveStore(
  file: string,
  key: string,
  state: StoreState,
  verdicts: SavedVerdicts,
  now = new Date(),
): void {
  const saved: SavedFile = { format: FORMAT, key, savedAt: now.toISOString(), state, verdicts };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(saved));
  fs.renameSync(temporary, file);
}

/** Whether a parsed file has the shape of a saved store (its entries were validated when they were read). */
function isSavedFile(value: unknown): value is SavedFile {
  const saved = value as Partial<SavedFile> | null;
  const state = saved?.state as Partial<StoreState> | undefined;
  return (
    typeof saved?.key === 'string' &&
    Array.isArray(state?.entries) &&
    state.entries.every((pair) => Array.isArray(pair) && Array.isArray(pair[1])) &&
    Array.isArray(state.invalid) &&
    (state.mediaSince === null || typeof state.mediaSince === 'string') &&
    Array.isArray(saved.verdicts?.downloads) &&
    Array.isArray(saved.verdicts.images)
  );
}

/** The saved state for `key`, or why there is none to use. */
export function readSavedStore(
  file: string,
  key: string,
): { state: StoreState; verdicts: SavedVerdicts; savedAt: string } | { state: null; reason: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { state: null, reason: 'no saved content' };
  }
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    return { state: null, reason: 'the saved content is not readable JSON' };
  }
  if ((saved as { format?: unknown } | null)?.format !== FORMAT || !isSavedFile(saved))
    return { state: null, reason: 'the saved content has another format' };
  if (saved.key !== key) return { state: null, reason: 'the saved content is of other code or another Strapi' };
  return { state: saved.state, verdicts: saved.verdicts, savedAt: saved.savedAt };
}

/** Removes a saved store (after a restore: the content it holds may be newer than Strapi's). */
export function forgetSavedStore(file: string): void {
  fs.rmSync(file, { force: true });
}
