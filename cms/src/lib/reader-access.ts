/**
 * What readers (anonymous callers and read-only tokens) may ask the content API, and what they get back.
 * Pure and schema-driven, so it can be unit-tested and so that a new private field is covered by marking it
 * in its schema.json:
 *
 *   "email": { "type": "email", "pluginOptions": { "ikz": { "visibility": "consent" } } }
 *
 * - visibility "consent": the value is public only in component rows whose `consent` is true; rows without
 *   consent are removed from every response. The field cannot be used in filters, sort or search.
 * - visibility "private": never returned, never usable in filters, sort or search.
 *
 * A request that uses a private field in `filters`, `sort` (also inside `populate`) or `_q` is refused with
 * 400 and a German message – it is never answered with counts that depend on private values.
 */

export type Visibility = 'consent' | 'private';

export interface ModelAttribute {
  type: string;
  target?: string;
  component?: string;
  components?: string[];
  searchable?: boolean;
  pluginOptions?: { ikz?: { visibility?: Visibility } } & Record<string, unknown>;
}

export interface Model {
  uid: string;
  attributes: Record<string, ModelAttribute>;
}

export type GetModel = (uid: string) => Model | undefined;

export const CONSENT_FIELD = 'consent';
const MEDIA_UID = 'plugin::upload.file';
const STRING_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration', 'password', 'blocks']);

export const visibilityOf = (attribute: ModelAttribute | undefined): Visibility | null =>
  attribute?.pluginOptions?.ikz?.visibility ?? null;

/** Every private field of the given models, as "uid.attribute" → visibility (for documentation and tests). */
export function privateFields(models: Iterable<Model>): Map<string, Visibility> {
  const fields = new Map<string, Visibility>();
  for (const model of models) {
    for (const [name, attribute] of Object.entries(model.attributes)) {
      const visibility = visibilityOf(attribute);
      if (visibility) fields.set(`${model.uid}.${name}`, visibility);
    }
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------------------
// Drafts

export const DRAFTS_FORBIDDEN_MESSAGE =
  'Entwürfe und unveröffentlichte Änderungen sind über die öffentliche Schnittstelle nicht abrufbar.';

/**
 * True when a request asks for anything but the published version: Strapi 5 `status` (any value but the
 * plain string "published", arrays included), `publicationFilter` and `hasPublishedVersion` (which reveal
 * pending edits), and Strapi 4's `publicationState`.
 */
export function requestsUnpublished(query: Record<string, unknown> | undefined): boolean {
  if (!query) return false;
  if ('publicationFilter' in query || 'hasPublishedVersion' in query) return true;
  if ('status' in query && query.status !== 'published') return true;
  return 'publicationState' in query && query.publicationState !== 'live';
}

// ---------------------------------------------------------------------------------------------------------
// Private fields in filters, sort, populate and search

export const privateFieldMessage = (path: string) =>
  `Das Feld „${path}“ ist nicht öffentlich und kann nicht zum Filtern, Sortieren oder Suchen verwendet werden.`;

const LOGICAL = new Set(['$and', '$or', '$not']);

/** qs turns long arrays into objects with numeric keys: accept both. */
const items = (value: unknown): unknown[] => {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') return Object.values(value);
  return [value];
};

/** The attribute of `model` that a query key names; matched without regard to case, so no spelling slips by. */
function attributeFor(model: Model, key: string): [string, ModelAttribute] | null {
  if (Object.hasOwn(model.attributes, key)) return [key, model.attributes[key]!];
  const lower = key.toLowerCase();
  const found = Object.entries(model.attributes).find(([name]) => name.toLowerCase() === lower);
  return found ?? null;
}

/** The model an attribute leads to (relation target, component, media), if any. */
function nestedModels(attribute: ModelAttribute, getModel: GetModel): Model[] {
  const uids =
    attribute.type === 'relation'
      ? [attribute.target]
      : attribute.type === 'component'
        ? [attribute.component]
        : attribute.type === 'dynamiczone'
          ? (attribute.components ?? [])
          : attribute.type === 'media'
            ? [MEDIA_UID]
            : [];
  return uids.flatMap((uid) => {
    const model = uid ? getModel(uid) : undefined;
    return model ? [model] : [];
  });
}

function filterPath(filters: unknown, model: Model, getModel: GetModel, prefix: string): string | null {
  if (!filters || typeof filters !== 'object') return null;
  for (const value of Array.isArray(filters) ? filters : [filters]) {
    if (!value || typeof value !== 'object') continue;
    for (const [key, inner] of Object.entries(value)) {
      if (key.startsWith('$')) {
        if (!LOGICAL.has(key)) continue;
        // `$not` takes a filter, `$and`/`$or` a list (or qs's object with numeric keys): check both readings.
        for (const item of [inner, ...items(inner)]) {
          const found = filterPath(item, model, getModel, prefix);
          if (found) return found;
        }
        continue;
      }
      const match = attributeFor(model, key);
      if (!match) continue;
      const [name, attribute] = match;
      const path = `${prefix}${name}`;
      if (visibilityOf(attribute)) return path;
      for (const nested of nestedModels(attribute, getModel)) {
        const found = filterPath(inner, nested, getModel, `${path}.`);
        if (found) return found;
      }
    }
  }
  return null;
}

function sortPath(sort: unknown, model: Model, getModel: GetModel, prefix: string): string | null {
  if (sort === null || sort === undefined) return null;
  if (typeof sort === 'string') {
    for (const part of sort.split(',')) {
      const segments = part.trim().split(':')[0]!.split('.');
      let current: Model | undefined = model;
      let path = prefix;
      for (const segment of segments) {
        if (!current) break;
        const match = attributeFor(current, segment.trim());
        if (!match) break;
        path += match[0];
        if (visibilityOf(match[1])) return path;
        current = nestedModels(match[1], getModel)[0];
        path += '.';
      }
    }
    return null;
  }
  if (typeof sort !== 'object') return null;
  if (Array.isArray(sort) || Object.keys(sort).every((k) => /^\d+$/.test(k))) {
    for (const item of items(sort)) {
      const found = sortPath(item, model, getModel, prefix);
      if (found) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(sort)) {
    const match = attributeFor(model, key);
    if (!match) continue;
    const path = `${prefix}${match[0]}`;
    if (visibilityOf(match[1])) return path;
    if (inner && typeof inner === 'object') {
      for (const nested of nestedModels(match[1], getModel)) {
        const found = sortPath(inner, nested, getModel, `${path}.`);
        if (found) return found;
      }
    }
  }
  return null;
}

function populatePath(populate: unknown, model: Model, getModel: GetModel, prefix: string): string | null {
  if (!populate || typeof populate !== 'object') return null;
  for (const [key, value] of Object.entries(populate)) {
    const match = attributeFor(model, key);
    if (!match || !value || typeof value !== 'object') continue;
    const path = `${prefix}${match[0]}`;
    const options = value as Record<string, unknown>;
    for (const nested of nestedModels(match[1], getModel)) {
      const found =
        filterPath(options.filters, nested, getModel, `${path}.`) ??
        sortPath(options.sort, nested, getModel, `${path}.`) ??
        populatePath(options.populate, nested, getModel, `${path}.`);
      if (found) return found;
    }
    if (options.on && typeof options.on === 'object') {
      for (const [componentUid, componentOptions] of Object.entries(options.on)) {
        const component = getModel(componentUid);
        if (!component || !componentOptions || typeof componentOptions !== 'object') continue;
        const inner = componentOptions as Record<string, unknown>;
        const found =
          filterPath(inner.filters, component, getModel, `${path}.`) ??
          sortPath(inner.sort, component, getModel, `${path}.`) ??
          populatePath(inner.populate, component, getModel, `${path}.`);
        if (found) return found;
      }
    }
  }
  return null;
}

/** Private string fields of the model itself: Strapi's `_q` searches the model's own string columns. */
function searchablePrivateField(model: Model): string | null {
  const found = Object.entries(model.attributes).find(
    ([, a]) => visibilityOf(a) && STRING_TYPES.has(a.type) && a.searchable !== false,
  );
  return found ? found[0] : null;
}

/**
 * The first private field a query would use to select or order entries (filters, sort, populate with
 * filters or sort, `_q`), or null when the query is fine for readers.
 */
export function privateFieldInQuery(
  query: Record<string, unknown> | undefined,
  model: Model,
  getModel: GetModel,
): string | null {
  if (!query) return null;
  if (query._q !== undefined && query._q !== '') {
    const searchable = searchablePrivateField(model);
    if (searchable) return searchable;
  }
  return (
    filterPath(query.filters, model, getModel, '') ??
    sortPath(query.sort, model, getModel, '') ??
    populatePath(query.populate, model, getModel, '')
  );
}

// ---------------------------------------------------------------------------------------------------------
// Responses

/**
 * Removes what readers must not see from entries of `model`, however deeply they were populated: component
 * rows with consent-bound fields but without `consent === true` (a row whose consent was not selected counts
 * as not consenting), and every field marked private. Mutates and returns `data`.
 */
export function redactPrivate<T>(data: T, model: Model, getModel: GetModel): T {
  const seen = new WeakSet<object>();
  const visit = (node: unknown, current: Model): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) visit(item, current);
      return;
    }
    const record = node as Record<string, unknown>;
    for (const [name, attribute] of Object.entries(current.attributes)) {
      if (!Object.hasOwn(record, name)) continue;
      if (visibilityOf(attribute) === 'private') {
        delete record[name];
        continue;
      }
      for (const nested of nestedModels(attribute, getModel)) {
        const value = record[name];
        if (attribute.type === 'component' && needsConsent(nested)) {
          if (Array.isArray(value)) record[name] = value.filter(hasConsent);
          else if (value && !hasConsent(value)) record[name] = null;
        }
        visit(record[name], nested);
      }
    }
  };
  visit(data, model);
  return data;
}

const needsConsent = (model: Model) => Object.values(model.attributes).some((a) => visibilityOf(a) === 'consent');
const hasConsent = (row: unknown) =>
  Boolean(row && typeof row === 'object' && (row as Record<string, unknown>)[CONSENT_FIELD] === true);
