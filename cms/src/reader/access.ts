/**
 * Readers' access to the content API, enforced where Strapi handles a request – in the controllers of the
 * six content types and in the document-service queries they run – never by matching a path:
 *
 * - the controllers refuse requests for drafts (403; a PolicyError, the one 403 whose message Strapi passes
 *   on) and selection by private fields (400) with German messages, before anything reaches the database;
 * - a document-service middleware forces `status: 'published'` for every content-API read by a caller who
 *   may not see drafts, and removes private values from every result, however deeply populated.
 *
 * Only full-access API tokens and the preview's own token (which can only read) may read drafts.
 */
import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  DRAFTS_FORBIDDEN_MESSAGE,
  privateFieldInQuery,
  privateFieldMessage,
  redactPrivate,
  requestsUnpublished,
  type GetModel,
  type Model,
} from '../lib/reader-access.ts';

interface Auth {
  strategy?: { name?: string };
  credentials?: { type?: string; name?: string } | null;
}

/** The API token of the editors' preview (see bootstrap/api-tokens.ts): may read drafts, nothing else. */
export const PREVIEW_TOKEN_NAME = 'Vorschau der Redaktion (Entwürfe lesen)';

const READ_ACTIONS = new Set(['findMany', 'findOne', 'findFirst', 'count']);

/** Full-access tokens, and the preview's own token (find and findOne only, no writes). */
export function mayReadDrafts(auth: Auth | undefined): boolean {
  if (auth?.strategy?.name !== 'content-api-token') return false;
  const token = auth.credentials;
  return token?.type === 'full-access' || (token?.type === 'custom' && token.name === PREVIEW_TOKEN_NAME);
}

const modelsOf =
  (strapi: Core.Strapi): GetModel =>
  (uid) =>
    strapi.getModel(uid as never) as unknown as Model | undefined;

/** Throws the error a reader's request deserves, or returns when the query is fine. */
export function assertReaderQuery(
  strapi: Core.Strapi,
  uid: string,
  ctx: { query: Record<string, unknown>; state: { auth?: Auth } },
): void {
  if (mayReadDrafts(ctx.state.auth)) return;
  if (requestsUnpublished(ctx.query)) throw new errors.PolicyError(DRAFTS_FORBIDDEN_MESSAGE);
  const getModel = modelsOf(strapi);
  const field = privateFieldInQuery(ctx.query, getModel(uid)!, getModel);
  if (field) throw new errors.ValidationError(privateFieldMessage(field), { key: field, source: 'query' });
}

/** The core controller of a content type, with readers' access checked before find and findOne. */
export function readerController(uid: string) {
  return factories.createCoreController(uid as never, ({ strapi }) => ({
    async find(ctx: any) {
      assertReaderQuery(strapi, uid, ctx);
      return super.find(ctx);
    },
    async findOne(ctx: any) {
      assertReaderQuery(strapi, uid, ctx);
      return super.findOne(ctx);
    },
  }));
}

/** The query-level net under the controllers: content-API reads see published, redacted entries only. */
export function registerReaderQueryGuard(strapi: Core.Strapi): void {
  const getModel = modelsOf(strapi);
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    const request = strapi.requestContext.get() as any;
    if (!READ_ACTIONS.has(ctx.action) || request?.state?.route?.info?.type !== 'content-api') return next();
    if (!mayReadDrafts(request.state.auth)) {
      const params = (ctx.params ??= {});
      if (requestsUnpublished(params)) throw new errors.PolicyError(DRAFTS_FORBIDDEN_MESSAGE);
      params.status = 'published';
    }
    const result = await next();
    const model = getModel(ctx.uid);
    return model ? redactPrivate(result, model, getModel) : result;
  });
}
