/**
 * Writes shared-types/src/generated.ts from the Strapi schema files in cms/.
 *   node shared-types/scripts/generate.ts [--check]
 * --check exits non-zero when the file is stale instead of writing it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSource, type ModelSchema, type SchemaSet } from './schema-to-ts.ts';

export { generateSource };

const here = path.dirname(fileURLToPath(import.meta.url));
export const CMS_SRC = path.resolve(here, '..', '..', 'cms', 'src');
export const GENERATED_FILE = path.resolve(here, '..', 'src', 'generated.ts');

export function readSchemas(cmsSrc = CMS_SRC): SchemaSet {
  const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as ModelSchema;
  const contentTypes: SchemaSet['contentTypes'] = {};
  for (const api of fs.readdirSync(path.join(cmsSrc, 'api'))) {
    // Only content types with content-API routes are read by the site; internal ones (newsletter subscribers,
    // deliveries, …) have none and stay out of the shared types.
    if (!fs.existsSync(path.join(cmsSrc, 'api', api, 'routes'))) continue;
    const dir = path.join(cmsSrc, 'api', api, 'content-types');
    for (const ct of fs.readdirSync(dir)) contentTypes[ct] = read(path.join(dir, ct, 'schema.json'));
  }
  const components: SchemaSet['components'] = {};
  for (const category of fs.readdirSync(path.join(cmsSrc, 'components'))) {
    for (const file of fs.readdirSync(path.join(cmsSrc, 'components', category))) {
      components[`${category}.${file.replace(/\.json$/, '')}`] = read(path.join(cmsSrc, 'components', category, file));
    }
  }
  return { contentTypes, components };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = generateSource(readSchemas());
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(GENERATED_FILE) ? fs.readFileSync(GENERATED_FILE, 'utf8') : '';
    if (current !== source) {
      console.error('shared-types/src/generated.ts is stale: run `pnpm generate:types`.');
      process.exit(1);
    }
  } else {
    fs.writeFileSync(GENERATED_FILE, source);
    console.log(`wrote ${path.relative(process.cwd(), GENERATED_FILE)}`);
  }
}
