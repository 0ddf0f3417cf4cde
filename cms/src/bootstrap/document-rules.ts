import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { typeOfUid } from '@ikz/shared-types';
import { routes } from '@ikz/shared-types/routes';
import { slugify, uniqueSlug } from '@ikz/shared-types/slug';
import { fieldLabel, translateErrors, type DetailError } from '../lib/messages.ts';
import {
  controlCharacterProblems,
  isValidatedUid,
  summarize,
  validateEntry,
  VALIDATION_POPULATE,
  type Attributes,
  type Problem,
  type ValidatedUid,
} from '../lib/validation.ts';

const SLUG_SOURCE: Record<ValidatedUid, string> = {
  'api::project.project': 'title',
  'api::document.document': 'title',
  'api::newsletter.newsletter': 'title',
  'api::event.event': 'title',
  'api::topic.topic': 'name',
  'api::partner-search.partner-search': 'title',
};

async function prepareSlug(strapi: Core.Strapi, uid: ValidatedUid, action: string, params: any): Promise<void> {
  const data = params?.data;
  if (!data || typeof data !== 'object') return;
  const given = typeof data.slug === 'string' ? data.slug.trim() : '';
  const source = data[SLUG_SOURCE[uid]];
  let base: string;
  if (given) base = slugify(given);
  else if (action === 'create' && typeof source === 'string') base = slugify(source);
  else return;
  const documentId = params.documentId as string | undefined;
  const type = typeOfUid(uid);
  const reserved = new Set(type ? routes.reservedSlugs(type) : []);
  data.slug = await uniqueSlug(base, async (candidate) => {
    if (reserved.has(candidate)) return true;
    const other = await strapi.db.query(uid).findOne({
      select: ['id'],
      where: { slug: candidate, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
    });
    return Boolean(other);
  });
}

/** Strapi's own validation errors (required, min/max, e-mail, enum, regex) in German, with the field labels. */
function germanValidationError(uid: string, error: unknown): unknown {
  if (!(error instanceof errors.ValidationError)) return error;
  const details = (error.details ?? {}) as { errors?: DetailError[] };
  const list = details.errors?.length ? details.errors : [{ path: [], message: error.message }];
  const translated = translateErrors(uid, list);
  return new errors.ValidationError(translated.message, { ...details, errors: translated.errors });
}

function validationError(problems: Problem[]): errors.ValidationError {
  return new errors.ValidationError(summarize(problems), {
    errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError', value: null })),
  });
}

/** Refuses control characters in the text fields a create or update sends, for every content type of ours. */
function checkControlCharacters(strapi: Core.Strapi, uid: string, data: unknown): void {
  const model = strapi.getModel(uid as any) as { attributes?: Attributes } | undefined;
  if (!model?.attributes) return;
  const component = (componentUid: string) =>
    (strapi.components as unknown as Record<string, { attributes?: Attributes }>)[componentUid]?.attributes;
  const problems = controlCharacterProblems(model.attributes, data, component, (path) => fieldLabel(uid, path));
  if (problems.length > 0) throw validationError(problems);
}

function resultDocumentId(result: any, params: any): string | undefined {
  return result?.documentId ?? result?.entries?.[0]?.documentId ?? params?.documentId;
}

/**
 * Document-service middleware: derives ASCII slugs, then runs the save and our validation rules in one
 * transaction, so a rejected save leaves nothing behind. Applies to the admin panel and the REST API alike.
 */
export function registerDocumentRules(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    if (typeof ctx.uid === 'string' && ctx.uid.startsWith('api::') && ['create', 'update'].includes(ctx.action)) {
      checkControlCharacters(strapi, ctx.uid, ctx.params?.data);
    }
    if (!isValidatedUid(ctx.uid) || !['create', 'update', 'publish'].includes(ctx.action)) return next();
    const uid = ctx.uid as ValidatedUid;
    if (ctx.action !== 'publish') await prepareSlug(strapi, uid, ctx.action, ctx.params);

    return strapi.db.transaction(async () => {
      const result = await next().catch((error: unknown) => {
        throw germanValidationError(uid, error);
      });
      const documentId = resultDocumentId(result, ctx.params);
      if (!documentId) return result;
      const entry = await strapi.db.query(uid).findOne({
        where: { documentId, publishedAt: null },
        populate: VALIDATION_POPULATE[uid],
      });
      if (!entry) return result;
      const publishing = ctx.action === 'publish' || ctx.params?.status === 'published';
      const problems = validateEntry(uid, entry, { publishing, now: new Date() });
      if (problems.length > 0) throw validationError(problems);
      return result;
    });
  });
}
