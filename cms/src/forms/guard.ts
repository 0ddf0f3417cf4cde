/**
 * What stands between a form and the database, in this order: the per-client limits (every submission counts,
 * also one that is then dropped), the honeypot (a field people never see, that must arrive empty), and the
 * proof of work with its time trap. A form without a solved challenge (no JavaScript) is accepted under a
 * stricter limit. A bot that fills the honeypot or is faster than a person gets the same answer as a person –
 * and nothing is stored or sent.
 */
import type { Context } from 'koa';
import { checkChallenge, ReplayGuard } from './challenge.ts';
import { FormLimits, MailCaps } from './limits.ts';

/** The honeypot's field name: a plausible one, so that bots fill it in. */
export const HONEYPOT_FIELD = 'website';
export const CHALLENGE_FIELD = 'altcha';
/** A person needs longer than this from loading the form to sending it. */
export const MIN_FILL_MS = 3_000;

export type FormPolicy = { form: string; perHour: number; perHourWithoutChallenge: number };
export type GuardVerdict =
  { verdict: 'accept'; solved: boolean } | { verdict: 'drop' } | { verdict: 'refuse'; status: number; message: string };

export const CHALLENGE_FAILED =
  'Die automatische Sicherheitsprüfung des Formulars ist fehlgeschlagen oder abgelaufen. Bitte laden Sie die Seite neu und senden Sie das Formular noch einmal.';
export const TOO_MANY =
  'Von Ihrer Verbindung kamen in kurzer Zeit zu viele Anfragen. Bitte versuchen Sie es in einer Stunde noch einmal.';

export type GuardState = {
  limits: FormLimits;
  replays: ReplayGuard;
  mailCaps: MailCaps;
  secret: () => string;
  now: () => number;
};

export async function guard(
  state: GuardState,
  client: string,
  fields: Record<string, string>,
  policy: FormPolicy,
): Promise<GuardVerdict & { retryAfterSeconds?: number }> {
  const answer = fields[CHALLENGE_FIELD]?.trim() ?? '';
  const solvedClaim = answer !== '';
  const limit = await state.limits.consume(
    client,
    policy.form,
    solvedClaim,
    solvedClaim ? policy.perHour : policy.perHourWithoutChallenge,
  );
  if (!limit.ok)
    return { verdict: 'refuse', status: 429, message: TOO_MANY, retryAfterSeconds: limit.retryAfterSeconds };
  if (fields[HONEYPOT_FIELD] !== '') return { verdict: 'drop' };
  if (!solvedClaim) return { verdict: 'accept', solved: false };
  const now = state.now();
  const check = await checkChallenge(state.secret(), answer, state.replays, now);
  if (!check.ok) return { verdict: 'refuse', status: 400, message: CHALLENGE_FAILED };
  if (now - check.issuedAt < MIN_FILL_MS) return { verdict: 'drop' };
  return { verdict: 'accept', solved: true };
}

/** The client address as Strapi sees it: behind nginx the real one (IKZ_PROXY_HOPS), never the left-most X-Forwarded-For. */
export const clientAddress = (ctx: Pick<Context, 'request'>): string => ctx.request.ip || 'unknown';
