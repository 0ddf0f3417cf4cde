/** The shipped nginx sample, run by Debian's nginx against the built site, and the site under its CSP in Chromium. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import tls from 'node:tls';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectCspViolations, launchChromium } from '../support/browser.ts';
import { FILE_CSP } from '@ikz/shared-types/file-types';
import { MAX_FORM_BODY_BYTES } from '@ikz/shared-types/form-uploads';
import { request, startNginx, type RunningNginx } from '../support/nginx.ts';

let nginx: RunningNginx;
let browser: Browser;
let preview: http.Server;
const siteDir = () => inject('siteDir');
const firstFile = (dir: string, pattern: RegExp) =>
  fs.readdirSync(path.join(siteDir(), dir)).find((f) => pattern.test(f))!;
const firstPage = (dir: string) =>
  fs
    .readdirSync(path.join(siteDir(), dir), { withFileTypes: true })
    .find(
      (e) => e.isDirectory() && fs.existsSync(path.join(siteDir(), dir, e.name, 'index.html')) && e.name !== 'seite',
    )!.name;

const SECURITY_HEADERS: Record<string, RegExp> = {
  'content-security-policy':
    /default-src 'self'.*script-src 'self' 'wasm-unsafe-eval'.*frame-ancestors 'none'|^sandbox; default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'$/,
  'strict-transport-security': /max-age=31536000/,
  'x-content-type-options': /^nosniff$/,
  'referrer-policy': /^strict-origin-when-cross-origin$/,
  'permissions-policy': /camera=\(\)/,
};

beforeAll(async () => {
  // Stands in for the preview service behind nginx: answers with the headers the real one sends.
  // It also sends a fingerprint header, which nginx must drop.
  preview = http.createServer((req, res) =>
    res
      .writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Robots-Tag': 'noindex, nofollow',
        'X-Powered-By': 'Express',
      })
      .end(`Vorschau ${req.url} ${req.headers['x-forwarded-proto']}`),
  );
  await new Promise<void>((resolve) => preview.listen(0, '127.0.0.1', resolve));
  nginx = await startNginx(siteDir(), (preview.address() as { port: number }).port);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  await new Promise((resolve) => preview?.close(resolve));
});

describe('nginx sample configuration', () => {
  it('sends every security header on HTML, assets, downloads, the search index, data files and the 404 page', async () => {
    const urls = [
      '/',
      '/projekte/',
      `/projekte/${firstPage('projekte')}/`,
      '/projekte',
      `/_astro/${firstFile('_astro', /\.css$/)}`,
      `/dateien/${firstFile('dateien', /\.pdf$/)}`,
      '/pagefind/pagefind.js',
      `/pagefind/fragment/${firstFile('pagefind/fragment', /\.pf_fragment$/)}`,
      '/daten/projekte.csv',
      '/veranstaltungen/kalender.ics',
      '/.well-known/security.txt',
      '/gibt-es-nicht/',
    ];
    for (const url of urls) {
      const response = await request(nginx.httpsPort, url);
      expect(response.status, url).toBe(url === '/gibt-es-nicht/' ? 404 : 200);
      for (const [header, pattern] of Object.entries(SECURITY_HEADERS))
        expect(response.headers[header], `${header} on ${url}`).toMatch(pattern);
      // Uploaded files are sandboxed instead (see below); everything else has the site's CSP.
      expect(String(response.headers['content-security-policy']).startsWith('sandbox;'), url).toBe(
        url.startsWith('/dateien/'),
      );
    }
    const notFound = await request(nginx.httpsPort, '/gibt-es-nicht/');
    expect(notFound.body.toString()).toContain('Seite nicht gefunden');
  });

  it('caches as documented: fingerprinted assets for a year, downloads for 30 days, pages briefly', async () => {
    const cacheOf = async (url: string) => (await request(nginx.httpsPort, url)).headers['cache-control'];
    expect(await cacheOf(`/_astro/${firstFile('_astro', /\.css$/)}`)).toBe('public, max-age=31536000, immutable');
    expect(await cacheOf(`/pagefind/fragment/${firstFile('pagefind/fragment', /\.pf_fragment$/)}`)).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(await cacheOf(`/dateien/${firstFile('dateien', /\.pdf$/)}`)).toBe('public, max-age=2592000');
    for (const url of [
      '/',
      '/projekte/',
      '/pagefind/pagefind-entry.json',
      '/daten/projekte.json',
      '/projekte/feed.xml',
    ]) {
      expect(await cacheOf(url), url).toBe('public, max-age=60, must-revalidate');
    }
  });

  it('serves the right types and compresses text', async () => {
    const csv = await request(nginx.httpsPort, '/daten/projekte.csv', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(csv.headers['content-encoding']).toBe('gzip');
    expect(csv.headers.vary).toBe('Accept-Encoding');
    const script = await request(nginx.httpsPort, '/pagefind/pagefind.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect([script.headers['content-encoding'], script.headers.vary]).toEqual(['gzip', 'Accept-Encoding']);
    const chunk = await request(
      nginx.httpsPort,
      `/pagefind/fragment/${firstFile('pagefind/fragment', /\.pf_fragment$/)}`,
      {
        headers: { 'Accept-Encoding': 'gzip' },
      },
    );
    // Pagefind's own gzip bytes, written beside the unpacked file (see the next test).
    expect([chunk.headers['content-encoding'], chunk.headers.vary]).toEqual(['gzip', 'Accept-Encoding']);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const ics = fs.readdirSync(path.join(siteDir(), 'veranstaltungen')).find((f) => f.endsWith('.ics'))!;
    expect((await request(nginx.httpsPort, `/veranstaltungen/${ics}`)).headers['content-type']).toBe(
      'text/calendar; charset=utf-8',
    );
    expect((await request(nginx.httpsPort, '/')).headers['content-type']).toMatch(/^text\/html/);
    expect((await request(nginx.httpsPort, '/.well-known/security.txt')).headers['content-type']).toMatch(
      /^text\/plain/,
    );
  });

  it('sends the compressed copies written once with the release for scripts, styles and the search index (gzip_static)', async () => {
    for (const url of [
      '/pagefind/pagefind.js',
      `/_astro/${firstFile('_astro', /\.css$/)}`,
      `/_astro/${firstFile('_astro', /^Search.*\.js$/)}`,
      // Pagefind's files, unpacked: the copy is Pagefind's gzip, the file what Pagefind reads without inflating.
      '/pagefind/wasm.de.pagefind',
      `/pagefind/fragment/${firstFile('pagefind/fragment', /\.pf_fragment$/)}`,
      `/pagefind/index/${firstFile('pagefind/index', /\.pf_index$/)}`,
      `/pagefind-weitere/${firstFile('pagefind-weitere', /\.pf_meta$/)}`,
    ]) {
      const copy = fs.readFileSync(path.join(siteDir(), `${url}.gz`));
      const response = await request(nginx.httpsPort, url, { headers: { 'Accept-Encoding': 'gzip, br' } });
      expect([response.status, response.headers['content-encoding'], response.headers.vary], url).toEqual([
        200,
        'gzip',
        'Accept-Encoding',
      ]);
      // The copy's very bytes: compressing on the fly (nginx's level 1) gives others than the copy's level 9.
      expect(response.body.equals(copy), url).toBe(true);
      expect(zlib.gunzipSync(response.body).equals(fs.readFileSync(path.join(siteDir(), url))), url).toBe(true);
      const plain = await request(nginx.httpsPort, url);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(plain.body.equals(fs.readFileSync(path.join(siteDir(), url))), url).toBe(true);
    }
  });

  it('passes the preview host name to the preview service, uncached, with its own headers', async () => {
    const response = await request(nginx.httpsPort, '/vorschau?token=x', { host: 'vorschau.interkommunales.example' });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('Vorschau /vorschau?token=x https');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers.server).toBe('nginx');
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const response = await request(nginx.httpPort, '/projekte/', { tls: false });
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('https://www.interkommunales.example/projekte/');
  });

  it('lets search and the project finder work under the CSP, without a single violation', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const violations = await collectCspViolations(page);
    const base = `https://127.0.0.1:${nginx.httpsPort}`;
    await page.goto(`${base}/suche/?q=Kooperation`);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 20_000 });
    await page.goto(`${base}/projekte/`);
    await page.locator('#projektfinder:not([hidden])').waitFor({ timeout: 20_000 });
    await page.goto(`${base}/`);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('serves uploaded files sandboxed, with types from the allowlist only, and as downloads unless an image', async () => {
    const pdf = firstFile('dateien', /\.pdf$/);
    const image = firstFile('bilder', /\.webp$/);
    const probes: Record<string, string> = {
      'dateien/probe-a1b2.html': '<script>alert(1)</script>',
      'dateien/probe-a1b2.htm': '<script>alert(1)</script>',
      'dateien/probe-a1b2.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      'dateien/probe-a1b2.js': 'alert(1)',
      'dateien/probe-a1b2.xml': '<x/>',
      'dateien/probe-a1b2.docx': 'PK',
      'dateien/probe-a1b2.PDF': '%PDF-1.4',
      'dateien/probe-a1b2': '<script>alert(1)</script>',
      'bilder/probe-a1b2-480.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      'bilder/probe-a1b2-480.html': '<script>alert(1)</script>',
    };
    const expected: Record<string, [string, string | undefined]> = {
      [`dateien/${pdf}`]: ['application/pdf', 'attachment'],
      [`bilder/${image}`]: ['image/webp', 'inline'],
      'dateien/probe-a1b2.html': ['application/octet-stream', 'attachment'],
      'dateien/probe-a1b2.htm': ['application/octet-stream', 'attachment'],
      'dateien/probe-a1b2.svg': ['application/octet-stream', 'attachment'],
      'dateien/probe-a1b2.js': ['application/octet-stream', 'attachment'],
      'dateien/probe-a1b2.xml': ['application/octet-stream', 'attachment'],
      'dateien/probe-a1b2.docx': [
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'attachment',
      ],
      'dateien/probe-a1b2.PDF': ['application/pdf', 'attachment'],
      'dateien/probe-a1b2': ['application/octet-stream', 'attachment'],
      'bilder/probe-a1b2-480.svg': ['application/octet-stream', 'attachment'],
      'bilder/probe-a1b2-480.html': ['application/octet-stream', 'attachment'],
    };
    for (const [name, content] of Object.entries(probes)) fs.writeFileSync(path.join(siteDir(), name), content);
    try {
      for (const [name, [type, disposition]] of Object.entries(expected)) {
        for (const url of [
          `/${name}`,
          `//${name}`,
          `/./${name}`,
          `/${name.replace('/', '//')}`,
          `/${name.replace(/^(\w+)\/(.)/, (_, dir: string, first: string) => `${dir}/%${first.charCodeAt(0).toString(16)}`)}`,
        ]) {
          const response = await request(nginx.httpsPort, url);
          expect(response.status, url).toBe(200);
          expect(response.headers['content-type']?.replace(/;\s*charset=utf-8$/, ''), url).toBe(type);
          expect(response.headers['content-disposition'], url).toBe(disposition);
          expect(response.headers['content-security-policy'], url).toBe(FILE_CSP);
          expect(response.headers['x-content-type-options'], url).toBe('nosniff');
          expect(response.headers.server, url).toBe('nginx');
        }
      }
    } finally {
      for (const name of Object.keys(probes)) fs.rmSync(path.join(siteDir(), name), { force: true });
    }
    // Pages keep the site's CSP.
    expect((await request(nginx.httpsPort, '/')).headers['content-security-policy']).toMatch(/^default-src 'self'/);
  });
});

describe('TLS of the nginx sample (BSI TR-02102-2)', () => {
  interface Handshake {
    ok: boolean;
    protocol?: string | null;
    cipher?: string;
    /** Bytes of the session ticket the server sent, if any. */
    ticket?: number;
    error?: string;
  }
  const handshake = (port: number, options: tls.ConnectionOptions): Promise<Handshake> =>
    new Promise((resolve) => {
      const socket = tls.connect({
        host: '127.0.0.1',
        port,
        servername: 'www.interkommunales.example',
        rejectUnauthorized: false,
        ...options,
      });
      socket.once('secureConnect', () => {
        const result = { ok: true, protocol: socket.getProtocol(), cipher: socket.getCipher().standardName };
        // A session ticket (TLS 1.2 sends it in the handshake, TLS 1.3 after it) would arrive here.
        setTimeout(() => {
          resolve({ ...result, ticket: socket.getTLSTicket()?.length });
          socket.destroy();
        }, 200);
      });
      socket.once('error', (error) => resolve({ ok: false, error: error.message }));
    });
  // The old protocols need OpenSSL's lowest security level on the client side.
  const legacy = { ciphers: 'DEFAULT@SECLEVEL=0' };

  // A TLS server that allows everything, with the same certificate: shows that the client below really offers
  // what nginx refuses.
  let control: tls.Server;
  const controlPort = () => (control.address() as { port: number }).port;
  beforeAll(async () => {
    // It issues session tickets, and keeps each connection open long enough for the client to get one.
    control = tls.createServer(
      {
        key: fs.readFileSync(nginx.key),
        cert: fs.readFileSync(nginx.cert),
        minVersion: 'TLSv1',
        ciphers: 'ALL@SECLEVEL=0',
        dhparam: 'auto',
        ticketKeys: randomBytes(48),
      },
      (socket) => {
        setTimeout(() => socket.end(), 1000);
      },
    );
    await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => control?.close());
  /** Refused by nginx, accepted by the control server. */
  const refused = async (options: tls.ConnectionOptions, label: string) => {
    expect((await handshake(controlPort(), options)).ok, `control: ${label}`).toBe(true);
    expect((await handshake(nginx.httpsPort, options)).ok, label).toBe(false);
  };

  it('refuses TLS 1.0 and 1.1', async () => {
    for (const version of ['TLSv1', 'TLSv1.1'] as const) {
      expect(
        await handshake(controlPort(), { ...legacy, minVersion: version, maxVersion: version }),
        `control ${version}`,
      ).toMatchObject({ ok: true, protocol: version });
      await refused({ ...legacy, minVersion: version, maxVersion: version }, version);
    }
  });

  it('speaks TLS 1.2 and 1.3 with the recommended cipher suites and curves only, without session tickets', async () => {
    const tls12 = await handshake(nginx.httpsPort, { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' });
    expect(tls12).toMatchObject({ ok: true, protocol: 'TLSv1.2', ticket: undefined });
    expect(
      (await handshake(controlPort(), { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' })).ticket,
      'control: a ticket in TLS 1.2',
    ).toBeGreaterThan(32);
    expect(['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256']).toContain(tls12.cipher);
    const tls13 = await handshake(nginx.httpsPort, { minVersion: 'TLSv1.3' });
    expect(tls13).toMatchObject({ ok: true, protocol: 'TLSv1.3' });
    // TLS 1.3 always hands out a ticket; without ticket keys it is only the 32-byte key of nginx's session cache
    // (a server with ticket keys sends the encrypted session itself).
    expect(tls13.ticket).toBeLessThanOrEqual(32);
    expect(
      (await handshake(controlPort(), { minVersion: 'TLSv1.3' })).ticket,
      'control: an encrypted ticket',
    ).toBeGreaterThan(32);
    expect(['TLS_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256']).toContain(tls13.cipher);
    // Suites and curves outside the recommendation are refused, though the client offers nothing else.
    for (const cipher of [
      'ECDHE-RSA-CHACHA20-POLY1305',
      'ECDHE-RSA-AES128-SHA256',
      'ECDHE-RSA-AES256-SHA',
      'AES128-GCM-SHA256',
      'DHE-RSA-AES128-GCM-SHA256',
    ]) {
      await refused({ ciphers: `${cipher}@SECLEVEL=0`, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' }, cipher);
    }
    await refused({ minVersion: 'TLSv1.3', ciphers: 'TLS_CHACHA20_POLY1305_SHA256' }, 'TLS 1.3 with ChaCha20');
    await refused({ ecdhCurve: 'X25519' }, 'X25519');
    for (const curve of ['P-256', 'P-384', 'P-521'])
      expect((await handshake(nginx.httpsPort, { ecdhCurve: curve })).ok, curve).toBe(true);
  });
});

describe('forms behind the nginx sample', () => {
  // Stands in for Strapi: echoes what arrived, and tries to set a cookie and name itself (nginx must drop both).
  let strapi: http.Server;
  let formsNginx: RunningNginx;
  beforeAll(async () => {
    strapi = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () =>
        res
          .writeHead(200, {
            'Content-Type': 'application/json',
            'Set-Cookie': 'koa.sess=x; path=/',
            'X-Powered-By': 'Strapi <strapi.io>',
            'Cache-Control': 'no-store',
          })
          .end(
            JSON.stringify({
              url: req.url,
              method: req.method,
              xff: req.headers['x-forwarded-for'],
              proto: req.headers['x-forwarded-proto'],
              cookie: req.headers.cookie ?? null,
              authorization: req.headers.authorization ?? null,
              length: Buffer.concat(chunks).length,
              body: Buffer.concat(chunks).subarray(0, 10_000).toString(),
            }),
          ),
      );
    });
    await new Promise<void>((resolve) => strapi.listen(0, '127.0.0.1', resolve));
    formsNginx = await startNginx(siteDir(), (preview.address() as { port: number }).port, {
      strapiPort: (strapi.address() as { port: number }).port,
    });
  });
  afterAll(async () => {
    await formsNginx?.stop();
    await new Promise((resolve) => strapi?.close(resolve));
  });

  it('passes a form post on to Strapi with the address nginx saw, without cookies or credentials, uncached', async () => {
    const response = await request(formsNginx.httpsPort, '/formulare/newsletter/anmelden', {
      method: 'POST',
      body: 'email=a%40example.org',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Forwarded-For': '203.0.113.9',
        Cookie: 'strapi_admin_refresh=stolen',
        Authorization: 'Bearer stolen',
      },
    });
    expect(response.status).toBe(200);
    const seen = JSON.parse(response.body.toString()) as Record<string, string | null>;
    expect(seen).toMatchObject({
      url: '/formulare/newsletter/anmelden',
      method: 'POST',
      xff: '127.0.0.1',
      proto: 'https',
      cookie: null,
      authorization: null,
      body: 'email=a%40example.org',
    });
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['cache-control']).not.toMatch(/public|max-age=[1-9]/);
  });

  it('passes a form with files up to the body limit of the forms on, and refuses a larger one with 413 before Strapi sees it', async () => {
    const boundary = 'ikzgrenze';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="documents"; filename="Vertrag.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const body = Buffer.concat([head, Buffer.alloc(MAX_FORM_BODY_BYTES - head.length - tail.length, 0x41), tail]);
    expect(body.length).toBe(MAX_FORM_BODY_BYTES);
    const headers = { 'Content-Type': `multipart/form-data; boundary=${boundary}` };
    const passed = await request(formsNginx.httpsPort, '/formulare/projekt-melden/senden', {
      method: 'POST',
      body,
      headers,
    });
    expect(passed.status).toBe(200);
    expect(JSON.parse(passed.body.toString())).toMatchObject({
      url: '/formulare/projekt-melden/senden',
      length: MAX_FORM_BODY_BYTES,
    });
    // Declared one byte too large: refused at once (the body is not even sent in full).
    const refused = await request(formsNginx.httpsPort, '/formulare/projekt-melden/senden', {
      method: 'POST',
      body: head,
      headers: { ...headers, 'Content-Length': String(MAX_FORM_BODY_BYTES + 1) },
    });
    expect(refused.status).toBe(413);
    expect(refused.body.toString()).not.toContain('/formulare/');
  });

  it('never lets another spelling reach another route of Strapi', async () => {
    for (const spelling of [
      '/formulare/../admin/login',
      '/formulare/%2e%2e/admin/login',
      '/formulare/..%2fadmin/login',
      '/formulare/%2E%2E%2Fapi/users',
      '/formulare//../api/users',
    ]) {
      const response = await request(formsNginx.httpsPort, spelling);
      const body = response.body.toString();
      if (response.headers['content-type']?.includes('application/json')) {
        // Reached the stand-in: then only with a normalised path below /formulare/.
        expect((JSON.parse(body) as { url: string }).url, spelling).toMatch(/^\/formulare\/(?!.*\.\.)/);
      } else {
        expect(response.status, spelling).toBeGreaterThanOrEqual(400);
      }
    }
    const normalised = await request(formsNginx.httpsPort, '/formulare/a/%2e%2e/challenge');
    expect((JSON.parse(normalised.body.toString()) as { url: string }).url).toBe('/formulare/challenge');
  });

  it('does not pass the forms on from the admin host, in any spelling', async () => {
    for (const spelling of [
      '/formulare/challenge',
      '/Formulare/challenge',
      '/FORMULARE/newsletter/anmelden',
      '//formulare/challenge',
      '/%66ormulare/challenge',
    ]) {
      const response = await request(formsNginx.httpsPort, spelling, { host: 'redaktion.interkommunales.example' });
      expect(response.status, spelling).toBe(404);
      expect(response.body.toString(), spelling).not.toContain('/formulare/');
    }
  });

  it('answers a burst of form posts from one address with 429 beyond the limit', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 30 }, () => request(formsNginx.httpsPort, '/formulare/challenge').then((r) => r.status)),
    );
    // The earlier tests of this block used part of the burst (10) already; at most that many more get through.
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(11);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(19);
  });
});
