import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { readEnv } from '@ikz/shared-types/env';
import { PREVIEW_TOKEN_NAME } from '../reader/access';
import { PUBLIC_READABLE } from './public-permissions';

export const BUILD_TOKEN_NAME = 'Website-Build (nur lesen)';
export const SEED_TOKEN_NAME = 'Demo-Inhalte (Seed)';
export { PREVIEW_TOKEN_NAME };
const PREVIEW_PERMISSIONS = PUBLIC_READABLE.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);
const BUILD_TOKEN_DESCRIPTION = 'Liest veröffentlichte Inhalte für den Bau der Website.';

/**
 * Ensures the read-only API token for the site build.
 * - STRAPI_BUILD_TOKEN set: a token with exactly that key exists (created or re-keyed).
 * - otherwise: created once, and its key written to BUILD_TOKEN_FILE (mode 0600) – never to the log.
 */
export async function ensureBuildToken(strapi: Core.Strapi): Promise<void> {
  const { STRAPI_BUILD_TOKEN: fromEnv, BUILD_TOKEN_FILE } = readEnv(['STRAPI_BUILD_TOKEN', 'BUILD_TOKEN_FILE']);
  const tokenFile = path.resolve(process.cwd(), BUILD_TOKEN_FILE ?? '.tmp/build-token');
  const service = strapi.service('admin::api-token-content-api') as any;
  if (fromEnv) {
    await ensureTokenWithKey(strapi, BUILD_TOKEN_NAME, 'read-only', BUILD_TOKEN_DESCRIPTION, fromEnv);
    return;
  }
  const existing = await strapi.db.query('admin::api-token').findOne({ where: { name: BUILD_TOKEN_NAME } });
  if (existing && existing.type !== 'read-only') {
    await strapi.db.query('admin::api-token').update({ where: { id: existing.id }, data: { type: 'read-only' } });
  }
  if (existing && fs.existsSync(tokenFile)) return;
  const token = existing
    ? await service.regenerate(existing.id)
    : await service.create({
        name: BUILD_TOKEN_NAME,
        description: BUILD_TOKEN_DESCRIPTION,
        type: 'read-only',
        lifespan: null,
      });
  fs.mkdirSync(path.dirname(tokenFile), { recursive: true });
  fs.writeFileSync(tokenFile, `${token.accessKey}\n`, { mode: 0o600 });
  strapi.log.info(`[ikz] read-only build token ${existing ? 're-issued' : 'created'}; its key is in ${tokenFile}`);
}

/**
 * A full-access token for the demo-content seed, only while STRAPI_SEED_TOKEN is set; removed otherwise,
 * so that production (which sets no seed token) keeps no write token around.
 */
export async function ensureSeedToken(strapi: Core.Strapi): Promise<void> {
  const fromEnv = readEnv(['STRAPI_SEED_TOKEN']).STRAPI_SEED_TOKEN;
  if (fromEnv) {
    await ensureTokenWithKey(
      strapi,
      SEED_TOKEN_NAME,
      'full-access',
      'Schreibt die Demo-Inhalte (nur lokal und in Tests).',
      fromEnv,
    );
    return;
  }
  const existing = await strapi.db.query('admin::api-token').findOne({ where: { name: SEED_TOKEN_NAME } });
  if (existing) await strapi.db.query('admin::api-token').delete({ where: { id: existing.id } });
}

/**
 * The token of the editors' preview: reads published entries and drafts (see reader/access.ts), of the
 * content types only, and nothing else – only while STRAPI_PREVIEW_TOKEN is set; removed otherwise.
 */
export async function ensurePreviewToken(strapi: Core.Strapi): Promise<void> {
  const fromEnv = readEnv(['STRAPI_PREVIEW_TOKEN']).STRAPI_PREVIEW_TOKEN;
  if (fromEnv) {
    await ensureTokenWithKey(
      strapi,
      PREVIEW_TOKEN_NAME,
      'custom',
      'Liest Entwürfe für die Vorschau der Redaktion.',
      fromEnv,
      PREVIEW_PERMISSIONS,
    );
    return;
  }
  const existing = await strapi.db.query('admin::api-token').findOne({ where: { name: PREVIEW_TOKEN_NAME } });
  if (existing) await strapi.db.query('admin::api-token').delete({ where: { id: existing.id } });
}

type TokenType = 'read-only' | 'full-access' | 'custom';

async function ensureTokenWithKey(
  strapi: Core.Strapi,
  name: string,
  type: TokenType,
  description: string,
  key: string,
  permissions?: readonly string[],
): Promise<void> {
  if (key.length < 32) throw new Error(`The key for the API token "${name}" must be at least 32 characters long.`);
  const service = strapi.service('admin::api-token-content-api') as any;
  const encryption = strapi.service('admin::encryption') as any;
  const hashed = service.hash(key);
  const found = await strapi.db.query('admin::api-token').findOne({ where: { name } });
  const existing = found ? await service.getById(found.id) : null;
  const keyFields = { accessKey: hashed, encryptedKey: encryption.encrypt(key), type };
  const samePermissions =
    !permissions ||
    JSON.stringify([...(existing?.permissions ?? [])].sort()) === JSON.stringify([...permissions].sort());
  if (existing?.accessKey === hashed && existing.type === type && samePermissions) return;
  if (existing) {
    if (!samePermissions) await service.update(existing.id, { type, permissions });
    await strapi.db.query('admin::api-token').update({ where: { id: existing.id }, data: keyFields });
  } else {
    const created = await service.create({
      name,
      description,
      type,
      lifespan: null,
      ...(permissions ? { permissions } : {}),
    });
    await strapi.db.query('admin::api-token').update({ where: { id: created.id }, data: keyFields });
  }
  strapi.log.info(`[ikz] API token "${name}" (${type}) set from the environment`);
}
