import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SINGLE_LINE_TEXT_REGEX } from '@ikz/cms/lib/validation';

/**
 * Strapi stores a `string` attribute as varchar(255) on PostgreSQL (SQLite does not care): a longer value passes
 * Strapi's own maxLength check and then fails in the database with a 500. A longer single-line field is `text`
 * with the single-line pattern (refused line breaks, like a string).
 */
const root = path.resolve(import.meta.dirname, '..', '..', 'cms', 'src');
function schemas(): [string, { attributes: Record<string, { type: string; maxLength?: number; regex?: string }> }][] {
  const found: [string, { attributes: Record<string, { type: string; maxLength?: number; regex?: string }> }][] = [];
  for (const api of fs.readdirSync(path.join(root, 'api'))) {
    for (const ct of fs.readdirSync(path.join(root, 'api', api, 'content-types')))
      found.push([
        ct,
        JSON.parse(fs.readFileSync(path.join(root, 'api', api, 'content-types', ct, 'schema.json'), 'utf8')),
      ]);
  }
  for (const category of fs.readdirSync(path.join(root, 'components'))) {
    for (const file of fs.readdirSync(path.join(root, 'components', category)))
      found.push([
        `${category}.${file.replace(/\.json$/, '')}`,
        JSON.parse(fs.readFileSync(path.join(root, 'components', category, file), 'utf8')),
      ]);
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
    expect(overlong).toEqual([]);
  });

  it('the long single-line fields are text with the single-line pattern', () => {
    const attributes = new Map<string, { type: string; regex?: string }>(
      schemas().flatMap(([name, schema]) =>
        Object.entries(schema.attributes).map(([attribute, a]) => [`${name}.${attribute}`, a] as const),
      ),
    );
    for (const name of [
      'document.externalUrl',
      'document.keywords',
      'project.keywords',
      'project.imageAlt',
      'shared.link.url',
      'event.registration.url',
      'event.online-access.url',
      'document.court-decision.sourceUrl',
    ]) {
      expect(attributes.get(name), name).toMatchObject({ type: 'text', regex: SINGLE_LINE_TEXT_REGEX });
    }
  });
});
