/**
 * The one allowlist of uploaded files and the decision on each upload. Pure: takes the name an upload
 * carries and the type detected from its content (see upload-content.ts), and either accepts it with the
 * extension, MIME type and name Strapi must store, or refuses it with a German message naming the file.
 *
 * A file is accepted only if its extension and its content agree and both are on this list. Nothing that a
 * browser runs or renders as a document (HTML, SVG, XML, JavaScript, …) is ever on it.
 */
export interface UploadType {
  /** The MIME type stored and served. */
  mime: string;
  /** Extensions (lower case, with dot) that name this type; the first is the one a file without a known spelling gets. */
  extensions: readonly string[];
  /** German name for messages. */
  label: string;
  /** Shown in the browser when opened (images only); everything else is served as a download. */
  inline: boolean;
}

export const UPLOAD_TYPES: readonly UploadType[] = [
  { mime: 'application/pdf', extensions: ['.pdf'], label: 'PDF-Dokument', inline: false },
  { mime: 'image/jpeg', extensions: ['.jpg', '.jpeg'], label: 'JPEG-Bild', inline: true },
  { mime: 'image/png', extensions: ['.png'], label: 'PNG-Bild', inline: true },
  { mime: 'image/webp', extensions: ['.webp'], label: 'WebP-Bild', inline: true },
  { mime: 'image/avif', extensions: ['.avif'], label: 'AVIF-Bild', inline: true },
  { mime: 'application/msword', extensions: ['.doc'], label: 'Word-Dokument (DOC)', inline: false },
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['.docx'], label: 'Word-Dokument (DOCX)', inline: false },
  { mime: 'application/vnd.ms-excel', extensions: ['.xls'], label: 'Excel-Tabelle (XLS)', inline: false },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['.xlsx'], label: 'Excel-Tabelle (XLSX)', inline: false },
  { mime: 'application/vnd.ms-powerpoint', extensions: ['.ppt'], label: 'PowerPoint-Präsentation (PPT)', inline: false },
  { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['.pptx'], label: 'PowerPoint-Präsentation (PPTX)', inline: false },
  { mime: 'application/vnd.oasis.opendocument.text', extensions: ['.odt'], label: 'OpenDocument-Text (ODT)', inline: false },
  { mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['.ods'], label: 'OpenDocument-Tabelle (ODS)', inline: false },
  // CSV has no magic bytes: upload-content.ts reports text/csv only for valid UTF-8 text without control
  // characters (other than tab and line breaks) and without a single "<", so no markup can hide in it.
  { mime: 'text/csv', extensions: ['.csv'], label: 'CSV-Tabelle', inline: false },
  { mime: 'application/zip', extensions: ['.zip'], label: 'ZIP-Archiv', inline: false },
];

/** The MIME types on the allowlist, for Strapi's own upload check (plugins.ts). */
export const ALLOWED_MIME_TYPES: readonly string[] = UPLOAD_TYPES.map((t) => t.mime);

/** How the allowed formats are named to editors. */
export const ALLOWED_FORMATS_TEXT = 'PDF, JPEG, PNG, WebP, AVIF, Word (DOC, DOCX), Excel (XLS, XLSX), PowerPoint (PPT, PPTX), OpenDocument (ODT, ODS), CSV und ZIP';

export function typeByMime(mime: string | undefined | null): UploadType | undefined {
  if (!mime) return undefined;
  const wanted = mime.toLowerCase();
  return UPLOAD_TYPES.find((t) => t.mime === wanted);
}

export function typeByExtension(ext: string | undefined | null): UploadType | undefined {
  if (!ext) return undefined;
  const wanted = ext.toLowerCase();
  return UPLOAD_TYPES.find((t) => t.extensions.includes(wanted));
}

/** The extension of a file name as stored (lower case, with dot), or '' when it has none. */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return '';
  return base.slice(dot).toLowerCase();
}

export type UploadDecision =
  | { ok: true; type: UploadType; ext: string; mime: string; name: string }
  | { ok: false; message: string };

function refuse(fileName: string, reason: string): UploadDecision {
  return { ok: false, message: `Die Datei „${fileName}“ wurde abgelehnt: ${reason}` };
}

/** Replaces the extension of a display name by `ext` (or appends it). */
export function withExtension(name: string, ext: string): string {
  const current = extensionOf(name);
  return `${current ? name.slice(0, name.length - current.length) : name}${ext}`;
}

/**
 * Decides on one upload. `fileName` is the name the file arrived with; `detectedMime` what its content is
 * (undefined when nothing on the allowlist was recognised). On acceptance, `name` is the file name with the
 * extension of its detected type in lower case.
 */
export function decideUpload(fileName: string, detectedMime: string | undefined): UploadDecision {
  const ext = extensionOf(fileName);
  const byExtension = typeByExtension(ext);
  const byContent = typeByMime(detectedMime);
  const allowed = `Erlaubt sind ${ALLOWED_FORMATS_TEXT}.`;
  if (!ext) return refuse(fileName, `Der Dateiname hat keine Endung. ${allowed}`);
  if (!byExtension) return refuse(fileName, `Dateien mit der Endung „${ext}“ sind nicht erlaubt. ${allowed}`);
  if (!byContent) {
    return refuse(fileName, `Der Inhalt entspricht weder der Endung „${ext}“ (${byExtension.label}) noch einem anderen erlaubten Dateityp.`);
  }
  if (byContent !== byExtension) {
    return refuse(fileName, `Der Inhalt wurde als ${byContent.label} erkannt, die Endung „${ext}“ passt nicht dazu. Bitte laden Sie die Datei mit der Endung „${byContent.extensions[0]}“ hoch.`);
  }
  return { ok: true, type: byContent, ext, mime: byContent.mime, name: withExtension(fileName, ext) };
}

/** What /uploads/ sends for a stored file, decided by its extension alone. */
export function servingTypeOf(fileName: string): { mime: string; inline: boolean } {
  const type = typeByExtension(extensionOf(fileName));
  return type ? { mime: type.mime, inline: type.inline } : { mime: 'application/octet-stream', inline: false };
}

/**
 * A replaced file keeps its stored hash and extension (Strapi keeps its URL), so the new content must be of
 * the type that extension names; otherwise the editor uploads it as a new file.
 */
export function decideReplacement(fileName: string, detectedMime: string | undefined, stored: { name: string; ext: string }): UploadDecision {
  const decision = decideUpload(fileName, detectedMime);
  if (!decision.ok) return decision;
  const storedType = typeByExtension(stored.ext);
  if (storedType === decision.type) return decision;
  const what = storedType ? storedType.label : 'ein Dateityp, der nicht mehr erlaubt ist';
  return refuse(fileName, `Sie kann „${stored.name}“ (${what}) nicht ersetzen, denn eine ersetzte Datei behält ihren Typ. Bitte laden Sie sie als neue Datei hoch.`);
}
