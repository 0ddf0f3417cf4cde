/**
 * LOCAL STAND-IN for the shared form infrastructure the lead is writing on main (same names and shapes).
 * Deleted when main is merged: main's version wins. Only enough to run the newsletter sign-up against it:
 * root routes, strict field reading, zod parsing, honeypot, per-IP and per-address limits in memory,
 * JSON or a German HTML page as the answer. No ALTCHA verification here.
 */
import type { Core } from '@strapi/strapi';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { escapeHtml } from '@ikz/shared-types/html';

type Context = any;

export type FormRoute = { method: 'GET' | 'POST'; path: string; handler: (ctx: Context) => Promise<void> };

export class FormInputError extends Error {}

export function registerFormRoutes(strapi: Core.Strapi, routes: FormRoute[]): void {
  strapi.server.routes(
    routes.map((r) => ({
      method: r.method,
      path: `/formulare${r.path}`,
      handler: async (ctx: Context) => {
        try {
          await r.handler(ctx);
        } catch (error) {
          if (!(error instanceof FormInputError)) throw error;
          respond(ctx, { status: 400, title: 'Ungültige Eingabe', message: error.message });
        }
      },
      config: { auth: false },
    })) as any,
  );
}

export function readFields(ctx: Context): Record<string, string> {
  const body = ctx.request.body ?? {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new FormInputError('Das Formular wurde in einer unerwarteten Form gesendet.');
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value !== 'string') throw new FormInputError('Jedes Feld darf nur einmal und nur als Text gesendet werden.');
    fields[name] = value;
  }
  return fields;
}

const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/;
export const emailField = () =>
  z.string({ error: 'Bitte geben Sie Ihre E-Mail-Adresse an.' }).trim().min(1, 'Bitte geben Sie Ihre E-Mail-Adresse an.').max(254, 'Die E-Mail-Adresse ist zu lang.').refine((v) => !CONTROL.test(v), 'Die E-Mail-Adresse enthält unzulässige Zeichen.').pipe(z.email('Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@gemeinde.de.'));
export const lineField = (max: number, label: string) => z.string().max(max, `${label}: höchstens ${max} Zeichen.`).refine((v) => !CONTROL.test(v), `${label}: unzulässige Zeichen.`);
export const textField = (max: number, label: string) => z.string().max(max, `${label}: höchstens ${max} Zeichen.`);
export const checkboxField = (label: string) => z.string({ error: `Bitte bestätigen Sie: ${label}` }).refine((v) => v === 'ja', `Bitte bestätigen Sie: ${label}`);

export function parseFields<S extends z.ZodObject>(schema: S, fields: Record<string, string>): { ok: true; data: z.infer<S> } | { ok: false; errors: Record<string, string> } {
  const result = schema.safeParse(fields);
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '_');
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

const hits = new Map<string, number[]>();
function count(key: string, limit: number, windowMs: number): boolean {
  const now = Date.now();
  const list = (hits.get(key) ?? []).filter((t) => t > now - windowMs);
  if (list.length >= limit) return false;
  list.push(now);
  hits.set(key, list);
  return true;
}

export async function guardSubmission(
  ctx: Context,
  fields: Record<string, string>,
  policy: { form: string; perHour: number; perHourWithoutChallenge: number },
): Promise<{ verdict: 'accept'; solved: boolean } | { verdict: 'drop' } | { verdict: 'refuse'; status: number; message: string }> {
  const solved = false; // the stand-in does not verify ALTCHA: the stricter limit applies
  const limit = solved ? policy.perHour : policy.perHourWithoutChallenge;
  if (!count(`${policy.form}:${ctx.request.ip}`, limit, 3_600_000)) {
    return { verdict: 'refuse', status: 429, message: 'Zu viele Anfragen von Ihrem Anschluss. Bitte versuchen Sie es in einer Stunde erneut.' };
  }
  if (fields.website !== '') return { verdict: 'drop' };
  return { verdict: 'accept', solved };
}

export function allowMailTo(address: string, perDay: number): boolean {
  const key = createHash('sha256').update(address.trim().toLowerCase()).digest('hex');
  return count(`mail:${key}`, perDay, 86_400_000);
}

export { escapeHtml };

export function renderFormPage({ title, body }: { title: string; body: string }): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – Interkommunales.NRW</title></head><body><main id="inhalt"><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

export function respond(ctx: Context, r: { status: number; title: string; message: string; errors?: Record<string, string>; fields?: Record<string, string>; formHtml?: string }): void {
  ctx.status = r.status;
  ctx.set('Cache-Control', 'no-store');
  if (/application\/json/.test(ctx.get('accept') ?? '')) {
    ctx.body = { ok: r.status < 400, title: r.title, message: r.message, errors: r.errors ?? {} };
    return;
  }
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = renderFormPage({ title: r.title, body: `<p>${escapeHtml(r.message)}</p>${r.formHtml ?? ''}` });
}
