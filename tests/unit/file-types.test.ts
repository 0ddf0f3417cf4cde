import { describe, expect, it } from 'vitest';
import {
  ALLOWED_FILE_TYPES,
  ALLOWED_FORMATS_TEXT,
  classifyFile,
  compoundFileType,
  extensionOf,
  FILE_CSP,
  inspectFile,
  isCsvText,
  servingHeaders,
  typeForExtension,
  typeForMime,
} from '@ikz/shared-types/file-types';
import { allowedSamples, cfb, HOSTILE_FILES, image, pdf } from '../support/sample-files.ts';
import { compoundFile } from '../support/samples.ts';

describe('the file allowlist', () => {
  it('has nothing a browser runs or renders as a document, no GIF, and every spelling once', () => {
    const spellings = ALLOWED_FILE_TYPES.flatMap((t) => [t.ext, ...t.aliases]);
    expect(new Set(spellings).size).toBe(spellings.length);
    expect(new Set(ALLOWED_FILE_TYPES.map((t) => t.mime)).size).toBe(ALLOWED_FILE_TYPES.length);
    for (const type of ALLOWED_FILE_TYPES) {
      expect(type.mime).not.toMatch(/html|svg|[+/]xml|javascript|ecmascript|text\/plain|gif/);
      for (const ext of [type.ext, ...type.aliases]) expect(ext).toMatch(/^[a-z]+$/);
      expect(type.inline, type.ext).toBe(type.image);
      expect(typeForMime(type.mime)).toBe(type);
      expect(ALLOWED_FORMATS_TEXT, type.label).toContain(type.label);
    }
    expect(typeForExtension('gif')).toBeNull();
    expect(typeForMime('image/gif')).toBeNull();
    expect(typeForMime('Text/CSV; charset=utf-8')?.ext).toBe('csv');
  });

  it('recognises every allowed type from its bytes, and its extension agrees', async () => {
    const samples = await allowedSamples();
    expect(samples.map((s) => s.ext).sort()).toEqual(ALLOWED_FILE_TYPES.map((t) => t.ext).sort());
    for (const sample of samples) {
      const verdict = await inspectFile(sample.data, sample.name);
      expect(verdict, sample.name).toEqual({ ok: true, type: typeForExtension(sample.ext), extensionAgrees: true });
    }
  });

  it('follows the bytes, not the name: an allowed type under a foreign extension keeps its own type', async () => {
    for (const sample of (await allowedSamples()).filter((s) => s.ext !== 'csv')) {
      for (const name of [
        'protokoll.html',
        'skript.js',
        'bild.svg',
        'ohne-endung',
        `falsch.${sample.ext === 'pdf' ? 'docx' : 'pdf'}`,
      ]) {
        const verdict = await inspectFile(sample.data, name);
        expect(verdict.ok && verdict.type.ext, `${sample.name} as ${name}`).toBe(sample.ext);
        expect(verdict.ok && verdict.extensionAgrees, `${sample.name} as ${name}`).toBe(false);
      }
    }
    const polyglot = Buffer.concat([pdf(), Buffer.from('<html><script>alert(1)</script></html>')]);
    expect(await inspectFile(polyglot, 'protokoll.html')).toMatchObject({
      ok: true,
      type: { ext: 'pdf', mime: 'application/pdf' },
      extensionAgrees: false,
    });
  });

  it.each(HOSTILE_FILES)('refuses $name', async ({ name, data }) => {
    expect((await inspectFile(data, name)).ok).toBe(false);
  });

  it('takes an OLE2 container as the old Office type its directory names, never by its name', () => {
    const container = { ext: 'cfb', mime: 'application/x-cfb' };
    const workbook = compoundFile('Workbook');
    expect(classifyFile(container, 'Haushalt.XLS', workbook)).toMatchObject({
      ok: true,
      type: { ext: 'xls' },
      extensionAgrees: true,
    });
    expect(classifyFile(container, 'Haushalt.doc', workbook)).toMatchObject({
      ok: true,
      type: { ext: 'xls' },
      extensionAgrees: false,
    });
    expect(compoundFileType(compoundFile('WordDocument'))?.ext).toBe('doc');
    expect(compoundFileType(compoundFile('PowerPoint Document'))?.ext).toBe('ppt');
    // Text inside a document is not a stream of its directory.
    expect(
      compoundFileType(compoundFile('Workbook', Buffer.from('WordDocument\u0000', 'utf16le').toString('latin1')))?.ext,
    ).toBe('xls');
    const head = cfb();
    expect(classifyFile(container, 'Haushalt.XLS', head)).toEqual({ ok: false, detected: 'cfb' });
    expect(classifyFile(container, 'setup.msi', head)).toEqual({ ok: false, detected: 'cfb' });
    expect(classifyFile(container, 'protokoll.html', head)).toEqual({ ok: false, detected: 'cfb' });
    expect(classifyFile(container, 'nachricht.doc', compoundFile('__substg1.0_0037001F'))).toEqual({
      ok: false,
      detected: 'cfb',
    });
  });

  it('refuses GIF, whatever its name', async () => {
    expect(await inspectFile(await image('gif'), 'animation.gif')).toEqual({ ok: false, detected: 'gif' });
    expect(await inspectFile(await image('gif'), 'bild.png')).toEqual({ ok: false, detected: 'gif' });
  });

  it('takes text as CSV only under a .csv name, as UTF-8 free of control characters and markup', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(isCsvText(text('\ufeffName;Ort\r\nA;B\r\n'))).toBe(true);
    expect(isCsvText(text('Münster;1\n'))).toBe(true);
    // Not UTF-8 ("Münster;1" in Windows-1252): it would be served as UTF-8, so it is refused (Excel: "CSV UTF-8").
    expect(isCsvText(Uint8Array.from([0x4d, 0xfc, 0x6e, 0x73, 0x74, 0x65, 0x72, 0x3b, 0x31, 0x0a]))).toBe(false);
    expect(isCsvText(text('  <html>'))).toBe(false);
    expect(isCsvText(text('Name;Wert\n<b>fett</b>;1\n'))).toBe(false);
    expect(isCsvText(text('a;b\u0085c'))).toBe(false);
    expect(isCsvText(text(''))).toBe(false);
    expect(isCsvText(text('a;b\u001bc'))).toBe(false);
    expect(classifyFile(undefined, 'liste.txt', text('a;b\n'))).toEqual({ ok: false, detected: 'unbekannt' });
    expect(
      classifyFile({ ext: 'xml', mime: 'application/xml' }, 'liste.csv', text('<?xml version="1.0"?><a/>')),
    ).toEqual({ ok: false, detected: 'xml' });
  });

  it('reads extensions case-insensitively and only from the last segment', () => {
    expect(extensionOf('Bericht.PDF')).toBe('pdf');
    expect(extensionOf('ordner.pdf/datei')).toBe('');
    expect(extensionOf('.htaccess')).toBe('');
    expect(typeForExtension('.JPEG')?.ext).toBe('jpg');
    expect(typeForExtension('html')).toBeNull();
    expect(typeForExtension('svg')).toBeNull();
  });
});

describe('servingHeaders', () => {
  it('sends allowed types as themselves, sandboxed and never sniffed', () => {
    expect(FILE_CSP).toMatch(/^sandbox; default-src 'none'/);
    expect(servingHeaders('/bilder/abc-800.webp')).toEqual({
      'Content-Type': 'image/webp',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': FILE_CSP,
      'Content-Disposition': 'inline',
    });
    expect(servingHeaders('/bilder/abc-800.WEBP')['Content-Type']).toBe('image/webp');
    expect(servingHeaders('/dateien/foto-abc.jpe')).toMatchObject({
      'Content-Type': 'image/jpeg',
      'Content-Disposition': 'inline',
    });
  });

  it('sends every document, PDF included, as an attachment', () => {
    expect(servingHeaders('/dateien/vertrag-abc.pdf')).toEqual({
      'Content-Type': 'application/pdf',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': FILE_CSP,
      'Content-Disposition': 'attachment',
    });
    expect(servingHeaders('/dateien/satzung.docx')).toMatchObject({
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': 'attachment',
    });
    expect(servingHeaders('/dateien/liste.csv')).toMatchObject({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment',
    });
  });

  it.each([
    '/dateien/x.html',
    '/dateien/x.svg',
    '/dateien/x.js',
    '/dateien/x.htm',
    '/dateien/x.xml',
    '/dateien/x',
    '/dateien/x.pdf.html',
    '/dateien/x.gif',
    '/bilder/x.svg',
  ])('sends %s as an opaque download', (file) => {
    expect(servingHeaders(file)).toMatchObject({
      'Content-Type': 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': 'attachment',
    });
  });
});
