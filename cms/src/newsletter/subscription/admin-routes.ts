/**
 * The admin API of the subscribers (for the admin's newsletter page): counts by state for every logged-in
 * admin, and the CSV export of the confirmed addresses for super admins only.
 */
import type { Core } from '@strapi/strapi';
import { answerError } from '../../ikz-admin/answer.ts';
import { exportFileName, subscribersCsv } from './export.ts';
import { subscriberStore } from './store.ts';

export const SUMMARY_PATH = '/ikz/newsletter/subscribers/summary';
export const EXPORT_PATH = '/ikz/newsletter/subscribers/export';
const SUPER_ADMIN = 'strapi-super-admin';

export function registerSubscriberAdminRoutes(strapi: Core.Strapi): void {
  const store = subscriberStore(strapi);
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: SUMMARY_PATH,
        handler: async (ctx) => {
          ctx.set('Cache-Control', 'no-store');
          const [pending, confirmed, unsubscribed, bouncing] = await Promise.all(
            (['pending', 'confirmed', 'unsubscribed', 'bouncing'] as const).map((state) => store.countByState(state)),
          );
          ctx.body = { pending, confirmed, unsubscribed, bouncing };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
        info: { pluginName: 'ikz' },
      },
      {
        method: 'GET',
        path: EXPORT_PATH,
        handler: async (ctx) => {
          ctx.set('Cache-Control', 'no-store');
          const roles: { code?: string }[] = (ctx.state as any).user?.roles ?? [];
          if (!roles.some((role) => role.code === SUPER_ADMIN)) {
            return answerError(
              ctx,
              403,
              'Nur Administratorinnen und Administratoren dürfen die Adressen exportieren.',
              'ForbiddenError',
            );
          }
          const now = new Date();
          ctx.set('Content-Disposition', `attachment; filename="${exportFileName(now)}"`);
          ctx.type = 'text/csv; charset=utf-8';
          ctx.body = subscribersCsv(await store.confirmed());
          strapi.log.info(
            `[ikz] newsletter: subscriber export downloaded by admin user ${(ctx.state as any).user?.id}`,
          );
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
        info: { pluginName: 'ikz' },
      },
    ],
  });
}
