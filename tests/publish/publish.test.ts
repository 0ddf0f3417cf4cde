/**
 * The publish pipeline end to end: a real Strapi whose webhook reaches a real publisher, real Astro builds
 * into releases, a static server for the live release.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStrapiClient } from '@ikz/shared-types/rest';
import { startTestStrapi, type TestStrapi } from '../support/ephemeral-strapi.ts';
import { freePort, randomSecret } from '@ikz/scripts/lib/strapi-process';
import { serveStatic, type StaticServer } from '@ikz/scripts/lib/static-server';
import { SECRET_HEADER } from '@ikz/shared-types/webhook';
import { stopSearchService } from '@ikz/site/builder';
import { currentDir, currentRelease } from '@ikz/scripts/publisher/releases';
import { createPublisher, type Publisher } from '@ikz/scripts/publisher/service';

let strapi: TestStrapi;
let publisher: Publisher;
let publisherUrl: string;
let closePublisher: () => Promise<void>;
let web: StaticServer;
const secret = randomSecret(32);

async function waitForBuilds(after: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = publisher.status();
    if (s.builds > after && s.state === 'idle') return;
    if (Date.now() > deadline)
      throw new Error(`no finished build after ${timeoutMs} ms: ${JSON.stringify(publisher.status().lastBuild)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const page = async (url: string) => {
  const response = await fetch(`${web.url}${url}`);
  return { status: response.status, html: await response.text() };
};

beforeAll(async () => {
  const port = await freePort();
  strapi = await startTestStrapi(
    { scale: 0.02, seed: 'interkommunales-nrw', referenceDate: new Date('2026-11-01T00:00:00Z') },
    'publish',
    {
      PUBLISHER_WEBHOOK_URL: `http://127.0.0.1:${port}/webhook`,
      PUBLISHER_WEBHOOK_SECRET: secret,
    },
  );
  publisher = createPublisher({
    strapiUrl: strapi.url,
    token: strapi.buildToken,
    secret,
    root: path.join(strapi.tmp, 'site'),
    siteUrl: 'https://www.interkommunales.example',
    debounceMs: 800,
    maxWaitMs: 5000,
    keep: 3,
    log: () => {},
  });
  const listening = await publisher.listen(port);
  publisherUrl = listening.url;
  closePublisher = listening.close;
  await publisher.build();
  web = await serveStatic(() => currentDir(publisher.releases));
}, 600_000);

afterAll(async () => {
  await web?.close();
  await closePublisher?.();
  await publisher?.close();
  await stopSearchService();
  await strapi?.stop();
});

/** URLs in the live search index, over all its bundles (Pagefind's fragments: JSON, kept unpacked with a gzip copy). */
function indexedUrls(): string[] {
  const live = currentDir(publisher.releases);
  return fs
    .readdirSync(live)
    .filter((d) => /^pagefind(-[a-z0-9-]+)?$/.test(d))
    .flatMap((bundle) =>
      fs
        .readdirSync(path.join(live, bundle, 'fragment'))
        .filter((f) => f.endsWith('.pf_fragment'))
        .map((f) => path.join(live, bundle, 'fragment', f)),
    )
    .map((file) => /"url":"([^"]+)"/.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? '');
}

async function adminJwt(): Promise<string> {
  const login = await fetch(`${strapi.url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: strapi.adminEmail, password: strapi.adminPassword }),
  });
  return ((await login.json()) as { data: { token: string } }).data.token;
}

const seedClient = () => createStrapiClient({ baseUrl: strapi.url, token: strapi.seedToken });

describe('publish pipeline', () => {
  it('shows an edit published in Strapi on the served site', async () => {
    const [project] = (
      await seedClient().findPage<{ documentId: string; slug: string }>('projects', 1, { fields: ['slug'] })
    ).data;
    const before = publisher.status().builds;
    await seedClient().request('PUT', `/api/projects/${project!.documentId}`, {
      body: { data: { summary: 'Neu veröffentlichte Kurzbeschreibung für den Test der Veröffentlichungskette.' } },
    });
    await waitForBuilds(before);
    const { status, html } = await page(`/projekte/${project!.slug}/`);
    expect(status).toBe(200);
    expect(html).toContain('Neu veröffentlichte Kurzbeschreibung');
    expect(publisher.status().lastBuild?.result).toBe('success');
  });

  it('removes the page of an unpublished entry', async () => {
    const [project] = (
      await seedClient().findPage<{ documentId: string; slug: string }>('projects', 1, {
        fields: ['slug'],
        sort: ['id:desc'],
      })
    ).data;
    expect((await page(`/projekte/${project!.slug}/`)).status).toBe(200);
    expect(indexedUrls()).toContain(`/projekte/${project!.slug}/`);
    const jwt = await adminJwt();
    const before = publisher.status().builds;
    const unpublish = await fetch(
      `${strapi.url}/content-manager/collection-types/api::project.project/${project!.documentId}/actions/unpublish`,
      { method: 'POST', headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' }, body: '{}' },
    );
    expect(unpublish.status).toBe(200);
    await waitForBuilds(before);
    expect((await page(`/projekte/${project!.slug}/`)).status).toBe(404);
    expect((await page('/projekte/')).html).not.toContain(`/projekte/${project!.slug}/`);
    expect(indexedUrls()).not.toContain(`/projekte/${project!.slug}/`);
    expect(indexedUrls().length).toBeGreaterThan(10);
  });

  it('refuses forged or unsigned webhooks and builds nothing', async () => {
    const before = publisher.status().builds;
    for (const headers of [{}, { [SECRET_HEADER]: 'falsch' }, { [SECRET_HEADER]: `${secret}x` }] as Record<
      string,
      string
    >[]) {
      const response = await fetch(`${publisherUrl}/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ event: 'entry.publish', model: 'project' }),
      });
      expect(response.status).toBe(401);
    }
    await new Promise((r) => setTimeout(r, 1500));
    expect(publisher.status()).toMatchObject({ builds: before, state: 'idle' });
  });

  it('coalesces 50 publishes within seconds into at most 2 builds and ends with the last state', async () => {
    const [project] = (
      await seedClient().findPage<{ documentId: string; slug: string }>('projects', 1, { fields: ['slug'] })
    ).data;
    const before = publisher.status().builds;
    for (let i = 1; i <= 50; i += 1) {
      await seedClient().request('PUT', `/api/projects/${project!.documentId}`, {
        body: { data: { summary: `Fassung Nummer ${i} der Kurzbeschreibung dieses Projekts.` } },
      });
    }
    await waitForBuilds(before);
    await new Promise((r) => setTimeout(r, 1500));
    await waitForBuilds(before);
    expect(publisher.status().builds - before).toBeLessThanOrEqual(2);
    expect((await page(`/projekte/${project!.slug}/`)).html).toContain('Fassung Nummer 50 der Kurzbeschreibung');
  });

  it('keeps answering 200 for existing pages while releases are swapped', async () => {
    const urls = ['/', '/projekte/', '/kommunen/', '/dokumente/', '/newsletter/'];
    const before = publisher.status().builds;
    let stop = false;
    const statuses: number[] = [];
    const hammer = Array.from({ length: 6 }, async (_, i) => {
      while (!stop) {
        const response = await fetch(`${web.url}${urls[i % urls.length]}`);
        statuses.push(response.status);
        await response.arrayBuffer();
      }
    });
    publisher.queue.notify('test: swap under load');
    await waitForBuilds(before);
    stop = true;
    await Promise.all(hammer);
    expect(statuses.length).toBeGreaterThan(50);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it('keeps the old site live when a build fails, and the next good build recovers', async () => {
    const live = currentRelease(publisher.releases);
    const before = publisher.status().builds;
    await strapi.kill();
    publisher.queue.notify('test: Strapi is down');
    await waitForBuilds(before);
    expect(publisher.status().lastBuild).toMatchObject({ result: 'failed' });
    expect(publisher.status().lastBuild?.error).toMatch(/Strapi war nicht erreichbar/);
    expect(currentRelease(publisher.releases)).toBe(live);
    expect((await page('/')).status).toBe(200);
    const statusPage = await fetch(`${publisherUrl}/`);
    const statusHtml = await statusPage.text();
    expect(statusHtml).toContain('Der letzte Neubau ist fehlgeschlagen');
    const statusJson = await (await fetch(`${publisherUrl}/status`)).text();
    for (const internal of [strapi.tmp, strapi.url, '127.0.0.1', 'releases/', 'node_modules', 'Error:', ' at ']) {
      expect(statusHtml, internal).not.toContain(internal);
      expect(statusJson, internal).not.toContain(internal);
    }

    await strapi.restart();
    const hooks = await fetch(`${strapi.url}/admin/webhooks`, {
      headers: { authorization: `Bearer ${await adminJwt()}` },
    });
    const ours = ((await hooks.json()) as { data: { name: string; url: string }[] }).data.filter((h) =>
      h.url.endsWith('/webhook'),
    );
    expect(ours).toHaveLength(1);
    const again = publisher.status().builds;
    const [project] = (
      await seedClient().findPage<{ documentId: string; slug: string }>('projects', 1, { fields: ['slug'] })
    ).data;
    await seedClient().request('PUT', `/api/projects/${project!.documentId}`, {
      body: { data: { summary: 'Nach dem Neustart von Strapi veröffentlichte Kurzbeschreibung.' } },
    });
    await waitForBuilds(again);
    expect((await page(`/projekte/${project!.slug}/`)).html).toContain(
      'Nach dem Neustart von Strapi veröffentlichte Kurzbeschreibung.',
    );
    expect(publisher.status().lastBuild?.result).toBe('success');
    expect(currentRelease(publisher.releases)).not.toBe(live);
    await expect.poll(() => publisher.status().releases.length).toBeLessThanOrEqual(3);
  });

  it('repairs a page the incremental build got wrong at the nightly check, naming it in the log and the status', async () => {
    const [project] = (
      await seedClient().findPage<{ documentId: string; slug: string }>('projects', 1, { fields: ['slug'] })
    ).data;
    const file = path.join(currentDir(publisher.releases), 'projekte', project!.slug, 'index.html');
    const good = fs.readFileSync(file, 'utf8');
    // A stale page, as a page model that forgot something it shows would leave it (written as a new file).
    fs.rmSync(file);
    fs.writeFileSync(file, good.replace('</h1>', ' (veraltet)</h1>'));
    const before = publisher.status().builds;
    publisher.checkNow();
    await waitForBuilds(before);
    const check = publisher.status().lastBuild!;
    expect(check).toMatchObject({
      result: 'success',
      kind: 'full',
      reason: 'nächtliche Kontrolle',
      differences: [`/projekte/${project!.slug}/`],
    });
    expect((await page(`/projekte/${project!.slug}/`)).html).not.toContain('(veraltet)');
    expect(await (await fetch(`${publisherUrl}/`)).text()).toContain('Kontrolle: 1 Seite(n) korrigiert');
  });

  it('reports its state as JSON', async () => {
    const response = await fetch(`${publisherUrl}/status`);
    const body = (await response.json()) as {
      state: string;
      live: string;
      lastBuild: { seconds: number; result: string };
    };
    expect(response.status).toBe(200);
    expect(body.state).toBe('idle');
    expect(body.live).toBe(currentRelease(publisher.releases));
    expect(body.lastBuild.result).toBe('success');
    expect(body.lastBuild.seconds).toBeGreaterThan(0);
  });
});
