/**
 * `pnpm start`: runs Interkommunales.NRW on its embedded default – Strapi on SQLite with the demo content
 * (seeded on first start), the publisher with a first build of the static site and the editors' preview, and
 * a local web server for the site. Ctrl-C stops everything. All local state lives in `.var/` (or IKZ_DATA_DIR).
 * Every publish in Strapi reaches the publisher by webhook, which puts the change live in a new release.
 *
 * Like the production units (scripts/deploy/), Strapi and the publisher (`pnpm publisher`, which also serves
 * the preview) run as processes of their own, supervised here: one that crashes is started again with a
 * back-off, and the publisher then catches up with what changed meanwhile. This process itself only serves
 * the live release, so the site keeps answering whatever else fails.
 * The variables it reads are listed in @ikz/shared-types/env and the README.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inheritedEnv, readEnv } from '@ikz/shared-types/env';
import { referenceDataProblem } from '@ikz/shared-types/reference-data';
import { createStrapiClient } from '@ikz/shared-types/rest';
import { startMailCatcher, type MailCatcher } from './lib/mail-catcher.ts';
import { serveStatic, type StaticServer } from './lib/static-server.ts';
import { createSupervisor, type Service } from './lib/supervisor.ts';
import { currentDir, currentRelease, releases } from './publisher/releases.ts';
import {
  buildCmsIfNeeded,
  CMS_DIR,
  REPO_ROOT,
  STRAPI_BIN,
  strapiProcessEnv,
  waitForStrapi,
} from './lib/strapi-process.ts';
import {
  ensureStateDir,
  loadOrCreateSecrets,
  localState,
  readSeedState,
  shouldSeed,
  siteRoot as siteRootOf,
  writeSeedState,
  type LocalState,
} from './lib/local-state.ts';
import { defaultReferenceDate, DEFAULT_SEED, runSeed } from './seed.ts';

const PUBLISHER_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'publisher.ts');
const log = (line: string) => console.log(`[start] ${line}`);

const config = (() => {
  try {
    return readEnv([
      'PORT',
      'SITE_PORT',
      'PUBLISHER_PORT',
      'PREVIEW_PORT',
      'SITE_URL',
      'IKZ_SEED',
      'IKZ_SEED_SCALE',
      'IKZ_ADMIN_EMAIL',
      'IKZ_ADMIN_PASSWORD',
      'IKZ_KEEP_RELEASES',
      'IKZ_FULL_BUILD_AT',
      'IKZ_STRICT_CONTENT',
      'IKZ_PROJECTS_PER_BUNDLE',
      'IKZ_REFERENCE_DATA',
      'IKZ_SITE_ROOT',
      'PUBLIC_URL',
      'DATABASE_CLIENT',
      'SMTP_HOST',
      'IKZ_MAIL_DIR',
      'IKZ_ADVICE_MAIL',
    ]);
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
function strapiEnv(
  state: LocalState,
  secrets: Record<string, string>,
  publisherUrl: string,
  previewUrl: string,
  catcher: MailCatcher | null,
): Record<string, string> {
  return {
    ...secrets,
    // Without a mail server of the user's, mail goes to the local catcher (one .eml file per mail).
    ...(catcher ? { SMTP_HOST: catcher.host, SMTP_PORT: String(catcher.port), SMTP_SECURE: 'false' } : {}),
    // …and the advisory requests go to a placeholder team address there, so the form on /beratung/ can be tried out.
    ...(catcher && !config.IKZ_ADVICE_MAIL ? { IKZ_ADVICE_MAIL: 'beratung@interkommunales.example' } : {}),
    PUBLISHER_WEBHOOK_URL: `${publisherUrl}/webhook`,
    PUBLISHER_STATUS_URL: `${publisherUrl}/status`,
    IKZ_STATUS_PAGE_URL: `${localhost(publisherUrl)}/`,
    PREVIEW_URL: localhost(previewUrl),
    SITE_URL: config.SITE_URL,
    NODE_ENV: inheritedEnv().NODE_ENV ?? 'production',
    DATABASE_FILENAME: state.databaseFile,
    STRAPI_PUBLIC_DIR: state.publicDir,
    BUILD_TOKEN_FILE: `${state.dir}/build-token`,
    ...(config.IKZ_REFERENCE_DATA ? { IKZ_REFERENCE_DATA: config.IKZ_REFERENCE_DATA } : {}),
    // Strapi listens on localhost only: the first administrator may register in the admin panel.
    ...(config.IKZ_ADMIN_EMAIL ? {} : { IKZ_ADMIN_REGISTRATION: 'open' }),
    ...Object.fromEntries(
      Object.entries(inheritedEnv()).filter(
        (e): e is [string, string] => e[1] !== undefined && /^(DATABASE_|IKZ_ADMIN_|PUBLIC_URL$)/.test(e[0]),
      ),
    ),
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
  const result = await runSeed({
    url: strapiUrl,
    token: seedToken,
    scale,
    seed: DEFAULT_SEED,
    referenceDate: defaultReferenceDate(),
    concurrency: 4,
  });
  writeSeedState(state, { status: 'complete', scale, at: new Date().toISOString() });
  log(
    `demo content ready in ${result.seconds.toFixed(0)} s (${Object.entries(result.created)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')})`,
  );
}

/** The publisher's environment: the production service's variables, pointed at this installation. */
function publisherEnv(
  secrets: Record<string, string>,
  strapiUrl: string,
  siteRoot: string,
): Record<string, string | undefined> {
  // This process serves the site; the publisher must not.
  const { SITE_PORT: _port, SITE_HOST: _host, ...inherited } = inheritedEnv();
  return {
    ...inherited,
    STRAPI_URL: strapiUrl,
    STRAPI_BUILD_TOKEN: secrets.STRAPI_BUILD_TOKEN,
    STRAPI_PREVIEW_TOKEN: secrets.STRAPI_PREVIEW_TOKEN,
    PUBLISHER_WEBHOOK_SECRET: secrets.PUBLISHER_WEBHOOK_SECRET,
    PREVIEW_SECRET: secrets.PREVIEW_SECRET,
    SITE_URL: config.SITE_URL,
    // The admin that may frame the preview (localhost and 127.0.0.1 alike).
    PUBLIC_URL: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    IKZ_SITE_ROOT: siteRoot,
    PUBLISHER_PORT: String(config.PUBLISHER_PORT),
    PUBLISHER_HOST: '127.0.0.1',
    PREVIEW_PORT: String(config.PREVIEW_PORT),
    PREVIEW_HOST: '127.0.0.1',
  };
}

/** Resolves once `url` answers 200; rejects when `signal` aborts first. */
async function waitForHttp(url: string, signal: AbortSignal): Promise<void> {
  for (;;) {
    if (signal.aborted) throw new Error(`${url} stopped before it answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(5_000)]) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

type PublisherStatus = {
  live: string | null;
  lastBuild: { result: string; error: string | null; seconds: number | null; pages: { total: number } | null } | null;
};

/** On a fresh installation: waits for the publisher's first build (or its failure, which the status page shows). */
async function waitForFirstBuild(publisherUrl: string): Promise<void> {
  log('building the static site …');
  for (;;) {
    const status = await fetch(`${publisherUrl}/status`).then(
      (r) => r.json() as Promise<PublisherStatus>,
      () => null,
    );
    const last = status?.lastBuild;
    if (status?.live && last?.result === 'success') {
      log(`site built: ${last.pages?.total ?? 0} pages in ${last.seconds?.toFixed(1)} s`);
      return;
    }
    if (status && !status.live && last?.result === 'failed') {
      log(`the first build failed: ${last.error ?? "see the publisher's log above"} (status page: ${publisherUrl}/)`);
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

function printAddresses(
  urls: { site: string; publisher: string; preview: string; strapi: string },
  secretsFile: string,
  catcher: MailCatcher | null,
): void {
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
  E-Mails:                   ${catcher ? `nicht versendet, sondern als .eml-Dateien in ${catcher.dir}/ (ohne SMTP_HOST)` : `über ${config.SMTP_HOST}`}

  Stürzt Strapi, die Veröffentlichung oder die Vorschau ab, wird sie neu gestartet; die Website bleibt erreichbar.
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
  const publisherUrl = `http://127.0.0.1:${config.PUBLISHER_PORT}`;
  const previewUrl = `http://127.0.0.1:${config.PREVIEW_PORT}`;
  const siteRoot = siteRootOf(state);
  const site = releases(siteRoot);
  const supervisor = createSupervisor({ log });

  let web: StaticServer | null = null;
  let catcher: MailCatcher | null = null;
  let stopping = false;
  const stop = async (signal: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping …`);
    await supervisor.stopAll();
    await web?.close();
    await catcher?.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  /** The live release is served by this process from the moment one exists, whatever else fails. */
  const serveSite = async (): Promise<StaticServer> =>
    (web ??= await serveStatic(() => currentDir(site), config.SITE_PORT, '127.0.0.1', { formsUpstream: strapiUrl }));

  try {
    if (!config.SMTP_HOST) {
      catcher = await startMailCatcher({ dir: config.IKZ_MAIL_DIR ?? path.join(state.dir, 'mail') });
      log(`no SMTP_HOST: mails are written to ${catcher.dir}/ (one .eml file each), not sent`);
    }
    if (currentRelease(site)) await serveSite();
    let seeded = false;
    const publisher: Service = await supervisor.start({
      name: 'Publisher',
      script: PUBLISHER_SCRIPT,
      args: ['--supervised'],
      cwd: REPO_ROOT,
      env: publisherEnv(secrets, strapiUrl, siteRoot),
      ready: (signal) => waitForHttp(`${publisherUrl}/status`, signal),
      // A restarted publisher reads all content again at its first build: nothing it missed is lost.
      onReady: (service) => {
        if (seeded) service.send({ type: 'resume' });
      },
    });
    log(
      `starting Strapi on port ${config.PORT} (${config.DATABASE_CLIENT === 'postgres' ? 'PostgreSQL' : `SQLite in ${state.databaseFile}`}) …`,
    );
    await supervisor.start({
      name: 'Strapi',
      script: STRAPI_BIN,
      args: ['start'],
      cwd: CMS_DIR,
      env: strapiProcessEnv(config.PORT, strapiEnv(state, secrets, publisherUrl, previewUrl, catcher)),
      ready: (signal) => waitForStrapi(strapiUrl, signal),
      readyTimeoutMs: 180_000,
      // Back after a crash: the publisher builds what changed meanwhile, and a build that failed meanwhile.
      onReady: (_service, restarts) => {
        if (restarts > 0) publisher.send({ type: 'catch-up', reason: 'Strapi wurde neu gestartet' });
      },
    });
    await seedIfNeeded(state, strapiUrl, secrets.STRAPI_SEED_TOKEN!);
    seeded = true;
    const fresh = !currentRelease(site);
    publisher.send({ type: 'resume' });
    if (fresh) await waitForFirstBuild(publisherUrl);
    const served = await serveSite();
    printAddresses(
      { site: served.url, publisher: publisherUrl, preview: previewUrl, strapi: strapiUrl },
      state.secretsFile,
      catcher,
    );
  } catch (error) {
    if (stopping) return;
    console.error(`[start] failed: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof Error && error.cause) console.error(error.cause);
    await stop('failed', 1);
  }
}

main().catch((error: unknown) => {
  console.error(`[start] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
