/**
 * What the editors' preview serves under /dateien/ and /bilder/: only the files and image widths that the
 * published content or a draft rendered for a valid token uses, with the headers of the allowlist, and only
 * while Strapi still has them. Against a real Strapi, publisher and preview server.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPreviewToken } from '@ikz/shared-types/preview';
import { freePort, randomSecret } from '@ikz/scripts/lib/strapi-process';
import { createPreviewServer } from '@ikz/scripts/preview/server';
import { currentDir } from '@ikz/scripts/publisher/releases';
import { FILE_CSP } from '@ikz/shared-types/file-types';
import { pdf } from '../support/sample-files.ts';
import { startPipeline, type Pipeline } from './harness.ts';

let pipeline: Pipeline;
let previewUrl: string;
let closePreview: () => Promise<void>;
const secret = randomSecret(48);
const previewToken = randomSecret(48);

beforeAll(async () => {
  const previewPort = await freePort();
  previewUrl = `http://127.0.0.1:${previewPort}`;
  pipeline = await startPipeline('preview-files', 0.02, {
    PREVIEW_URL: previewUrl,
    PREVIEW_SECRET: secret,
    STRAPI_PREVIEW_TOKEN: previewToken,
  });
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
}, 600_000);

afterAll(async () => {
  await closePreview?.();
  await pipeline?.close();
});

/** A raw request: the path goes on the wire exactly as written. */
function get(rawPath: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const url = new URL(previewUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: rawPath }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const live = (rel: string) => fs.readFileSync(path.join(currentDir(pipeline.publisher.releases), rel), 'utf8');
const cacheFiles = () => {
  const dir = path.join(pipeline.strapi.tmp, 'site');
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /[\\/](images|downloads|originals)$/.test(e.parentPath))
    .map((e) => e.name);
};

async function previewOf(
  type: 'document' | 'project',
  documentId: string,
  status: 'draft' | 'published' = 'draft',
): Promise<string> {
  const response = await fetch(
    `${previewUrl}/vorschau?token=${signPreviewToken({ type, documentId, status }, secret)}`,
  );
  expect(response.status).toBe(200);
  return response.text();
}

function expectFileHeaders(response: { status: number; headers: http.IncomingHttpHeaders }, type: string) {
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe(type);
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['content-security-policy']).toBe(FILE_CSP);
  expect(response.headers['content-disposition']).toBe(type.startsWith('image/') ? 'inline' : 'attachment');
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.headers['x-powered-by']).toBeUndefined();
}

describe('files in the preview', () => {
  it('serves a published download with the allowlist headers, and no other spelling of it as anything else', async () => {
    const docs = await pipeline.seed.findAll<{ slug: string; file: { id: number } | null }>('documents', {
      populate: { file: true },
      fields: ['slug'],
    });
    const doc = docs.find((d) => d.file)!;
    const href = /href="(\/dateien\/[^"]+\.pdf)"/.exec(live(`dokumente/${doc.slug}/index.html`))![1]!;
    const response = await get(href);
    expectFileHeaders(response, 'application/pdf');
    expect(response.body.subarray(0, 5).toString()).toBe('%PDF-');
    const encoded = await get(href.replace('/dateien/', '/%64ateien/').replace('.pdf', '%2epdf'));
    expectFileHeaders(encoded, 'application/pdf');
    for (const other of [
      href.toUpperCase(),
      href.replace('.pdf', '.html'),
      href.replace('.pdf', '.svg'),
      `${href}/`,
      href.replace('/dateien/', '/dateien/../dateien/x'),
    ]) {
      expect((await get(other)).status, other).toBe(404);
    }
  });

  it('serves only the image widths the page uses, and makes no file for any other width', async () => {
    const projects = await pipeline.seed.findAll<{ slug: string; image: { id: number } | null }>('projects', {
      populate: { image: true },
      fields: ['slug'],
    });
    const project = projects.find((p) => p.image)!;
    const html = live(`projekte/${project.slug}/index.html`);
    const used = [...html.matchAll(/\/bilder\/[^"\s,]+/g)].map((m) => m[0]);
    expect(used.length).toBeGreaterThanOrEqual(2);
    for (const file of new Set(used))
      expectFileHeaders(
        await get(file),
        file.endsWith('.webp') ? 'image/webp' : file.endsWith('.png') ? 'image/png' : 'image/jpeg',
      );
    const [, key] = /\/bilder\/(.+)-\d+\.webp/.exec(used[0]!)!;
    const before = cacheFiles().length;
    for (const width of [1, 481, 799, 1600, 4000, 100_000_000]) {
      for (const ext of ['webp', 'jpg', 'png'])
        expect((await get(`/bilder/${key}-${width}.${ext}`)).status, `${width}.${ext}`).toBe(404);
    }
    expect((await get(`/bilder/${key}-800.gif`)).status).toBe(404);
    expect((await get(`/bilder/unbekannt-800.webp`)).status).toBe(404);
    expect(cacheFiles().length).toBe(before);
  });

  it("serves a draft's own file only after a valid token rendered it, and forgets it once Strapi deleted it", async () => {
    const upload = await pipeline.seed.upload({
      name: 'entwurf-anlage.pdf',
      type: 'application/pdf',
      data: pdf('Entwurf'),
    });
    const created = await pipeline.seed.request<{ data: { documentId: string } }>('POST', '/api/documents', {
      query: { status: 'draft' },
      body: {
        data: {
          title: 'Entwurf mit Anlage',
          slug: 'entwurf-mit-anlage',
          type: 'Sonstiges',
          date: '2026-04-01',
          file: upload.id,
        },
      },
    });
    const documentId = created.data.documentId;
    const expected = `/dateien/entwurf-anlage-${path
      .basename(upload.url, '.pdf')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(-10)}.pdf`;
    expect((await get(expected)).status).toBe(404);
    const expired = signPreviewToken(
      { type: 'document', documentId, status: 'draft' },
      secret,
      new Date(Date.now() - 3 * 3600_000),
    );
    expect((await fetch(`${previewUrl}/vorschau?token=${expired}`)).status).toBe(401);
    expect((await get(expected)).status).toBe(404);
    const html = await previewOf('document', documentId);
    const href = /href="(\/dateien\/[^"]+\.pdf)"/.exec(html)?.[1];
    expect(href).toBe(expected);
    expectFileHeaders(await get(href!), 'application/pdf');

    await pipeline.seed.request('DELETE', `/api/upload/files/${upload.id}`);
    expect((await get(href!)).status).toBe(404);
    expect(cacheFiles().filter((name) => name.startsWith('entwurf-anlage'))).toEqual([]);
    expect((await get(href!)).status).toBe(404);
  });

  it("never serves a draft's file whose bytes are not what its name says, and never under its uploaded extension", async () => {
    const upload = await pipeline.seed.upload({
      name: 'skript-anlage.pdf',
      type: 'application/pdf',
      data: pdf('Skript'),
    });
    fs.writeFileSync(
      path.join(pipeline.strapi.tmp, 'public', upload.url),
      '<!doctype html><script>alert(document.domain)</script>',
    );
    const created = await pipeline.seed.request<{ data: { documentId: string } }>('POST', '/api/documents', {
      query: { status: 'draft' },
      body: {
        data: {
          title: 'Entwurf mit Skript',
          slug: 'entwurf-mit-skript',
          type: 'Sonstiges',
          date: '2026-04-02',
          file: upload.id,
        },
      },
    });
    const html = await previewOf('document', created.data.documentId);
    expect(html).toContain('Die Datei zu diesem Dokument ist derzeit nicht verfügbar.');
    expect(html).not.toContain('/dateien/skript-anlage');
    const stem = `/dateien/skript-anlage-${path
      .basename(upload.url, '.pdf')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(-10)}`;
    for (const ext of ['.pdf', '.html', '']) expect((await get(`${stem}${ext}`)).status, `${stem}${ext}`).toBe(404);
  });
});
