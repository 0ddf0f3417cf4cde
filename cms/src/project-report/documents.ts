/**
 * The PDF documents sent with a project report: checked by their content (../forms/pdf.ts) within the limits of
 * @ikz/shared-types/form-uploads, stored through the upload plugin (so editors find them in the media library,
 * and the upload rules of src/uploads/ apply once more), attached to the submission, and at the confirmation
 * made draft entries of "Dokument" attached to the draft project. Held back from the public until published
 * (./held-files.ts).
 */
import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { MAX_FORM_FILE_BYTES, MAX_FORM_FILE_MB, MAX_FORM_FILES } from '@ikz/shared-types/form-uploads';
import { checkPdf, pdfProblemMessage, safePdfName } from '../forms/pdf.ts';
import type { SentFile } from '../forms/index.ts';
import { REPORT_FILE_CAPTION } from './rules.ts';

/** The form's file field. */
export const FILES_FIELD = 'documents';
export const TOO_MANY_FILES = `Bitte senden Sie höchstens ${MAX_FORM_FILES} PDF-Dateien.`;

export type CheckedFile = { filepath: string; name: string; size: number };

/** Checks every file; the first refusal as a German message for the file field. */
export async function checkReportFiles(
  files: readonly SentFile[],
): Promise<{ ok: true; files: CheckedFile[] } | { ok: false; message: string }> {
  if (files.length > MAX_FORM_FILES) return { ok: false, message: TOO_MANY_FILES };
  const checked: CheckedFile[] = [];
  for (const file of files) {
    const name = safePdfName(file.originalFilename ?? '');
    // Too large ones are refused without reading them.
    const verdict =
      file.size > MAX_FORM_FILE_BYTES
        ? ({ ok: false, problem: 'too-large' } as const)
        : await checkPdf(await fs.readFile(file.filepath), MAX_FORM_FILE_BYTES);
    if (!verdict.ok) return { ok: false, message: pdfProblemMessage(name, verdict.problem, MAX_FORM_FILE_MB) };
    checked.push({ filepath: file.filepath, name, size: file.size });
  }
  return { ok: true, files: checked };
}

/** Stores checked files in the media library; their ids. */
export async function storeReportFiles(strapi: Core.Strapi, files: readonly CheckedFile[]): Promise<number[]> {
  if (files.length === 0) return [];
  const upload = strapi.plugin('upload').service('upload');
  const stored = (await upload.upload({
    data: { fileInfo: files.map((file) => ({ name: file.name, caption: REPORT_FILE_CAPTION })) },
    files: files.map((file) => ({
      filepath: file.filepath,
      originalFilename: file.name,
      mimetype: 'application/pdf',
      size: file.size,
    })),
  })) as { id: number }[];
  return stored.map((file) => file.id);
}
