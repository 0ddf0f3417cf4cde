import type { Core } from '@strapi/strapi';

/** Content types readers may read; everything else (writes, users, uploads) stays closed. */
export const PUBLIC_READABLE = [
  'api::project.project',
  'api::document.document',
  'api::newsletter.newsletter',
  'api::event.event',
  'api::partner-search.partner-search',
  'api::topic.topic',
  'api::municipality.municipality',
] as const;

export const PUBLIC_ACTIONS = PUBLIC_READABLE.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);

/**
 * Sets the permissions of the users-permissions roles "public" and "authenticated" to read-only access
 * on the published content types, removing anything else. Idempotent; runs at every start.
 */
export async function enforceReadOnlyRoles(strapi: Core.Strapi): Promise<void> {
  const roles = await strapi.db.query('plugin::users-permissions.role').findMany({
    where: { type: { $in: ['public', 'authenticated'] } },
    populate: ['permissions'],
  });
  for (const role of roles) {
    const current: { id: number; action: string }[] = role.permissions ?? [];
    const stale = current.filter((p) => !PUBLIC_ACTIONS.includes(p.action));
    const missing = PUBLIC_ACTIONS.filter((action) => !current.some((p) => p.action === action));
    if (stale.length) {
      await strapi.db
        .query('plugin::users-permissions.permission')
        .deleteMany({ where: { id: { $in: stale.map((p) => p.id) } } });
    }
    for (const action of missing) {
      await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
    if (stale.length || missing.length) {
      strapi.log.info(
        `[ikz] role "${role.type}": ${missing.length} read permissions added, ${stale.length} other permissions removed`,
      );
    }
  }
  const advanced = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const settings = ((await advanced.get()) as Record<string, unknown> | null) ?? {};
  if (settings.allow_register !== false) await advanced.set({ value: { ...settings, allow_register: false } });
}
