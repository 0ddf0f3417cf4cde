/**
 * `pnpm publisher`: the publisher as a service of its own (production). Receives Strapi's webhooks on
 * PUBLISHER_HOST:PUBLISHER_PORT (keep it local), builds each change into a new release under
 * IKZ_SITE_ROOT/releases/ and switches IKZ_SITE_ROOT/current to it; point nginx (or a CDN origin) at
 * IKZ_SITE_ROOT/current, or set SITE_PORT to let this process serve it. With PREVIEW_SECRET and
 * STRAPI_PREVIEW_TOKEN it also serves the editors' preview on PREVIEW_HOST:PREVIEW_PORT (behind nginx, on a
 * host name of its own). Variables: see @ikz/shared-types/env and the README.
 *
 * Under `pnpm start` it runs as a supervised child (`--supervised`, with an IPC channel): its queue waits for
 * "resume" (sent once the demo content is in), and "catch-up" asks for a build of whatever changed while
 * Strapi was away.
 */
import { envIsSet, readEnv } from '@ikz/shared-types/env';
import { referenceDataProblem } from '@ikz/shared-types/reference-data';
import { localState, siteRoot } from './lib/local-state.ts';
import { serveStatic } from './lib/static-server.ts';
import { adminOriginsOf, createPreviewServer } from './preview/server.ts';
import { currentDir, currentRelease } from './publisher/releases.ts';
import { createPublisher } from './publisher/service.ts';

function fail(message: string): never {
  console.error(`[publisher] ${message} (see the README, "Production").`);
  process.exit(1);
}

let config;
try {
  config = readEnv([
    'STRAPI_URL',
    'STRAPI_BUILD_TOKEN',
    'STRAPI_PREVIEW_TOKEN',
    'PUBLISHER_WEBHOOK_SECRET',
    'PREVIEW_SECRET',
    'SITE_URL',
    'PUBLIC_URL',
    'IKZ_SITE_ROOT',
    'IKZ_KEEP_RELEASES',
    'IKZ_FULL_BUILD_AT',
    'IKZ_STRICT_CONTENT',
    'IKZ_PROJECTS_PER_BUNDLE',
    'PUBLISHER_PORT',
    'PUBLISHER_HOST',
    'PREVIEW_PORT',
    'PREVIEW_HOST',
    'PREVIEW_URL',
    'IKZ_STATUS_PAGE_URL',
    'PUBLISHER_STATUS_URL',
    'PUBLISHER_WEBHOOK_URL',
    'SITE_PORT',
    'SITE_HOST',
  ]);
} catch (error) {
  fail((error as Error).message);
}
if (!config.STRAPI_BUILD_TOKEN) fail('STRAPI_BUILD_TOKEN is not set');
if (!config.PUBLISHER_WEBHOOK_SECRET) fail('PUBLISHER_WEBHOOK_SECRET is not set');
if (!envIsSet('SITE_URL')) fail('SITE_URL is not set');
const referenceProblem = referenceDataProblem();
if (referenceProblem) fail(referenceProblem);

const publisher = createPublisher({
  strapiUrl: config.STRAPI_URL,
  token: config.STRAPI_BUILD_TOKEN,
  secret: config.PUBLISHER_WEBHOOK_SECRET,
  root: siteRoot(localState()),
  siteUrl: config.SITE_URL,
  keep: config.IKZ_KEEP_RELEASES,
  fullBuildAt: config.IKZ_FULL_BUILD_AT,
  strict: config.IKZ_STRICT_CONTENT,
  projectsPerBundle: config.IKZ_PROJECTS_PER_BUNDLE,
  // The status answers only these host names (and loopback); the webhook only Strapi's address for it.
  statusUrls: [config.IKZ_STATUS_PAGE_URL, config.PUBLISHER_STATUS_URL],
  webhookUrls: [config.PUBLISHER_WEBHOOK_URL],
});
const server = await publisher.listen(config.PUBLISHER_PORT, config.PUBLISHER_HOST);
console.log(`[publisher] listening on ${server.url} (POST /webhook, GET /status, GET /)`);
let preview: Awaited<ReturnType<ReturnType<typeof createPreviewServer>['listen']>> | null = null;
if (config.PREVIEW_SECRET && config.STRAPI_PREVIEW_TOKEN) {
  if (!config.PUBLIC_URL) fail("PUBLIC_URL (the admin's address) is needed for the preview");
  preview = await createPreviewServer({
    builder: publisher.builder,
    strapiUrl: config.STRAPI_URL,
    previewToken: config.STRAPI_PREVIEW_TOKEN,
    secret: config.PREVIEW_SECRET,
    adminOrigins: adminOriginsOf(config.PUBLIC_URL),
    siteUrl: config.SITE_URL,
    publicUrls: [config.PREVIEW_URL],
  }).listen(config.PREVIEW_PORT, config.PREVIEW_HOST);
  console.log(`[publisher] editors' preview on ${preview.url}`);
}
// Only when asked to: in production nginx serves IKZ_SITE_ROOT/current.
if (envIsSet('SITE_PORT')) {
  const web = await serveStatic(() => currentDir(publisher.releases), config.SITE_PORT, config.SITE_HOST, {
    formsUpstream: config.STRAPI_URL,
  });
  console.log(`[publisher] serving the live release on ${web.url}`);
}
/** What `pnpm start`'s supervisor tells the publisher (see start.ts). */
type SupervisorMessage = { type: 'resume' } | { type: 'catch-up'; reason: string };
if (process.argv.includes('--supervised') && process.send) {
  publisher.queue.pause();
  process.on('message', (message: SupervisorMessage) => {
    if (message.type === 'resume') publisher.queue.resume();
    else if (message.type === 'catch-up') publisher.catchUp(message.reason);
  });
}
publisher.queue.notify(currentRelease(publisher.releases) ? 'publisher start' : 'publisher start: no release yet');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void publisher
      .close()
      .then(() => Promise.all([server.close(), preview?.close()]))
      .then(() => process.exit(0));
  });
}
