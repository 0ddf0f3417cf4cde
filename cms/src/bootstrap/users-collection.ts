import type { Core } from '@strapi/strapi';

export const USERS_CONTENT_TYPE = 'plugin::users-permissions.user';

/**
 * Hides the users-permissions "User" collection from the content manager for everyone: the site has no
 * reader accounts (registration is off), so the collection would only confuse editors. Runs in `register`,
 * before the content manager registers its permission actions, so no role gets permissions on it either.
 */
export function hideUsersCollection(strapi: Core.Strapi): void {
  const model = strapi.contentTypes[USERS_CONTENT_TYPE as keyof typeof strapi.contentTypes] as
    { pluginOptions?: Record<string, Record<string, unknown> | undefined> } | undefined;
  if (!model)
    throw new Error(`Cannot hide the user collection: ${USERS_CONTENT_TYPE} was not found (Strapi changed?).`);
  model.pluginOptions = {
    ...model.pluginOptions,
    'content-manager': { ...model.pluginOptions?.['content-manager'], visible: false },
  };
}
