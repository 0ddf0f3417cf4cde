import { describe, expect, it } from 'vitest';
import { ALLOWED_MIME_TYPES, decideUpload, extensionOf } from '@ikz/cms/lib/upload-types';
import {
  ALLOWED_FILE_TYPES,
  compoundFileStreams,
  detectContentType,
  isCsvText,
  servingHeaders,
} from '@ikz/shared-types/file-types';
import { allowedSamples, compoundFile, gif, pdf, polyglots } from '../support/samples.ts';

/** The MIME type of the allowed type the content was detected as (undefined when none). */
async function detectedMime(bytes: Uint8Array): Promise<string | undefined> {
  const verdict = await detectContentType(bytes);
  return verdict.ok ? verdict.type.mime : undefined;
}

const FOREIGN_EXTENSIONS = [
  '.html',
  '.htm',
  '.svg',
  '.js',
  '.mjs',
  '.xml',
  '.xhtml',
  '.shtml',
  '.HTML',
  '.Svg',
  '.exe',
  '.php',
  '.gif',
];

describe('the upload allowlist', () => {
  it('has nothing a browser runs or renders as a document', () => {
    for (const type of ALLOWED_FILE_TYPES) {
      expect(type.mime).not.toMatch(/html|svg|[+/]xml|javascript|ecmascript|text\/plain|gif/);
      for (const ext of [type.ext, ...type.aliases]) expect(ext).toMatch(/^[a-z]+$/);
    }
    expect(ALLOWED_MIME_TYPES).toContain('application/pdf');
    expect(new Set(ALLOWED_MIME_TYPES).size).toBe(ALLOWED_FILE_TYPES.length);
  });

  it('reads extensions as Strapi stores them', () => {
    expect(extensionOf('Protokoll.PDF')).toBe('.pdf');
    expect(extensionOf('bericht.html.pdf')).toBe('.pdf');
    expect(extensionOf('bericht.pdf.html')).toBe('.html');
    expect(extensionOf('.pdf')).toBe('');
    expect(extensionOf('ohne-endung')).toBe('');
    expect(extensionOf('punkt.')).toBe('');
    expect(extensionOf('ordner.pdf/datei')).toBe('');
  });
});

describe('deciding on an upload', () => {
  it('accepts a file whose extension and content agree, with the extension in lower case', () => {
    const decision = decideUpload('Protokoll.PDF', 'application/pdf');
    expect(decision).toMatchObject({ ok: true, ext: '.pdf', mime: 'application/pdf', name: 'Protokoll.pdf' });
    expect(decideUpload('foto.jpeg', 'image/jpeg')).toMatchObject({
      ok: true,
      ext: '.jpeg',
      mime: 'image/jpeg',
      name: 'foto.jpeg',
    });
  });

  it('refuses every foreign extension, whatever the content, in German naming the file', () => {
    for (const ext of FOREIGN_EXTENSIONS) {
      const decision = decideUpload(`protokoll${ext}`, 'application/pdf');
      expect(decision.ok).toBe(false);
      if (decision.ok) continue;
      expect(decision.message).toBe(
        `Die Datei „protokoll${ext}“ wurde abgelehnt: Dateien mit der Endung „${ext.toLowerCase()}“ sind nicht erlaubt. Erlaubt sind PDF, JPEG, PNG, WebP, AVIF, Word (DOC, DOCX), Excel (XLS, XLSX), PowerPoint (PPT, PPTX), OpenDocument (ODT, ODS), CSV und ZIP.`,
      );
    }
  });

  it('refuses content of another allowed type and says which extension fits', () => {
    const decision = decideUpload('plan.pdf', 'image/png');
    expect(decision).toEqual({
      ok: false,
      message:
        'Die Datei „plan.pdf“ wurde abgelehnt: Der Inhalt wurde als PNG-Bild erkannt, die Endung „.pdf“ passt nicht dazu. Bitte laden Sie die Datei mit der Endung „.png“ hoch.',
    });
  });

  it('refuses content that is nothing on the list, and names without an extension', () => {
    expect(decideUpload('bild.png', undefined)).toEqual({
      ok: false,
      message:
        'Die Datei „bild.png“ wurde abgelehnt: Der Inhalt entspricht weder der Endung „.png“ (PNG-Bild) noch einem anderen erlaubten Dateityp.',
    });
    expect(decideUpload('bild.png', 'image/gif').ok).toBe(false);
    expect(decideUpload('bild.png', 'image/svg+xml').ok).toBe(false);
    expect(decideUpload('scan', 'application/pdf')).toMatchObject({
      ok: false,
      message: expect.stringContaining('Der Dateiname hat keine Endung.'),
    });
  });
});

describe('serving a stored file', () => {
  it('sends a type from the allowlist, inline only for images', () => {
    const servingType = (name: string) => {
      const headers = servingHeaders(name);
      return { mime: headers['Content-Type'], inline: headers['Content-Disposition'] === 'inline' };
    };
    expect(servingType('bild_abc.png')).toEqual({ mime: 'image/png', inline: true });
    expect(servingType('FOTO_abc.JPEG')).toEqual({ mime: 'image/jpeg', inline: true });
    expect(servingType('protokoll_abc.pdf')).toEqual({ mime: 'application/pdf', inline: false });
    expect(servingType('daten_abc.csv')).toEqual({ mime: 'text/csv; charset=utf-8', inline: false });
    for (const name of ['protokoll_abc.html', 'x.svg', 'x.js', 'x.xhtml', 'x', 'x.pdf.html', 'x.PHP', 'x.gif']) {
      expect(servingType(name)).toEqual({ mime: 'application/octet-stream', inline: false });
    }
  });
});

describe('detecting the type from the content', () => {
  it('recognises every allowed sample as its own type', async () => {
    for (const sample of await allowedSamples()) {
      expect(await detectedMime(sample.bytes), sample.label).toBe(sample.mime);
    }
  });

  it('tells legacy Office files apart by their directory, not by text inside them', () => {
    expect(compoundFileStreams(compoundFile('Workbook'))).toEqual(new Set(['Workbook']));
    const excelMentioningWord = compoundFile(
      'Workbook',
      Buffer.from('WordDocument\u0000', 'utf16le').toString('latin1'),
    );
    expect(compoundFileStreams(excelMentioningWord).has('WordDocument')).toBe(false);
  });

  it('recognises no markup, script or other image format as allowed', async () => {
    expect(await detectContentType(await gif())).toEqual({ ok: false, detected: 'gif' });
    expect(await detectedMime(polyglots.svg())).toBeUndefined();
    expect(await detectedMime(polyglots.html())).toBeUndefined();
    expect(await detectedMime(polyglots.xmlSvg())).toBeUndefined();
    expect(await detectContentType(polyglots.gifJs())).toEqual({ ok: false, detected: 'gif' });
    expect(await detectedMime(polyglots.pdfHtml())).toBe('application/pdf');
    expect(await detectedMime(pdf())).toBe('application/pdf');
  });

  it('takes text as CSV only when it is clean UTF-8 without markup', () => {
    expect(isCsvText(Buffer.from('a;b\r\n1;2\n\tx'))).toBe(true);
    expect(isCsvText(Buffer.from('Name;Wert\n<b>fett</b>;1\n'))).toBe(false);
    expect(isCsvText(Buffer.from('a;b\u0000'))).toBe(false);
    expect(isCsvText(Buffer.from('a;b\u001b[31m'))).toBe(false);
    expect(isCsvText(Buffer.from('a;b\u2028'))).toBe(false);
    expect(isCsvText(Buffer.from([0x4d, 0xfc, 0x6e, 0x73, 0x74, 0x65, 0x72]))).toBe(false); // "Münster" in Latin-1
    expect(isCsvText(Buffer.alloc(0))).toBe(false);
  });
});

describe('replacing a stored file', () => {
  it('takes content of the stored type only', async () => {
    const { decideReplacement } = await import('@ikz/cms/lib/upload-types');
    expect(decideReplacement('neu.PDF', 'application/pdf', { name: 'alt.pdf', ext: '.pdf' })).toMatchObject({
      ok: true,
      ext: '.pdf',
    });
    expect(decideReplacement('neu.png', 'image/png', { name: 'alt.pdf', ext: '.pdf' })).toEqual({
      ok: false,
      message:
        'Die Datei „neu.png“ wurde abgelehnt: Sie kann „alt.pdf“ (PDF-Dokument) nicht ersetzen, denn eine ersetzte Datei behält ihren Typ. Bitte laden Sie sie als neue Datei hoch.',
    });
    expect(decideReplacement('neu.pdf', 'application/pdf', { name: 'alt.html', ext: '.html' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('(ein Dateityp, der nicht mehr erlaubt ist)'),
    });
    expect(decideReplacement('neu.html', 'application/pdf', { name: 'alt.pdf', ext: '.pdf' }).ok).toBe(false);
  });
});
