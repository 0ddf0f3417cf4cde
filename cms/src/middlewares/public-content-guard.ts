import type { Core } from '@strapi/strapi';
import { bearerToken, DRAFTS_FORBIDDEN_MESSAGE, redactContacts, requestsUnpublished } from '../lib/public-api.ts';

/**
 * Guards the content API: reading drafts through /api (`?status=draft`, which the public role's `find`
 * would otherwise allow) is reserved to full-access API tokens, and contact persons without consent never
 * leave the server.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');

  const mayReadDrafts = async (authorization: string | undefined): Promise<boolean> => {
    const token = bearerToken(authorization);
    if (!token) return false;
    const tokens = strapi.service('admin::api-token-content-api') as any;
    const found = await tokens.getByAccessKey(tokens.hash(token));
    return found?.type === 'full-access' && (!found.expiresAt || new Date(found.expiresAt).getTime() > Date.now());
  };

  return async (ctx: any, next: () => Promise<void>) => {
    if (!ctx.path.startsWith(`${prefix}/`)) return next();
    const reading = ctx.method === 'GET' || ctx.method === 'HEAD';
    if (reading && requestsUnpublished(ctx.query) && !(await mayReadDrafts(ctx.get('authorization')))) {
      ctx.status = 403;
      ctx.body = { data: null, error: { status: 403, name: 'ForbiddenError', message: DRAFTS_FORBIDDEN_MESSAGE, details: {} } };
      return;
    }
    await next();
    if (ctx.body && typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body) && typeof ctx.body.pipe !== 'function') {
      redactContacts(ctx.body);
    }
  };
};
