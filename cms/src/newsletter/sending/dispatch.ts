/**
 * Starting the send of an issue, sending a test mail, and the progress of a send. The mails themselves go out
 * from the worker (./worker.ts), one delivery row per recipient.
 */
import type { Core } from '@strapi/strapi';
import { randomBytes } from 'node:crypto';
import { mailSettings } from '../../mail/config.ts';
import { newMessageId, sendMail } from '../../mail/send.ts';
import { MailError } from '../../mail/types.ts';
import { newUnsubscribeSalt } from '../links.ts';
import { issueMailFor, loadPublishedIssue, renderForSend, sendSettings } from './issue-mail.ts';
import { checkTestAddress } from './policy.ts';

export const DISPATCH_UID = 'api::newsletter-dispatch.newsletter-dispatch';
export const DELIVERY_UID = 'api::newsletter-delivery.newsletter-delivery';
export const SUBSCRIBER_UID = 'api::newsletter-subscriber.newsletter-subscriber';

/** Why a request about sending was refused; `status` is the HTTP status the admin route answers with. */
export class SendingError extends Error {
  readonly status: 400 | 404 | 409 | 503;
  constructor(status: 400 | 404 | 409 | 503, message: string) {
    super(message);
    this.name = 'SendingError';
    this.status = status;
  }
}

/** A documentId for rows written by the query engine (which, unlike the document service, makes none). */
export const newDocumentId = () =>
  Array.from(randomBytes(24), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');

export async function confirmedCount(strapi: Core.Strapi): Promise<number> {
  return strapi.db.query(SUBSCRIBER_UID).count({ where: { state: 'confirmed' } });
}

export type DispatchRow = {
  id: number;
  documentId: string;
  issueDocumentId: string;
  issueTitle: string | null;
  state: 'queued' | 'sending' | 'done';
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  startedBy: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
};

export async function findDispatch(strapi: Core.Strapi, issueDocumentId: string): Promise<DispatchRow | null> {
  return strapi.db.query(DISPATCH_UID).findOne({ where: { issueDocumentId } });
}

function assertMailConfigured(): void {
  if (!mailSettings().configured)
    throw new SendingError(
      503,
      'Es ist kein Mailserver eingerichtet (SMTP_HOST fehlt). Der Newsletter kann nicht verschickt werden.',
    );
}

async function publishedIssue(strapi: Core.Strapi, issueDocumentId: string) {
  const issue = await loadPublishedIssue(strapi, issueDocumentId);
  if (!issue) {
    const any = await strapi.db
      .query('api::newsletter.newsletter')
      .findOne({ where: { documentId: issueDocumentId }, select: ['id'] });
    if (!any) throw new SendingError(404, 'Diese Newsletter-Ausgabe gibt es nicht.');
    throw new SendingError(
      409,
      'Die Ausgabe ist nicht veröffentlicht. Nur veröffentlichte Ausgaben können verschickt werden.',
    );
  }
  return issue;
}

/**
 * Queues the issue for every confirmed subscriber: refuses unless the issue is published, was not sent
 * before, and `expectedRecipients` (the number the editor confirmed) is still the number of confirmed
 * subscribers. The dispatch and all its delivery rows are written in one transaction; the unique index on
 * the dispatch's issue makes a second start fail even when two arrive at once.
 */
export async function startDispatch(
  strapi: Core.Strapi,
  issueDocumentId: string,
  options: { expectedRecipients: unknown; startedBy: string },
): Promise<DispatchRow> {
  assertMailConfigured();
  sendSettings();
  const issue = await publishedIssue(strapi, issueDocumentId);
  if (await findDispatch(strapi, issueDocumentId))
    throw new SendingError(409, 'Diese Ausgabe wurde bereits verschickt. Jede Ausgabe wird nur einmal verschickt.');
  const expected = options.expectedRecipients;
  if (typeof expected !== 'number' || !Number.isInteger(expected) || expected < 1) {
    throw new SendingError(400, 'Bitte die Zahl der Empfänger bestätigen (expectedRecipients).');
  }
  const now = new Date();
  let created: DispatchRow | null = null;
  try {
    await strapi.db.transaction(async () => {
      const subscribers: { documentId: string; email: string }[] = await strapi.db.query(SUBSCRIBER_UID).findMany({
        where: { state: 'confirmed' },
        select: ['documentId', 'email'],
        orderBy: { id: 'asc' },
      });
      if (subscribers.length !== expected) {
        throw new SendingError(
          400,
          `Die Zahl der Empfänger hat sich geändert: jetzt ${subscribers.length} statt ${expected}. Bitte erneut bestätigen.`,
        );
      }
      created = await strapi.db.query(DISPATCH_UID).create({
        data: {
          documentId: newDocumentId(),
          issueDocumentId,
          issueTitle: issue.title.slice(0, 200),
          state: 'queued',
          total: subscribers.length,
          sent: 0,
          failed: 0,
          skipped: 0,
          startedBy: options.startedBy.slice(0, 300),
          startedAt: now,
        },
      });
      const rows = subscribers.map((s) => ({
        documentId: newDocumentId(),
        dispatchId: created!.documentId,
        subscriberDocumentId: s.documentId,
        email: s.email,
        state: 'queued',
        attempts: 0,
        nextAttemptAt: now,
        // Made now, before any mail goes out, and kept for every attempt: a copy after a crash has the same one.
        messageId: newMessageId(),
      }));
      // Chunks keep each INSERT below SQLite's limit of bound variables.
      for (let i = 0; i < rows.length; i += 500)
        await strapi.db.query(DELIVERY_UID).createMany({ data: rows.slice(i, i + 500) });
    });
  } catch (error) {
    if (error instanceof SendingError) throw error;
    if (await findDispatch(strapi, issueDocumentId))
      throw new SendingError(409, 'Diese Ausgabe wurde bereits verschickt. Jede Ausgabe wird nur einmal verschickt.');
    throw error;
  }
  strapi.log.info(`[ikz] newsletter "${issue.title}" queued for ${expected} subscribers by ${options.startedBy}`);
  return created!;
}

/** Sends the issue's mail to one address, with "[Test]" before the subject; no delivery row, no subscriber. */
export async function sendTestMail(
  strapi: Core.Strapi,
  issueDocumentId: string,
  to: unknown,
): Promise<{ to: string; messageId: string }> {
  const checked = checkTestAddress(to);
  if (!checked.ok) throw new SendingError(400, checked.message);
  assertMailConfigured();
  const settings = sendSettings();
  const issue = await publishedIssue(strapi, issueDocumentId);
  const rendered = renderForSend(issue, settings.siteUrl);
  // The unsubscribe link of a test mail is a real-looking one that matches no subscriber.
  const mail = issueMailFor(
    { ...rendered, subject: `[Test] ${rendered.subject}` },
    settings,
    { documentId: newDocumentId(), unsubscribeSalt: newUnsubscribeSalt(), email: checked.address },
    newMessageId(),
  );
  try {
    const sent = await sendMail(strapi, mail);
    return { to: checked.address, messageId: sent.messageId };
  } catch (error) {
    if (error instanceof MailError) {
      throw new SendingError(
        error.kind === 'permanent' ? 400 : 503,
        `Der Mailserver hat die Testmail nicht angenommen: ${error.message.slice(0, 200)}`,
      );
    }
    throw error;
  }
}

export type DeliveryState = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped';

export interface DispatchProgress {
  state: 'none' | 'queued' | 'sending' | 'done';
  total: number;
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
  startedAt: string | null;
  finishedAt: string | null;
  startedBy: string | null;
}

export async function deliveryCounts(strapi: Core.Strapi, dispatchId: string): Promise<Record<DeliveryState, number>> {
  const states: DeliveryState[] = ['queued', 'sending', 'sent', 'failed', 'skipped'];
  const counts = await Promise.all(
    states.map((state) => strapi.db.query(DELIVERY_UID).count({ where: { dispatchId, state } })),
  );
  return Object.fromEntries(states.map((s, i) => [s, counts[i]])) as Record<DeliveryState, number>;
}

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

export async function dispatchProgress(strapi: Core.Strapi, issueDocumentId: string): Promise<DispatchProgress> {
  const dispatch = await findDispatch(strapi, issueDocumentId);
  if (!dispatch)
    return {
      state: 'none',
      total: 0,
      queued: 0,
      sending: 0,
      sent: 0,
      failed: 0,
      skipped: 0,
      startedAt: null,
      finishedAt: null,
      startedBy: null,
    };
  // A finished send keeps its final counts: its delivery rows are deleted after a while (./retention.ts).
  const counts =
    dispatch.state === 'done'
      ? { queued: 0, sending: 0, sent: dispatch.sent, failed: dispatch.failed, skipped: dispatch.skipped }
      : await deliveryCounts(strapi, dispatch.documentId);
  return {
    state: dispatch.state,
    total: dispatch.total,
    ...counts,
    startedAt: iso(dispatch.startedAt),
    finishedAt: iso(dispatch.finishedAt),
    startedBy: dispatch.startedBy,
  };
}

/** How long a finished send stays on the admin's home page. */
export const RECENT_DISPATCH_MS = 24 * 3600_000;

/**
 * The send the admin's publishing widget shows: the one under way, else the last one finished within a day;
 * null when there is none.
 */
export async function currentDispatch(
  strapi: Core.Strapi,
  now = Date.now(),
): Promise<(DispatchProgress & { issueTitle: string | null; issueDocumentId: string }) | null> {
  const rows = (await strapi.db.query(DISPATCH_UID).findMany({
    where: { $or: [{ state: { $ne: 'done' } }, { finishedAt: { $gt: new Date(now - RECENT_DISPATCH_MS) } }] },
    orderBy: { createdAt: 'desc' },
    limit: 5,
  })) as DispatchRow[];
  const row = rows.find((r) => r.state !== 'done') ?? rows[0];
  if (!row) return null;
  return {
    ...(await dispatchProgress(strapi, row.issueDocumentId)),
    issueTitle: row.issueTitle,
    issueDocumentId: row.issueDocumentId,
  };
}
