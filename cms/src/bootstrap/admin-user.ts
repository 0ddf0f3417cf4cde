import type { Core } from '@strapi/strapi';
import { readEnv } from '@ikz/shared-types/env';
import { registrationOpen } from './admin-registration';

/**
 * Creates the first administrator from IKZ_ADMIN_EMAIL / IKZ_ADMIN_PASSWORD when no admin exists yet.
 * Without them the first administrator can only register in the admin panel when registration is open
 * (IKZ_ADMIN_REGISTRATION=open, which `pnpm start` sets on localhost); otherwise the start says what to set.
 */
export async function ensureAdminFromEnv(strapi: Core.Strapi): Promise<void> {
  const {
    IKZ_ADMIN_EMAIL: email,
    IKZ_ADMIN_PASSWORD: password,
    IKZ_ADMIN_FIRSTNAME: firstname,
    IKZ_ADMIN_LASTNAME: lastname,
  } = readEnv(['IKZ_ADMIN_EMAIL', 'IKZ_ADMIN_PASSWORD', 'IKZ_ADMIN_FIRSTNAME', 'IKZ_ADMIN_LASTNAME']);
  const users = strapi.service('admin::user') as any;
  if ((await users.count()) > 0) return;
  if (!email || !password) {
    if (!registrationOpen())
      strapi.log.warn(
        '[ikz] no administrator exists and web registration is closed: set IKZ_ADMIN_EMAIL and IKZ_ADMIN_PASSWORD and restart.',
      );
    return;
  }
  const roles = strapi.service('admin::role') as any;
  const superAdmin = await roles.getSuperAdmin();
  if (!superAdmin) throw new Error('The Super Admin role is missing; cannot create the first administrator.');
  await users.create({
    email: email.toLowerCase(),
    firstname,
    lastname,
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
    preferedLanguage: 'de',
  });
  strapi.log.info(`[ikz] first administrator ${email} created from IKZ_ADMIN_EMAIL`);
}
