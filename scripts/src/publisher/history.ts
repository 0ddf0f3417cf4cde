/**
 * The publisher's build records, kept on disk in the site root (`history.json`) so that the status page and
 * the admin's widget still show the last builds after a restart. Bounded (the newest HISTORY_LIMIT records),
 * written atomically (a temporary file renamed over the old one). A damaged file is reported and ignored; a
 * record still "running" in the file belonged to a process that was killed, and is shown as aborted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { InvalidEntrySchema, WithheldFileSchema } from '@ikz/shared-types/build-report';

export const HISTORY_LIMIT = 50;
export const HISTORY_FILE = 'history.json';
export const ABORTED = 'Abgebrochen: Der Veröffentlichungsdienst wurde während dieses Neubaus beendet.';

export const BuildRecordSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  seconds: z.number().nullable(),
  result: z.enum(['running', 'success', 'failed']),
  kind: z.enum(['full', 'incremental']).nullable(),
  /** Why the build was full, in German. */
  reason: z.string().nullable(),
  /** For editors, in German; the full error is in the operator's log. */
  error: z.string().nullable(),
  pages: z.object({ rendered: z.number(), reused: z.number(), total: z.number() }).nullable(),
  /** Whether an old release was patched into this one. */
  recycled: z.boolean().nullable(),
  searchChanged: z.number().nullable(),
  /** Pages in which the nightly full build differed from the incremental release. */
  differences: z.array(z.string()).nullable(),
  changes: z.number(),
  skipped: z.array(InvalidEntrySchema),
  /** Files left out of the release (their entries are live without them); absent in records of older versions. */
  withheld: z.array(WithheldFileSchema).default([]),
  /** Seconds per build phase, for operators (the status JSON and the log). */
  phases: z.record(z.string(), z.number()).nullable(),
});
export type BuildRecord = z.infer<typeof BuildRecordSchema>;

export interface LoadedHistory {
  records: BuildRecord[];
  /** What was wrong with the file (for the log), or null. */
  problem: string | null;
}

/** A record a killed process left "running" is shown as failed, with the German note that it was aborted. */
export function settleInterrupted(record: BuildRecord): BuildRecord {
  return record.result === 'running' ? { ...record, result: 'failed', error: ABORTED } : record;
}

/** The newest first, at most `limit`. */
export function bounded(records: readonly BuildRecord[], limit = HISTORY_LIMIT): BuildRecord[] {
  return records.slice(0, limit);
}

/** Parses the file's text: records that do not fit the schema are left out and named; nothing here throws. */
export function parseHistory(text: string, limit = HISTORY_LIMIT): LoadedHistory {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { records: [], problem: `not valid JSON (${(error as Error).message})` };
  }
  if (!Array.isArray(data)) return { records: [], problem: 'not a list of build records' };
  const records: BuildRecord[] = [];
  let invalid = 0;
  for (const item of data) {
    const parsed = BuildRecordSchema.safeParse(item);
    if (parsed.success) records.push(settleInterrupted(parsed.data));
    else invalid++;
  }
  return { records: bounded(records, limit), problem: invalid ? `${invalid} damaged record(s) left out` : null };
}

export function historyFile(root: string): string {
  return path.join(root, HISTORY_FILE);
}

/** Loads the records of the site root; a missing file is an empty history, an unreadable one a problem. */
export function loadHistory(root: string, limit = HISTORY_LIMIT): LoadedHistory {
  let text: string;
  try {
    text = fs.readFileSync(historyFile(root), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], problem: null };
    return { records: [], problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  return parseHistory(text, limit);
}

/** Writes the newest `limit` records atomically: readers see the old file or the new one, never a part. */
export function saveHistory(root: string, records: readonly BuildRecord[], limit = HISTORY_LIMIT): void {
  const file = historyFile(root);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, `${JSON.stringify(bounded(records, limit))}\n`);
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

/** The publisher's records in memory, newest first, written to the site root after every change. */
export function openHistory(root: string, log: (record: Record<string, unknown>) => void) {
  const loaded = loadHistory(root);
  if (loaded.problem)
    log({ level: 'error', msg: 'build history ignored in part or whole', file: HISTORY_FILE, problem: loaded.problem });
  const records: BuildRecord[] = loaded.records;
  function persist(): void {
    try {
      saveHistory(root, records);
    } catch (error) {
      log({
        level: 'error',
        msg: 'saving the build history failed (the status keeps it until the next restart)',
        error: String(error),
      });
    }
  }
  // Records a killed process left running are stored as aborted now.
  if (records.length) persist();
  return {
    records,
    persist,
    /** A new record of a running build, stored at once. */
    start(id: string, changes: number): BuildRecord {
      const record: BuildRecord = {
        id,
        startedAt: new Date().toISOString(),
        seconds: null,
        result: 'running',
        kind: null,
        reason: null,
        error: null,
        pages: null,
        recycled: null,
        searchChanged: null,
        differences: null,
        changes,
        skipped: [],
        withheld: [],
        phases: null,
      };
      records.unshift(record);
      records.splice(HISTORY_LIMIT);
      persist();
      return record;
    },
  };
}
