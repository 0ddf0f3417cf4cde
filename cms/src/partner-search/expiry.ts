/**
 * The Partnersuche's housekeeping, at Strapi's start and every hour: published entries whose `validUntil` has
 * passed (Berlin) are unpublished – Strapi's webhook then rebuilds the site, so an expired entry is gone within
 * the hour without anybody doing anything –, unconfirmed submissions and replies are deleted after their link
 * expired (7 days), and what is left of relayed replies after 7 days. The poster's record (name, address) goes
 * POSTER_RETENTION_DAYS after the entry's `validUntil`, or as soon as the entry is deleted.
 */
import type { Core } from '@strapi/strapi';
import { addDays, berlinDay, partnerSearchExpired } from '@ikz/shared-types/partner-search';
import { periodicTask } from '../forms/periodic.ts';
import { CONFIRM_VALIDITY_MS } from '../forms/tokens.ts';
import { PARTNER_SEARCH_UID, SUBMISSION_UID } from './rules.ts';

/** Days after an entry's end until the poster's name and address are deleted (time to answer late replies). */
export const POSTER_RETENTION_DAYS = 30;
import { partnerSearchStore } from './store.ts';

/** documentIds of published entries expired on `today`. */
export async function expiredEntries(strapi: Core.Strapi, today: string): Promise<string[]> {
  const rows = (await strapi.db.query(PARTNER_SEARCH_UID as any).findMany({
    where: { publishedAt: { $notNull: true }, validUntil: { $lt: today } },
    select: ['documentId', 'validUntil'],
  })) as { documentId: string; validUntil: string }[];
  return [...new Set(rows.filter((r) => partnerSearchExpired(String(r.validUntil), today)).map((r) => r.documentId))];
}

/** Whether a confirmed poster's record may go: its entry is deleted, or ended more than POSTER_RETENTION_DAYS ago. Pure. */
export const posterRecordDue = (entryValidUntil: string | null, today: string): boolean =>
  entryValidUntil === null || entryValidUntil.slice(0, 10) < addDays(today, -POSTER_RETENTION_DAYS);

/** Deletes the confirmed posters' records that are due. */
async function removeDuePosters(strapi: Core.Strapi, today: string): Promise<number> {
  const submissions = (await strapi.db
    .query(SUBMISSION_UID as any)
    .findMany({ where: { confirmedAt: { $notNull: true } }, select: ['id', 'partnerSearchDocumentId'] })) as {
    id: number;
    partnerSearchDocumentId: string | null;
  }[];
  let removed = 0;
  for (const s of submissions) {
    const entries = s.partnerSearchDocumentId
      ? ((await strapi.db
          .query(PARTNER_SEARCH_UID as any)
          .findMany({ where: { documentId: s.partnerSearchDocumentId }, select: ['validUntil'] })) as {
          validUntil: string;
        }[])
      : [];
    const latest =
      entries
        .map((e) => String(e.validUntil))
        .sort()
        .pop() ?? null;
    if (!posterRecordDue(latest, today)) continue;
    await strapi.db.query(SUBMISSION_UID as any).delete({ where: { id: s.id } });
    removed += 1;
  }
  return removed;
}

export async function expirePartnerSearches(
  strapi: Core.Strapi,
  now = new Date(),
): Promise<{ unpublished: number; deleted: number }> {
  const ids = await expiredEntries(strapi, berlinDay(now));
  for (const documentId of ids) await strapi.documents(PARTNER_SEARCH_UID as any).unpublish({ documentId });
  const store = partnerSearchStore(strapi);
  const deleted =
    (await store.submissions.removeUnconfirmed(now)).count +
    (await store.replies.removeUnconfirmed(now)).count +
    (await store.replies.removeRelayed(new Date(now.getTime() - CONFIRM_VALIDITY_MS))).count +
    (await removeDuePosters(strapi, berlinDay(now)));
  if (ids.length)
    strapi.log.info(`[ikz] partner search: ${ids.length} expired entr${ids.length === 1 ? 'y' : 'ies'} unpublished`);
  if (deleted) strapi.log.info(`[ikz] partner search: ${deleted} unconfirmed or relayed record(s) deleted`);
  return { unpublished: ids.length, deleted };
}

export const partnerSearchHousekeeping = periodicTask('partner search housekeeping', (strapi) =>
  expirePartnerSearches(strapi),
);
