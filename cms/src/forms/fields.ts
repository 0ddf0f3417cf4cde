/**
 * Reading and checking what a form sends. A field is one string: a field given twice, as an array
 * (`email[]=…`) or as an object (`{"email":{"$ne":""}}`) is refused as a whole, before any rule sees it.
 * The field builders carry German messages for the people filling in the form.
 */
import { z } from 'zod';

export class FormInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormInputError';
  }
}

export const MAX_FIELDS = 40;
export const MAX_FIELD_LENGTH = 20_000;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

/** The fields of a parsed request body (urlencoded, JSON or multipart text fields), each one string. */
export function fieldsOf(body: unknown): Record<string, string> {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new FormInputError('Die Anfrage enthält kein Formular.');
  const entries = Object.entries(body as Record<string, unknown>);
  if (entries.length > MAX_FIELDS) throw new FormInputError('Die Anfrage enthält zu viele Felder.');
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of entries) {
    if (!FIELD_NAME.test(name)) throw new FormInputError('Die Anfrage enthält ein unbekanntes Feld.');
    if (typeof value !== 'string')
      throw new FormInputError(`Das Feld „${name}“ wurde mehrfach oder in einer ungültigen Form gesendet.`);
    if (value.length > MAX_FIELD_LENGTH) throw new FormInputError(`Das Feld „${name}“ ist zu lang.`);
    fields[name] = value;
  }
  return fields;
}

/**
 * Like `fieldsOf`, but the fields named in `lists` may come several times (checkboxes, a multiple select):
 * each is then a list of strings (at most `maxItems`, no duplicates). Every other field stays one string.
 */
export function fieldsWithLists(
  body: unknown,
  lists: readonly string[],
  maxItems: number,
): { fields: Record<string, string>; lists: Record<string, string[]> } {
  const source = body === undefined || body === null || body === '' ? {} : body;
  if (typeof source !== 'object' || Array.isArray(source))
    throw new FormInputError('Die Anfrage enthält kein Formular.');
  const rest: Record<string, unknown> = {};
  const found: Record<string, string[]> = {};
  for (const name of lists) found[name] = [];
  for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
    if (!lists.includes(name)) {
      rest[name] = value;
      continue;
    }
    const items = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(items) || items.some((item) => typeof item !== 'string'))
      throw new FormInputError(`Das Feld „${name}“ wurde in einer ungültigen Form gesendet.`);
    if (items.length > maxItems)
      throw new FormInputError(`Im Feld „${name}“ sind höchstens ${maxItems} Einträge möglich.`);
    if (new Set(items).size !== items.length)
      throw new FormInputError(`Das Feld „${name}“ enthält einen Eintrag mehrfach.`);
    if (items.some((item) => item.length > 100))
      throw new FormInputError(`Das Feld „${name}“ enthält einen ungültigen Eintrag.`);
    found[name] = items as string[];
  }
  return { fields: fieldsOf(rest), lists: found };
}

/** A file of a multipart request as Strapi's body parser (formidable) leaves it in a temporary file. */
export interface SentFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

/**
 * The files a multipart request sent in the field `field` (at most `max`, else refused with `tooMany`); a file
 * in any other field (in every field when `field` is null) is refused. An empty file part without a name (a file input left empty) counts as no file.
 */
export function sentFiles(files: unknown, field: string | null, max = 0, tooMany = ''): SentFile[] {
  if (files === undefined || files === null) return [];
  if (typeof files !== 'object' || Array.isArray(files))
    throw new FormInputError('Die Anfrage enthält ungültige Dateien.');
  const found: SentFile[] = [];
  for (const [name, value] of Object.entries(files as Record<string, unknown>)) {
    const items = (Array.isArray(value) ? value : [value]) as Partial<SentFile>[];
    const real = items.filter((file) => !(file.size === 0 && !file.originalFilename));
    if (real.length === 0) continue;
    if (name !== field)
      throw new FormInputError(
        field === null ? 'Dieses Formular nimmt keine Dateien an.' : `Das Feld „${name}“ nimmt keine Dateien an.`,
      );
    for (const file of real) {
      if (typeof file.filepath !== 'string' || typeof file.size !== 'number')
        throw new FormInputError('Die Anfrage enthält ungültige Dateien.');
      found.push({ filepath: file.filepath, originalFilename: file.originalFilename ?? '', size: file.size });
    }
  }
  if (found.length > max) throw new FormInputError(tooMany);
  return found;
}

/** The temporary files of a multipart request (to delete once it is answered). */
export function temporaryFiles(files: unknown): string[] {
  if (!files || typeof files !== 'object') return [];
  return Object.values(files as Record<string, unknown>)
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .map((file) => (file as Partial<SentFile> | null)?.filepath)
    .filter((p): p is string => typeof p === 'string');
}

/** The request's form fields; files are refused here (a form that takes files reads them itself). */
export function readFields(ctx: { request: { body?: unknown; files?: unknown } }): Record<string, string> {
  sentFiles(ctx.request.files, null);
  return fieldsOf(ctx.request.body);
}

/** Control characters, including the Unicode line and paragraph separators; a one-line field allows none. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** In multi-line text: line breaks and tabs are fine, other control characters are not. */
const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export function lineField(max: number, label: string) {
  return z
    .string({ error: `Bitte füllen Sie „${label}“ aus.` })
    .transform((v) => v.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, `Bitte füllen Sie „${label}“ aus.`)
        .max(max, `„${label}“ darf höchstens ${max} Zeichen lang sein.`)
        .refine((v) => !CONTROL.test(v), `„${label}“ darf keine Zeilenumbrüche oder Steuerzeichen enthalten.`),
    );
}

export function textField(max: number, label: string) {
  return z
    .string({ error: `Bitte füllen Sie „${label}“ aus.` })
    .transform((v) => v.normalize('NFC').replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1, `Bitte füllen Sie „${label}“ aus.`)
        .max(max, `„${label}“ darf höchstens ${max} Zeichen lang sein.`)
        .refine((v) => !TEXT_CONTROL.test(v), `„${label}“ enthält unzulässige Steuerzeichen.`),
    );
}

/** An e-mail address: one line, at most 254 characters, `local@domain.tld`; compared and stored in lower case. */
export function emailField(label = 'E-Mail-Adresse') {
  const message = `Bitte geben Sie unter „${label}“ eine gültige E-Mail-Adresse an, z. B. name@kommune.de.`;
  return z
    .string({ error: `Bitte geben Sie eine ${label} an.` })
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(1, `Bitte geben Sie eine ${label} an.`)
        .max(254, `„${label}“ darf höchstens 254 Zeichen lang sein.`)
        .refine((v) => !CONTROL.test(v), message)
        .refine(
          (v) => /^[^\s@"<>()[\]\\,;:]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(v),
          message,
        )
        .transform((v) => v.toLowerCase()),
    );
}

/** A checkbox that must be ticked (browsers send `on` or the box's value; missing means unticked). */
export function checkboxField(message: string) {
  return z
    .string({ error: message })
    .refine((v) => ['ja', 'on', 'true', '1'].includes(v), message)
    .transform(() => true as const);
}

export type FieldErrors = Record<string, string>;
export type ParsedFields<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Checks the fields against a schema; the first German message per field. */
export function parseFields<S extends z.ZodType>(
  schema: S,
  fields: Record<string, string | readonly string[]>,
): ParsedFields<z.output<S>> {
  const result = schema.safeParse(fields);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
