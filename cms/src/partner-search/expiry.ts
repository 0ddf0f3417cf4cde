/**
 * The Partnersuche's housekeeping, at Strapi's start and every hour: published entries whose `validUntil` has
 * passed (Berlin) are unpublished – Strapi's webhook then rebuilds the site, so an expired entry is gone within
 * the hour without anybody doing anything –, unconfirmed submissions and replies are deleted after their link
 * expired (7 days), and what is left of relayed replies after 7 days.
 */
import type { Core } from '@strapi/strapi';
import { berlinDay, partnerSearchExpired } from '@ikz/shared-types/partner-search';
import { periodicTask } from '../forms/periodic.ts';
import { CONFIRM_VALIDITY_MS } from '../forms/tokens.ts';
import { PARTNER_SEARCH_UID } from './rules.ts';
import { partnerSearchStore } from './store.ts';

/** documentIds of published entries expired on `today`. */
export async function expiredEntries(strapi: Core.Strapi, today: string): Promise<string[]> {
  const rows = (await strapi.db.query(PARTNER_SEARCH_UID as any).findMany({
    where: { publishedAt: { $notNull: true }, validUntil: { $lt: today } },
    select: ['documentId', 'validUntil'],
  })) as { documentId: string; validUntil: string }[];
  return [...new Set(rows.filter((r) => partnerSearchExpired(String(r.validUntil), today)).map((r) => r.documentId))];
}

export async function expirePartnerSearches(strapi: Core.Strapi, now = new Date()): Promise<{ unpublished: number; deleted: number }> {
  const ids = await expiredEntries(strapi, berlinDay(now));
  for (const documentId of ids) await strapi.documents(PARTNER_SEARCH_UID as any).unpublish({ documentId });
  const store = partnerSearchStore(strapi);
  const deleted =
    (await store.submissions.removeUnconfirmed(now)).count +
    (await store.replies.removeUnconfirmed(now)).count +
    (await store.replies.removeRelayed(new Date(now.getTime() - CONFIRM_VALIDITY_MS))).count;
  if (ids.length) strapi.log.info(`[ikz] partner search: ${ids.length} expired entr${ids.length === 1 ? 'y' : 'ies'} unpublished`);
  if (deleted) strapi.log.info(`[ikz] partner search: ${deleted} unconfirmed or relayed record(s) deleted`);
  return { unpublished: ids.length, deleted };
}

export const partnerSearchHousekeeping = periodicTask('partner search housekeeping', (strapi) => expirePartnerSearches(strapi));
