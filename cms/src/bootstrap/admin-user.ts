import type { Core } from '@strapi/strapi';

/**
 * Creates the first administrator from IKZ_ADMIN_EMAIL / IKZ_ADMIN_PASSWORD when no admin exists yet.
 * Without these variables the admin panel shows its registration screen on first start.
 */
export async function ensureAdminFromEnv(strapi: Core.Strapi): Promise<void> {
  const email = process.env.IKZ_ADMIN_EMAIL?.trim();
  const password = process.env.IKZ_ADMIN_PASSWORD;
  if (!email || !password) return;
  const users = strapi.service('admin::user') as any;
  if ((await users.count()) > 0) return;
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
