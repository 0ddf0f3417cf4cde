/** The advisory request rows, read and written with Strapi's query engine (no webhooks, no content API). */
import type { Core } from '@strapi/strapi';
import type { AdviceRecord } from './rules.ts';

export const ADVICE_UID = 'api::advice-request.advice-request';

type Row = AdviceRecord & { id: number };

export function adviceStore(strapi: Core.Strapi) {
  const query = () => strapi.db.query(ADVICE_UID as any);
  return {
    byTokenHash: (hash: string) => query().findOne({ where: { confirmTokenHash: hash } }) as Promise<Row | null>,
    create: (data: Record<string, unknown>) => query().create({ data }) as Promise<Row>,
    update: (id: number, data: Record<string, unknown>) => query().update({ where: { id }, data }),
    remove: (id: number) => query().delete({ where: { id } }),
    /** Unconfirmed rows whose link expired before `expiredBefore`, and every row requested before `requestedBefore`. */
    removeStale: (cutoffs: { unconfirmedExpiredBefore: Date; requestedBefore: Date }) =>
      query().deleteMany({
        where: {
          $or: [
            {
              confirmedAt: null,
              $or: [
                { confirmExpiresAt: { $lte: cutoffs.unconfirmedExpiredBefore.toISOString() } },
                { confirmExpiresAt: null },
              ],
            },
            { requestedAt: { $lte: cutoffs.requestedBefore.toISOString() } },
          ],
        },
      }) as Promise<{ count: number }>,
  };
}
