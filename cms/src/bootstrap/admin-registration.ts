import type { Core } from '@strapi/strapi';
import { readEnv } from '@ikz/shared-types/env';

export const REGISTRATION_CLOSED_MESSAGE =
  'Die Einrichtung des ersten Administratorkontos über die Website ist geschlossen. Legen Sie es mit IKZ_ADMIN_EMAIL und IKZ_ADMIN_PASSWORD beim Start an.';

/** `pnpm start` (Strapi on localhost) opens it for a fresh local installation; production never does. */
export const registrationOpen = (env?: NodeJS.ProcessEnv) =>
  readEnv(['IKZ_ADMIN_REGISTRATION'], env).IKZ_ADMIN_REGISTRATION === 'open';

/**
 * Closes Strapi's "register the first administrator" route (POST /admin/register-admin) with a policy on the
 * route itself, unless IKZ_ADMIN_REGISTRATION=open. On a fresh production install the first administrator
 * comes from IKZ_ADMIN_EMAIL / IKZ_ADMIN_PASSWORD instead (see admin-user.ts). Runs in `register`, before the
 * routes are mounted; fails the start if Strapi no longer has that route under the expected handler.
 */
export function guardAdminRegistration(strapi: Core.Strapi): void {
  if (registrationOpen()) return;
  const routers = Object.values((strapi.admin as any).routes ?? {}) as {
    routes?: { handler?: string; config?: { policies?: unknown[] } }[];
  }[];
  const route = routers.flatMap((r) => r.routes ?? []).find((r) => r.handler === 'authentication.registerAdmin');
  if (!route)
    throw new Error(
      'Cannot close the admin registration: the route authentication.registerAdmin was not found (Strapi changed?).',
    );
  route.config = {
    ...route.config,
    policies: [...(route.config?.policies ?? []), 'global::admin-registration-closed'],
  };
}
