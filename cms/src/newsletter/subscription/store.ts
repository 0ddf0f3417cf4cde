/** The subscriber rows, read and written with Strapi's query engine (no webhooks, no content API). */
import type { Core } from '@strapi/strapi';
import type { SubscriberRecord, SubscriberState } from './rules.ts';

export const SUBSCRIBER_UID = 'api::newsletter-subscriber.newsletter-subscriber';

export function subscriberStore(strapi: Core.Strapi) {
  const query = () => strapi.db.query(SUBSCRIBER_UID as any);
  return {
    byEmail: (email: string) =>
      query().findOne({ where: { email } }) as Promise<(SubscriberRecord & { id: number }) | null>,
    byTokenHash: (hash: string) =>
      query().findOne({ where: { confirmTokenHash: hash } }) as Promise<(SubscriberRecord & { id: number }) | null>,
    byDocumentId: (documentId: string) =>
      query().findOne({ where: { documentId } }) as Promise<(SubscriberRecord & { id: number }) | null>,
    create: (data: Partial<SubscriberRecord>) => query().create({ data }),
    update: (id: number, data: Partial<SubscriberRecord>) => query().update({ where: { id }, data }),
    remove: (id: number) => query().delete({ where: { id } }),
    /** Pending rows whose link expired before `now`, and unsubscribed or bouncing rows older than `proofUntil`. */
    stale: (now: Date, proofUntil: Date) =>
      query().findMany({
        where: {
          $or: [
            { state: 'pending', $or: [{ confirmExpiresAt: { $lte: now.toISOString() } }, { confirmExpiresAt: null }] },
            { state: 'unsubscribed', unsubscribedAt: { $lte: proofUntil.toISOString() } },
            { state: 'bouncing', lastBounceAt: { $lte: proofUntil.toISOString() } },
          ],
        },
      }) as Promise<(SubscriberRecord & { id: number })[]>,
    countByState: (state: SubscriberState) => query().count({ where: { state } }),
    confirmed: () =>
      query().findMany({
        where: { state: 'confirmed' },
        select: ['email', 'confirmedAt', 'consentVersion'],
        orderBy: { email: 'asc' },
      }) as Promise<{ email: string; confirmedAt: string | null; consentVersion: string | null }[]>,
  };
}

export type SubscriberStore = ReturnType<typeof subscriberStore>;
