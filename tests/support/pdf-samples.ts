/**
 * PDF files for the checks of form uploads: real documents made with pdf-lib, and the fakes an attacker tries
 * (HTML renamed, a PDF header followed by HTML, HTML appended after the end, scripts inside, embedded files).
 */
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { polyglots } from './samples.ts';

/** A real PDF with `pages` pages and some text; `padTo` pads it (in a comment-free stream) to about that many bytes. */
export async function realPdf(pages = 1, padTo = 0): Promise<Buffer> {
  const document = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1)
    document.addPage([200, 200]).drawText(`Vereinbarung Seite ${i + 1}`, { x: 10, y: 100, size: 10 });
  let bytes = Buffer.from(await document.save({ useObjectStreams: true }));
  if (padTo > bytes.length) {
    // An unused, uncompressed stream object of filler bytes keeps the file a valid PDF.
    const padded = await PDFDocument.load(bytes);
    padded.context.register(padded.context.stream(Buffer.alloc(padTo - bytes.length, 0x41)));
    bytes = Buffer.from(await padded.save({ useObjectStreams: false }));
  }
  return bytes;
}

/** A PDF that runs JavaScript when opened (the action inside an object stream). */
export async function pdfWithJavaScript(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage([200, 200]);
  document.catalog.set(
    PDFName.of('OpenAction'),
    document.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }),
  );
  return Buffer.from(await document.save({ useObjectStreams: true }));
}

/** A PDF with an embedded file. */
export async function pdfWithAttachment(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage([200, 200]);
  await document.attach(Buffer.from('<script>alert(1)</script>'), 'seite.html', { mimeType: 'text/html' });
  return Buffer.from(await document.save());
}

export const fakePdfs = async () => ({
  htmlRenamed: polyglots.html(),
  headerThenHtml: polyglots.pdfHtml(),
  headerThenScript: polyglots.pdfJs(),
  htmlAppended: Buffer.concat([await realPdf(), Buffer.from('<html><script>alert(1)</script></html>')]),
  htmlThenPdf: Buffer.concat([Buffer.from('<!doctype html><script>alert(1)</script>\n'), await realPdf()]),
  headerOnly: Buffer.from('%PDF-1.7\n%%EOF\n'),
  truncated: (await realPdf()).subarray(0, 300),
  png: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
});
