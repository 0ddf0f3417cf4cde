/**
 * Browser-safe helpers for the admin panel (imported by src/admin as well as by the server): the path of
 * the admin status route and the public page of an entry, built with the site's route table.
 */
import { ENTRY_ROUTES, routes, type EntryType } from '@ikz/shared-types/routes';

/** GET on the admin API, for logged-in admin users only (see ikz-admin/status-route.ts). */
export const ADMIN_STATUS_PATH = '/ikz/status';

/** The entry type of a content-type uid (`api::project.project` → `project`), or null for other types. */
export function entryTypeOf(uid: string): EntryType | null {
  const name = /^api::([a-z]+)\.\1$/.exec(uid)?.[1];
  return name && Object.hasOwn(ENTRY_ROUTES, name) ? (name as EntryType) : null;
}

/** The public address of an entry's page on the site, or null when the type has no page or the slug is not valid. */
export function publicEntryUrl(siteUrl: string, uid: string, slug: unknown): string | null {
  const type = entryTypeOf(uid);
  if (!type || typeof slug !== 'string' || !slug) return null;
  try {
    return `${siteUrl.replace(/\/+$/, '')}${routes.entryUrl(type, { slug })}`;
  } catch {
    return null;
  }
}
