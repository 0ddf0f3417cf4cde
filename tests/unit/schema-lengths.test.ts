import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Strapi stores a `string` attribute as varchar(255) on PostgreSQL (SQLite does not care): a longer value passes
 * Strapi's own maxLength check and then fails in the database with a 500. New attributes must stay within 255 or
 * be `text`. The ones listed here are older, allow up to 1,000 characters, and are known to fail on PostgreSQL
 * above 255 (left for a migration to `text` with a single-line rule of their own).
 */
const KNOWN_OVERLONG = new Set([
  'document.externalUrl',
  'document.keywords',
  'project.keywords',
  'project.imageAlt',
  'shared.link.url',
  'event.registration.url',
  'event.online-access.url',
  'document.court-decision.sourceUrl',
]);

const root = path.resolve(import.meta.dirname, '..', '..', 'cms', 'src');
function schemas(): [string, { attributes: Record<string, { type: string; maxLength?: number }> }][] {
  const found: [string, { attributes: Record<string, { type: string; maxLength?: number }> }][] = [];
  for (const api of fs.readdirSync(path.join(root, 'api'))) {
    for (const ct of fs.readdirSync(path.join(root, 'api', api, 'content-types'))) found.push([ct, JSON.parse(fs.readFileSync(path.join(root, 'api', api, 'content-types', ct, 'schema.json'), 'utf8'))]);
  }
  for (const category of fs.readdirSync(path.join(root, 'components'))) {
    for (const file of fs.readdirSync(path.join(root, 'components', category))) found.push([`${category}.${file.replace(/\.json$/, '')}`, JSON.parse(fs.readFileSync(path.join(root, 'components', category, file), 'utf8'))]);
  }
  return found;
}

describe('string attributes', () => {
  it('fit into PostgreSQL varchar(255), but for the known older ones', () => {
    const overlong = schemas().flatMap(([name, schema]) =>
      Object.entries(schema.attributes)
        .filter(([, a]) => ['string', 'email', 'uid'].includes(a.type) && (a.maxLength ?? 255) > 255)
        .map(([attribute]) => `${name}.${attribute}`),
    );
    expect(overlong.filter((a) => !KNOWN_OVERLONG.has(a))).toEqual([]);
    expect(overlong.sort()).toEqual([...KNOWN_OVERLONG].sort());
  });
});
