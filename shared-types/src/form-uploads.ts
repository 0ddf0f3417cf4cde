/**
 * The limits of files sent with a form (the project report's PDF documents), in one place: Strapi's form route
 * checks them (cms/src/forms/pdf.ts, cms/src/project-report/documents.ts), the site's form names them in its
 * help text, and the request body limit of nginx (`client_max_body_size` of `location ^~ /formulare/` in
 * scripts/deploy/nginx.conf) and of the local forms proxy follows from them. Pure constants.
 */

/** At most this many documents per report. */
export const MAX_FORM_FILES = 3;
/** Each document at most 10 MB. */
export const MAX_FORM_FILE_MB = 10;
export const MAX_FORM_FILE_BYTES = MAX_FORM_FILE_MB * 1024 * 1024;
/** A whole form request: the files plus 1 MB for the text fields and multipart framing (nginx: `31m`). */
export const MAX_FORM_BODY_MB = MAX_FORM_FILES * MAX_FORM_FILE_MB + 1;
export const MAX_FORM_BODY_BYTES = MAX_FORM_BODY_MB * 1024 * 1024;

/** The German help text of the file field (form page and answer page). */
export const FORM_FILES_HINT = `Bis zu ${MAX_FORM_FILES} PDF-Dateien, je höchstens ${MAX_FORM_FILE_MB} MB, z. B. Vereinbarung, Satzung oder Ratsbeschluss. Die Dateien sind erst öffentlich, wenn unsere Redaktion das Projekt mit ihnen veröffentlicht.`;

/** The caption a report's file is stored with: it marks the file from its first moment, before any entry uses it. */
export const REPORT_FILE_CAPTION = 'Aus einer Projektmeldung (/projekt-melden/)';
