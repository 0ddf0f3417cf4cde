/**
 * The decisions of sending a newsletter issue, pure: what happens to a delivery after an attempt, when the next
 * attempt is due, how fast mails may go out, and whether a test address is usable.
 *
 * - Back-off: a temporary failure (4xx reply, connection or timeout) is tried again after
 *   NEWSLETTER_RETRY_SECONDS, then 4×, 16×, 64× as long (60 s → 1, 4, 16, 64 min); after MAX_ATTEMPTS attempts
 *   in all the delivery fails.
 * - Bounce rule: one permanent failure (5xx reply to the recipient or the mail) fails the delivery and marks the
 *   subscription `bouncing` at once. Our mail goes to one relay we operate with; its 5xx for a recipient is its
 *   final word about that address, and a second issue to it would only hurt the sender's reputation. A reader
 *   whose address works again signs up again (the sign-up's double opt-in confirms it).
 */
import type { MailErrorKind } from '../../mail/types.ts';

export const MAX_ATTEMPTS = 5;
export const BACKOFF_FACTOR = 4;
/** Hard bounces after which a subscription counts as `bouncing` (and gets no further issues). */
export const BOUNCES_UNTIL_BOUNCING = 1;

/** Milliseconds to wait after the `attempt`-th attempt (1, 2, …) failed for now. */
export function retryDelayMs(attempt: number, baseSeconds: number): number {
  return baseSeconds * 1000 * BACKOFF_FACTOR ** Math.max(0, attempt - 1);
}

export type AttemptResult = { ok: true } | { ok: false; kind: MailErrorKind; message: string };

export type Outcome =
  | { state: 'sent' }
  | { state: 'queued'; nextAttemptAt: Date; lastError: string }
  | { state: 'failed'; lastError: string; hardBounce: boolean };

/** What a delivery becomes after its `attempts`-th attempt ended with `result`. */
export function outcomeOf(result: AttemptResult, attempts: number, now: Date, baseSeconds: number): Outcome {
  if (result.ok) return { state: 'sent' };
  const lastError = result.message.replace(/\s+/g, ' ').trim().slice(0, 500);
  if (result.kind === 'permanent') return { state: 'failed', lastError, hardBounce: true };
  // 'temporary' and 'not-configured' (the mail server may be set up again meanwhile) are tried again.
  if (attempts >= MAX_ATTEMPTS)
    return { state: 'failed', lastError: `${lastError} (nach ${attempts} Versuchen)`.slice(0, 500), hardBounce: false };
  return { state: 'queued', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, baseSeconds)), lastError };
}

/** The subscription after a hard bounce. */
export function afterHardBounce(
  subscriber: { hardBounces?: number | null; state: string },
  now: Date,
): { hardBounces: number; lastBounceAt: Date; state?: 'bouncing' } {
  const hardBounces = (subscriber.hardBounces ?? 0) + 1;
  return {
    hardBounces,
    lastBounceAt: now,
    ...(hardBounces >= BOUNCES_UNTIL_BOUNCING && subscriber.state === 'confirmed'
      ? { state: 'bouncing' as const }
      : {}),
  };
}

/**
 * Paces sends to `rate` mails per second: each call returns how long to wait before the next mail may start.
 * Slots are handed out in order, so concurrent senders share one rate.
 */
export function createPacer(rate: number, now: () => number = Date.now): { next(): number } {
  const interval = 1000 / rate;
  let slot = 0;
  return {
    next() {
      const t = now();
      const start = Math.max(slot, t);
      slot = start + interval;
      return start - t;
    },
  };
}

const ADDRESS =
  /^[^\s@<>()",;:\\[\]]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** A test address as typed in the admin, checked: one plain address, no line breaks, at most 254 characters. */
export function checkTestAddress(input: unknown): { ok: true; address: string } | { ok: false; message: string } {
  if (typeof input !== 'string' || !input.trim())
    return { ok: false, message: 'Bitte eine E-Mail-Adresse für den Testversand angeben.' };
  if (/[\u0000-\u001f\u007f\u0085\u2028\u2029]/.test(input))
    return { ok: false, message: 'Die Adresse enthält einen Zeilenumbruch oder ein Steuerzeichen.' };
  const address = input.trim();
  if (address.length > 254 || !ADDRESS.test(address))
    return { ok: false, message: `„${address.slice(0, 80)}“ ist keine gültige E-Mail-Adresse.` };
  return { ok: true, address };
}
