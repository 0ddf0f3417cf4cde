/** Shared pieces of the publish tests: a real Strapi whose webhook reaches a real publisher. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMailCatcher, type MailCatcher } from '@ikz/scripts/lib/mail-catcher';
import { createStrapiClient, type StrapiClient } from '@ikz/shared-types/rest';
import { startTestStrapi, type TestStrapi } from '../support/ephemeral-strapi.ts';
import { freePort, randomSecret } from '@ikz/scripts/lib/strapi-process';
import { createPublisher, type Publisher } from '@ikz/scripts/publisher/service';
import { stopSearchService } from '@ikz/site/builder';
import { serveStatic, type StaticServer } from '@ikz/scripts/lib/static-server';
import { currentDir } from '@ikz/scripts/publisher/releases';
import type { Browser } from 'playwright-core';

export const SITE_URL = 'https://www.interkommunales.example';
export const REFERENCE_DATE = new Date('2026-11-01T00:00:00Z');

export interface Pipeline {
  strapi: TestStrapi;
  publisher: Publisher;
  publisherUrl: string;
  web: StaticServer;
  secret: string;
  seed: StrapiClient;
  close(): Promise<void>;
}

export async function startPipeline(
  label: string,
  scale = 0.02,
  extraEnv: Record<string, string> = {},
  options: { adminPanel?: boolean; projectsPerBundle?: number } = {},
): Promise<Pipeline> {
  const port = await freePort();
  const secret = randomSecret(32);
  const strapi = await startTestStrapi(
    { scale, seed: 'interkommunales-nrw', referenceDate: REFERENCE_DATE },
    label,
    {
      PUBLISHER_WEBHOOK_URL: `http://127.0.0.1:${port}/webhook`,
      PUBLISHER_WEBHOOK_SECRET: secret,
      ...extraEnv,
    },
    { adminPanel: options.adminPanel ?? false },
  );
  const publisher = createPublisher({
    strapiUrl: strapi.url,
    token: strapi.buildToken,
    secret,
    root: path.join(strapi.tmp, 'site'),
    siteUrl: SITE_URL,
    debounceMs: 300,
    maxWaitMs: 3000,
    keep: 3,
    fullBuildAt: 'off',
    ...(options.projectsPerBundle ? { projectsPerBundle: options.projectsPerBundle } : {}),
    log: (record) => {
      if (record.level === 'error') console.error(JSON.stringify(record));
    },
  });
  const listening = await publisher.listen(port);
  await publisher.build();
  const web = await serveStatic(() => currentDir(publisher.releases), 0, '127.0.0.1', { formsUpstream: strapi.url });
  return {
    strapi,
    publisher,
    publisherUrl: listening.url,
    web,
    secret,
    seed: createStrapiClient({ baseUrl: strapi.url, token: strapi.seedToken }),
    close: async () => {
      await web.close();
      await listening.close();
      await publisher.close();
      await stopSearchService();
      await strapi.stop();
    },
  };
}

/** Waits until the publisher has finished at least one build after `after` and has nothing pending. */
export async function waitForBuilds(publisher: Publisher, after: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = publisher.status();
    if (s.builds > after && s.state === 'idle') return;
    if (Date.now() > deadline)
      throw new Error(`no finished build after ${timeoutMs} ms: ${JSON.stringify(publisher.status().lastBuild)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the publisher has been idle for a moment (all webhooks of an operation arrived and built). */
export async function settle(publisher: Publisher, quietMs = 700, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    if (publisher.status().state !== 'idle') quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    if (Date.now() > deadline) throw new Error('the publisher did not settle');
  }
}

export async function adminJwt(strapi: TestStrapi): Promise<string> {
  const login = await fetch(`${strapi.url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: strapi.adminEmail, password: strapi.adminPassword }),
  });
  return ((await login.json()) as { data: { token: string } }).data.token;
}

/** A content-manager action of the admin (publish, unpublish), as the admin UI calls it. */
export async function adminAction(
  strapi: TestStrapi,
  jwt: string,
  uid: string,
  documentId: string,
  action: 'publish' | 'unpublish',
): Promise<number> {
  const response = await fetch(
    `${strapi.url}/content-manager/collection-types/${uid}/${documentId}/actions/${action}`,
    { method: 'POST', headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' }, body: '{}' },
  );
  return response.status;
}

/** Every file of a release, relative path → content, without the parts that depend on the build time (or on Pagefind's writing). */
export function releaseFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, file).split(path.sep).join('/');
    // Pagefind's own files differ between equal indexes (see searchResults); the finder's file (written from the
    // fragments, under their content-hashed ids) does not.
    if (/^pagefind(-[a-z0-9-]+)?\//.test(rel) && !/^pagefind(-[a-z0-9-]+)?\/projekte\.json$/.test(rel)) continue;
    if (!/\.(html|xml|json|csv|ics|txt)$/.test(rel)) continue;
    let text = fs.readFileSync(file, 'utf8');
    if (rel === '.well-known/security.txt') text = text.replace(/^Expires: .*$/m, 'Expires: (build time)');
    files.set(rel, text);
  }
  return files;
}

/** Result URLs of a search on a served release, through Pagefind's own browser API. */
export async function searchResults(
  browser: Browser,
  siteUrl: string,
  queries: readonly string[],
): Promise<Record<string, string[]>> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${siteUrl}/suche/`);
  const merge = ((await page.locator('#suche').getAttribute('data-merge')) ?? '').split(' ').filter(Boolean);
  // Pagefind is loaded here on a page whose own search UI is not using the same module at the same time.
  await page.goto(`${siteUrl}/impressum/`);
  // A string, so that the test runner leaves the browser's dynamic import alone.
  const results = (await page.evaluate(`(async (qs, merge) => {
    const pagefind = await import(location.origin + '/pagefind/pagefind.js');
    for (const bundle of merge) await pagefind.mergeIndex(bundle);
    const out = {};
    for (const q of qs) {
      const search = await pagefind.search(q);
      const data = await Promise.all(search.results.map((r) => r.data()));
      out[q] = data.map((d) => d.url).sort();
    }
    return out;
  })(${JSON.stringify(queries)}, ${JSON.stringify(merge)})`)) as Record<string, string[]>;
  await page.context().close();
  return results;
}

export interface MailPipeline {
  pipeline: Pipeline;
  /** The SMTP server Strapi sends to; its mails are `.eml` files in `catcher.dir`. */
  catcher: MailCatcher;
  /** A super admin's JWT. */
  jwt: string;
  close(): Promise<void>;
}

/** A pipeline (small demo content) whose Strapi mails to a mail catcher of its own, for the forms' browser tests. */
export async function startMailPipeline(label: string, extraEnv: Record<string, string> = {}): Promise<MailPipeline> {
  const catcher = await startMailCatcher({ dir: fs.mkdtempSync(path.join(os.tmpdir(), `ikz-${label}-mail-`)) });
  const closeCatcher = async () => {
    await catcher.close();
    fs.rmSync(catcher.dir, { recursive: true, force: true });
  };
  try {
    const env = {
      SMTP_HOST: catcher.host,
      SMTP_PORT: String(catcher.port),
      SITE_URL,
      MAIL_FROM: 'Interkommunales.NRW <newsletter@interkommunales.example>',
      ...extraEnv,
    };
    const pipeline = await startPipeline(label, 0.02, env);
    const close = async () => {
      await pipeline.close();
      await closeCatcher();
    };
    try {
      return { pipeline, catcher, jwt: await adminJwt(pipeline.strapi), close };
    } catch (error) {
      await pipeline.close();
      throw error;
    }
  } catch (error) {
    await closeCatcher();
    throw error;
  }
}
