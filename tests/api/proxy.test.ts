/**
 * Behind the shipped nginx sample (Debian's nginx as the real program) in front of this run's real Strapi, a
 * real publisher and a real preview server: the admin login's rate limit, uploaded files on the admin host,
 * the status page behind a login, and the Host checks of publisher and preview.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomSecret } from '@ikz/scripts/lib/strapi-process';
import { createPreviewServer } from '@ikz/scripts/preview/server';
import { createPublisher, type Publisher } from '@ikz/scripts/publisher/service';
import { FILE_CSP } from '@ikz/shared-types/file-types';
import { request, startNginx, type RunningNginx } from '../support/nginx.ts';

const ADMIN_HOST = 'redaktion.interkommunales.example';
const PREVIEW_HOST = 'vorschau.interkommunales.example';
const STATUS_PASSWORD = `Status-${randomSecret(12)}`;

let nginx: RunningNginx;
let publisher: Publisher;
let publisherPort: number;
let previewPort: number;
const closers: (() => Promise<unknown>)[] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-proxy-'));

beforeAll(async () => {
  publisher = createPublisher({
    strapiUrl: inject('strapiUrl'),
    token: inject('buildToken'),
    secret: randomSecret(32),
    root: path.join(tmp, 'site'),
    siteUrl: inject('siteUrl'),
    fullBuildAt: 'off',
    log: () => {},
    statusUrls: [`https://${ADMIN_HOST}/veroeffentlichung/`],
  });
  const listening = await publisher.listen(0);
  publisherPort = listening.port;
  closers.push(() => publisher.close(), listening.close);
  const preview = await createPreviewServer({
    builder: publisher.builder,
    strapiUrl: inject('strapiUrl'),
    previewToken: randomSecret(40),
    secret: randomSecret(40),
    adminOrigins: [`https://${ADMIN_HOST}`],
    siteUrl: inject('siteUrl'),
    publicUrls: [`https://${PREVIEW_HOST}`],
    log: () => {},
  }).listen(0);
  previewPort = preview.port;
  closers.push(preview.close);
  const hash = spawnSync('openssl', ['passwd', '-6', '-stdin'], { input: STATUS_PASSWORD, encoding: 'utf8' });
  if (hash.status !== 0) throw new Error(`openssl passwd failed: ${hash.stderr}`);
  fs.mkdirSync(path.join(tmp, 'site-root'));
  nginx = await startNginx(path.join(tmp, 'site-root'), previewPort, {
    strapiPort: Number(new URL(inject('strapiUrl')).port),
    publisherPort,
    htpasswd: [`redaktion:${hash.stdout.trim()}`],
  });
});

afterAll(async () => {
  await nginx?.stop();
  for (const close of closers.reverse()) await close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const admin = (urlPath: string, options: Parameters<typeof request>[2] = {}) =>
  request(nginx.httpsPort, urlPath, { host: ADMIN_HOST, ...options });
let attempt = 0;
/** A wrong login through nginx from one local address (each test its own), with a fresh e-mail address each time. */
const wrongLogin = (urlPath: string, localAddress: string, headers: Record<string, string> = {}) =>
  admin(urlPath, {
    method: 'POST',
    localAddress,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: `angreifer-${++attempt}@example.org`, password: 'Falsches-Passwort-1' }),
  });
const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

describe('the nginx sample in front of Strapi, the publisher and the preview', () => {
  it('ends six wrong logins with rotating forged X-Forwarded-For addresses in 429, before Strapi', async () => {
    const responses = [];
    for (let i = 0; i < 6; i++)
      responses.push(
        await wrongLogin('/admin/login', '127.0.0.11', {
          'x-forwarded-for': `198.51.100.${i + 1}`,
          'x-real-ip': `198.51.100.${i + 1}`,
        }),
      );
    expect(responses.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 429]);
    // The first five reached Strapi and were refused there; the sixth never did (nginx answers in German).
    for (const r of responses.slice(0, 5))
      expect(JSON.parse(r.body.toString()).error.message).toBe('Invalid credentials');
    expect(responses[5]!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(responses[5]!.body.toString()).error).toMatchObject({
      status: 429,
      name: 'RateLimitError',
      message: expect.stringMatching(/^Zu viele Anmeldeversuche/),
    });
    // Another client is not affected.
    expect((await wrongLogin('/admin/login', '127.0.0.12')).status).toBe(400);
  });

  it('limits every spelling of the login path that nginx or Strapi might take for it', async () => {
    const spellings = [
      '/admin//login',
      '/Admin/login',
      '/ADMIN/LOGIN',
      '/admin/login/',
      '/admin/login?x=1',
      '/admin/%6Cogin',
      '/admin%2Flogin',
      '/admin/./login',
      '/x/../admin/login',
      '/admin///login//',
      '/admin/forgot-password',
      '/admin/reset-password',
      '/admin/register-admin',
    ];
    const strapiAnswers: Record<string, number> = {};
    for (const [i, spelling] of spellings.entries()) {
      const statuses: number[] = [];
      for (let n = 0; n < 6; n++) statuses.push((await wrongLogin(spelling, `127.0.1.${i + 1}`)).status);
      strapiAnswers[spelling] = statuses[0]!;
      expect(statuses.slice(0, 5), spelling).not.toContain(429);
      expect(statuses[5], spelling).toBe(429);
    }
    // What Strapi made of the first attempt of each (400: a login it refused; 404/405: no route).
    console.log(`Strapi's answers behind nginx: ${JSON.stringify(strapiAnswers)}`);
    expect(strapiAnswers['/Admin/login']).toBe(400);
  });

  it('serves uploaded files on the admin host sandboxed, unsniffed, and as downloads unless an image', async () => {
    const uploads = path.join(inject('strapiTmp'), 'public', 'uploads');
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const files: Record<string, Buffer | string> = {
      'probe.html': '<!doctype html><script>alert(document.domain)</script>',
      'probe.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      'probe.js': 'alert(1)',
      'probe.txt': '<script>alert(1)</script>',
      'probe.pdf': '%PDF-1.4\n%%EOF\n',
      'probe.png': png,
    };
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(uploads, name), content);
    try {
      for (const name of Object.keys(files)) {
        const inline = name.endsWith('.png');
        for (const spelling of [
          `/uploads/${name}`,
          `/uploads//${name}`,
          `/./uploads/${name}`,
          `/uploads/%${name.charCodeAt(0).toString(16)}${name.slice(1)}`,
          `/UPLOADS/${name}`,
        ]) {
          const response = await admin(spelling);
          if (spelling === `/uploads/${name}`) expect(response.status, spelling).toBe(200);
          if (response.status !== 200) continue;
          expect(response.headers['content-security-policy'], spelling).toBe(FILE_CSP);
          expect(response.headers['x-content-type-options'], spelling).toBe('nosniff');
          expect(response.headers['content-disposition'], spelling).toBe(inline ? 'inline' : 'attachment');
          expect(response.headers['x-powered-by'], spelling).toBeUndefined();
          expect(response.headers.server, spelling).toBe('nginx');
        }
      }
    } finally {
      for (const name of Object.keys(files)) fs.rmSync(path.join(uploads, name), { force: true });
    }
    const api = await admin('/api/topics');
    expect(api.status).toBe(200);
    expect(api.headers['x-powered-by']).toBeUndefined();
    expect(api.headers.server).toBe('nginx');
  });

  it('shows the publishing status on the admin host only after a login', async () => {
    for (const spelling of [
      '/veroeffentlichung/',
      '/veroeffentlichung/status',
      '/veroeffentlichung//',
      '/veroeffentlichung/%73tatus',
      '/veroeffentlichung/./status',
      '/x/../veroeffentlichung/',
      '/Veroeffentlichung/',
      '/veroeffentlichung',
      '/veroeffentlichung/status/',
      '/veroeffentlichung/status.html',
      '/veroeffentlichung/webhook',
    ]) {
      for (const headers of [
        {},
        basic('redaktion', 'falsch'),
        basic('redaktion', ''),
        basic('', STATUS_PASSWORD),
        basic('Redaktion', STATUS_PASSWORD),
      ]) {
        const response = await admin(spelling, { headers });
        expect(response.status, `${spelling} ${JSON.stringify(headers)}`).not.toBe(200);
        expect(response.body.toString(), spelling).not.toMatch(/Veröffentlichungsstatus|"history"/);
      }
    }
    expect((await admin('/veroeffentlichung/')).status).toBe(401);
    expect((await admin('/veroeffentlichung/')).headers['www-authenticate']).toMatch(/^Basic /);
    const page = await admin('/veroeffentlichung/', { headers: basic('redaktion', STATUS_PASSWORD) });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<h1>Veröffentlichungsstatus</h1>');
    const json = await admin('/veroeffentlichung/status', { headers: basic('redaktion', STATUS_PASSWORD) });
    expect(json.status).toBe(200);
    expect(JSON.parse(json.body.toString())).toHaveProperty('history');
  });

  it('lets the publisher and the preview answer their own host names only', async () => {
    const direct = (port: number, host: string, urlPath = '/', method = 'GET') =>
      request(port, urlPath, { tls: false, host, method, body: method === 'POST' ? '{}' : undefined });
    for (const host of [
      'evil.example',
      `${ADMIN_HOST}.`,
      `${ADMIN_HOST}.evil.example`,
      `${ADMIN_HOST}:80`,
      `localhost:${publisherPort + 1}`,
      PREVIEW_HOST,
    ]) {
      const refused = await direct(publisherPort, host);
      expect(refused.status, host).toBe(421);
      expect(refused.body.toString()).toMatch(/antwortet unter diesem Host-Namen nicht/);
      expect((await direct(publisherPort, host, '/status')).status, host).toBe(421);
    }
    expect((await direct(publisherPort, ADMIN_HOST)).status).toBe(200);
    expect((await direct(publisherPort, `127.0.0.1:${publisherPort}`, '/status')).status).toBe(200);
    // The webhook stays on loopback: the status host name does not reach it, loopback does (and then needs the secret).
    expect((await direct(publisherPort, ADMIN_HOST, '/webhook', 'POST')).status).toBe(421);
    expect((await direct(publisherPort, `127.0.0.1:${publisherPort}`, '/webhook', 'POST')).status).toBe(401);

    for (const host of [
      'evil.example',
      `${PREVIEW_HOST}.`,
      `${PREVIEW_HOST}.evil.example`,
      ADMIN_HOST,
      `localhost:${previewPort + 1}`,
    ]) {
      const refused = await direct(previewPort, host, '/vorschau?token=x');
      expect(refused.status, host).toBe(421);
      expect(refused.body.toString()).toMatch(/antwortet unter diesem Host-Namen nicht/);
    }
    expect((await direct(previewPort, PREVIEW_HOST, '/vorschau?token=x')).status).toBe(401);
    expect((await direct(previewPort, `localhost:${previewPort}`, '/vorschau?token=x')).status).toBe(401);
    // Through nginx, under its own name.
    const proxied = await request(nginx.httpsPort, '/vorschau?token=x', { host: PREVIEW_HOST });
    expect(proxied.status).toBe(401);
    expect(proxied.body.toString()).toContain('Vorschau-Link ist ungültig');
  });
});
