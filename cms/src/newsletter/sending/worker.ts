/**
 * The worker that sends the queued deliveries of newsletter issues, inside Strapi: started at bootstrap,
 * stopped (after the mails in flight) on destroy.
 *
 * Each round reads due rows (`queued`, nextAttemptAt reached) and claims them with one conditional update
 * (`UPDATE … SET state='sending', claimToken=<new> WHERE id IN (…) AND state='queued'`, the same on SQLite
 * and PostgreSQL); it then sends exactly the rows that carry its token, so two workers never send the same row.
 * Every row has its Message-ID from the start of the send (./dispatch.ts), kept for every attempt: it is stored
 * before any byte goes to the mail server. Mails start at most NEWSLETTER_RATE per second, a few at a time over
 * the pooled SMTP connections. Right before each mail the subscription is read again: one that is no longer
 * `confirmed` gets nothing (`skipped`). Each mail costs one database write (its outcome) plus one per batch (the
 * claim): on SQLite every write waits for the disk, which bounds the speed (see README, Benchmarks).
 *
 * Delivery guarantee (at least once, duplicates only after a crash, and then recognisable):
 * - A stop through Strapi's destroy (SIGTERM, Ctrl-C) starts no new mail, waits for the mails in flight and
 *   gives the claimed rows it did not start back to the queue, so every row ends `sent`, `queued` or `failed`
 *   – nothing is sent twice, nobody is left out.
 * - A crash (SIGKILL, power loss) can leave rows in `sending`. The deployment runs one Strapi process, so at
 *   the next start no process is working on them: they are queued again and sent with their stored Message-ID.
 *   Nobody is missed. A recipient gets a second copy only if the mail server had already accepted
 *   the mail in the few milliseconds between its "250 OK" and our update to `sent`; that copy carries the same
 *   Message-ID, by which mail servers and clients recognise (and mostly drop) duplicates. Exactly-once is not
 *   possible over SMTP: after a crash there is no way to ask the server whether it took the mail.
 */
import type { Core } from '@strapi/strapi';
import { randomUUID } from 'node:crypto';
import { newMessageId, sendMail } from '../../mail/send.ts';
import { MailError } from '../../mail/types.ts';
import { newUnsubscribeSalt } from '../links.ts';
import type { RenderedIssue } from '../render.ts';
import { DELIVERY_UID, DISPATCH_UID, SUBSCRIBER_UID, deliveryCounts } from './dispatch.ts';
import { issueMailFor, loadPublishedIssue, renderForSend, sendSettings, type SendSettings } from './issue-mail.ts';
import { afterHardBounce, createPacer, outcomeOf, type AttemptResult } from './policy.ts';

type Delivery = {
  id: number;
  dispatchId: string;
  subscriberDocumentId: string;
  email: string;
  attempts: number;
  messageId: string | null;
  claimToken: string;
};
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
  const { count } = await strapi.db
    .query(DELIVERY_UID)
    .updateMany({ where: { state: 'sending' }, data: { state: 'queued', nextAttemptAt: new Date() } });
  if (count)
    strapi.log.warn(
      `[ikz] newsletter: ${count} claimed mails were unfinished when Strapi stopped; they are queued again (a mail that was in flight keeps its Message-ID)`,
    );
  return count;
}

type Rendered = { issue: RenderedIssue; dispatch: Dispatch };

/** The mail of each send, rendered once (per process) at its first delivery. */
function issueTemplates(strapi: Core.Strapi, settings: SendSettings) {
  const rendered = new Map<string, Promise<Rendered | null>>();
  async function render(dispatchId: string): Promise<Rendered | null> {
    const dispatch: Dispatch | null = await strapi.db
      .query(DISPATCH_UID)
      .findOne({ where: { documentId: dispatchId } });
    const issue = dispatch ? await loadPublishedIssue(strapi, dispatch.issueDocumentId) : null;
    if (dispatch?.state === 'queued')
      await strapi.db.query(DISPATCH_UID).update({ where: { id: dispatch.id }, data: { state: 'sending' } });
    return dispatch && issue ? { issue: renderForSend(issue, settings.siteUrl), dispatch } : null;
  }
  return {
    of(dispatchId: string): Promise<Rendered | null> {
      if (!rendered.has(dispatchId)) rendered.set(dispatchId, render(dispatchId));
      return rendered.get(dispatchId)!;
    },
    forget: (dispatchId: string) => rendered.delete(dispatchId),
  };
}
type Templates = ReturnType<typeof issueTemplates>;

/** Claims the rows for this worker (one statement); returns the rows that are now its own. */
async function claim(strapi: Core.Strapi, ids: number[]): Promise<Delivery[]> {
  const claimToken = randomUUID();
  await strapi.db.query(DELIVERY_UID).updateMany({
    where: { id: { $in: ids }, state: 'queued' },
    data: { state: 'sending', claimToken, claimedAt: new Date() },
  });
  return strapi.db.query(DELIVERY_UID).findMany({
    where: { claimToken, state: 'sending' },
    select: ['id', 'dispatchId', 'subscriberDocumentId', 'email', 'attempts', 'messageId', 'claimToken'],
    orderBy: { id: 'asc' },
  });
}

/** Gives claimed rows that were not started back to the queue (at a regular stop). */
async function release(strapi: Core.Strapi, rows: Delivery[]): Promise<void> {
  if (!rows.length) return;
  await strapi.db.query(DELIVERY_UID).updateMany({
    where: { id: { $in: rows.map((r) => r.id) }, state: 'sending', claimToken: rows[0]!.claimToken },
    data: { state: 'queued' },
  });
}

/** Stores the outcome of an attempt; a hard bounce also marks the subscription. */
async function finish(
  strapi: Core.Strapi,
  settings: SendSettings,
  row: Delivery,
  attempts: number,
  result: AttemptResult,
): Promise<void> {
  const now = new Date();
  const outcome = outcomeOf(result, attempts, now, settings.retrySeconds);
  if (outcome.state === 'sent') {
    await strapi.db
      .query(DELIVERY_UID)
      .update({ where: { id: row.id }, data: { state: 'sent', attempts, sentAt: now, lastError: null } });
  } else if (outcome.state === 'queued') {
    await strapi.db.query(DELIVERY_UID).update({
      where: { id: row.id },
      data: { state: 'queued', attempts, nextAttemptAt: outcome.nextAttemptAt, lastError: outcome.lastError },
    });
  } else {
    await strapi.db
      .query(DELIVERY_UID)
      .update({ where: { id: row.id }, data: { state: 'failed', attempts, lastError: outcome.lastError } });
    if (outcome.hardBounce) {
      const subscriber = await strapi.db
        .query(SUBSCRIBER_UID)
        .findOne({ where: { documentId: row.subscriberDocumentId }, select: ['id', 'state', 'hardBounces'] });
      if (subscriber)
        await strapi.db
          .query(SUBSCRIBER_UID)
          .update({ where: { id: subscriber.id }, data: afterHardBounce(subscriber, now) });
    }
  }
}

/** The subscription of a row if it still gets the newsletter (with its unsubscribe salt); else the row is skipped. */
async function recipientOf(strapi: Core.Strapi, row: Delivery) {
  const subscriber = await strapi.db.query(SUBSCRIBER_UID).findOne({
    where: { documentId: row.subscriberDocumentId },
    select: ['id', 'documentId', 'email', 'state', 'unsubscribeSalt'],
  });
  if (!subscriber || subscriber.state !== 'confirmed') {
    await strapi.db.query(DELIVERY_UID).update({
      where: { id: row.id },
      data: {
        state: 'skipped',
        lastError: subscriber ? `Abonnement ist ${subscriber.state}` : 'Abonnement gelöscht',
      },
    });
    return null;
  }
  if (!subscriber.unsubscribeSalt) {
    subscriber.unsubscribeSalt = newUnsubscribeSalt();
    await strapi.db
      .query(SUBSCRIBER_UID)
      .update({ where: { id: subscriber.id }, data: { unsubscribeSalt: subscriber.unsubscribeSalt } });
  }
  return subscriber as { documentId: string; email: string; unsubscribeSalt: string };
}

/** One attempt at one row: its Message-ID stored first, the issue and the subscription checked, the mail sent. */
async function deliver(
  strapi: Core.Strapi,
  settings: SendSettings,
  templates: Templates,
  row: Delivery,
): Promise<void> {
  const attempts = row.attempts + 1;
  let messageId = row.messageId;
  if (!messageId) {
    // Rows are made with their Message-ID; should one lack it, it is stored before the mail goes out.
    messageId = newMessageId();
    await strapi.db.query(DELIVERY_UID).update({ where: { id: row.id }, data: { messageId } });
  }
  const template = await templates.of(row.dispatchId);
  if (!template) {
    await strapi.db.query(DELIVERY_UID).update({
      where: { id: row.id },
      data: { state: 'failed', lastError: 'Die Ausgabe ist nicht mehr veröffentlicht.' },
    });
    return;
  }
  const subscriber = await recipientOf(strapi, row);
  if (!subscriber) return;
  let result: AttemptResult;
  try {
    await sendMail(strapi, issueMailFor(template.issue, settings, { ...subscriber, email: row.email }, messageId));
    result = { ok: true };
  } catch (error) {
    result =
      error instanceof MailError
        ? { ok: false, kind: error.kind, message: error.message }
        : { ok: false, kind: 'temporary', message: String(error) };
  }
  await finish(strapi, settings, row, attempts, result);
}

/** Marks sends without open deliveries as done, with their final counts. */
async function closeFinished(strapi: Core.Strapi, templates: Templates): Promise<void> {
  const open: Dispatch[] = await strapi.db.query(DISPATCH_UID).findMany({ where: { state: { $ne: 'done' } } });
  for (const dispatch of open) {
    const counts = await deliveryCounts(strapi, dispatch.documentId);
    if (counts.queued + counts.sending > 0) continue;
    await strapi.db.query(DISPATCH_UID).update({
      where: { id: dispatch.id },
      data: {
        state: 'done',
        finishedAt: new Date(),
        sent: counts.sent,
        failed: counts.failed,
        skipped: counts.skipped,
      },
    });
    templates.forget(dispatch.documentId);
    strapi.log.info(
      `[ikz] newsletter: dispatch ${dispatch.documentId} done: ${counts.sent} sent, ${counts.failed} failed, ${counts.skipped} skipped`,
    );
  }
}

/** Up to `batch` rows whose (next) attempt is due, oldest first. */
async function dueIds(strapi: Core.Strapi, batch: number): Promise<number[]> {
  const due: { id: number }[] = await strapi.db.query(DELIVERY_UID).findMany({
    where: { state: 'queued', nextAttemptAt: { $lte: new Date() } },
    select: ['id'],
    orderBy: { id: 'asc' },
    limit: batch,
  });
  return due.map((row) => row.id);
}

export function startNewsletterWorker(strapi: Core.Strapi, settings: SendSettings = sendSettings()): NewsletterWorker {
  const pacer = createPacer(settings.rate);
  const batch = Math.max(CONCURRENCY, Math.min(200, Math.ceil(settings.rate * 2)));
  const templates = issueTemplates(strapi, settings);
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  /** One round: the due rows claimed, then sent in order at the configured rate; true when there may be more. */
  async function round(): Promise<boolean> {
    const due = await dueIds(strapi, batch);
    if (!due.length) return false;
    const rows = await claim(strapi, due);
    let next = 0;
    const started = new Set<number>();
    const lane = async () => {
      while (!stopped && next < rows.length) {
        const row = rows[next++]!;
        const wait = pacer.next();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (stopped) return;
        started.add(row.id);
        await deliver(strapi, settings, templates, row).catch((error: unknown) =>
          strapi.log.error(`[ikz] newsletter: delivery ${row.id} failed unexpectedly: ${String(error)}`),
        );
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    if (stopped)
      await release(
        strapi,
        rows.filter((row) => !started.has(row.id)),
      );
    return due.length === batch;
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      try {
        while (!stopped && (await round()));
        if (!stopped) await closeFinished(strapi, templates);
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
