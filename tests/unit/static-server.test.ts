/** The local web server, on a real socket, with the path spellings an attacker tries. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompressedCache, isCompressible, isSentAsCopy, negotiateEncoding } from '@ikz/scripts/lib/compression';
import { directoryLocation, serveStatic, type StaticServer } from '@ikz/scripts/lib/static-server';
import { FILE_CSP } from '@ikz/shared-types/file-types';
import { precompressFile } from '@ikz/site/builder/precompress';

let dir: string;
let server: StaticServer;

/** A raw request: the path goes on the wire exactly as written (fetch would normalise it). */
function get(
  rawPath: string,
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-static-'));
  fs.mkdirSync(path.join(dir, 'projekte', 'bauhof'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'evil.example'), { recursive: true });
  fs.mkdirSync(path.join(dir, '.well-known'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<p>Start</p>');
  fs.writeFileSync(path.join(dir, '404.html'), '<p>Seite nicht gefunden</p>');
  fs.writeFileSync(path.join(dir, 'projekte', 'index.html'), '<p>Projekte</p>');
  fs.writeFileSync(path.join(dir, 'projekte', 'bauhof', 'index.html'), '<p>Bauhof</p>');
  fs.writeFileSync(path.join(dir, 'kalender.ics'), 'BEGIN:VCALENDAR');
  fs.writeFileSync(path.join(dir, '.well-known', 'security.txt'), 'Contact: mailto:x@example.org');
  fs.writeFileSync(path.join(os.tmpdir(), 'ikz-static-secret.txt'), 'geheim');
  fs.mkdirSync(path.join(dir, 'dateien'));
  fs.mkdirSync(path.join(dir, 'bilder'));
  fs.writeFileSync(path.join(dir, 'dateien', 'vertrag-abc.pdf'), '%PDF-1.4\n');
  fs.writeFileSync(path.join(dir, 'dateien', 'satzung-abc.docx'), 'PK');
  // Files an older release might hold: they must never be served as what their name says.
  fs.writeFileSync(path.join(dir, 'dateien', 'alt-abc.html'), '<script>alert(1)</script>');
  fs.writeFileSync(path.join(dir, 'dateien', 'alt-abc.SVG'), '<svg onload="alert(1)"/>');
  fs.writeFileSync(path.join(dir, 'bilder', 'abc-800.webp'), 'RIFF');
  server = await serveStatic(() => dir);
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('static server', () => {
  it('serves pages, indexes, types and the 404 page', async () => {
    expect((await get('/')).body).toBe('<p>Start</p>');
    const page = await get('/projekte/bauhof/');
    expect([page.status, page.body, page.headers['content-type'], page.headers['x-content-type-options']]).toEqual([
      200,
      '<p>Bauhof</p>',
      'text/html; charset=utf-8',
      'nosniff',
    ]);
    expect((await get('/kalender.ics')).headers['content-type']).toMatch(/^text\/calendar/);
    expect((await get('/.well-known/security.txt')).body).toContain('Contact:');
    const missing = await get('/gibt-es-nicht/');
    expect([missing.status, missing.body]).toEqual([404, '<p>Seite nicht gefunden</p>']);
    expect((await get('/projekte/', 'POST')).status).toBe(405);
  });

  it('redirects a directory without its slash to the normalised path on this site', async () => {
    expect((await get('/projekte')).headers.location).toBe('/projekte/');
    expect((await get('/projekte/bauhof?x=1')).headers.location).toBe('/projekte/bauhof/');
  });

  it.each([
    '//evil.example/..%2fprojekte',
    '//evil.example/../projekte',
    '//evil.example',
    '/%2F%2Fevil.example',
    '/%2fevil.example',
    '/\\evil.example',
    '/%5Cevil.example',
    '/%5C%5Cevil.example/',
    '///evil.example/%2e%2e/projekte',
    '/./evil.example',
  ])('never redirects %s to another host', async (attack) => {
    const response = await get(attack);
    const location = response.headers.location;
    if (location !== undefined) {
      expect(location).toMatch(/^\/[^/\\]/);
      expect(new URL(location, 'http://site.example').host).toBe('site.example');
    }
    expect([200, 301, 400, 403, 404]).toContain(response.status);
  });

  it.each([
    '/../ikz-static-secret.txt',
    '/%2e%2e/ikz-static-secret.txt',
    '/..%2fikz-static-secret.txt',
    '/projekte/%2e%2e/%2e%2e/ikz-static-secret.txt',
    '/a%00b',
  ])('never leaves the root: %s', async (attack) => {
    const response = await get(attack);
    expect(response.body).not.toContain('geheim');
    expect(response.status).not.toBe(200);
  });

  it('sends uploaded files with their allowlisted type, sandboxed, never sniffed, and everything but images as attachments', async () => {
    const pdf = await get('/dateien/vertrag-abc.pdf');
    expect([
      pdf.status,
      pdf.headers['content-type'],
      pdf.headers['x-content-type-options'],
      pdf.headers['content-disposition'],
    ]).toEqual([200, 'application/pdf', 'nosniff', 'attachment']);
    expect(pdf.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    const image = await get('/bilder/abc-800.webp');
    expect([image.headers['content-type'], image.headers['content-disposition']]).toEqual(['image/webp', 'inline']);
    expect(image.headers['content-security-policy']).toBe(FILE_CSP);
    const docx = await get('/dateien/satzung-abc.docx');
    expect([docx.headers['content-type'], docx.headers['content-disposition']]).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'attachment',
    ]);
    expect(pdf.headers['x-powered-by']).toBeUndefined();
  });

  it.each([
    '/dateien/alt-abc.html',
    '/dateien/alt-abc.SVG',
    '/%64ateien/alt-abc.html',
    '/dateien/alt-abc%2ehtml',
    '/dateien/./alt-abc.html',
    '/projekte/../dateien/alt-abc.html',
    '/bilder/../dateien/alt-abc.html',
    '/dateien/alt-abc.html?x.pdf',
  ])('serves %s only as an opaque sandboxed download', async (spelling) => {
    const response = await get(spelling);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/octet-stream');
    expect(response.headers['content-disposition']).toBe('attachment');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
  });

  it('computes redirect targets from the file system, not from the request', () => {
    expect(directoryLocation('/srv/site', '/srv/site/projekte')).toBe('/projekte/');
    expect(directoryLocation('/srv/site', '/srv/site/a b/c')).toBe('/a%20b/c/');
    expect(directoryLocation('/srv/site', '/srv/site')).toBe('/');
    expect(directoryLocation('/srv/site', '/srv/other')).toBeNull();
  });
});

/** A request with headers, the body as bytes. */
function fetchRaw(
  rawPath: string,
  headers: http.OutgoingHttpHeaders = {},
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: rawPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server compression', () => {
  const script = `/* pagefind */\n${Array.from({ length: 400 }, (_, i) => `export const value${i} = "Interkommunale Zusammenarbeit ${i}";`).join('\n')}\n`;
  const chunk = zlib.gzipSync(Buffer.from('x'.repeat(5000)));
  const image = Buffer.alloc(4000, 7);

  beforeAll(() => {
    fs.mkdirSync(path.join(dir, 'pagefind', 'index'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'pagefind', 'pagefind.js'), script);
    fs.writeFileSync(path.join(dir, 'pagefind', 'index', 'de_abc.pf_index'), chunk);
    fs.writeFileSync(path.join(dir, 'bild.webp'), image);
  });

  it.each([
    ['br', 'gzip, deflate, br', (b: Buffer) => zlib.brotliDecompressSync(b)],
    ['gzip', 'gzip, deflate', (b: Buffer) => zlib.gunzipSync(b)],
    ['gzip', 'br;q=0, gzip;q=0.8', (b: Buffer) => zlib.gunzipSync(b)],
    ['br', '*', (b: Buffer) => zlib.brotliDecompressSync(b)],
  ])(
    'sends %s for Accept-Encoding "%s", with Vary, its own ETag and the compressed length',
    async (encoding, accept, decode) => {
      const response = await fetchRaw('/pagefind/pagefind.js', { 'Accept-Encoding': accept });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers.vary).toBe('Accept-Encoding');
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(Number(response.headers['content-length'])).toBe(response.body.length);
      expect(response.body.length).toBeLessThan(script.length / 4);
      expect(decode(response.body).toString()).toBe(script);
      expect(response.headers.etag).toMatch(new RegExp(`-${encoding}"$`));
      const head = await fetchRaw('/pagefind/pagefind.js', { 'Accept-Encoding': accept }, 'HEAD');
      expect([head.headers['content-length'], head.headers['content-encoding'], head.headers.etag]).toEqual([
        response.headers['content-length'],
        encoding,
        response.headers.etag,
      ]);
    },
  );

  it('sends the file as it is without Accept-Encoding or with identity only, still saying it varies', async () => {
    for (const headers of [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'gzip;q=0, br;q=0' }]) {
      const response = await fetchRaw('/pagefind/pagefind.js', headers);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers.vary).toBe('Accept-Encoding');
      expect(response.body.toString()).toBe(script);
      expect(response.headers.etag).not.toMatch(/-(br|gzip)"$/);
    }
  });

  it('answers 304 only for the ETag of the encoding asked for', async () => {
    const gz = await fetchRaw('/pagefind/pagefind.js', { 'Accept-Encoding': 'gzip' });
    const plain = await fetchRaw('/pagefind/pagefind.js');
    expect(gz.headers.etag).not.toBe(plain.headers.etag);
    const revalidated = await fetchRaw('/pagefind/pagefind.js', {
      'Accept-Encoding': 'gzip',
      'If-None-Match': gz.headers.etag!,
    });
    expect([revalidated.status, revalidated.body.length]).toEqual([304, 0]);
    const otherVariant = await fetchRaw('/pagefind/pagefind.js', {
      'Accept-Encoding': 'gzip',
      'If-None-Match': plain.headers.etag!,
    });
    expect(otherVariant.status).toBe(200);
    expect(zlib.gunzipSync(otherVariant.body).toString()).toBe(script);
  });

  it('answers a range request with the bytes of the file as it is', async () => {
    const response = await fetchRaw('/pagefind/pagefind.js', { 'Accept-Encoding': 'gzip, br', Range: 'bytes=3-10' });
    expect(response.status).toBe(206);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString()).toBe(script.slice(3, 11));
  });

  it('never compresses Pagefind chunks, images or small files itself', async () => {
    // A chunk as an older release holds it (Pagefind's gzip, no copy beside it): sent as it is.
    const pf = await fetchRaw('/pagefind/index/de_abc.pf_index', { 'Accept-Encoding': 'gzip, br' });
    expect(pf.headers['content-encoding']).toBeUndefined();
    expect(pf.body.equals(chunk)).toBe(true);
    const webp = await fetchRaw('/bild.webp', { 'Accept-Encoding': 'gzip, br' });
    expect([webp.headers['content-encoding'], webp.headers.vary, webp.body.length]).toEqual([
      undefined,
      undefined,
      image.length,
    ]);
    const small = await fetchRaw('/projekte/bauhof/', { 'Accept-Encoding': 'gzip, br' });
    expect([small.headers['content-encoding'], small.body.toString()]).toEqual([undefined, '<p>Bauhof</p>']);
  });

  it.each([
    ['gzip, deflate, br', 'gzip'],
    ['br;q=1, gzip;q=0.5', 'gzip'],
    ['*', 'gzip'],
    ['br', undefined],
    ['gzip;q=0, br', undefined],
    ['', undefined],
  ])(
    'sends an unpacked Pagefind file as the gzip copy beside it for Accept-Encoding "%s" (%s), never as brotli',
    async (accept, encoding) => {
      const raw = Buffer.from(`pagefind_dcd${'Bauhof '.repeat(600)}`);
      const gz = zlib.gzipSync(raw);
      fs.mkdirSync(path.join(dir, 'pagefind', 'fragment'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'pagefind', 'fragment', 'de_1.pf_fragment'), raw);
      fs.writeFileSync(path.join(dir, 'pagefind', 'fragment', 'de_1.pf_fragment.gz'), gz);
      const response = await fetchRaw('/pagefind/fragment/de_1.pf_fragment', { 'Accept-Encoding': accept });
      expect([response.status, response.headers['content-encoding'], response.headers.vary]).toEqual([
        200,
        encoding,
        'Accept-Encoding',
      ]);
      expect(response.body.equals(encoding ? gz : raw)).toBe(true);
    },
  );

  it('sends the compressed copy that the builder wrote beside a file, unless the file is newer', async () => {
    const file = path.join(dir, '_astro', 'seite.js');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, script);
    precompressFile(file);
    for (const [encoding, extension] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      const response = await fetchRaw('/_astro/seite.js', { 'Accept-Encoding': encoding });
      expect([response.headers['content-encoding'], response.headers.vary]).toEqual([encoding, 'Accept-Encoding']);
      expect(response.body.equals(fs.readFileSync(`${file}${extension}`)), encoding).toBe(true);
    }
    // A copy older than its file is never sent: the server compresses the file as it is now.
    const changed = script.replace('pagefind', 'geändert');
    fs.writeFileSync(file, changed);
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const response = await fetchRaw('/_astro/seite.js', { 'Accept-Encoding': 'gzip' });
    expect(zlib.gunzipSync(response.body).toString()).toBe(changed);
  });

  it('sends the new content after a file is rewritten in place', async () => {
    const file = path.join(dir, 'neu.html');
    fs.writeFileSync(file, `<p>alt</p>${' '.repeat(2000)}`);
    expect(zlib.gunzipSync((await fetchRaw('/neu.html', { 'Accept-Encoding': 'gzip' })).body).toString()).toMatch(
      /^<p>alt/,
    );
    fs.writeFileSync(file, `<p>neu</p>${' '.repeat(3000)}`);
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(zlib.gunzipSync((await fetchRaw('/neu.html', { 'Accept-Encoding': 'gzip' })).body).toString()).toMatch(
      /^<p>neu/,
    );
  });
});

describe('compression helpers', () => {
  it('negotiates brotli before gzip and honours q=0', () => {
    expect(negotiateEncoding(undefined)).toBeNull();
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('*;q=0')).toBeNull();
    expect(negotiateEncoding('deflate')).toBeNull();
    expect(negotiateEncoding('GZIP;Q=0.5')).toBe('gzip');
  });

  it('keeps the cache within its bound and compresses a body once', async () => {
    let reads = 0;
    const cache = new CompressedCache(3000, async () => {
      reads++;
      return crypto.randomBytes(1000);
    });
    const version = { size: 1000, mtimeMs: 1 };
    await Promise.all([cache.get('/a', version, 'gzip'), cache.get('/a', version, 'gzip')]);
    expect(reads).toBe(1);
    for (const name of ['/b', '/c', '/d', '/e']) await cache.get(name, version, 'gzip');
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.bytes).toBeLessThanOrEqual(3000);
    expect(isCompressible('/x/pagefind-entry.json')).toBe(true);
    expect(isCompressible('/x/wasm.de.pagefind')).toBe(false);
    expect(['/x/wasm.de.pagefind', '/x/index/de_1.pf_index', '/x/pagefind.js'].map(isSentAsCopy)).toEqual([
      true,
      true,
      false,
    ]);
  });
});
