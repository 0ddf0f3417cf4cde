/**
 * The worker that sends the queued deliveries of newsletter issues, inside Strapi: started at bootstrap,
 * stopped (after the mails in flight) on destroy.
 *
 * Each round reads due rows (`queued`, nextAttemptAt reached) and claims each one with a conditional update
 * (`UPDATE … SET state='sending' WHERE id=? AND state='queued'`, one statement, the same on SQLite and
 * PostgreSQL): only the caller whose update changed the row sends it. The claim also stores the mail's
 * Message-ID (made at the first claim, kept for every later attempt) and counts the attempt – before any byte
 * goes to the mail server. Mails start at most NEWSLETTER_RATE per second, a few at a time over the pooled
 * SMTP connections. Before each mail the subscription is read again: one that is no longer `confirmed` gets
 * nothing (`skipped`).
 *
 * Delivery guarantee (at least once, duplicates only after a crash, and then recognisable):
 * - A stop through Strapi's destroy (SIGTERM, Ctrl-C) claims nothing new and waits for the mails in flight,
 *   so every row ends `sent`, `queued` (for a retry) or `failed` – nothing is sent twice, nobody is left out.
 * - A crash (SIGKILL, power loss) can leave rows in `sending`. The deployment runs one Strapi process, so at
 *   the next start no process is working on them: they are queued again and sent with the Message-ID stored at
 *   their claim. Nobody is missed. A recipient gets a second copy only if the mail server had already accepted
 *   the mail in the few milliseconds between its "250 OK" and our update to `sent`; that copy carries the same
 *   Message-ID, by which mail servers and clients recognise (and mostly drop) duplicates. Exactly-once is not
 *   possible over SMTP: after a crash there is no way to ask the server whether it took the mail.
 */
import type { Core } from '@strapi/strapi';
import { newMessageId, sendMail } from '../../mail/send.ts';
import { MailError } from '../../mail/types.ts';
import { newUnsubscribeSalt } from '../links.ts';
import type { RenderedIssue } from '../render.ts';
import { DELIVERY_UID, DISPATCH_UID, SUBSCRIBER_UID, deliveryCounts } from './dispatch.ts';
import { issueMailFor, loadPublishedIssue, renderForSend, sendSettings, type SendSettings } from './issue-mail.ts';
import { afterHardBounce, createPacer, outcomeOf, type AttemptResult } from './policy.ts';

type Delivery = { id: number; dispatchId: string; subscriberDocumentId: string; email: string; attempts: number; messageId: string | null };
type Dispatch = { id: number; documentId: string; issueDocumentId: string; state: string };

export interface NewsletterWorker {
  /** Look for work now (after a dispatch was queued). */
  wake(): void;
  /** Stops claiming and resolves once the mails in flight are done. */
  stop(): Promise<void>;
}

const IDLE_MS = 1000;
const CONCURRENCY = 4;

/** Rows a crashed process left in `sending` are queued again (see the module comment); returns how many. */
export async function requeueInterrupted(strapi: Core.Strapi): Promise<number> {
  const { count } = await strapi.db.query(DELIVERY_UID).updateMany({ where: { state: 'sending' }, data: { state: 'queued', nextAttemptAt: new Date() } });
  if (count) strapi.log.warn(`[ikz] newsletter: ${count} mails were being sent when Strapi stopped; they are sent again with the same Message-ID`);
  return count;
}

export function startNewsletterWorker(strapi: Core.Strapi, settings: SendSettings = sendSettings()): NewsletterWorker {
  const pacer = createPacer(settings.rate);
  const batch = Math.max(CONCURRENCY, Math.min(200, Math.ceil(settings.rate * 2)));
  const rendered = new Map<string, { issue: RenderedIssue; dispatch: Dispatch } | null>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  const log = (message: string) => strapi.log.info(`[ikz] newsletter: ${message}`);

  async function templateFor(dispatchId: string) {
    if (!rendered.has(dispatchId)) {
      const dispatch: Dispatch | null = await strapi.db.query(DISPATCH_UID).findOne({ where: { documentId: dispatchId } });
      const issue = dispatch ? await loadPublishedIssue(strapi, dispatch.issueDocumentId) : null;
      rendered.set(dispatchId, dispatch && issue ? { issue: renderForSend(issue, settings.siteUrl), dispatch } : null);
      if (dispatch?.state === 'queued') await strapi.db.query(DISPATCH_UID).update({ where: { id: dispatch.id }, data: { state: 'sending' } });
    }
    return rendered.get(dispatchId)!;
  }

  async function claim(row: Delivery): Promise<string | null> {
    const messageId = row.messageId ?? newMessageId();
    const { count } = await strapi.db.query(DELIVERY_UID).updateMany({
      where: { id: row.id, state: 'queued' },
      data: { state: 'sending', claimedAt: new Date(), attempts: row.attempts + 1, messageId },
    });
    return count === 1 ? messageId : null;
  }

  async function finish(row: Delivery, attempts: number, result: AttemptResult): Promise<void> {
    const now = new Date();
    const outcome = outcomeOf(result, attempts, now, settings.retrySeconds);
    if (outcome.state === 'sent') {
      await strapi.db.query(DELIVERY_UID).update({ where: { id: row.id }, data: { state: 'sent', sentAt: now, lastError: null } });
    } else if (outcome.state === 'queued') {
      await strapi.db.query(DELIVERY_UID).update({ where: { id: row.id }, data: { state: 'queued', nextAttemptAt: outcome.nextAttemptAt, lastError: outcome.lastError } });
    } else {
      await strapi.db.query(DELIVERY_UID).update({ where: { id: row.id }, data: { state: 'failed', lastError: outcome.lastError } });
      if (outcome.hardBounce) {
        const subscriber = await strapi.db.query(SUBSCRIBER_UID).findOne({ where: { documentId: row.subscriberDocumentId }, select: ['id', 'state', 'hardBounces'] });
        if (subscriber) await strapi.db.query(SUBSCRIBER_UID).update({ where: { id: subscriber.id }, data: afterHardBounce(subscriber, now) });
      }
    }
  }

  async function deliver(row: Delivery): Promise<void> {
    const messageId = await claim(row);
    if (!messageId) return;
    const attempts = row.attempts + 1;
    const template = await templateFor(row.dispatchId);
    if (!template) {
      await finish(row, attempts, { ok: false, kind: 'permanent', message: 'Die Ausgabe ist nicht mehr veröffentlicht.' }).catch(() => undefined);
      return;
    }
    const subscriber = await strapi.db.query(SUBSCRIBER_UID).findOne({ where: { documentId: row.subscriberDocumentId }, select: ['id', 'documentId', 'email', 'state', 'unsubscribeSalt'] });
    if (!subscriber || subscriber.state !== 'confirmed') {
      await strapi.db.query(DELIVERY_UID).update({ where: { id: row.id }, data: { state: 'skipped', lastError: subscriber ? `Abonnement ist ${subscriber.state}` : 'Abonnement gelöscht' } });
      return;
    }
    if (!subscriber.unsubscribeSalt) {
      subscriber.unsubscribeSalt = newUnsubscribeSalt();
      await strapi.db.query(SUBSCRIBER_UID).update({ where: { id: subscriber.id }, data: { unsubscribeSalt: subscriber.unsubscribeSalt } });
    }
    let result: AttemptResult;
    try {
      await sendMail(strapi, issueMailFor(template.issue, settings, { ...subscriber, email: row.email }, messageId));
      result = { ok: true };
    } catch (error) {
      result = error instanceof MailError ? { ok: false, kind: error.kind, message: error.message } : { ok: false, kind: 'temporary', message: String(error) };
    }
    await finish(row, attempts, result);
  }

  /** Marks sends without open deliveries as done, with their final counts. */
  async function closeFinished(): Promise<void> {
    const open: Dispatch[] = await strapi.db.query(DISPATCH_UID).findMany({ where: { state: { $ne: 'done' } } });
    for (const dispatch of open) {
      const counts = await deliveryCounts(strapi, dispatch.documentId);
      if (counts.queued + counts.sending > 0) continue;
      await strapi.db.query(DISPATCH_UID).update({ where: { id: dispatch.id }, data: { state: 'done', finishedAt: new Date(), sent: counts.sent, failed: counts.failed, skipped: counts.skipped } });
      rendered.delete(dispatch.documentId);
      log(`dispatch ${dispatch.documentId} done: ${counts.sent} sent, ${counts.failed} failed, ${counts.skipped} skipped`);
    }
  }

  /** One round: the due rows, sent in order at the configured rate; true when there may be more. */
  async function round(): Promise<boolean> {
    const due: Delivery[] = await strapi.db.query(DELIVERY_UID).findMany({
      where: { state: 'queued', nextAttemptAt: { $lte: new Date() } },
      select: ['id', 'dispatchId', 'subscriberDocumentId', 'email', 'attempts', 'messageId'],
      orderBy: { id: 'asc' },
      limit: batch,
    });
    if (!due.length) return false;
    let next = 0;
    const lane = async () => {
      while (!stopped && next < due.length) {
        const row = due[next++]!;
        const wait = pacer.next();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (stopped) return;
        await deliver(row).catch((error: unknown) => strapi.log.error(`[ikz] newsletter: delivery ${row.id} failed unexpectedly: ${String(error)}`));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    return due.length === batch;
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      try {
        while (!stopped && (await round()));
        if (!stopped) await closeFinished();
      } catch (error) {
        strapi.log.error(`[ikz] newsletter: worker round failed: ${String(error)}`);
      }
    } while (again && !stopped);
  }

  function schedule(delay: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delay);
  }

  function tick() {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = loop().finally(() => {
      running = null;
      schedule(IDLE_MS);
    });
  }

  schedule(0);
  return {
    wake() {
      if (running) again = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
