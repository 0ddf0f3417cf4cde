/**
 * The report of one site build, as the site builder returns it and the publisher shows and stores it:
 * what kind of build, how many pages were rendered or reused, what changed in the search index, and which
 * entries were skipped as invalid (for editors to fix).
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

export const BuildReportSchema = z.object({
  kind: z.enum(['full', 'incremental']),
  /** Why a build was full: first build, changed code or reference data, explicit request, nightly check. */
  reason: z.string().nullable(),
  startedAt: z.string(),
  seconds: z.number(),
  pages: z.object({ total: z.number().int(), rendered: z.number().int(), reused: z.number().int() }),
  files: z.object({ total: z.number().int(), written: z.number().int(), reused: z.number().int() }),
  search: z.object({ pages: z.number().int(), changed: z.number().int(), removed: z.number().int() }),
  content: z.object({ read: z.number().int(), removed: z.number().int() }),
  counts: z.record(z.string(), z.number().int()),
  skipped: z.array(InvalidEntrySchema),
  /** Seconds spent per step (read content, models, rendering, files, search, assets, checks), for the operator. */
  phases: z.record(z.string(), z.number()),
});
export type BuildReport = z.infer<typeof BuildReportSchema>;
