/**
 * The decision on each upload, on top of the one allowlist (@ikz/shared-types/file-types). Pure: takes the
 * name an upload carries and the type detected from its content (`detectContentType` there), and either
 * accepts it with the extension, MIME type and name Strapi must store, or refuses it with a German message
 * naming the file.
 *
 * A file is accepted only if its extension and its content agree and both are on the list.
 */
import {
  ALLOWED_FILE_TYPES,
  ALLOWED_FORMATS_TEXT,
  extensionOf as bareExtensionOf,
  typeForExtension,
  typeForMime,
  type AllowedFileType,
} from '@ikz/shared-types/file-types';

/** The MIME types on the allowlist, for Strapi's own upload check (plugins.ts). */
export const ALLOWED_MIME_TYPES: readonly string[] = ALLOWED_FILE_TYPES.map((t) => t.mime);

/** The extension of a file name as Strapi stores it (lower case, with dot), or '' when it has none. */
export function extensionOf(fileName: string): string {
  const ext = bareExtensionOf(fileName);
  return ext ? `.${ext}` : '';
}

export type UploadDecision =
  { ok: true; type: AllowedFileType; ext: string; mime: string; name: string } | { ok: false; message: string };

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
  const byExtension = typeForExtension(ext);
  const byContent = typeForMime(detectedMime);
  const allowed = `Erlaubt sind ${ALLOWED_FORMATS_TEXT}.`;
  if (!ext) return refuse(fileName, `Der Dateiname hat keine Endung. ${allowed}`);
  if (!byExtension) return refuse(fileName, `Dateien mit der Endung „${ext}“ sind nicht erlaubt. ${allowed}`);
  if (!byContent) {
    return refuse(
      fileName,
      `Der Inhalt entspricht weder der Endung „${ext}“ (${byExtension.description}) noch einem anderen erlaubten Dateityp.`,
    );
  }
  if (byContent !== byExtension) {
    return refuse(
      fileName,
      `Der Inhalt wurde als ${byContent.description} erkannt, die Endung „${ext}“ passt nicht dazu. Bitte laden Sie die Datei mit der Endung „.${byContent.ext}“ hoch.`,
    );
  }
  return { ok: true, type: byContent, ext, mime: byContent.mime, name: withExtension(fileName, ext) };
}

/**
 * A replaced file keeps its stored hash and extension (Strapi keeps its URL), so the new content must be of
 * the type that extension names; otherwise the editor uploads it as a new file.
 */
export function decideReplacement(
  fileName: string,
  detectedMime: string | undefined,
  stored: { name: string; ext: string },
): UploadDecision {
  const decision = decideUpload(fileName, detectedMime);
  if (!decision.ok) return decision;
  const storedType = typeForExtension(stored.ext);
  if (storedType === decision.type) return decision;
  const what = storedType ? storedType.description : 'ein Dateityp, der nicht mehr erlaubt ist';
  return refuse(
    fileName,
    `Sie kann „${stored.name}“ (${what}) nicht ersetzen, denn eine ersetzte Datei behält ihren Typ. Bitte laden Sie sie als neue Datei hoch.`,
  );
}
