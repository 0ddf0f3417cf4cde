/**
 * `pnpm start`: runs Interkommunales.NRW on its embedded default – Strapi on SQLite with the demo content
 * (seeded on first start), the publisher with a first build of the static site, the editors' preview, and a
 * local web server for the site. Ctrl-C stops everything. All local state lives in `.var/` (or IKZ_DATA_DIR).
 * Every publish in Strapi reaches the publisher by webhook, which puts the change live in a new release.
 * The variables it reads are listed in @ikz/shared-types/env and the README.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readEnv } from '@ikz/shared-types/env';
import { referenceDataProblem } from '@ikz/shared-types/reference-data';
import { createStrapiClient } from '@ikz/shared-types/rest';
import { serveStatic, type StaticServer } from './lib/static-server.ts';
import { createPreviewServer } from './preview/server.ts';
import { createPublisher, type Publisher } from './publisher/service.ts';
import { currentDir, currentRelease } from './publisher/releases.ts';
import { buildCmsIfNeeded, startStrapi, type StrapiServer } from './lib/strapi-process.ts';
import { ensureStateDir, loadOrCreateSecrets, localState, readSeedState, shouldSeed, siteRoot, writeSeedState, type LocalState } from './lib/local-state.ts';
import { defaultReferenceDate, DEFAULT_SEED, runSeed } from './seed.ts';

const log = (line: string) => console.log(`[start] ${line}`);

const config = (() => {
  try {
    return readEnv(['PORT', 'SITE_PORT', 'PUBLISHER_PORT', 'PREVIEW_PORT', 'SITE_URL', 'IKZ_SEED', 'IKZ_SEED_SCALE', 'IKZ_ADMIN_EMAIL', 'IKZ_ADMIN_PASSWORD', 'IKZ_KEEP_RELEASES', 'IKZ_FULL_BUILD_AT', 'IKZ_STRICT_CONTENT', 'IKZ_REFERENCE_DATA', 'IKZ_SITE_ROOT', 'PUBLIC_URL', 'DATABASE_CLIENT']);
  } catch (error) {
    console.error(`[start] ${(error as Error).message}`);
    process.exit(1);
  }
})();
// Before anything is started or changed: Strapi and the site builder both need the reference data.
const referenceProblem = referenceDataProblem();
if (referenceProblem) {
  console.error(`[start] ${referenceProblem}`);
  process.exit(1);
}
const localhost = (url: string) => url.replace('127.0.0.1', 'localhost');

/** What Strapi is started with: the generated secrets, the local paths, and what the user configured. */
function strapiEnv(state: LocalState, secrets: Record<string, string>, publisherUrl: string, previewUrl: string): Record<string, string> {
  return {
    ...secrets,
    PUBLISHER_WEBHOOK_URL: `${publisherUrl}/webhook`,
    PUBLISHER_STATUS_URL: `${publisherUrl}/status`,
    IKZ_STATUS_PAGE_URL: `${localhost(publisherUrl)}/`,
    PREVIEW_URL: localhost(previewUrl),
    SITE_URL: config.SITE_URL,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    DATABASE_FILENAME: state.databaseFile,
    STRAPI_PUBLIC_DIR: state.publicDir,
    BUILD_TOKEN_FILE: `${state.dir}/build-token`,
    ...(config.IKZ_REFERENCE_DATA ? { IKZ_REFERENCE_DATA: config.IKZ_REFERENCE_DATA } : {}),
    // Strapi listens on localhost only: the first administrator may register in the admin panel.
    ...(config.IKZ_ADMIN_EMAIL ? {} : { IKZ_ADMIN_REGISTRATION: 'open' }),
    ...Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && /^(DATABASE_|IKZ_ADMIN_|PUBLIC_URL$)/.test(e[0]))),
  };
}

async function seedIfNeeded(state: LocalState, strapiUrl: string, seedToken: string): Promise<void> {
  const client = createStrapiClient({ baseUrl: strapiUrl, token: seedToken });
  const projects = await client.findPage('projects', 1, { status: 'draft', fields: ['slug'] });
  const seedState = readSeedState(state);
  if (!shouldSeed(seedState, projects.meta.pagination.total, !config.IKZ_SEED)) return;
  const scale = config.IKZ_SEED_SCALE ?? seedState?.scale ?? 1;
  log(`filling Strapi with demo content (scale ${scale}) …`);
  writeSeedState(state, { status: 'started', scale, at: new Date().toISOString() });
  const result = await runSeed({ url: strapiUrl, token: seedToken, scale, seed: DEFAULT_SEED, referenceDate: defaultReferenceDate(), concurrency: 4 });
  writeSeedState(state, { status: 'complete', scale, at: new Date().toISOString() });
  log(`demo content ready in ${result.seconds.toFixed(0)} s (${Object.entries(result.created).map(([k, v]) => `${v} ${k}`).join(', ')})`);
}

/** The first build on a fresh installation; afterwards, catch up with what changed while stopped. */
async function bringSiteUpToDate(publisher: Publisher): Promise<void> {
  if (!currentRelease(publisher.releases)) {
    log('building the static site …');
    await publisher.build();
    publisher.queue.discardPending();
  } else {
    publisher.queue.notify('start: content may have changed while stopped');
  }
  publisher.queue.resume();
  const last = publisher.status().lastBuild;
  if (last) log(`site built: ${last.pages?.total ?? 0} pages in ${last.seconds?.toFixed(1)} s`);
}

function printAddresses(urls: { site: string; publisher: string; preview: string; strapi: string }, secretsFile: string): void {
  const hasAdmin = Boolean(config.IKZ_ADMIN_EMAIL && config.IKZ_ADMIN_PASSWORD);
  console.log(`
  Interkommunales.NRW läuft.

  Website:                   ${localhost(urls.site)}/
  Veröffentlichungsstatus:   ${localhost(urls.publisher)}/ (JSON: /status)
  Redaktion (Strapi-Admin):  ${localhost(urls.strapi)}/admin
    ${hasAdmin ? `Anmeldung mit ${config.IKZ_ADMIN_EMAIL} und dem Passwort aus IKZ_ADMIN_PASSWORD.` : 'Beim ersten Start legen Sie dort das erste Administratorkonto an.'}
  Vorschau für die Redaktion: ${localhost(urls.preview)}/vorschau (über „Vorschau“ im Admin)
  REST-API (nur veröffentlichte Inhalte):  ${urls.strapi}/api/projects
  Lese-Token für den Website-Build:  STRAPI_BUILD_TOKEN in ${secretsFile}

  Beenden mit Strg+C.
`);
}

async function main(): Promise<void> {
  const state = localState();
  ensureStateDir(state);
  const secrets = loadOrCreateSecrets(state);
  fs.mkdirSync(`${state.publicDir}/uploads`, { recursive: true });
  buildCmsIfNeeded(log);

  const strapiUrl = `http://127.0.0.1:${config.PORT}`;
  const publisher = createPublisher({
    strapiUrl,
    token: secrets.STRAPI_BUILD_TOKEN!,
    secret: secrets.PUBLISHER_WEBHOOK_SECRET!,
    root: siteRoot(state),
    siteUrl: config.SITE_URL,
    keep: config.IKZ_KEEP_RELEASES,
    fullBuildAt: config.IKZ_FULL_BUILD_AT,
    strict: config.IKZ_STRICT_CONTENT,
  });
  publisher.queue.pause();
  const publisherServer = await publisher.listen(config.PUBLISHER_PORT);
  const adminOrigins = [`http://localhost:${config.PORT}`, `http://127.0.0.1:${config.PORT}`, ...(config.PUBLIC_URL ? [new URL(config.PUBLIC_URL).origin] : [])];
  const preview = createPreviewServer({ builder: publisher.builder, strapiUrl, previewToken: secrets.STRAPI_PREVIEW_TOKEN!, secret: secrets.PREVIEW_SECRET!, adminOrigins, siteUrl: config.SITE_URL });
  const previewServer = await preview.listen(config.PREVIEW_PORT);

  let server: StrapiServer | null = null;
  let web: StaticServer | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping …`);
    await web?.close();
    await previewServer.close();
    await publisherServer.close();
    await publisher.close();
    await server?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  log(`starting Strapi on port ${config.PORT} (${config.DATABASE_CLIENT === 'postgres' ? 'PostgreSQL' : `SQLite in ${state.databaseFile}`}) …`);
  server = await startStrapi({ env: strapiEnv(state, secrets, publisherServer.url, previewServer.url), port: config.PORT, readyTimeoutMs: 180_000 });
  server.child.on('exit', (code) => {
    if (!stopping) {
      console.error(`[start] Strapi exited unexpectedly (${code}); see its output above.`);
      process.exit(1);
    }
  });
  await seedIfNeeded(state, server.url, secrets.STRAPI_SEED_TOKEN!);
  await bringSiteUpToDate(publisher);
  web = await serveStatic(() => currentDir(publisher.releases), config.SITE_PORT, '127.0.0.1');
  printAddresses({ site: web.url, publisher: publisherServer.url, preview: previewServer.url, strapi: server.url }, state.secretsFile);
}

main().catch((error: unknown) => {
  console.error(`[start] failed: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && error.cause) console.error(error.cause);
  process.exit(1);
});
