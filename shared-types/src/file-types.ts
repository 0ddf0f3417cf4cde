/**
 * The one allowlist of file types that may be uploaded, published or served: the document and image formats
 * editors need, never HTML, SVG, XML, GIF or scripts. Strapi's upload check (cms/src/uploads/), Strapi's
 * /uploads/ (cms/src/middlewares/upload-serving.ts), the site builder, the local web server, the preview and
 * the nginx sample (scripts/deploy/nginx.conf, compared by tests/unit/nginx-allowlist.test.ts) all use it.
 *
 * A file's type is the one detected from its bytes (`contentType`: magic numbers through `file-type`, old
 * Office files by the streams in their directory, CSV by a strict text rule); its extension and the type it
 * is served with follow that detected type, never the name or the type it was uploaded with. A new upload
 * must in addition carry an extension of that type (cms/src/lib/upload-types.ts); publishing follows the
 * bytes (`classifyFile`). `servingHeaders` is the one rule for how any server sends such a file.
 *
 * GIF is not on the list: editors never needed it, and a GIF header is valid JavaScript (GIF/JS polyglots).
 */
import { fileTypeFromBuffer } from 'file-type';

export interface AllowedFileType {
  /** Canonical extension, without the dot: the one a published file gets. */
  ext: string;
  /** Further extensions an upload of this type may carry. */
  aliases: readonly string[];
  mime: string;
  /** The type's short name for readers (German), shown with downloads. */
  label: string;
  /** The type's name in sentences (German), e.g. in an upload's refusal. */
  description: string;
  /** A raster image (also a source for the site's images). */
  image: boolean;
  /** Shown in the browser when opened (images only); every other type is sent as an attachment. */
  inline: boolean;
}

const type = (
  ext: string,
  mime: string,
  label: string,
  description: string,
  options: { image?: boolean; aliases?: string[] } = {},
): AllowedFileType => ({
  ext,
  aliases: options.aliases ?? [],
  mime,
  label,
  description,
  image: options.image ?? false,
  inline: options.image ?? false,
});

export const ALLOWED_FILE_TYPES: readonly AllowedFileType[] = [
  type('pdf', 'application/pdf', 'PDF', 'PDF-Dokument'),
  type('jpg', 'image/jpeg', 'JPEG', 'JPEG-Bild', { image: true, aliases: ['jpeg', 'jpe'] }),
  type('png', 'image/png', 'PNG', 'PNG-Bild', { image: true }),
  type('webp', 'image/webp', 'WebP', 'WebP-Bild', { image: true }),
  type('avif', 'image/avif', 'AVIF', 'AVIF-Bild', { image: true }),
  type('doc', 'application/msword', 'Word', 'Word-Dokument (DOC)'),
  type(
    'docx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'Word',
    'Word-Dokument (DOCX)',
  ),
  type('xls', 'application/vnd.ms-excel', 'Excel', 'Excel-Tabelle (XLS)'),
  type('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel', 'Excel-Tabelle (XLSX)'),
  type('ppt', 'application/vnd.ms-powerpoint', 'PowerPoint', 'PowerPoint-Präsentation (PPT)'),
  type(
    'pptx',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'PowerPoint',
    'PowerPoint-Präsentation (PPTX)',
  ),
  type('odt', 'application/vnd.oasis.opendocument.text', 'ODT', 'OpenDocument-Text (ODT)'),
  type('ods', 'application/vnd.oasis.opendocument.spreadsheet', 'ODS', 'OpenDocument-Tabelle (ODS)'),
  // CSV has no magic bytes: see isCsvText for when text counts as CSV.
  type('csv', 'text/csv', 'CSV', 'CSV-Tabelle'),
  type('zip', 'application/zip', 'ZIP', 'ZIP-Archiv'),
];

/** How the allowed formats are named to editors (every type's label appears in it; checked by a test). */
export const ALLOWED_FORMATS_TEXT =
  'PDF, JPEG, PNG, WebP, AVIF, Word (DOC, DOCX), Excel (XLS, XLSX), PowerPoint (PPT, PPTX), OpenDocument (ODT, ODS), CSV und ZIP';

const BY_EXT = new Map(ALLOWED_FILE_TYPES.flatMap((t) => [t.ext, ...t.aliases].map((ext) => [ext, t] as const)));
const BY_MIME = new Map(ALLOWED_FILE_TYPES.map((t) => [t.mime, t] as const));

/** The extension of a file name, lower case, without the dot ('' when it has none). */
export function extensionOf(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The allowed type an extension (with or without its dot, any case) names, or null. */
export function typeForExtension(ext: string): AllowedFileType | null {
  return BY_EXT.get(ext.replace(/^\./, '').toLowerCase()) ?? null;
}

/** The allowed type of a MIME type (parameters and case ignored), or null. */
export function typeForMime(mime: string | null | undefined): AllowedFileType | null {
  if (!mime) return null;
  return BY_MIME.get(mime.split(';')[0]!.trim().toLowerCase()) ?? null;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Streams that identify an old Office file, in order of precedence (a DOC may embed a workbook, not vice versa). */
const CFB_STREAMS: [stream: string, ext: string][] = [
  ['WordDocument', 'doc'],
  ['PowerPoint Document', 'ppt'],
  ['Workbook', 'xls'],
  ['Book', 'xls'],
];

/**
 * Names of the streams in an OLE2 (Compound File Binary) container's directory. Directory entries are 128
 * bytes, aligned to 128 within sectors of 512 or 4096 bytes; an entry is taken only if its name, its name
 * length and its type (2 = stream) agree, so text inside a document is not mistaken for a stream name.
 */
export function compoundFileStreams(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  if (bytes.length < CFB_MAGIC.length || !CFB_MAGIC.every((b, i) => bytes[i] === b)) return names;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 512; offset + 128 <= bytes.length; offset += 128) {
    const nameLength = view.getUint16(offset + 64, true);
    if (nameLength < 4 || nameLength > 64 || nameLength % 2 !== 0 || bytes[offset + 66] !== 2) continue;
    if (view.getUint16(offset + nameLength - 2, true) !== 0) continue;
    let name = '';
    for (let i = 0; i < nameLength - 2; i += 2) name += String.fromCharCode(view.getUint16(offset + i, true));
    names.add(name);
  }
  return names;
}

/**
 * Which old Office type (DOC, XLS, PPT) a compound file is, from the streams in its directory – never from
 * its name – or null (an Outlook message, an installer, a bare header, …).
 */
export function compoundFileType(bytes: Uint8Array): AllowedFileType | null {
  const streams = compoundFileStreams(bytes);
  const ext = CFB_STREAMS.find(([stream]) => streams.has(stream))?.[1];
  return ext ? typeForExtension(ext) : null;
}

/**
 * Whether bytes are text that may be stored and published as CSV: valid UTF-8 (a BOM allowed), not empty, no
 * control characters other than tab, CR and LF (nor C1 controls or the Unicode line separators), and no "<"
 * at all, so no markup (HTML, SVG, XML) can hide in it, whatever a browser might guess. CSV from Excel must be
 * saved as "CSV UTF-8". Served as text/csv; charset=utf-8, as a download, with nosniff, it stays text.
 */
export function isCsvText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029<]/.test(text);
}

/** What byte sniffing found: `file-type`'s answer (undefined when it knows no binary format for the bytes). */
export interface DetectedType {
  ext: string;
  mime: string;
}

/** What a file's bytes are: a type from the allowlist, or what was found instead ("unbekannt" when nothing matched). */
export type ContentVerdict = { ok: true; type: AllowedFileType } | { ok: false; detected: string };

/**
 * The allowed type of a file's content, from `file-type`'s answer and the bytes alone (never a name): a
 * compound file by its directory, text without magic bytes as CSV if isCsvText holds.
 */
export function contentType(detected: DetectedType | undefined, bytes: Uint8Array): ContentVerdict {
  if (!detected)
    return isCsvText(bytes) ? { ok: true, type: typeForExtension('csv')! } : { ok: false, detected: 'unbekannt' };
  if (detected.ext === 'cfb') {
    const office = compoundFileType(bytes);
    return office ? { ok: true, type: office } : { ok: false, detected: 'cfb' };
  }
  const found = typeForMime(detected.mime);
  // CSV is never a binary format's answer; whatever claims it is not taken as text.
  if (!found || found.ext === 'csv') return { ok: false, detected: detected.ext };
  return { ok: true, type: found };
}

/** Detects the allowed type of a file's bytes (see contentType). */
export async function detectContentType(bytes: Uint8Array): Promise<ContentVerdict> {
  const detected = await fileTypeFromBuffer(bytes);
  return contentType(detected ? { ext: detected.ext, mime: detected.mime } : undefined, bytes);
}

export type FileVerdict =
  | {
      ok: true;
      type: AllowedFileType;
      /** Whether the declared name's extension names the same type (required for new uploads, not for publishing). */
      extensionAgrees: boolean;
    }
  | {
      ok: false;
      /** What the bytes are, as far as known ("unbekannt" when nothing matched). */
      detected: string;
    };

/**
 * The decision for publishing: the type detected from the bytes, whatever the name says. The one exception
 * is text, which has no magic bytes: it is taken as CSV only under a .csv name (as every upload of it had).
 */
export function classifyFile(detected: DetectedType | undefined, declaredName: string, bytes: Uint8Array): FileVerdict {
  const declaredType = typeForExtension(extensionOf(declaredName));
  const content = contentType(detected, bytes);
  if (!content.ok) return content;
  if (content.type.ext === 'csv' && declaredType !== content.type) return { ok: false, detected: 'unbekannt' };
  return { ok: true, type: content.type, extensionAgrees: declaredType === content.type };
}

/** Detects the type of a file's bytes and decides whether it is allowed (see classifyFile). */
export async function inspectFile(bytes: Uint8Array, declaredName: string): Promise<FileVerdict> {
  const detected = await fileTypeFromBuffer(bytes);
  return classifyFile(detected ? { ext: detected.ext, mime: detected.mime } : undefined, declaredName, bytes);
}

/**
 * The policy that uploaded files are served with: sandboxed (no script, forms, plugins or same-origin access
 * even if a browser were to render the file as a document), nothing loaded from anywhere. An image document
 * needs nothing beyond itself (checked in Chromium by tests/api/uploads-browser.test.ts).
 */
export const FILE_CSP = "sandbox; default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/**
 * The headers any server sends with an uploaded file (Strapi's /uploads/, the site's /dateien/ and /bilder/,
 * the local web server, the preview, the nginx sample), decided from the name of the file it actually serves
 * (any case): the allowlist's type for the extension or application/octet-stream, never sniffed, sandboxed,
 * shown inline if it is an image and otherwise as an attachment.
 */
export function servingHeaders(filePath: string): Record<string, string> {
  const allowed = typeForExtension(extensionOf(filePath));
  return {
    'Content-Type': !allowed
      ? 'application/octet-stream'
      : allowed.mime === 'text/csv'
        ? 'text/csv; charset=utf-8'
        : allowed.mime,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': FILE_CSP,
    'Content-Disposition': allowed?.inline ? 'inline' : 'attachment',
  };
}
