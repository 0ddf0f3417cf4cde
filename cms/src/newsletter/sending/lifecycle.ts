/**
 * The newsletter worker's life inside Strapi: at bootstrap the database indexes the send relies on, the rows a
 * crash left in `sending`, then the worker; at destroy the worker stops after the mails in flight.
 */
import type { Core } from '@strapi/strapi';
import { mailSettings } from '../../mail/config.ts';
import { DELIVERY_UID, DISPATCH_UID } from './dispatch.ts';
import { sendSettings } from './issue-mail.ts';
import { requeueInterrupted, startNewsletterWorker, type NewsletterWorker } from './worker.ts';

let worker: NewsletterWorker | null = null;

/**
 * Indexes Strapi's schema files cannot express: one dispatch per issue, one delivery per dispatch and
 * subscriber (both unique, so a race cannot send twice), and the worker's lookups. Created when missing, at
 * every start (Strapi's schema sync may drop indexes it does not know).
 */
async function ensureIndexes(strapi: Core.Strapi): Promise<void> {
  const column = (uid: string, attribute: string) => {
    const meta = strapi.db.metadata.get(uid as never);
    return {
      table: meta.tableName,
      column: (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute,
    };
  };
  const knex = strapi.db.connection;
  const index = async (name: string, uid: string, attributes: string[], unique: boolean) => {
    const columns = attributes.map((a) => column(uid, a));
    const list = columns.map((c) => knex.raw('??', [c.column]).toQuery()).join(', ');
    await knex.raw(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ?? ON ?? (${list})`, [
      name,
      columns[0]!.table,
    ]);
  };
  await index('ikz_newsletter_dispatch_issue_unique', DISPATCH_UID, ['issueDocumentId'], true);
  await index('ikz_newsletter_delivery_unique', DELIVERY_UID, ['dispatchId', 'subscriberDocumentId'], true);
  await index('ikz_newsletter_delivery_due', DELIVERY_UID, ['state', 'nextAttemptAt'], false);
  await index('ikz_newsletter_delivery_claim', DELIVERY_UID, ['claimToken'], false);
  await index('ikz_newsletter_delivery_dispatch', DELIVERY_UID, ['dispatchId', 'state'], false);
}

export async function startNewsletterSending(strapi: Core.Strapi): Promise<void> {
  await ensureIndexes(strapi);
  await requeueInterrupted(strapi);
  if (!mailSettings().configured) {
    strapi.log.info('[ikz] newsletter: no mail server configured (SMTP_HOST), issues are not sent');
    return;
  }
  worker = startNewsletterWorker(strapi, sendSettings());
}

export async function stopNewsletterSending(): Promise<void> {
  const running = worker;
  worker = null;
  await running?.stop();
}

/** Look for queued mails now (after a dispatch was started). */
export function wakeNewsletterWorker(): void {
  worker?.wake();
}
