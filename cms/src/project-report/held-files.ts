/**
 * The files of project reports stay out of reach of the public until an editor publishes an entry with them
 * (the rule: `isHeld` in ./rules.ts). Strapi glue for the middleware (src/middlewares/held-uploads.ts) and the
 * removal of a report's files.
 */
import type { Core } from '@strapi/strapi';
import { isHeld, type RelatedEntry } from './rules.ts';

const FILE_UID = 'plugin::upload.file';

type FileRow = { id: number; caption?: string | null; related?: RelatedEntry[] };

/** The ids of the files matching `where` that are held back. */
export async function heldFileIds(strapi: Core.Strapi, where: Record<string, unknown>): Promise<Set<number>> {
  const rows = (await strapi.db
    .query(FILE_UID as any)
    .findMany({ where, select: ['id', 'caption'], populate: { related: true } })) as FileRow[];
  return new Set(rows.filter(isHeld).map((row) => row.id));
}

/** Whether the stored upload with this file name (as `uploadRequestFile` gives it: lower case) is held back. */
export async function isHeldUpload(strapi: Core.Strapi, fileName: string): Promise<boolean> {
  if (!fileName) return false;
  return (await heldFileIds(strapi, { url: { $eqi: `/uploads/${fileName}` } })).size > 0;
}

/**
 * Deletes the given files of a report (from the media library and the disk) unless an entry other than a
 * submission still uses them (an editor kept the document); returns how many were deleted.
 */
export async function removeReportFiles(strapi: Core.Strapi, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = (await strapi.db
    .query(FILE_UID as any)
    .findMany({ where: { id: { $in: [...ids] } }, populate: { related: true } })) as (FileRow &
    Record<string, unknown>)[];
  const upload = strapi.plugin('upload').service('upload');
  let removed = 0;
  for (const row of rows) {
    if ((row.related ?? []).some((entry) => entry.__type !== 'api::project-submission.project-submission')) continue;
    await upload.remove(row);
    removed += 1;
  }
  return removed;
}
