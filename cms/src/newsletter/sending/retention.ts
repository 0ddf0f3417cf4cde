/**
 * What stays of a send. The dispatch keeps the issue, who started it, when, and its final counts. The delivery
 * rows (address, Message-ID, last error of one mail) are the working records of a send and go once it is done:
 * - the rows of a subscriber who unsubscribes or is deleted (an editor answering a request for erasure, the
 *   cleanup), at once;
 * - rows that were skipped (the subscription ended before its turn), at the next hourly cleanup;
 * - every other row DELIVERY_RETENTION_DAYS after the send finished (long enough to answer "did my
 *   municipality get the issue?" and to look into bounces).
 * Rows of a send still under way stay until it is done: its progress counts them, and the worker marks the
 * rows of a subscriber who left `skipped`. The subscriber's own record (the proof of consent) is kept by the
 * rules in ../subscription/rules.ts.
 */
import type { Core } from '@strapi/strapi';
import { DELIVERY_UID, DISPATCH_UID, SUBSCRIBER_UID } from './dispatch.ts';

export const DELIVERY_RETENTION_DAYS = 30;
const DELIVERY_RETENTION_MS = DELIVERY_RETENTION_DAYS * 24 * 3600_000;

async function doneDispatches(strapi: Core.Strapi, finishedBefore?: Date): Promise<string[]> {
  const where = { state: 'done', ...(finishedBefore ? { finishedAt: { $lt: finishedBefore } } : {}) };
  const rows: { documentId: string }[] = await strapi.db
    .query(DISPATCH_UID)
    .findMany({ where, select: ['documentId'] });
  return rows.map((row) => row.documentId);
}

/** Deletes the delivery rows of these subscribers in finished sends; returns how many. */
export async function forgetDeliveriesOf(strapi: Core.Strapi, subscriberDocumentIds: string[]): Promise<number> {
  if (!subscriberDocumentIds.length) return 0;
  const done = await doneDispatches(strapi);
  if (!done.length) return 0;
  const { count } = await strapi.db
    .query(DELIVERY_UID)
    .deleteMany({ where: { subscriberDocumentId: { $in: subscriberDocumentIds }, dispatchId: { $in: done } } });
  return count;
}

/** The hourly part: skipped rows of finished sends, and all rows of sends finished longer than the retention ago. */
export async function sweepDeliveries(strapi: Core.Strapi, now = new Date()): Promise<number> {
  const done = await doneDispatches(strapi);
  if (!done.length) return 0;
  const old = await doneDispatches(strapi, new Date(now.getTime() - DELIVERY_RETENTION_MS));
  const { count } = await strapi.db.query(DELIVERY_UID).deleteMany({
    where: {
      dispatchId: { $in: done },
      $or: [{ state: 'skipped' }, ...(old.length ? [{ dispatchId: { $in: old } }] : [])],
    },
  });
  return count;
}

type Event = {
  params: { where?: Record<string, unknown> };
  state: Record<string, unknown>;
  result?: { documentId?: string; state?: string };
};

/**
 * Deleting a subscriber (anywhere: content manager, cleanup) deletes its delivery rows; so does unsubscribing
 * (the update that sets `unsubscribed`).
 */
export function registerDeliveryRetention(strapi: Core.Strapi): void {
  const forget = (ids: string[]) =>
    forgetDeliveriesOf(strapi, ids).catch((error: unknown) =>
      strapi.log.error(`[ikz] newsletter: delivery rows of a removed subscription not deleted: ${String(error)}`),
    );
  const before = async (event: Event) => {
    const rows: { documentId: string }[] = await strapi.db
      .query(SUBSCRIBER_UID)
      .findMany({ where: event.params.where ?? {}, select: ['documentId'] });
    event.state.subscribers = rows.map((row) => row.documentId);
  };
  const after = async (event: Event) => {
    await forget((event.state.subscribers ?? []) as string[]);
  };
  const afterUpdate = async (event: Event) => {
    if (event.result?.state === 'unsubscribed' && event.result.documentId) await forget([event.result.documentId]);
  };
  strapi.db.lifecycles.subscribe({
    models: [SUBSCRIBER_UID],
    beforeDelete: before,
    afterDelete: after,
    beforeDeleteMany: before,
    afterDeleteMany: after,
    afterUpdate,
  } as any);
}
