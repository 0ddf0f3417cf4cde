/** The project submission rows, read and written with Strapi's query engine (no webhooks, no content API). */
import type { Core } from '@strapi/strapi';
import type { SubmissionRecord } from './rules.ts';

export const SUBMISSION_UID = 'api::project-submission.project-submission';

export function submissionStore(strapi: Core.Strapi) {
  const query = () => strapi.db.query(SUBMISSION_UID as any);
  return {
    byTokenHash: (hash: string) => query().findOne({ where: { confirmTokenHash: hash } }) as Promise<SubmissionRecord | null>,
    byProject: (projectDocumentId: string) => query().findOne({ where: { projectDocumentId } }) as Promise<SubmissionRecord | null>,
    create: (data: Record<string, unknown>) => query().create({ data }) as Promise<SubmissionRecord>,
    update: (id: number, data: Record<string, unknown>) => query().update({ where: { id }, data }),
    remove: (id: number) => query().delete({ where: { id } }),
    /** Unconfirmed rows whose link expired before `now`. */
    removeUnconfirmed: (now: Date) =>
      query().deleteMany({
        where: { confirmedAt: null, $or: [{ confirmExpiresAt: { $lte: now.toISOString() } }, { confirmExpiresAt: null }] },
      }) as Promise<{ count: number }>,
  };
}
