/**
 * Derives TypeScript types and Zod schemas for Strapi's REST responses from the schema.json files of
 * cms/. Pure: takes the parsed schemas, returns the source text of src/generated.ts.
 */
export interface Attribute {
  type: string;
  required?: boolean;
  enum?: string[];
  multiple?: boolean;
  repeatable?: boolean;
  component?: string;
  relation?: string;
  target?: string;
  regex?: string;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
}

export interface ModelSchema {
  info: { singularName?: string; pluralName?: string; displayName: string; description?: string };
  options?: { draftAndPublish?: boolean };
  attributes: Record<string, Attribute>;
}

export interface SchemaSet {
  contentTypes: Record<string, ModelSchema>; // key: singular name, e.g. "project"
  components: Record<string, ModelSchema>; // key: "category.name"
}

const pascal = (s: string) => s.replace(/(^|[-_.\s])(\w)/g, (_, __, c: string) => c.toUpperCase());
export const typeNameOfComponent = (uid: string) => pascal(uid);
export const typeNameOfContentType = (singular: string) => pascal(singular);
/** An object key for a content type's name ("partner-search" needs quotes). */
const objectKey = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

function targetName(target: string): string {
  const match = /^api::([\w-]+)\.([\w-]+)$/.exec(target);
  if (match) return typeNameOfContentType(match[2]!);
  if (target === 'plugin::upload.file') return 'Media';
  throw new Error(`Unsupported relation target ${target}`);
}

const isToMany = (relation: string) => /ToMany$/.test(relation);

interface Emitted {
  ts: string;
  zod: string;
  optional: boolean;
}

function emitAttribute(name: string, attr: Attribute, model: string): Emitted {
  const nullable = (ts: string, zod: string, optional = false): Emitted =>
    attr.required ? { ts, zod, optional } : { ts: `${ts} | null`, zod: `${zod}.nullable()`, optional };
  switch (attr.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'uid': {
      let zod = 'z.string()';
      if (attr.regex) zod += `.regex(new RegExp(${JSON.stringify(attr.regex)}))`;
      return nullable('string', zod);
    }
    case 'email':
      return nullable('string', 'z.string().email()');
    case 'enumeration': {
      if (!attr.enum?.length) throw new Error(`${model}.${name}: enumeration without values`);
      return nullable(attr.enum.map((v) => JSON.stringify(v)).join(' | '), `z.enum(${JSON.stringify(attr.enum)})`);
    }
    case 'integer':
    case 'biginteger':
      return nullable('number', 'z.number().int()');
    case 'decimal':
    case 'float':
      return nullable('number', 'z.coerce.number()');
    case 'boolean':
      return nullable('boolean', 'z.boolean()');
    case 'date':
      return nullable('string', 'IsoDate');
    case 'datetime':
    case 'timestamp':
      return nullable('string', 'IsoDateTime');
    case 'time':
      return nullable('string', 'z.string()');
    case 'blocks':
      return { ts: 'Blocks | null', zod: 'BlocksSchema.nullable()', optional: false };
    case 'json':
      return { ts: 'unknown', zod: 'z.unknown()', optional: false };
    case 'media':
      return attr.multiple
        ? { ts: 'Media[] | null', zod: 'z.array(MediaSchema).nullable()', optional: true }
        : { ts: 'Media | null', zod: 'MediaSchema.nullable()', optional: true };
    case 'component': {
      const type = typeNameOfComponent(attr.component!);
      return attr.repeatable
        ? { ts: `${type}[]`, zod: `z.array(z.lazy(() => ${type}Schema))`, optional: true }
        : { ts: `${type} | null`, zod: `z.lazy(() => ${type}Schema).nullable()`, optional: true };
    }
    case 'relation': {
      const type = targetName(attr.target!);
      const ref = type === 'Media' ? 'Media' : `${type}Ref`;
      const refSchema = type === 'Media' ? 'MediaSchema' : `z.lazy(() => ${type}RefSchema)`;
      return isToMany(attr.relation!)
        ? { ts: `${ref}[]`, zod: `z.array(${refSchema})`, optional: true }
        : { ts: `${ref} | null`, zod: `${refSchema}.nullable()`, optional: true };
    }
    default:
      throw new Error(`${model}.${name}: unsupported attribute type "${attr.type}"`);
  }
}

function relationsOf(
  schemas: SchemaSet,
  model: ModelSchema,
  prefix: string[] = [],
): { path: string[]; target: string }[] {
  return Object.entries(model.attributes).flatMap(([name, attr]) => {
    const path = [...prefix, name];
    if (attr.type === 'media') return [{ path, target: 'media' }];
    if (attr.type === 'relation') {
      const match = /^api::([\w-]+)\./.exec(attr.target ?? '');
      return match ? [{ path, target: match[1]! }] : [];
    }
    if (attr.type === 'component' && prefix.length === 0)
      return relationsOf(schemas, schemas.components[attr.component!]!, path);
    return [];
  });
}

const HEADER = `// Generated from cms/src/**/schema.json by shared-types/scripts/generate.ts – do not edit by hand.
// Run \`pnpm generate:types\` after changing a schema; a unit test fails while this file is stale.
import { z } from 'zod';
import { BlocksSchema, IsoDate, IsoDateTime, MediaSchema, type Blocks, type Media } from './base.ts';
`;

/** A component's interface and Zod schema. */
function emitComponent(schemas: SchemaSet, uid: string): string[] {
  const out: string[] = [];
  const schema = schemas.components[uid]!;
  const type = typeNameOfComponent(uid);
  const fields = Object.entries(schema.attributes).map(
    ([name, attr]) => [name, emitAttribute(name, attr, uid)] as const,
  );
  out.push(`/** Component ${uid} – ${schema.info.displayName} */`);
  out.push(
    `export interface ${type} {\n  id?: number;\n${fields.map(([n, e]) => `  ${n}${e.optional ? '?' : ''}: ${e.ts};`).join('\n')}\n}`,
  );
  out.push(
    `export const ${type}Schema: z.ZodType<${type}> = z.object({\n  id: z.number().int().optional(),\n${fields
      .map(([n, e]) => `  ${n}: ${e.zod}${e.optional ? '.optional()' : ''},`)
      .join('\n')}\n});\n`,
  );
  return out;
}

/** A content type's interface, its reference type and their Zod schemas. */
function emitContentType(schemas: SchemaSet, name: string): string[] {
  const out: string[] = [];
  const schema = schemas.contentTypes[name]!;
  const type = typeNameOfContentType(name);
  const fields = Object.entries(schema.attributes).map(([n, attr]) => [n, emitAttribute(n, attr, name)] as const);
  const base = ['  id: number;', '  documentId: string;', '  createdAt: string;', '  updatedAt: string;'];
  if (schema.options?.draftAndPublish !== false) base.push('  publishedAt: string | null;');
  const baseZod = [
    '  id: z.number().int(),',
    '  documentId: z.string().min(1),',
    '  createdAt: IsoDateTime,',
    '  updatedAt: IsoDateTime,',
  ];
  if (schema.options?.draftAndPublish !== false) baseZod.push('  publishedAt: IsoDateTime.nullable(),');
  out.push(
    `/** ${schema.info.displayName} (api::${name}.${name}) as the REST API returns it; relations, media and components only when populated. */`,
  );
  out.push(
    `export interface ${type} {\n${base.join('\n')}\n${fields.map(([n, e]) => `  ${n}${e.optional ? '?' : ''}: ${e.ts};`).join('\n')}\n}`,
  );
  out.push(`/** A populated relation to a ${schema.info.displayName}: the selected fields only. */`);
  out.push(`export type ${type}Ref = Partial<${type}> & { documentId: string };`);
  const objectName = `${type}Object`;
  out.push(
    `const ${objectName} = z.object({\n${baseZod.join('\n')}\n${fields
      .map(([n, e]) => `  ${n}: ${e.zod}${e.optional ? '.optional()' : ''},`)
      .join('\n')}\n});`,
  );
  out.push(`export const ${type}Schema: z.ZodType<${type}> = ${objectName};`);
  out.push(
    `export const ${type}RefSchema: z.ZodType<${type}Ref> = ${objectName}.partial().required({ documentId: true });\n`,
  );
  return out;
}

function emitEnums(schemas: SchemaSet): string[] {
  const out: string[] = [];
  out.push('/** Every enumeration, for facets and labels. */');
  out.push('export const ENUMS = {');
  for (const [group, models] of [
    ['contentTypes', schemas.contentTypes],
    ['components', schemas.components],
  ] as const) {
    for (const key of Object.keys(models).sort()) {
      for (const [attrName, attr] of Object.entries(models[key]!.attributes)) {
        if (attr.type === 'enumeration')
          out.push(`  '${group === 'contentTypes' ? key : key}.${attrName}': ${JSON.stringify(attr.enum)} as const,`);
      }
    }
  }
  out.push('} as const;\n');
  return out;
}

/** CONTENT_TYPES, SCHEMAS and RELATIONS. */
function emitTables(schemas: SchemaSet, contentTypeNames: string[]): string[] {
  const out: string[] = [];
  out.push('/** The content types with their REST names. */');
  out.push('export const CONTENT_TYPES = {');
  for (const name of contentTypeNames) {
    const s = schemas.contentTypes[name]!;
    out.push(
      `  ${objectKey(name)}: { uid: 'api::${name}.${name}', singular: '${s.info.singularName}', plural: '${s.info.pluralName}', displayName: ${JSON.stringify(s.info.displayName)}, draftAndPublish: ${s.options?.draftAndPublish !== false} },`,
    );
  }
  out.push('} as const;\n');
  out.push('export type ContentTypeName = keyof typeof CONTENT_TYPES;\n');
  out.push('/** The schema each content type is validated with when it is read. */');
  out.push('export const SCHEMAS = {');
  for (const name of contentTypeNames) out.push(`  ${objectKey(name)}: ${typeNameOfContentType(name)}Schema,`);
  out.push('} as const;\n');
  out.push(
    '/** Every relation of a content type – direct or inside a component – to another content type or to media. */',
  );
  out.push('export const RELATIONS = {');
  for (const name of contentTypeNames) {
    out.push(
      `  ${objectKey(name)}: [${relationsOf(schemas, schemas.contentTypes[name]!)
        .map((r) => `{ path: ${JSON.stringify(r.path)}, target: '${r.target}' }`)
        .join(', ')}],`,
    );
  }
  out.push(
    "} as const satisfies Record<ContentTypeName, readonly { path: readonly string[]; target: ContentTypeName | 'media' }[]>;",
  );
  return out;
}

export function generateSource(schemas: SchemaSet): string {
  const contentTypeNames = Object.keys(schemas.contentTypes).sort();
  const out: string[] = [
    HEADER,
    ...Object.keys(schemas.components)
      .sort()
      .flatMap((uid) => emitComponent(schemas, uid)),
    ...contentTypeNames.flatMap((name) => emitContentType(schemas, name)),
    ...emitEnums(schemas),
    ...emitTables(schemas, contentTypeNames),
  ];
  return `${out.join('\n')}\n`;
}
