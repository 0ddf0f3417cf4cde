/**
 * `pnpm publisher`: the publisher as a service of its own (production). Receives Strapi's webhooks, builds
 * each change into a new release under IKZ_SITE_ROOT/releases/ and switches IKZ_SITE_ROOT/current to it.
 * Point nginx (or a CDN origin) at IKZ_SITE_ROOT/current; or set SITE_PORT to let this process serve it.
 *
 * Environment: STRAPI_URL, STRAPI_BUILD_TOKEN, PUBLISHER_WEBHOOK_SECRET (the same value Strapi gets),
 * IKZ_SITE_ROOT (default .var/site), SITE_URL, PUBLISHER_PORT (default 4320), PUBLISHER_HOST (default
 * 127.0.0.1), SITE_PORT (optional), IKZ_KEEP_RELEASES (default 5).
 */
import path from 'node:path';
import { localState } from './lib/local-state.ts';
import { serveStatic } from './lib/static-server.ts';
import { currentDir, currentRelease } from './publisher/releases.ts';
import { createPublisher } from './publisher/service.ts';

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) {
    console.error(`[publisher] ${name} is not set (see the README, "Production").`);
    process.exit(1);
  }
  return value;
}

const publisher = createPublisher({
  strapiUrl: process.env.STRAPI_URL ?? 'http://127.0.0.1:1337',
  token: required('STRAPI_BUILD_TOKEN'),
  secret: required('PUBLISHER_WEBHOOK_SECRET'),
  root: path.resolve(process.env.IKZ_SITE_ROOT ?? path.join(localState().dir, 'site')),
  siteUrl: required('SITE_URL'),
  keep: Number(process.env.IKZ_KEEP_RELEASES ?? 5),
  fullBuildAt: process.env.IKZ_FULL_BUILD_AT ?? '03:30',
  strict: process.env.IKZ_STRICT_CONTENT === '1',
});
const server = await publisher.listen(Number(process.env.PUBLISHER_PORT ?? 4320), process.env.PUBLISHER_HOST ?? '127.0.0.1');
console.log(`[publisher] listening on ${server.url} (POST /webhook, GET /status, GET /)`);
if (process.env.SITE_PORT) {
  const web = await serveStatic(() => currentDir(publisher.releases), Number(process.env.SITE_PORT), process.env.SITE_HOST ?? '127.0.0.1');
  console.log(`[publisher] serving the live release on ${web.url}`);
}
publisher.queue.notify(currentRelease(publisher.releases) ? 'publisher start' : 'publisher start: no release yet');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void publisher.close().then(() => server.close()).then(() => process.exit(0));
  });
}
