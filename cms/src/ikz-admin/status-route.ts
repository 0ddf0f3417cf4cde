import type { Core } from '@strapi/strapi';
import { ADMIN_STATUS_PATH } from '../lib/admin-links.ts';
import { adminStatus, adminStatusConfig } from '../lib/admin-status.ts';

/**
 * Registers GET /ikz/status on Strapi's admin API: only for a logged-in admin user (admin JWT, 401
 * otherwise), with the public site address, the status page and a summary of the publisher's status, read
 * at request time so the admin build never contains an address. Runs in `register`, so a bad
 * SITE_URL / IKZ_STATUS_PAGE_URL / PUBLISHER_STATUS_URL fails the start with the variable's name.
 */
export function registerAdminStatusRoute(strapi: Core.Strapi): void {
  const config = adminStatusConfig();
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: ADMIN_STATUS_PATH,
        handler: async (ctx) => {
          ctx.set('Cache-Control', 'no-store');
          ctx.body = await adminStatus(config);
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
        info: { pluginName: 'ikz' },
      },
    ],
  });
}
