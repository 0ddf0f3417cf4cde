/**
 * The editors' preview, with the real admin panel in Chromium: an editor opens "Vorschau" on a draft and
 * sees it rendered by the site's components; links from Strapi's preview handler are signed, short-lived and
 * bound to one entry; nothing of a draft reaches the public site, its search index or the open data.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPreviewToken, PREVIEW_TTL_SECONDS } from '@ikz/shared-types/preview';
import { DRAFT_MARKER } from '@ikz/scripts/seed/generate';
import { freePort, randomSecret } from '@ikz/scripts/lib/strapi-process';
import { createPreviewServer } from '@ikz/scripts/preview/server';
import { launchChromium } from '../support/browser.ts';
import { inviteEditor, type Editor } from '../support/editor.ts';
import { adminJwt, releaseFiles, searchResults, settle, startPipeline, type Pipeline } from './harness.ts';
import { currentDir } from '@ikz/scripts/publisher/releases';

let pipeline: Pipeline;
let browser: Browser;
let previewUrl: string;
let closePreview: () => Promise<void>;
let editor: Editor;
const secret = randomSecret(48);
const previewToken = randomSecret(48);

beforeAll(async () => {
  const previewPort = await freePort();
  previewUrl = `http://127.0.0.1:${previewPort}`;
  pipeline = await startPipeline(
    'preview',
    0.02,
    { PREVIEW_URL: previewUrl, PREVIEW_SECRET: secret, STRAPI_PREVIEW_TOKEN: previewToken },
    { adminPanel: true },
  );
  const server = createPreviewServer({
    builder: pipeline.publisher.builder,
    strapiUrl: pipeline.strapi.url,
    previewToken,
    secret,
    adminOrigins: [pipeline.strapi.url],
    siteUrl: 'https://www.interkommunales.example',
    log: () => {},
  });
  closePreview = (await server.listen(previewPort)).close;
  browser = await launchChromium();
  editor = await inviteEditor(pipeline.strapi.url, await adminJwt(pipeline.strapi));
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await closePreview?.();
  await pipeline?.close();
});

let jwt: Promise<string> | null = null;

/** The link Strapi's preview handler gives the admin for an entry. */
async function handlerLink(uid: string, documentId: string, status: 'draft' | 'published'): Promise<string> {
  jwt ??= adminJwt(pipeline.strapi);
  const response = await fetch(
    `${pipeline.strapi.url}/content-manager/preview/url/${uid}?documentId=${documentId}&status=${status}`,
    { headers: { authorization: `Bearer ${await jwt}` } },
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { url: string } }).data.url;
}

const draftsOf = (plural: string) =>
  pipeline.seed.findAll<{ documentId: string; slug: string }>(plural, {
    status: 'draft',
    fields: ['slug'],
    filters: { title: { $contains: DRAFT_MARKER } },
  });

describe("the editors' preview", () => {
  /** A browser page logged in to the admin as the editor with the role "Redaktion". */
  async function editorPage() {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${pipeline.strapi.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(editor.email);
    await page.locator('input[name="password"]').fill(editor.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin(?!\/auth)/, { timeout: 60_000 });
    return { page, close: () => context.close() };
  }

  it('shows an editor the draft of a project in the admin, in the site layout with the German banner', async () => {
    const [draft] = await draftsOf('projects');
    expect(draft).toBeDefined();
    const { page, close } = await editorPage();
    await page.goto(
      `${pipeline.strapi.url}/admin/content-manager/collection-types/api::project.project/${draft!.documentId}?status=draft`,
    );
    await page.getByRole('link', { name: 'Vorschau öffnen' }).click({ timeout: 60_000 });
    const frame = page.frameLocator('iframe[data-testid="preview-iframe"]');
    await expect
      .poll(async () => (await frame.locator('body').textContent({ timeout: 60_000 })) ?? '', { timeout: 60_000 })
      .toContain(DRAFT_MARKER);
    await expect
      .poll(async () => (await frame.locator('.preview-banner').textContent()) ?? '')
      .toContain('Vorschau – nicht veröffentlicht');
    expect(await frame.locator('h1').first().textContent()).toContain('Entwurf');
    await close();
  });

  it('does not let the editor open the settings: roles, users, API tokens and webhooks answer with a German refusal', async () => {
    const { page, close } = await editorPage();
    for (const settings of ['roles', 'users', 'api-tokens', 'webhooks']) {
      await page.goto(`${pipeline.strapi.url}/admin/settings/${settings}`);
      await expect
        .poll(
          async () =>
            (await page
              .locator('main')
              .textContent({ timeout: 60_000 })
              .catch(() => '')) ?? '',
          { timeout: 60_000, message: settings },
        )
        .toMatch(/keine ausreichenden Berechtigungen/);
      expect(await page.locator('main').textContent(), settings).not.toMatch(
        /Super Admin|Redaktion-Test|Vorschau der Redaktion/,
      );
    }
    await close();
  });

  it('allows the admin to frame exactly the preview service', async () => {
    const response = await fetch(`${pipeline.strapi.url}/admin/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    const frameSrc = /frame-src ([^;]*)/.exec(csp)?.[1]?.trim().split(/\s+/) ?? [];
    expect(frameSrc.sort()).toEqual(["'self'", previewUrl].sort());
  });

  it('previews drafts of every type with drafts, and the published version on its tab', async () => {
    for (const [plural, uid] of [
      ['newsletters', 'api::newsletter.newsletter'],
      ['events', 'api::event.event'],
      ['documents', 'api::document.document'],
      ['projects', 'api::project.project'],
    ] as const) {
      const [draft] = await draftsOf(plural);
      const response = await fetch(await handlerLink(uid, draft!.documentId, 'draft'));
      const html = await response.text();
      expect(response.status, plural).toBe(200);
      expect(html, plural).toContain(DRAFT_MARKER);
      expect(html).toContain('Vorschau – nicht veröffentlicht');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-robots-tag')).toMatch(/noindex/);
      expect(response.headers.get('content-security-policy')).toContain(`frame-ancestors ${pipeline.strapi.url}`);
      expect(html).not.toMatch(/<a\b[^>]*href="\/(?!\/|_astro|bilder|dateien)/);
    }
    const topics = await pipeline.seed.findPage<{ documentId: string }>('topics', 1, { fields: ['name'] });
    const topic = topics.data[0]!;
    const draftName = `Handlungsfeld im Entwurf ${DRAFT_MARKER}`;
    await pipeline.seed.request('PUT', `/api/topics/${topic.documentId}`, {
      query: { status: 'draft' },
      body: { data: { name: draftName } },
    });
    const draftHtml = await (await fetch(await handlerLink('api::topic.topic', topic.documentId, 'draft'))).text();
    expect(draftHtml).toContain(draftName);
    const publishedHtml = await (
      await fetch(await handlerLink('api::topic.topic', topic.documentId, 'published'))
    ).text();
    expect(publishedHtml).not.toContain(DRAFT_MARKER);
    expect(publishedHtml).toContain('Veröffentlichte Fassung');
  });

  it('refuses missing, altered, foreign and expired links with 401 and shows nothing of the draft', async () => {
    const [draft] = await draftsOf('projects');
    const good = await handlerLink('api::project.project', draft!.documentId, 'draft');
    const token = new URL(good).searchParams.get('token')!;
    const [payload, signature] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(
      JSON.stringify({ ...claims, status: 'draft', documentId: draft!.documentId, exp: claims.exp + 3600 }),
    ).toString('base64url');
    const attempts = [
      `${previewUrl}/vorschau`,
      `${previewUrl}/vorschau?token=`,
      `${previewUrl}/vorschau?token=${payload}`,
      `${previewUrl}/vorschau?token=${payload}.${signature.slice(0, -2)}xx`,
      `${previewUrl}/vorschau?token=${forged}.${signature}`,
      `${previewUrl}/vorschau?token=${signPreviewToken({ type: 'project', documentId: draft!.documentId, status: 'draft' }, randomSecret(48))}`,
      `${previewUrl}/vorschau?token=${signPreviewToken({ type: 'project', documentId: draft!.documentId, status: 'draft' }, secret, new Date(Date.now() - (PREVIEW_TTL_SECONDS + 60) * 1000))}`,
    ];
    for (const url of attempts) {
      const response = await fetch(url);
      const html = await response.text();
      expect(response.status, url).toBe(401);
      expect(html).not.toContain(DRAFT_MARKER);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect((await fetch(good)).status).toBe(200);
  });

  it('never lets a previewed draft into the public site, its search index or the open data', async () => {
    const before = pipeline.publisher.status().builds;
    pipeline.publisher.queue.notify('test: build after previews');
    await settle(pipeline.publisher);
    expect(pipeline.publisher.status().builds).toBeGreaterThan(before);
    const files = releaseFiles(currentDir(pipeline.publisher.releases));
    expect([...files].filter(([, text]) => text.includes(DRAFT_MARKER)).map(([file]) => file)).toEqual([]);
    const results = await searchResults(browser, pipeline.web.url, [DRAFT_MARKER, 'Entwurf']);
    expect(results[DRAFT_MARKER]).toEqual([]);
  });
});
