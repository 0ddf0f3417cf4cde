/**
 * Whether a file sent with a form is a PDF we accept, decided from its bytes only (never from its name or the
 * type the browser claims), and the name it is stored under. Pure (the parse is pdf-lib's, in memory).
 *
 * Accepted is a file that
 * - is not empty and at most `maxBytes` long,
 * - starts with `%PDF-1.x` or `%PDF-2.x` at its first byte (a PDF whose header comes later, after something a
 *   browser might sniff as HTML, is refused),
 * - ends with `%%EOF` (only white space after it: nothing appended),
 * - has no HTML markup where browsers look for it (the first 1024 bytes) and no `<script` anywhere,
 * - is read by pdf-lib as a document with at least one page, not encrypted (an encrypted file cannot be checked),
 * - has no JavaScript, launch or import actions, no embedded files and no rich media (objects in object streams
 *   included).
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from 'pdf-lib';

export type PdfProblem = 'empty' | 'too-large' | 'not-pdf' | 'markup' | 'unreadable' | 'encrypted' | 'active-content';
export type PdfVerdict = { ok: true; pages: number } | { ok: false; problem: PdfProblem };

const HEADER = /^%PDF-[12]\.[0-9]/;
const HEAD_BYTES = 1024;
/** Markup a browser sniffing the start of a file would take for HTML or SVG. */
const HEAD_MARKUP = /<(?:!doctype|html|head|body|script|iframe|svg|object|embed|meta|title|a\s|img\s|div|p>|\?xml)/i;
const SCRIPT = /<script/i;
const TRAILER = /%%EOF[\s\0]*$/;

/** Dictionary keys that carry scripts, embedded files or rich media. */
const ACTIVE_KEYS = ['JS', 'JavaScript', 'EmbeddedFiles', 'EmbeddedFile', 'RichMedia', 'RichMediaContent'].map((name) =>
  PDFName.of(name),
);
/** Action types (`/S`) that run something, open another file or load data. */
const ACTIVE_ACTIONS = new Set(
  ['JavaScript', 'Launch', 'ImportData', 'RichMediaExecute', 'GoToE'].map((name) => PDFName.of(name)),
);
const ACTION_TYPE = PDFName.of('S');
const TYPE = PDFName.of('Type');
const EMBEDDED_FILE = PDFName.of('EmbeddedFile');

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

function activeDict(dict: PDFDict): boolean {
  if (ACTIVE_KEYS.some((key) => dict.has(key))) return true;
  const action = dict.get(ACTION_TYPE);
  if (action instanceof PDFName && ACTIVE_ACTIONS.has(action)) return true;
  return dict.get(TYPE) === EMBEDDED_FILE;
}

/** Whether an object or anything written inside it (not behind a reference: those are checked on their own) is active. */
function active(object: PDFObject, depth = 0): boolean {
  if (depth > 64) return true;
  const dict = object instanceof PDFStream ? object.dict : object;
  if (dict instanceof PDFDict) return activeDict(dict) || dict.values().some((value) => active(value, depth + 1));
  if (object instanceof PDFArray) return object.asArray().some((value) => active(value, depth + 1));
  return false;
}

export async function checkPdf(bytes: Uint8Array, maxBytes: number): Promise<PdfVerdict> {
  if (bytes.byteLength === 0) return { ok: false, problem: 'empty' };
  if (bytes.byteLength > maxBytes) return { ok: false, problem: 'too-large' };
  const text = latin1(bytes);
  if (!HEADER.test(text.slice(0, 8))) return { ok: false, problem: 'not-pdf' };
  if (HEAD_MARKUP.test(text.slice(0, HEAD_BYTES)) || SCRIPT.test(text)) return { ok: false, problem: 'markup' };
  if (!TRAILER.test(text.slice(-HEAD_BYTES))) return { ok: false, problem: 'unreadable' };
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      throwOnInvalidObject: true,
      updateMetadata: false,
    });
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  if (document.isEncrypted) return { ok: false, problem: 'encrypted' };
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (active(object)) return { ok: false, problem: 'active-content' };
  }
  let pages: number;
  try {
    pages = document.getPageCount();
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  return pages > 0 ? { ok: true, pages } : { ok: false, problem: 'unreadable' };
}

/** Why a file was refused, in German, naming it (`name` as `safePdfName` made it). */
export function pdfProblemMessage(name: string, problem: PdfProblem, maxMb: number): string {
  const reasons: Record<PdfProblem, string> = {
    empty: 'Die Datei ist leer.',
    'too-large': `Die Datei ist größer als ${maxMb} MB.`,
    'not-pdf': 'Die Datei ist kein PDF-Dokument (geprüft wird der Inhalt, nicht der Name).',
    markup: 'Die Datei enthält neben dem PDF-Inhalt Webseiten-Code (HTML oder Skripte).',
    unreadable: 'Die Datei ist kein vollständiges, lesbares PDF-Dokument.',
    encrypted: 'Die Datei ist verschlüsselt oder mit einem Kennwort geschützt.',
    'active-content':
      'Die Datei enthält Skripte, eingebettete Dateien oder Startbefehle. Bitte speichern Sie sie z. B. über „Drucken als PDF“ neu.',
  };
  return `Die Datei „${name}“ wurde nicht angenommen: ${reasons[problem]}`;
}

const NAME_MAX = 100;

/**
 * The name a file is stored and offered under: the last path segment of what the browser sent, NFC,
 * without control, format or path characters, only letters, digits, space, `.`, `_`, `-`, `(`, `)`, at most
 * 100 characters, no leading dot, always ending in `.pdf`; "Dokument.pdf" when nothing is left.
 */
export function safePdfName(sent: string): string {
  const last = sent.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = last
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/_{2,}/g, '_');
  const stem = cleaned
    .replace(/(\.pdf)+$/i, '')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, NAME_MAX - 4)
    .trim();
  return `${stem || 'Dokument'}.pdf`;
}
