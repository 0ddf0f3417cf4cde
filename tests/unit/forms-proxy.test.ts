import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FORM_BODY_BYTES } from '@ikz/shared-types/form-uploads';
import { formTarget } from '@ikz/scripts/lib/forms-proxy';
import { serveStatic, type StaticServer } from '@ikz/scripts/lib/static-server';

describe('formTarget (what the local web server passes on to Strapi)', () => {
  it('passes plain paths below /formulare/ with a plain query', () => {
    expect(formTarget('/formulare/newsletter/anmelden')).toBe('/formulare/newsletter/anmelden');
    expect(formTarget('/formulare/newsletter/bestaetigen?t=abc_DEF-123.x')).toBe(
      '/formulare/newsletter/bestaetigen?t=abc_DEF-123.x',
    );
    expect(formTarget('/formulare/challenge/')).toBe('/formulare/challenge/');
  });

  it('refuses every other spelling', () => {
    for (const target of [
      '/formulare/',
      '/formulare',
      '/Formulare/challenge',
      '/formulare/../admin',
      '/formulare/%2e%2e/admin',
      '/formulare/..%2fadmin',
      '/formulare//admin',
      '/formulare/a/./b',
      '/formulare/a#x',
      '/formulare/a?x=<script>',
      '/formulare/a\\..\\admin',
      '//formulare/a',
      undefined,
    ]) {
      expect(formTarget(target), String(target)).toBeNull();
    }
  });
});

describe('the local web server with formsUpstream', () => {
  let upstream: http.Server;
  let web: StaticServer;
  let root: string;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-forms-proxy-'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
    upstream = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () =>
        res.writeHead(201, { 'Content-Type': 'application/json', 'Set-Cookie': 'koa.sess=1' }).end(
          JSON.stringify({
            url: req.url,
            method: req.method,
            xff: req.headers['x-forwarded-for'],
            cookie: req.headers.cookie ?? null,
            body: Buffer.concat(chunks).toString(),
          }),
        ),
      );
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    web = await serveStatic(root, 0, '127.0.0.1', {
      formsUpstream: `http://127.0.0.1:${(upstream.address() as { port: number }).port}`,
    });
  });
  afterAll(async () => {
    await web.close();
    await new Promise((r) => upstream.close(r));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('passes a form post on with the client address and without cookies, and drops Set-Cookie', async () => {
    const response = await fetch(`${web.url}/formulare/newsletter/anmelden`, {
      method: 'POST',
      body: 'email=x%40example.org',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: 'a=b', 'X-Forwarded-For': '203.0.113.7' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.json()).toEqual({
      url: '/formulare/newsletter/anmelden',
      method: 'POST',
      xff: '127.0.0.1',
      cookie: null,
      body: 'email=x%40example.org',
    });
  });

  it('passes a multipart body with files on unchanged, up to the body limit of the forms', async () => {
    const form = new FormData();
    form.append('title', 'Bauhof');
    form.append(
      'documents',
      new Blob([new Uint8Array(Buffer.from('%PDF-1.7 Inhalt'))], { type: 'application/pdf' }),
      'Vertrag.pdf',
    );
    const response = await fetch(`${web.url}/formulare/projekt-melden/senden`, { method: 'POST', body: form });
    expect(response.status).toBe(201);
    const seen = (await response.json()) as { body: string };
    expect(seen.body).toContain('filename="Vertrag.pdf"');
    expect(seen.body).toContain('%PDF-1.7 Inhalt');
  });

  it('answers a body above the limit of the forms with 413, as nginx does, with or without a length', async () => {
    const big = new Uint8Array(MAX_FORM_BODY_BYTES + 1);
    const declared = await fetch(`${web.url}/formulare/projekt-melden/senden`, {
      method: 'POST',
      body: big,
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    expect(declared.status).toBe(413);
    expect(await declared.text()).toContain('Zu große Anfrage');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 32; i += 1) controller.enqueue(new Uint8Array(1024 * 1024));
        controller.close();
      },
    });
    const chunked = await fetch(`${web.url}/formulare/projekt-melden/senden`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('answers other spellings itself, never from Strapi', async () => {
    for (const target of ['/formulare/..%2fadmin', '/Formulare/challenge', '/formulare/%2e%2e/admin']) {
      const response = await fetch(`${web.url}${target}`, { method: 'POST', body: 'x=1' });
      expect(response.status, target).toBe(405);
      expect(response.headers.get('content-type') ?? '', target).not.toMatch(/json/);
    }
  });

  it('answers 502 in German when Strapi does not answer', async () => {
    const down = await serveStatic(root, 0, '127.0.0.1', { formsUpstream: 'http://127.0.0.1:9' });
    try {
      const response = await fetch(`${down.url}/formulare/challenge`);
      expect(response.status).toBe(502);
      expect(await response.text()).toContain('Formular gerade nicht erreichbar');
    } finally {
      await down.close();
    }
  });
});
