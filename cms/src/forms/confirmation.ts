/**
 * Confirming a submission by mail, for every form whose sender confirms the address before anything happens
 * with what was sent (newsletter sign-up, advisory request, and the later forms of issue 22). The mail's link
 * opens a page with a button: opening it (GET) changes nothing, because mail gateways open every link; the
 * button (POST) confirms once, and a second confirmation says "bereits bestätigt", never an error.
 * The form supplies how to find a record by its token's hash, what the record's state means and what the
 * confirmation does; the routes here only carry that out.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendMail } from '../mail/send.ts';
import { MailError } from '../mail/types.ts';
import { html, type SafeHtml } from './html.ts';
import { FORMS_PATH } from '../newsletter/links.ts';
import { readFields } from './fields.ts';
import type { FormRoute } from './index.ts';
import { respond } from './respond.ts';
import { oneAtATime } from './serial.ts';
import { hashToken, isTokenShaped } from './tokens.ts';

/**
 * What a confirmation finds: `confirm` (waiting and the link still valid), `already` (confirmed before),
 * `expired` (waiting, but the link is too old) or `unknown` (no such record: never sent, deleted, withdrawn).
 */
export type ConfirmOutcome = 'confirm' | 'already' | 'expired' | 'unknown';

/** The outcome for a record that is confirmed once and then stays so (a submission waiting for its sender). */
export function pendingOutcome(
  record: { confirmedAt: string | null; confirmExpiresAt: string | null } | null,
  now: Date,
): ConfirmOutcome {
  if (!record) return 'unknown';
  if (record.confirmedAt) return 'already';
  if (!record.confirmExpiresAt || new Date(record.confirmExpiresAt).getTime() <= now.getTime()) return 'expired';
  return 'confirm';
}

/** A page's body: a form with one button that POSTs the hidden values (GET never changes anything). */
export function buttonForm(action: string, hidden: Record<string, string>, button: string): SafeHtml {
  return html`<form method="post" action="${FORMS_PATH + action}">${Object.entries(hidden).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}<button type="submit">${button}</button></form>`;
}

/** A paragraph with a link back to the site. */
export const backLink = (href: string, label: string): SafeHtml => html`<p><a href="${href}">${label}</a></p>`;

type Text = { title: string; message: string };
type Shown = Text & { after?: SafeHtml };

export interface Confirmation<R> {
  /** The confirm page's path below /formulare (GET shows the button, POST confirms). */
  path: string;
  /** The button's label, e.g. „Anfrage bestätigen“. */
  button: string;
  find: (tokenHash: string) => Promise<R | null>;
  outcome: (record: R | null, now: Date) => ConfirmOutcome;
  /** Carries the confirmation out (called once per record, serialised per token). */
  confirm: (record: R, now: Date) => Promise<void>;
  answers: { ask: Text; confirmed: Shown; already: Shown; expired: Shown; unknown: Shown };
}

const STATUS = { confirmed: 200, already: 200, expired: 410, unknown: 404 } as const;

/** The token in the link (`?t=`), or '' when there is none. */
export const queryToken = (ctx: Context): string => (typeof ctx.query.t === 'string' ? ctx.query.t : '');

export function confirmationRoutes<R>(c: Confirmation<R>): FormRoute[] {
  const lookup = (token: string) => (isTokenShaped(token) ? c.find(hashToken(token)) : Promise.resolve(null));
  const answer = (ctx: Context, outcome: Exclude<ConfirmOutcome, 'confirm'> | 'confirmed') => {
    const { after, ...text } = c.answers[outcome];
    respond(ctx, { status: STATUS[outcome], ...text, formHtml: after });
  };

  async function page(ctx: Context): Promise<void> {
    const token = queryToken(ctx);
    const outcome = c.outcome(await lookup(token), new Date());
    if (outcome === 'confirm')
      return respond(ctx, { status: 200, ...c.answers.ask, formHtml: buttonForm(c.path, { t: token }, c.button) });
    answer(ctx, outcome);
  }

  async function confirm(ctx: Context): Promise<void> {
    const token = readFields(ctx).t ?? '';
    const outcome = await oneAtATime(`confirm:${c.path}:${token}`, async () => {
      const record = await lookup(token);
      const now = new Date();
      const result = c.outcome(record, now);
      if (result === 'confirm') await c.confirm(record!, now);
      return result;
    });
    answer(ctx, outcome === 'confirm' ? 'confirmed' : outcome);
  }

  return [
    { method: 'GET', path: c.path, handler: page },
    { method: 'POST', path: c.path, handler: confirm },
  ];
}

/**
 * Mails the confirmation link of a stored, unconfirmed record after the answer went out, and keeps the mail's
 * Message-ID with it; a record whose mail cannot be sent is deleted at once (the form can simply be sent again).
 */
export function mailConfirmationLater(
  strapi: Core.Strapi,
  store: {
    update(id: number, data: { confirmMailMessageId: string }): Promise<unknown>;
    remove(id: number): Promise<unknown>;
  },
  rowId: number,
  mail: { to: string; subject: string; text: string; html?: string },
  log: (message: string, error?: unknown) => void,
  what: string,
): void {
  void (async () => {
    try {
      const sent = await sendMail(strapi, { ...mail, headers: { 'Auto-Submitted': 'auto-generated' } });
      await store.update(rowId, { confirmMailMessageId: sent.messageId });
    } catch (error) {
      await store.remove(rowId);
      if (!(error instanceof MailError)) throw error;
      log(`confirmation mail not sent (${error.kind}); ${what} deleted`, error);
    }
  })().catch((error: unknown) => log('submission failed', error));
}
