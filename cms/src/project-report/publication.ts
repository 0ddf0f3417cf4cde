/**
 * When a project made from a report is published for the first time, the submitter gets a mail with the
 * project's address on the site; once only (`notifiedAt` is set before the mail goes out). A document-service
 * middleware, so publishing from the admin and through the API alike count.
 */
import type { Core } from '@strapi/strapi';
import { readEnv } from '@ikz/shared-types/env';
import { oneAtATime } from '../forms/serial.ts';
import { sendMail } from '../mail/send.ts';
import { MailError } from '../mail/types.ts';
import { projectUrl, shouldNotify } from './rules.ts';
import { submissionStore } from './store.ts';
import { publishedMail } from './texts.ts';

const PROJECT_UID = 'api::project.project';

export async function notifyPublication(strapi: Core.Strapi, projectDocumentId: string): Promise<boolean> {
  const store = submissionStore(strapi);
  return oneAtATime(`project-published:${projectDocumentId}`, async () => {
    const submission = await store.byProject(projectDocumentId);
    if (!shouldNotify(submission)) return false;
    const published = (await strapi.db.query(PROJECT_UID as any).findOne({
      where: { documentId: projectDocumentId, publishedAt: { $notNull: true } },
      select: ['title', 'slug'],
    })) as { title: string; slug: string } | null;
    if (!published) return false;
    await store.update(submission!.id, { notifiedAt: new Date().toISOString() });
    const { SITE_URL } = readEnv(['SITE_URL']);
    try {
      await sendMail(strapi, {
        to: submission!.email,
        ...publishedMail(published.title, projectUrl(SITE_URL, published.slug)),
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      if (!(error instanceof MailError)) throw error;
      strapi.log.warn(
        `[ikz] project report: project ${projectDocumentId} published, but the mail to the submitter was not sent (${error.kind})`,
      );
    }
    return true;
  });
}

export function registerPublicationNotice(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    const result = await next();
    const publishing =
      ctx.action === 'publish' || (ctx.params?.status === 'published' && ['create', 'update'].includes(ctx.action));
    if (ctx.uid === PROJECT_UID && publishing) {
      const documentId = result?.documentId ?? result?.entries?.[0]?.documentId ?? ctx.params?.documentId;
      // After the publishing's transaction is committed (the content manager wraps publishing in its own
      // transaction, still open here: on PostgreSQL another connection would not yet see the published row);
      // a failure is logged and does not undo the publication.
      if (typeof documentId === 'string') await afterCommit(strapi, () => notifyPublication(strapi, documentId));
    }
    return result;
  });
}

async function afterCommit(strapi: Core.Strapi, job: () => Promise<unknown>): Promise<void> {
  const run = () => {
    job().catch((error: unknown) =>
      strapi.log.error(
        `[ikz] project report: publication notice failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  };
  if (!strapi.db.inTransaction()) {
    setImmediate(run);
    return;
  }
  // A nested transaction shares the outer one's commit callbacks and commits nothing itself.
  await strapi.db.transaction(async ({ onCommit }) => {
    onCommit(run);
  });
}
