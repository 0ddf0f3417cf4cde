/**
 * `pnpm start`: runs Interkommunales.NRW on its embedded default – Strapi on SQLite with the demo content
 * (seeded on first start), a build of the static site, and a local web server for it. Ctrl-C stops
 * everything. All local state lives in `.var/` (or IKZ_DATA_DIR).
 *
 * Environment: PORT (Strapi, default 1337), SITE_PORT (site, default 4321), IKZ_SEED_SCALE (default 1), IKZ_SEED=0 (no demo content),
 * IKZ_ADMIN_EMAIL / IKZ_ADMIN_PASSWORD (first administrator), DATABASE_CLIENT=postgres with DATABASE_URL or
 * DATABASE_HOST/PORT/NAME/USERNAME/PASSWORD (PostgreSQL instead of SQLite).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createStrapiClient } from '../../shared-types/src/rest/client.ts';
import { buildSite } from './lib/site-build.ts';
import { serveStatic, type StaticServer } from './lib/static-server.ts';
import { buildCmsIfNeeded, DEFAULT_REFERENCE_DATA, startStrapi, type StrapiServer } from './lib/strapi-process.ts';
import { loadOrCreateSecrets, localState, readSeedState, shouldSeed, writeSeedState } from './lib/local-state.ts';
import { defaultReferenceDate, DEFAULT_SEED, runSeed } from './seed.ts';

const log = (line: string) => console.log(`[start] ${line}`);

async function main(): Promise<void> {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  if (major < 22 || (major === 22 && minor < 12)) throw new Error(`Node.js ${process.versions.node} is too old: Interkommunales.NRW needs Node.js 24 (see README).`);

  const state = localState();
  const secrets = loadOrCreateSecrets(state);
  fs.mkdirSync(`${state.publicDir}/uploads`, { recursive: true });
  buildCmsIfNeeded(log);

  const port = Number(process.env.PORT ?? 1337);
  const env: Record<string, string> = {
    ...secrets,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    DATABASE_FILENAME: state.databaseFile,
    STRAPI_PUBLIC_DIR: state.publicDir,
    BUILD_TOKEN_FILE: `${state.dir}/build-token`,
    IKZ_REFERENCE_DATA: process.env.IKZ_REFERENCE_DATA ?? DEFAULT_REFERENCE_DATA,
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

  const sitePort = Number(process.env.SITE_PORT ?? 4321);
  const siteUrl = process.env.SITE_URL ?? `http://localhost:${sitePort}`;
  const outDir = path.join(state.dir, 'site', 'dist');
  log('building the static site …');
  const build = await buildSite({ strapiUrl: server.url, token: secrets.STRAPI_BUILD_TOKEN!, outDir, cacheDir: path.join(state.dir, 'site', 'cache'), siteUrl, logFile: path.join(state.dir, 'site', 'build.log') });
  log(`site built: ${build.pages} pages in ${build.seconds.toFixed(1)} s (log: ${path.join(state.dir, 'site', 'build.log')})`);
  web = await serveStatic(outDir, sitePort, '127.0.0.1');

  const admin = `${server.url.replace('127.0.0.1', 'localhost')}/admin`;
  const hasAdmin = Boolean(process.env.IKZ_ADMIN_EMAIL && process.env.IKZ_ADMIN_PASSWORD);
  console.log(`
  Interkommunales.NRW läuft.

  Website:                   ${web.url.replace('127.0.0.1', 'localhost')}/
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
