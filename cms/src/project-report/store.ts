/** The project submission rows, read and written with Strapi's query engine (no webhooks, no content API). */
import type { Core } from '@strapi/strapi';
import { removeReportFiles } from './held-files.ts';
import type { SubmissionRecord } from './rules.ts';

export const SUBMISSION_UID = 'api::project-submission.project-submission';

type StoredFile = { id: number; name: string };

async function filesOf(strapi: Core.Strapi, where: unknown): Promise<StoredFile[]> {
  const rows = (await strapi.db
    .query(SUBMISSION_UID as any)
    .findMany({ where: where as any, select: ['id'], populate: { files: { select: ['id', 'name'] } } })) as {
    id: number;
    files?: StoredFile[] | null;
  }[];
  return rows.flatMap((row) => row.files ?? []);
}

export function submissionStore(strapi: Core.Strapi) {
  const query = () => strapi.db.query(SUBMISSION_UID as any);
  return {
    byTokenHash: (hash: string) =>
      query().findOne({ where: { confirmTokenHash: hash } }) as Promise<SubmissionRecord | null>,
    byProject: (projectDocumentId: string) =>
      query().findOne({ where: { projectDocumentId } }) as Promise<SubmissionRecord | null>,
    create: (data: Record<string, unknown>) => query().create({ data }) as Promise<SubmissionRecord>,
    update: (id: number, data: Record<string, unknown>) => query().update({ where: { id }, data }),
    /** The files sent with a submission. */
    files: (id: number) => filesOf(strapi, { id }),
    /** Deletes a submission (its files go too: registerSubmissionFileCleanup). */
    remove: (id: number) => query().delete({ where: { id } }),
    /** Unconfirmed rows whose link expired before `now` (and their files). */
    removeUnconfirmed: (now: Date) =>
      query().deleteMany({
        where: {
          confirmedAt: null,
          $or: [{ confirmExpiresAt: { $lte: now.toISOString() } }, { confirmExpiresAt: null }],
        },
      }) as Promise<{ count: number }>,
  };
}

/**
 * However a submission is deleted (expired unconfirmed, its confirmation mail failed, an editor deleted it),
 * its files leave the media library and the disk with it – except those an editor kept in another entry (the
 * report's "Dokument" entries, once confirmed).
 */
export function registerSubmissionFileCleanup(strapi: Core.Strapi): void {
  type Event = { params: { where?: unknown }; state: Record<string, unknown> };
  const before = async (event: Event) => {
    event.state.files = await filesOf(strapi, event.params.where ?? {});
  };
  const after = async (event: Event) => {
    const files = (event.state.files ?? []) as StoredFile[];
    await removeReportFiles(
      strapi,
      files.map((file) => file.id),
    );
  };
  strapi.db.lifecycles.subscribe({
    models: [SUBMISSION_UID],
    beforeDelete: before,
    afterDelete: after,
    beforeDeleteMany: before,
    afterDeleteMany: after,
  } as any);
}
