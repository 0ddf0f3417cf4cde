import type { Core } from '@strapi/strapi';
import { registrationOpen } from './admin-registration';

/**
 * Creates the first administrator from IKZ_ADMIN_EMAIL / IKZ_ADMIN_PASSWORD when no admin exists yet.
 * Without them the first administrator can only register in the admin panel when registration is open
 * (IKZ_ADMIN_REGISTRATION=open, which `pnpm start` sets on localhost); otherwise the start says what to set.
 */
export async function ensureAdminFromEnv(strapi: Core.Strapi): Promise<void> {
  const email = process.env.IKZ_ADMIN_EMAIL?.trim();
  const password = process.env.IKZ_ADMIN_PASSWORD;
  const users = strapi.service('admin::user') as any;
  if ((await users.count()) > 0) return;
  if (!email || !password) {
    if (!registrationOpen()) strapi.log.warn('[ikz] no administrator exists and web registration is closed: set IKZ_ADMIN_EMAIL and IKZ_ADMIN_PASSWORD and restart.');
    return;
  }
  const roles = strapi.service('admin::role') as any;
  const superAdmin = await roles.getSuperAdmin();
  if (!superAdmin) throw new Error('The Super Admin role is missing; cannot create the first administrator.');
  await users.create({
    email: email.toLowerCase(),
    firstname: process.env.IKZ_ADMIN_FIRSTNAME ?? 'Redaktion',
    lastname: process.env.IKZ_ADMIN_LASTNAME ?? 'Interkommunales.NRW',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
    preferedLanguage: 'de',
  });
  strapi.log.info(`[ikz] first administrator ${email} created from IKZ_ADMIN_EMAIL`);
}
