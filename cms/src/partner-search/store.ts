/** The Partnersuche's private rows (submissions, replies) and its published entries, read with Strapi's query engine (no content API). */
import type { Core } from '@strapi/strapi';
import { partnerSearchExpired } from '@ikz/shared-types/partner-search';
import {
  PARTNER_SEARCH_UID,
  REPLY_UID,
  SUBMISSION_UID,
  type PublishedEntry,
  type ReplyRecord,
  type SubmissionRecord,
} from './rules.ts';

function rows<R>(strapi: Core.Strapi, uid: string) {
  const query = () => strapi.db.query(uid as any);
  return {
    byTokenHash: (hash: string) => query().findOne({ where: { confirmTokenHash: hash } }) as Promise<R | null>,
    create: (data: Record<string, unknown>) => query().create({ data }) as Promise<R & { id: number }>,
    update: (id: number, data: Record<string, unknown>) => query().update({ where: { id }, data }),
    remove: (id: number) => query().delete({ where: { id } }),
    /** Unconfirmed rows whose link expired before `now`. */
    removeUnconfirmed: (now: Date) =>
      query().deleteMany({
        where: {
          confirmedAt: null,
          $or: [{ confirmExpiresAt: { $lte: now.toISOString() } }, { confirmExpiresAt: null }],
        },
      }) as Promise<{ count: number }>,
  };
}

export function partnerSearchStore(strapi: Core.Strapi) {
  const submissions = rows<SubmissionRecord>(strapi, SUBMISSION_UID);
  const replies = rows<ReplyRecord>(strapi, REPLY_UID);
  return {
    submissions: {
      ...submissions,
      byEntry: (partnerSearchDocumentId: string) =>
        strapi.db.query(SUBMISSION_UID as any).findOne({
          where: { partnerSearchDocumentId, confirmedAt: { $notNull: true } },
        }) as Promise<SubmissionRecord | null>,
    },
    replies: {
      ...replies,
      /** Relayed rows (nothing typed is left in them) older than `before`. */
      removeRelayed: (before: Date) =>
        strapi.db
          .query(REPLY_UID as any)
          .deleteMany({ where: { relayedAt: { $notNull: true, $lte: before.toISOString() } } }) as Promise<{
          count: number;
        }>,
    },
    /** The published entry with this documentId, unless it has expired on `today` (Berlin). */
    async publishedEntry(documentId: string, today: string): Promise<PublishedEntry | null> {
      const entry = (await strapi.db.query(PARTNER_SEARCH_UID as any).findOne({
        where: { documentId, publishedAt: { $notNull: true } },
        select: ['documentId', 'title', 'slug', 'validUntil'],
      })) as PublishedEntry | null;
      return entry && !partnerSearchExpired(String(entry.validUntil), today)
        ? { ...entry, validUntil: String(entry.validUntil).slice(0, 10) }
        : null;
    },
  };
}
