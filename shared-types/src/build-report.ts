/**
 * The report of one site build, as the site builder returns it and the publisher shows and stores it:
 * what kind of build, how many pages were rendered or reused, what changed in the search index, which
 * entries were skipped as invalid, and which files stayed out of the release (for editors to fix).
 */
import { z } from 'zod';

export const InvalidEntrySchema = z.object({
  type: z.string(),
  documentId: z.string(),
  title: z.string().nullable(),
  fields: z.array(z.string()),
  message: z.string(),
});
export type InvalidEntry = z.infer<typeof InvalidEntrySchema>;

/** An uploaded file that was not published (its entry was): its type is not on the allowlist, or it is unreadable. */
export const WithheldFileSchema = z.object({
  /** The entry's content type (plural API name). */
  type: z.string(),
  documentId: z.string(),
  title: z.string().nullable(),
  /** The entry's field that holds the file. */
  field: z.string(),
  /** The file's name as uploaded (null when not known). */
  name: z.string().nullable(),
  /** What the file's bytes are, as far as detected (e.g. "html", "unbekannt"), for editors. */
  detected: z.string(),
});
export type WithheldFile = z.infer<typeof WithheldFileSchema>;

export const BuildReportSchema = z.object({
  kind: z.enum(['full', 'incremental']),
  /** Why a build was full: first build, changed code or reference data, explicit request, nightly check. */
  reason: z.string().nullable(),
  /** Whether an old release was patched into this one (instead of linking every file into a new folder). */
  recycled: z.boolean(),
  startedAt: z.string(),
  seconds: z.number(),
  pages: z.object({ total: z.number().int(), rendered: z.number().int(), reused: z.number().int() }),
  files: z.object({ total: z.number().int(), written: z.number().int(), reused: z.number().int() }),
  search: z.object({ pages: z.number().int(), changed: z.number().int(), removed: z.number().int() }),
  content: z.object({ read: z.number().int(), removed: z.number().int() }),
  counts: z.record(z.string(), z.number().int()),
  skipped: z.array(InvalidEntrySchema),
  /** Files left out of the release; their entries are published without them. */
  withheld: z.array(WithheldFileSchema),
  /** Seconds spent per step (read content, models, rendering, files, search, assets, checks), for the operator. */
  phases: z.record(z.string(), z.number()),
});
export type BuildReport = z.infer<typeof BuildReportSchema>;

/**
 * The part of the publisher's `GET /status` that other processes read (Strapi summarises it for the admin's
 * home page). Parsing keeps only these fields: queue details, release lists and skipped entries stay behind.
 */
export const PublisherStatusSchema = z.object({
  state: z.enum(['idle', 'waiting', 'building']),
  /** Id of the live release (see releaseTime), or null before the first release. */
  live: z.string().nullable(),
  lastBuild: z
    .object({
      startedAt: z.string(),
      seconds: z.number().nullable(),
      result: z.enum(['running', 'success', 'failed']),
      kind: z.enum(['full', 'incremental']).nullable(),
      /** For editors, in German. */
      error: z.string().nullable(),
    })
    .nullable(),
});
export type PublisherStatus = z.infer<typeof PublisherStatusSchema>;

/** The build time (ISO) a release id encodes – 20261122T021800123Z-ab12 → 2026-11-22T02:18:00.123Z – or null. */
export function releaseTime(id: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z(?:-|$)/.exec(id);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}
