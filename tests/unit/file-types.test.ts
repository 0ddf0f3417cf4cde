import { describe, expect, it } from 'vitest';
import { ALLOWED_FILE_TYPES, classifyFile, extensionOf, inspectFile, isCsvText, servingHeaders, typeForExtension } from '@ikz/shared-types/file-types';
import { allowedSamples, cfb, HOSTILE_FILES, pdf } from '../support/sample-files.ts';

describe('the file allowlist', () => {
  it('recognises every allowed type from its bytes, and its extension agrees', async () => {
    const samples = await allowedSamples();
    expect(samples.map((s) => s.ext).sort()).toEqual(ALLOWED_FILE_TYPES.map((t) => t.ext).sort());
    for (const sample of samples) {
      const verdict = await inspectFile(sample.data, sample.name);
      expect(verdict, sample.name).toEqual({ ok: true, type: typeForExtension(sample.ext), extensionAgrees: true });
    }
  });

  it('follows the bytes, not the name: an allowed type under a foreign extension keeps its own type', async () => {
    for (const sample of (await allowedSamples()).filter((s) => !['csv', 'doc', 'xls', 'ppt'].includes(s.ext))) {
      for (const name of ['protokoll.html', 'skript.js', 'bild.svg', 'ohne-endung', `falsch.${sample.ext === 'pdf' ? 'docx' : 'pdf'}`]) {
        const verdict = await inspectFile(sample.data, name);
        expect(verdict.ok && verdict.type.ext, `${sample.name} as ${name}`).toBe(sample.ext);
        expect(verdict.ok && verdict.extensionAgrees, `${sample.name} as ${name}`).toBe(false);
      }
    }
    const polyglot = Buffer.concat([pdf(), Buffer.from('<html><script>alert(1)</script></html>')]);
    expect(await inspectFile(polyglot, 'protokoll.html')).toMatchObject({ ok: true, type: { ext: 'pdf', mime: 'application/pdf' }, extensionAgrees: false });
  });

  it.each(HOSTILE_FILES)('refuses $name', async ({ name, data }) => {
    expect((await inspectFile(data, name)).ok).toBe(false);
  });

  it('takes an OLE2 container only as the old Office type its name says', () => {
    const head = cfb();
    expect(classifyFile({ ext: 'cfb', mime: 'application/x-cfb' }, 'Haushalt.XLS', head)).toMatchObject({ ok: true, type: { ext: 'xls' } });
    expect(classifyFile({ ext: 'cfb', mime: 'application/x-cfb' }, 'setup.msi', head)).toEqual({ ok: false, detected: 'cfb' });
    expect(classifyFile({ ext: 'cfb', mime: 'application/x-cfb' }, 'protokoll.html', head)).toEqual({ ok: false, detected: 'cfb' });
  });

  it('takes text as CSV only under a .csv name, free of control characters and markup', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(isCsvText(text('\ufeffName;Ort\r\nA;B\r\n'))).toBe(true);
    expect(isCsvText(Uint8Array.from([0x4d, 0xfc, 0x6e, 0x73, 0x74, 0x65, 0x72, 0x3b, 0x31, 0x0a]))).toBe(true); // "Münster;1" in Windows-1252
    expect(isCsvText(text('  <html>'))).toBe(false);
    expect(isCsvText(text('a;b\u001bc'))).toBe(false);
    expect(classifyFile(undefined, 'liste.txt', text('a;b\n'))).toEqual({ ok: false, detected: 'unbekannt' });
    expect(classifyFile({ ext: 'xml', mime: 'application/xml' }, 'liste.csv', text('<?xml version="1.0"?><a/>'))).toEqual({ ok: false, detected: 'xml' });
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
    expect(servingHeaders('/dateien/vertrag-abc.pdf')).toEqual({ 'Content-Type': 'application/pdf', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': expect.stringMatching(/^sandbox; default-src 'none'/) });
    expect(servingHeaders('/bilder/abc-800.WEBP')['Content-Type']).toBe('image/webp');
    expect(servingHeaders('/bilder/abc-800.webp')['Content-Disposition']).toBeUndefined();
  });

  it('sends documents other than PDF as attachments', () => {
    expect(servingHeaders('/dateien/satzung.docx')).toMatchObject({ 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Content-Disposition': 'attachment' });
    expect(servingHeaders('/dateien/liste.csv')).toMatchObject({ 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment' });
  });

  it.each(['/dateien/x.html', '/dateien/x.svg', '/dateien/x.js', '/dateien/x.htm', '/dateien/x.xml', '/dateien/x', '/dateien/x.pdf.html'])('sends %s as an opaque download', (file) => {
    expect(servingHeaders(file)).toMatchObject({ 'Content-Type': 'application/octet-stream', 'X-Content-Type-Options': 'nosniff', 'Content-Disposition': 'attachment' });
  });
});
