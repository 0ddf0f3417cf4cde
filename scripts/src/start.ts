/**
 * `pnpm start`: runs Interkommunales.NRW on its embedded default – Strapi on SQLite with the demo content
 * (seeded on first start), a build of the static site, and a local web server for it. Ctrl-C stops
 * everything. All local state lives in `.var/` (or IKZ_DATA_DIR).
 *
 * Every publish in Strapi reaches the publisher by webhook, which rebuilds the site into a new release and
 * switches it live.
 *
 * Environment: PORT (Strapi, default 1337), SITE_PORT (site, default 4321), PUBLISHER_PORT (default 4320),
 * IKZ_SEED_SCALE (default 1), IKZ_SEED=0 (no demo content),
 * IKZ_ADMIN_EMAIL / IKZ_ADMIN_PASSWORD (first administrator), DATABASE_CLIENT=postgres with DATABASE_URL or
 * DATABASE_HOST/PORT/NAME/USERNAME/PASSWORD (PostgreSQL instead of SQLite).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createStrapiClient } from '@ikz/shared-types/rest';
import { serveStatic, type StaticServer } from './lib/static-server.ts';
import { createPublisher } from './publisher/service.ts';
import { currentDir, currentRelease } from './publisher/releases.ts';
import { buildCmsIfNeeded, DEFAULT_REFERENCE_DATA, startStrapi, type StrapiServer } from './lib/strapi-process.ts';
import { ensureStateDir, loadOrCreateSecrets, localState, readSeedState, shouldSeed, writeSeedState } from './lib/local-state.ts';
import { defaultReferenceDate, DEFAULT_SEED, runSeed } from './seed.ts';

const log = (line: string) => console.log(`[start] ${line}`);

async function main(): Promise<void> {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  if (major < 22 || (major === 22 && minor < 12)) throw new Error(`Node.js ${process.versions.node} is too old: Interkommunales.NRW needs Node.js 24 (see README).`);

  const state = localState();
  ensureStateDir(state);
  const secrets = loadOrCreateSecrets(state);
  fs.mkdirSync(`${state.publicDir}/uploads`, { recursive: true });
  buildCmsIfNeeded(log);

  const port = Number(process.env.PORT ?? 1337);
  const sitePort = Number(process.env.SITE_PORT ?? 4321);
  const publisherPort = Number(process.env.PUBLISHER_PORT ?? 4320);
  const siteUrl = process.env.SITE_URL ?? `http://localhost:${sitePort}`;
  const publisher = createPublisher({
    strapiUrl: `http://127.0.0.1:${port}`,
    token: secrets.STRAPI_BUILD_TOKEN!,
    secret: secrets.PUBLISHER_WEBHOOK_SECRET!,
    root: path.join(state.dir, 'site'),
    siteUrl,
    keep: Number(process.env.IKZ_KEEP_RELEASES ?? 5),
    fullBuildAt: process.env.IKZ_FULL_BUILD_AT ?? '03:30',
    strict: process.env.IKZ_STRICT_CONTENT === '1',
  });
  publisher.queue.pause();
  const publisherServer = await publisher.listen(publisherPort);
  const env: Record<string, string> = {
    ...secrets,
    PUBLISHER_WEBHOOK_URL: `${publisherServer.url}/webhook`,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    DATABASE_FILENAME: state.databaseFile,
    STRAPI_PUBLIC_DIR: state.publicDir,
    BUILD_TOKEN_FILE: `${state.dir}/build-token`,
    IKZ_REFERENCE_DATA: process.env.IKZ_REFERENCE_DATA ?? DEFAULT_REFERENCE_DATA,
    // Strapi listens on localhost only: the first administrator may register in the admin panel.
    ...(process.env.IKZ_ADMIN_EMAIL ? {} : { IKZ_ADMIN_REGISTRATION: 'open' }),
    ...Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && /^(DATABASE_|IKZ_ADMIN_|PUBLIC_URL$)/.test(e[0]))),
  };

  let server: StrapiServer | null = null;
  let web: StaticServer | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping …`);
    await web?.close();
    await publisherServer.close();
    await publisher.close();
    await server?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  log(`starting Strapi on port ${port} (${env.DATABASE_CLIENT === 'postgres' ? 'PostgreSQL' : `SQLite in ${state.databaseFile}`}) …`);
  server = await startStrapi({ env, port, readyTimeoutMs: 180_000 });
  server.child.on('exit', (code) => {
    if (!stopping) {
      console.error(`[start] Strapi exited unexpectedly (${code}); see its output above.`);
      process.exit(1);
    }
  });

  const seedClient = createStrapiClient({ baseUrl: server.url, token: secrets.STRAPI_SEED_TOKEN });
  const projects = await seedClient.findPage('projects', 1, { status: 'draft', fields: ['slug'] });
  const seedState = readSeedState(state);
  if (shouldSeed(seedState, projects.meta.pagination.total, process.env.IKZ_SEED === '0')) {
    const scale = Number(process.env.IKZ_SEED_SCALE ?? seedState?.scale ?? 1);
    log(`filling Strapi with demo content (scale ${scale}) …`);
    writeSeedState(state, { status: 'started', scale, at: new Date().toISOString() });
    const result = await runSeed({ url: server.url, token: secrets.STRAPI_SEED_TOKEN!, scale, seed: DEFAULT_SEED, referenceDate: defaultReferenceDate(), concurrency: 4 });
    writeSeedState(state, { status: 'complete', scale, at: new Date().toISOString() });
    log(`demo content ready in ${result.seconds.toFixed(0)} s (${Object.entries(result.created).map(([k, v]) => `${v} ${k}`).join(', ')})`);
  }

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
  web = await serveStatic(() => currentDir(publisher.releases), sitePort, '127.0.0.1');

  const admin = `${server.url.replace('127.0.0.1', 'localhost')}/admin`;
  const hasAdmin = Boolean(process.env.IKZ_ADMIN_EMAIL && process.env.IKZ_ADMIN_PASSWORD);
  console.log(`
  Interkommunales.NRW läuft.

  Website:                   ${web.url.replace('127.0.0.1', 'localhost')}/
  Veröffentlichungsstatus:   ${publisherServer.url.replace('127.0.0.1', 'localhost')}/ (JSON: /status)
  Redaktion (Strapi-Admin):  ${admin}
    ${hasAdmin ? `Anmeldung mit ${process.env.IKZ_ADMIN_EMAIL} und dem Passwort aus IKZ_ADMIN_PASSWORD.` : 'Beim ersten Start legen Sie dort das erste Administratorkonto an.'}
  REST-API (nur veröffentlichte Inhalte):  ${server.url}/api/projects
  Lese-Token für den Website-Build:  STRAPI_BUILD_TOKEN in ${state.secretsFile}

  Beenden mit Strg+C.
`);
}

main().catch((error: unknown) => {
  console.error(`[start] failed: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && error.cause) console.error(error.cause);
  process.exit(1);
});
