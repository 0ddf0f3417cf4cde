/**
 * One answer for both ways a form arrives: JSON for the page's own script (`Accept: application/json`), a
 * German HTML page for a browser without JavaScript. Form answers are never cached or indexed.
 */
import type { Context } from 'koa';
import { html, SafeHtml } from './html.ts';
import { FORM_PAGE_CSP, renderFormPage } from './page.ts';
import type { FieldErrors } from './fields.ts';

export type FormAnswer = {
  status: number;
  title: string;
  message: string;
  /** German message per field; the HTML page lists them and links each to its field (`#feld-<name>`). */
  errors?: FieldErrors;
  /** The form to show again below the message (built with `html`, with the typed values). */
  formHtml?: SafeHtml;
  /** Further data for the page's script. */
  data?: Record<string, unknown>;
};

export const wantsJson = (ctx: Pick<Context, 'get'>): boolean => /\bapplication\/json\b/i.test(ctx.get('Accept'));

/** Marks a response of a form route: no caching, no indexing, the form pages' CSP. */
export function formHeaders(ctx: Pick<Context, 'set'>): void {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Robots-Tag', 'noindex');
  ctx.set('Content-Security-Policy', FORM_PAGE_CSP);
  ctx.set('Referrer-Policy', 'no-referrer');
}

/** The message block of an answer page: the text, and the list of wrong fields linking to them. */
export function noticeHtml(answer: Pick<FormAnswer, 'status' | 'message' | 'errors'>): SafeHtml {
  const failed = answer.status >= 400;
  const errors = Object.entries(answer.errors ?? {});
  return html`<div class="notice ${failed ? 'error' : 'ok'}" role="${failed ? 'alert' : 'status'}">
<p>${answer.message}</p>
${errors.length ? html`<ul>${errors.map(([field, message]) => html`<li><a href="#feld-${field}">${message}</a></li>`)}</ul>` : ''}
</div>`;
}

export function respond(ctx: Context, answer: FormAnswer): void {
  formHeaders(ctx);
  ctx.status = answer.status;
  if (wantsJson(ctx)) {
    ctx.body = {
      ok: answer.status < 400,
      title: answer.title,
      message: answer.message,
      errors: answer.errors ?? {},
      ...(answer.data ?? {}),
    };
    return;
  }
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = renderFormPage({ title: answer.title, body: html`${noticeHtml(answer)}${answer.formHtml ?? ''}` });
}

export { html, SafeHtml };
