/**
 * The one allowlist of file types that may be published or served: the document and image formats editors
 * need, never HTML, SVG, XML or scripts. A file's type is the one detected from its bytes (magic numbers,
 * through `file-type`); its extension and the type it is served with follow that detected type, never the
 * name or the type it was uploaded with.
 *
 * `classifyFile` is the pure decision (detected type, declared name, bytes → verdict); `inspectFile` runs the
 * detection first. `servingHeaders` says how a web server sends a file under /dateien/ or /bilder/ (or any
 * uploaded file): its type from the allowlist only, never sniffed, sandboxed, and as a download where a
 * browser would otherwise render it.
 */
import { fileTypeFromBuffer } from 'file-type';

export interface AllowedFileType {
  /** Canonical extension, without the dot. */
  ext: string;
  mime: string;
  /** The type's name for readers (German). */
  label: string;
  /** A raster image (also a source for the site's images). */
  image: boolean;
  /** Browsers may show it inline (images, PDF); every other type is sent as an attachment. */
  inline: boolean;
  /** Further extensions an upload of this type may carry. */
  aliases: readonly string[];
}

const type = (ext: string, mime: string, label: string, options: { image?: boolean; inline?: boolean; aliases?: string[] } = {}): AllowedFileType => ({
  ext,
  mime,
  label,
  image: options.image ?? false,
  inline: options.inline ?? options.image ?? false,
  aliases: options.aliases ?? [],
});

export const ALLOWED_FILE_TYPES: readonly AllowedFileType[] = [
  type('pdf', 'application/pdf', 'PDF', { inline: true }),
  type('jpg', 'image/jpeg', 'JPEG', { image: true, aliases: ['jpeg', 'jpe'] }),
  type('png', 'image/png', 'PNG', { image: true }),
  type('webp', 'image/webp', 'WebP', { image: true }),
  type('avif', 'image/avif', 'AVIF', { image: true }),
  type('gif', 'image/gif', 'GIF', { image: true }),
  type('doc', 'application/msword', 'Word'),
  type('xls', 'application/vnd.ms-excel', 'Excel'),
  type('ppt', 'application/vnd.ms-powerpoint', 'PowerPoint'),
  type('docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word'),
  type('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel'),
  type('pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'PowerPoint'),
  type('odt', 'application/vnd.oasis.opendocument.text', 'ODT'),
  type('ods', 'application/vnd.oasis.opendocument.spreadsheet', 'ODS'),
  type('zip', 'application/zip', 'ZIP'),
  type('csv', 'text/csv', 'CSV'),
];

const BY_EXT = new Map(ALLOWED_FILE_TYPES.flatMap((t) => [t.ext, ...t.aliases].map((ext) => [ext, t] as const)));
/** Old Office formats share one container (OLE2/CFB): which of them it is, only the name can say. */
const CFB_TYPES = new Set(['doc', 'xls', 'ppt']);

/** What byte sniffing found: `file-type`'s answer (undefined when it knows no binary format for the bytes). */
export interface DetectedType {
  ext: string;
  mime: string;
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

/** The extension of a file name, lower case, without the dot ('' when it has none). */
export function extensionOf(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The allowed type an extension names, or null. */
export function typeForExtension(ext: string): AllowedFileType | null {
  return BY_EXT.get(ext.replace(/^\./, '').toLowerCase()) ?? null;
}

/**
 * Whether bytes are a plain-text table: UTF-8 (or, failing that, Windows-1252 as older spreadsheets write
 * it), no NUL or other control characters but tab and line breaks, and not starting like markup.
 */
export function isCsvText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return false;
  return !/^[\s\ufeff]*</.test(text);
}

/** The decision: is a file with these bytes (detected as `detected`) and this declared name on the allowlist? */
export function classifyFile(detected: DetectedType | undefined, declaredName: string, bytes: Uint8Array): FileVerdict {
  const declared = extensionOf(declaredName);
  const declaredType = typeForExtension(declared);
  if (!detected) {
    if (declaredType?.ext === 'csv' && isCsvText(bytes)) return { ok: true, type: declaredType, extensionAgrees: true };
    return { ok: false, detected: 'unbekannt' };
  }
  if (detected.ext === 'cfb') {
    return declaredType && CFB_TYPES.has(declaredType.ext) ? { ok: true, type: declaredType, extensionAgrees: true } : { ok: false, detected: 'cfb' };
  }
  const found = typeForExtension(detected.ext);
  if (!found || found.ext === 'csv') return { ok: false, detected: detected.ext };
  return { ok: true, type: found, extensionAgrees: declaredType === found };
}

/** Detects the type of a file's bytes and decides whether it is allowed. */
export async function inspectFile(bytes: Uint8Array, declaredName: string): Promise<FileVerdict> {
  const detected = await fileTypeFromBuffer(bytes);
  return classifyFile(detected ? { ext: detected.ext, mime: detected.mime } : undefined, declaredName, bytes);
}

/** The policy that uploaded files are served with: no script, no plugin, nothing loaded from anywhere. */
export const FILE_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'";

/**
 * The headers a server sends with an uploaded file, decided from the path it actually serves (decoded, any
 * case): the allowlist's type for the extension or application/octet-stream, never sniffed, sandboxed, and
 * as an attachment unless it is an image or a PDF.
 */
export function servingHeaders(filePath: string): Record<string, string> {
  const allowed = typeForExtension(extensionOf(filePath));
  const headers: Record<string, string> = {
    'Content-Type': allowed?.mime ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': FILE_CSP,
  };
  if (!allowed?.inline) headers['Content-Disposition'] = 'attachment';
  return headers;
}
