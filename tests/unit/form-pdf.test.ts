import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPdf, pdfProblemMessage, safePdfName } from '@ikz/cms/forms/pdf';
import {
  FORM_FILES_HINT,
  MAX_FORM_BODY_BYTES,
  MAX_FORM_BODY_MB,
  MAX_FORM_FILE_BYTES,
  MAX_FORM_FILES,
} from '@ikz/shared-types/form-uploads';
import { fakePdfs, pdfWithAttachment, pdfWithJavaScript, realPdf } from '../support/pdf-samples.ts';

const MB = 1024 * 1024;

describe('the PDF check of form uploads', () => {
  it('accepts real PDFs, also with several pages and compressed object streams', async () => {
    expect(await checkPdf(await realPdf(), MAX_FORM_FILE_BYTES)).toEqual({ ok: true, pages: 1 });
    expect(await checkPdf(await realPdf(3), MAX_FORM_FILE_BYTES)).toEqual({ ok: true, pages: 3 });
  });

  it('refuses files above the limit and empty ones, before reading them', async () => {
    const big = await realPdf(1, 2 * MB);
    expect(big.length).toBeGreaterThan(2 * MB);
    expect(await checkPdf(big, 2 * MB)).toEqual({ ok: false, problem: 'too-large' });
    expect(await checkPdf(big, 3 * MB)).toEqual({ ok: true, pages: 1 });
    expect(await checkPdf(new Uint8Array(0), MAX_FORM_FILE_BYTES)).toEqual({ ok: false, problem: 'empty' });
  });

  it('refuses every fake: HTML renamed, a PDF header followed by HTML or script, HTML before or after a PDF, a header alone, a cut file', async () => {
    const fakes = await fakePdfs();
    const problems = Object.fromEntries(
      await Promise.all(
        Object.entries(fakes).map(async ([name, bytes]) => [name, await checkPdf(bytes, MAX_FORM_FILE_BYTES)] as const),
      ),
    );
    expect(problems).toEqual({
      htmlRenamed: { ok: false, problem: 'not-pdf' },
      headerThenHtml: { ok: false, problem: 'markup' },
      headerThenScript: { ok: false, problem: 'unreadable' },
      htmlAppended: { ok: false, problem: 'markup' },
      htmlThenPdf: { ok: false, problem: 'not-pdf' },
      headerOnly: { ok: false, problem: 'unreadable' },
      truncated: { ok: false, problem: 'unreadable' },
      png: { ok: false, problem: 'not-pdf' },
    });
  });

  it('refuses PDFs with JavaScript or embedded files', async () => {
    expect(await checkPdf(await pdfWithJavaScript(), MAX_FORM_FILE_BYTES)).toEqual({
      ok: false,
      problem: 'active-content',
    });
    expect(await checkPdf(await pdfWithAttachment(), MAX_FORM_FILE_BYTES)).toMatchObject({ ok: false });
  });

  it('says in German what is wrong, naming the file', () => {
    expect(pdfProblemMessage('Vertrag.pdf', 'too-large', 10)).toBe(
      'Die Datei „Vertrag.pdf“ wurde nicht angenommen: Die Datei ist größer als 10 MB.',
    );
    expect(pdfProblemMessage('x.pdf', 'not-pdf', 10)).toContain('kein PDF-Dokument');
  });
});

describe('stored names of form uploads', () => {
  it.each([
    ['Vereinbarung Bauhof.pdf', 'Vereinbarung Bauhof.pdf'],
    ['Ratsbeschluss_Münster.PDF', 'Ratsbeschluss_Münster.pdf'],
    ['C:\\Users\\erika\\Satzung.pdf', 'Satzung.pdf'],
    ['../../etc/passwd', 'passwd.pdf'],
    ['<img src=x onerror=alert(1)>.pdf', '_img src_x onerror_alert(1)_.pdf'],
    ['.htaccess', 'htaccess.pdf'],
    ['bericht.pdf.html', 'bericht.pdf_html.pdf'.replace('_html', '.html')],
    ['a\u202Efdp.exe', 'afdp.exe.pdf'],
    ['Zeile\num.pdf', 'Zeileum.pdf'],
    ['', 'Dokument.pdf'],
    ['...', 'Dokument.pdf'],
    ['x.pdf.pdf', 'x.pdf'],
  ])('%j → %j', (sent, stored) => {
    expect(safePdfName(sent)).toBe(stored);
  });

  it('keeps names short and the extension', () => {
    const name = safePdfName(`${'ä'.repeat(300)}.pdf`);
    expect(name.length).toBe(100);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('the limits of form uploads', () => {
  it('leave room for the text fields in the request body and are named in the help text', () => {
    expect(MAX_FORM_BODY_BYTES).toBe(MAX_FORM_FILES * MAX_FORM_FILE_BYTES + MB);
    expect(FORM_FILES_HINT).toContain(
      `Bis zu ${MAX_FORM_FILES} PDF-Dateien, je höchstens ${MAX_FORM_FILE_BYTES / MB} MB`,
    );
  });

  it('are the ones the page /projekt-melden/ tells readers', () => {
    const page = fs.readFileSync(new URL('../../site/src/content/pages/projekt-melden.mdx', import.meta.url), 'utf8');
    const words: Record<number, string> = { 1: 'eine', 2: 'zwei', 3: 'drei', 4: 'vier', 5: 'fünf' };
    expect(page).toContain(
      `als PDF-Dateien beifügen (bis zu ${words[MAX_FORM_FILES]}, je höchstens ${MAX_FORM_FILE_BYTES / MB} MB)`,
    );
    expect(page).not.toMatch(/nimmt das Formular nicht an/);
  });
});

describe('the request body limit of the forms in the nginx sample', () => {
  it('is the one of the form uploads', () => {
    const config = fs.readFileSync(new URL('../../scripts/deploy/nginx.conf', import.meta.url), 'utf8');
    const block = config.slice(config.indexOf('location ^~ /formulare/ {'));
    expect(block.slice(0, block.indexOf('}')).match(/client_max_body_size (\S+);/)?.[1]).toBe(`${MAX_FORM_BODY_MB}m`);
  });
});
