/**
 * Strapi glue of the upload rules (src/lib/upload-types.ts): reads an uploaded file, detects its type from its
 * content (@ikz/shared-types/file-types) and applies the decision to the file object Strapi's upload service goes on with, or throws the
 * German refusal as a validation error (answered with 400).
 */
import fs from 'node:fs/promises';
import { errors } from '@strapi/utils';
import { detectContentType } from '@ikz/shared-types/file-types';
import { decideReplacement, decideUpload, withExtension, type UploadDecision } from '../lib/upload-types.ts';

/** An uploaded file as Strapi's multipart parser (formidable) or its URL fetcher hands it on. */
export interface IncomingFile {
  filepath?: string;
  originalFilename?: string | null;
  name?: string;
  mimetype?: string | null;
  detectedMimeType?: string;
  size?: number;
}

export function incomingName(file: IncomingFile): string {
  return file.originalFilename || file.name || '';
}

async function detect(file: IncomingFile): Promise<string | undefined> {
  if (!file.filepath) return undefined;
  const content = await detectContentType(await fs.readFile(file.filepath));
  return content.ok ? content.type.mime : undefined;
}

function accepted(decision: UploadDecision): Extract<UploadDecision, { ok: true }> {
  if (!decision.ok)
    throw new errors.ValidationError(decision.message, {
      errors: [{ path: ['files'], message: decision.message, name: 'ValidationError' }],
    });
  return decision;
}

/** Checks one file and, when accepted, makes Strapi store it under the name, extension and type of its content. */
export async function checkUpload(
  file: IncomingFile,
  stored?: { name: string; ext: string },
): Promise<Extract<UploadDecision, { ok: true }>> {
  const name = incomingName(file) || 'unbenannt';
  const detected = await detect(file);
  const decision = accepted(stored ? decideReplacement(name, detected, stored) : decideUpload(name, detected));
  file.originalFilename = decision.name;
  file.mimetype = decision.mime;
  file.detectedMimeType = decision.mime;
  return decision;
}

/** The display name an editor gave (fileInfo.name) with the extension of the stored file. */
export function normalizedDisplayName(name: unknown, ext: string): unknown {
  if (typeof name !== 'string' || name === '') return name;
  return /\.[^./\\]+$/.test(name) && !name.toLowerCase().endsWith(ext) ? withExtension(name, ext) : name;
}
