/**
 * Uploads against the real Strapi: every allowed format under every foreign extension and declared type,
 * polyglots, every way in (admin upload, single upload, replace, content API), and how /uploads/ serves
 * files – including files stored before the rules, reached by the spellings an attacker tries.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ALLOWED_FILE_TYPES, FILE_CSP, typeForMime } from '@ikz/shared-types/file-types';
import { adminJwt, api, tokens } from './helpers.ts';
import { rawGet as rawGetFrom } from '../support/raw-get.ts';
import { allowedSamples, pdf, png, polyglots } from '../support/samples.ts';

const FOREIGN = ['.html', '.htm', '.svg', '.js', '.mjs', '.xml', '.xhtml', '.shtml'];
const ALLOWED_EXTENSIONS = new Set(ALLOWED_FILE_TYPES.flatMap((t) => [t.ext, ...t.aliases].map((ext) => `.${ext}`)));
const uploadsDir = () => path.join(inject('strapiTmp'), 'public', 'uploads');

interface Part {
  name: string;
  bytes: Buffer;
  type?: string;
}

async function post(
  urlPath: string,
  parts: Part[],
  auth: string,
  fields: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const part of parts)
    form.append(
      'files',
      new Blob([new Uint8Array(part.bytes)], { type: part.type ?? 'application/octet-stream' }),
      part.name,
    );
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  const response = await fetch(`${inject('strapiUrl')}${urlPath}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${auth}` },
    body: form,
  });
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep text
  }
  return { status: response.status, body };
}

async function fileCount(): Promise<number> {
  const response = await api('/upload/files', { token: await adminJwt(), query: { page: 1, pageSize: 1 } });
  expect(response.status).toBe(200);
  return response.body.pagination.total as number;
}

function filesOnDisk(): string[] {
  return fs.readdirSync(uploadsDir()).filter((name) => !name.startsWith('.'));
}

function expectNothingForeignOnDisk() {
  for (const name of filesOnDisk()) expect(ALLOWED_EXTENSIONS.has(path.extname(name).toLowerCase()), name).toBe(true);
}

const rawGet = (rawPath: string, headers: Record<string, string> = {}) =>
  rawGetFrom(inject('strapiUrl'), rawPath, headers);

let samples: Awaited<ReturnType<typeof allowedSamples>>;
beforeAll(async () => {
  samples = await allowedSamples();
});

describe('uploads are refused unless extension and content agree on the allowlist', () => {
  it('refuses every allowed format under every foreign extension and declared type, in German, storing nothing', async () => {
    const jwt = await adminJwt();
    const before = await fileCount();
    const diskBefore = filesOnDisk().length;
    for (const sample of samples) {
      for (const ext of FOREIGN) {
        for (const type of ['application/octet-stream', 'text/html', sample.mime]) {
          const name = `protokoll-${sample.label}${ext}`;
          const response = await post('/upload', [{ name, bytes: sample.bytes, type }], jwt);
          expect(response.status, `${name} as ${type}`).toBe(400);
          expect(response.body.error.message).toBe(
            `Die Datei „${name}“ wurde abgelehnt: Dateien mit der Endung „${ext}“ sind nicht erlaubt. Erlaubt sind PDF, JPEG, PNG, WebP, AVIF, Word (DOC, DOCX), Excel (XLS, XLSX), PowerPoint (PPT, PPTX), OpenDocument (ODT, ODS), CSV und ZIP.`,
          );
        }
      }
    }
    expect(await fileCount()).toBe(before);
    expect(filesOnDisk().length).toBe(diskBefore);
    expectNothingForeignOnDisk();
  });

  it('refuses each format under the extension of another allowed format', async () => {
    const jwt = await adminJwt();
    const before = await fileCount();
    for (const sample of samples) {
      const other = samples.find((s) => s.mime !== sample.mime && s.label !== 'zip')!;
      const response = await post(
        '/upload',
        [{ name: `datei${other.ext}`, bytes: sample.bytes, type: other.mime }],
        jwt,
      );
      expect(response.status, `${sample.label} as ${other.ext}`).toBe(400);
      expect(response.body.error.message).toMatch(new RegExp(`^Die Datei „datei\\${other.ext}“ wurde abgelehnt: `));
    }
    expect(await fileCount()).toBe(before);
  });

  it('refuses polyglots and markup behind an allowed name, and files without an extension', async () => {
    const jwt = await adminJwt();
    const before = await fileCount();
    const cases: [string, Buffer][] = [
      ['protokoll.html', polyglots.pdfHtml()],
      ['protokoll.js', polyglots.pdfJs()],
      ['bild.gif', polyglots.gifJs()],
      ['bild.png', polyglots.gifJs()],
      ['bild.js', polyglots.gifJs()],
      ['bild.png', polyglots.svg()],
      ['bild.jpg', polyglots.xmlSvg()],
      ['seite.pdf', polyglots.html()],
      ['daten.csv', polyglots.html()],
      ['daten.csv', polyglots.svg()],
      ['skript.pdf', polyglots.js()],
      ['archiv.docx', polyglots.zipHtml()],
      ['protokoll', pdf()],
      ['protokoll.pdf.html', pdf()],
      ['protokoll.pdf%2ehtml', pdf()],
      ['protokoll.pdf\u0000.html', pdf()],
      ['protokoll.pdf ', pdf()],
      ['protokoll.PDF.Html', pdf()],
    ];
    for (const [name, bytes] of cases) {
      for (const type of ['application/octet-stream', 'application/pdf', 'image/png']) {
        const response = await post('/upload', [{ name, bytes, type }], jwt);
        expect(response.status, `${JSON.stringify(name)} as ${type}`).toBe(400);
        expect(response.body.error.message, name).toMatch(/^Die Datei „.*“ wurde abgelehnt: /);
      }
    }
    expect(await fileCount()).toBe(before);
    expectNothingForeignOnDisk();
  });

  it('refuses the whole request when one of several files is foreign', async () => {
    const jwt = await adminJwt();
    const before = await fileCount();
    const response = await post(
      '/upload',
      [
        { name: 'gut.pdf', bytes: pdf() },
        { name: 'schlecht.html', bytes: pdf() },
      ],
      jwt,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('„schlecht.html“');
    expect(await fileCount()).toBe(before);
  });

  it('refuses on every way in: single upload, the content API, and route spellings', async () => {
    const jwt = await adminJwt();
    const before = await fileCount();
    const hostile = { name: 'protokoll.html', bytes: polyglots.pdfHtml() };
    for (const [route, auth] of [
      ['/upload/files', jwt],
      ['/UPLOAD', jwt],
      ['//upload', jwt],
      ['/upload/', jwt],
      ['/%75pload', jwt],
      ['/api/upload', tokens.seed],
      ['/API/upload', tokens.seed],
      ['/api//upload', tokens.seed],
    ] as const) {
      // Checked before any route: every spelling is refused, whether or not the router would serve it.
      const response = await post(route, [hostile], auth);
      expect(response.status, route).toBe(400);
      expect(response.body.error.message, route).toContain('Die Datei „protokoll.html“ wurde abgelehnt');
    }
    expect(await fileCount()).toBe(before);
    expectNothingForeignOnDisk();
  });
});

describe('accepted uploads are stored under the type of their content', () => {
  it('stores every allowed format with the extension and MIME type of its detected type', async () => {
    const jwt = await adminJwt();
    for (const sample of samples) {
      const name = `Beispiel-${sample.label}${sample.ext.toUpperCase()}`;
      const response = await post('/upload', [{ name, bytes: sample.bytes, type: 'application/octet-stream' }], jwt);
      expect(response.status, name).toBe(201);
      const [file] = response.body;
      expect(file.ext, name).toBe(sample.ext);
      expect(file.mime, name).toBe(sample.mime);
      expect(file.name, name).toBe(`Beispiel-${sample.label}${sample.ext}`);
      expect(file.url).toMatch(new RegExp(`^/uploads/Beispiel_${sample.label}_[0-9a-f]+\\${sample.ext}$`));
      expect(fs.existsSync(path.join(uploadsDir(), path.basename(file.url))), file.url).toBe(true);
    }
    expectNothingForeignOnDisk();
  });

  it('through the content API and the single upload too, with the display name following the type', async () => {
    const viaApi = await post('/api/upload', [{ name: 'Bericht.Pdf', bytes: pdf(), type: 'text/html' }], tokens.seed);
    expect(viaApi.status).toBe(201);
    expect(viaApi.body[0]).toMatchObject({ ext: '.pdf', mime: 'application/pdf', name: 'Bericht.pdf' });
    const single = await post('/upload/files', [{ name: 'Karte.PNG', bytes: await png() }], await adminJwt(), {
      fileInfo: JSON.stringify({ name: 'Karte.html', alternativeText: 'Karte', caption: null, folder: null }),
    });
    expect(single.status).toBe(201);
    expect(single.body).toMatchObject({ ext: '.png', mime: 'image/png', name: 'Karte.png' });
  });

  it('keeps a polyglot that is a valid allowed type, stored and served as that type only', async () => {
    const response = await post(
      '/upload',
      [{ name: 'protokoll.pdf', bytes: polyglots.pdfHtml(), type: 'text/html' }],
      await adminJwt(),
    );
    expect(response.status).toBe(201);
    expect(response.body[0]).toMatchObject({ ext: '.pdf', mime: 'application/pdf' });
    const served = await rawGet(response.body[0].url);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toBe('attachment');
  });
});

describe('replacing a file', () => {
  it('accepts content of the same type and refuses a foreign or different one, on both replace routes', async () => {
    const jwt = await adminJwt();
    const created = await post('/upload', [{ name: 'satzung.pdf', bytes: pdf() }], jwt);
    expect(created.status).toBe(201);
    const { id, url } = created.body[0];
    for (const route of [`/upload?id=${id}`, `/upload/files/${id}/replace`, `/api/upload?id=${id}`]) {
      const auth = route.startsWith('/api') ? tokens.seed : jwt;
      const foreign = await post(route, [{ name: 'satzung.html', bytes: polyglots.pdfHtml() }], auth);
      expect(foreign.status, route).toBe(400);
      expect(foreign.body.error.message).toContain('Die Datei „satzung.html“ wurde abgelehnt');
      const otherType = await post(route, [{ name: 'satzung.png', bytes: await png() }], auth);
      expect(otherType.status, route).toBe(400);
      expect(otherType.body.error.message).toBe(
        'Die Datei „satzung.png“ wurde abgelehnt: Sie kann „satzung.pdf“ (PDF-Dokument) nicht ersetzen, denn eine ersetzte Datei behält ihren Typ. Bitte laden Sie sie als neue Datei hoch.',
      );
    }
    const replaced = await post(`/upload?id=${id}`, [{ name: 'Satzung-neu.PDF', bytes: pdf('% neu\n') }], jwt);
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ ext: '.pdf', mime: 'application/pdf', url });
    expect(fs.readFileSync(path.join(uploadsDir(), path.basename(url)), 'latin1')).toContain('% neu');
    expectNothingForeignOnDisk();
  });
});

describe("the media library's own text", () => {
  it('refuses control characters in name, alternative text and caption; a renamed file keeps its extension', async () => {
    const jwt = await adminJwt();
    const before = await fileCount();
    const bad = await post('/upload', [{ name: 'karte.png', bytes: await png() }], jwt, {
      fileInfo: JSON.stringify({ name: 'karte.png', alternativeText: 'Karte\r\nvon NRW', caption: null, folder: null }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      '„Alternativtext“ darf keine Zeilenumbrüche, Tabulatoren oder anderen Steuerzeichen enthalten.',
    );
    expect(await fileCount()).toBe(before);

    const created = await post('/upload', [{ name: 'karte.png', bytes: await png() }], jwt);
    expect(created.status).toBe(201);
    const id = created.body[0].id;
    const renamed = await post(`/upload?id=${id}`, [], jwt, {
      fileInfo: JSON.stringify({ name: 'karte.html', alternativeText: 'Karte von NRW', caption: 'Zeile 1\nZeile 2' }),
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'karte.png', ext: '.png', alternativeText: 'Karte von NRW' });
    const tab = await post(`/upload?id=${id}`, [], jwt, { fileInfo: JSON.stringify({ caption: 'a\tb' }) });
    expect(tab.status).toBe(400);
    expect(tab.body.error.message).toContain('„Bildunterschrift“');
  });
});

describe('serving /uploads/', () => {
  const legacy = ['altlast_1a2b3c.html', 'altlast_1a2b3c.js', 'altlast_1a2b3c.svg'];

  beforeAll(() => {
    // Files stored before these rules, with the extensions an editor got through then.
    for (const name of legacy) fs.writeFileSync(path.join(uploadsDir(), name), '<script>alert(1)</script>');
  });
  afterAll(() => {
    for (const name of legacy) fs.rmSync(path.join(uploadsDir(), name), { force: true });
  });

  const expectInert = (headers: http.IncomingHttpHeaders, what: string) => {
    expect(headers['content-type'], what).toBe('application/octet-stream');
    expect(headers['x-content-type-options'], what).toBe('nosniff');
    expect(headers['content-security-policy'], what).toMatch(/^sandbox; default-src 'none'/);
    expect(headers['content-disposition'], what).toBe('attachment');
  };

  it('serves files with foreign extensions inert, however the path is spelled', async () => {
    for (const name of legacy) {
      const stem = name.slice(0, name.lastIndexOf('.'));
      const ext = name.slice(name.lastIndexOf('.') + 1);
      const spellings = [
        `/uploads/${name}`,
        `/%75ploads/${name}`,
        `/%2575ploads/${name}`,
        `//uploads/${name}`,
        `/uploads//${name}`,
        `/uploads/./${name}`,
        `/x/../uploads/${name}`,
        `/uploads%2f${name}`,
        `/uploads%2F${name}`,
        `/uploads/${stem}.%${ext.charCodeAt(0).toString(16)}${ext.slice(1)}`,
        `/UPLOADS/${name}`,
        `/Uploads/${name}`,
        `/uploads/${name}?download=0`,
        `/uploads\\${name}`,
      ];
      let served = 0;
      for (const spelling of spellings) {
        const response = await rawGet(spelling);
        if (response.status >= 200 && response.status < 300) {
          served += 1;
          expectInert(response.headers, spelling);
        }
      }
      // The plain path and the encoded ones the public-folder route decodes are really served.
      expect(served).toBeGreaterThanOrEqual(3);
      const ranged = await rawGet(`/uploads/${name}`, { range: 'bytes=0-5' });
      expect(ranged.status).toBe(206);
      expectInert(ranged.headers, 'range');
    }
  });

  it('sends allowed types as themselves, images inline and everything else as a download', async () => {
    const jwt = await adminJwt();
    for (const sample of samples) {
      const created = await post('/upload', [{ name: `serve-${sample.label}${sample.ext}`, bytes: sample.bytes }], jwt);
      expect(created.status).toBe(201);
      const response = await rawGet(created.body[0].url);
      expect(response.status).toBe(200);
      const type = typeForMime(sample.mime)!;
      expect(response.headers['content-type']).toBe(
        sample.mime === 'text/csv' ? 'text/csv; charset=utf-8' : sample.mime,
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toBe(FILE_CSP);
      expect(response.headers['content-disposition']).toBe(type.inline ? 'inline' : 'attachment');
    }
  });
});

describe('fingerprint headers', () => {
  it('sends no X-Powered-By or server banner', async () => {
    for (const route of [
      '/api/topics',
      '/uploads/altlast_1a2b3c.html',
      '/_health',
      '/admin/init',
      '/nicht-vorhanden',
    ]) {
      const response = await rawGet(route);
      expect(response.headers['x-powered-by'], route).toBeUndefined();
      expect(response.headers.server, route).toBeUndefined();
      expect(
        Object.keys(response.headers).filter((h) => /strapi|powered|version/i.test(h)),
        route,
      ).toEqual([]);
    }
  });
});
