/**
 * The decisions of the newsletter sign-up, as values: what a sign-up, a confirmation and an unsubscription do
 * to a subscriber, and what of a subscriber stays after leaving. Pure; the handlers (./routes.ts) only carry
 * them out.
 */
import type { ConfirmOutcome } from '../../forms/confirmation.ts';

export type SubscriberState = 'pending' | 'confirmed' | 'unsubscribed' | 'bouncing';
export type UnsubscribeChannel = 'link' | 'one-click' | 'site-form' | 'editor';

/** The stored subscriber, as far as the rules need it. */
export interface SubscriberRecord {
  documentId: string;
  email: string;
  state: SubscriberState;
  requestedAt: string | null;
  consentVersion: string | null;
  sourcePage: string | null;
  confirmTokenHash: string | null;
  confirmExpiresAt: string | null;
  confirmMailSentAt: string | null;
  confirmMailMessageId: string | null;
  confirmedAt: string | null;
  unsubscribeSalt: string | null;
  unsubscribedAt: string | null;
  unsubscribeChannel: UnsubscribeChannel | null;
  hardBounces: number | null;
  lastBounceAt: string | null;
}

/**
 * What a sign-up for an address does:
 * - `create`: unknown address → a new pending subscriber and a confirmation mail;
 * - `renew`: pending (not yet confirmed), unsubscribed earlier, or bouncing (the mail server refused the address
 *   for good; it may work again) → a new token and a new confirmation mail (a new consent, and the double
 *   opt-in shows that the address takes mail again);
 * - `none`: confirmed → nothing at all, no mail (the subscriber already gets the newsletter; a mail would only
 *   let anyone who knows the address send mail to it).
 * The answer to the reader is the same in every case.
 */
export type SignUpAction = 'create' | 'renew' | 'none';

export function signUpAction(existing: Pick<SubscriberRecord, 'state'> | null): SignUpAction {
  if (!existing) return 'create';
  return existing.state === 'confirmed' ? 'none' : 'renew';
}

/** The fields a sign-up writes once its confirmation mail went out. */
export function signUpFields(request: {
  email: string;
  consentVersion: string;
  sourcePage: string;
  tokenHash: string;
  now: Date;
  expiresAt: Date;
  messageId: string;
}) {
  return {
    email: request.email,
    state: 'pending' as const,
    requestedAt: request.now.toISOString(),
    consentVersion: request.consentVersion,
    sourcePage: request.sourcePage,
    confirmTokenHash: request.tokenHash,
    confirmExpiresAt: request.expiresAt.toISOString(),
    confirmMailSentAt: request.now.toISOString(),
    confirmMailMessageId: request.messageId,
  };
}

/**
 * What a confirmation (POST with the token) finds:
 * - `confirm`: pending and the link still valid → confirmed now;
 * - `already`: the link was confirmed before ("bereits bestätigt", never an error: mail gateways and people
 *   click twice);
 * - `expired`: pending but the link is older than 7 days;
 * - `unknown`: no subscriber has this token (never sent, deleted, or unsubscribed since).
 */

export function confirmOutcome(
  subscriber: Pick<SubscriberRecord, 'state' | 'confirmExpiresAt'> | null,
  now: Date,
): ConfirmOutcome {
  if (!subscriber) return 'unknown';
  if (subscriber.state === 'confirmed' || subscriber.state === 'bouncing') return 'already';
  if (subscriber.state !== 'pending') return 'unknown';
  if (!subscriber.confirmExpiresAt || new Date(subscriber.confirmExpiresAt).getTime() <= now.getTime())
    return 'expired';
  return 'confirm';
}

/**
 * The fields a confirmation writes. The token's hash stays (so a second click finds the subscriber and says
 * "bereits bestätigt"); a new salt makes the unsubscribe links; an earlier unsubscription is over.
 */
export function confirmFields(now: Date, unsubscribeSalt: string) {
  return {
    state: 'confirmed' as const,
    confirmedAt: now.toISOString(),
    unsubscribeSalt,
    unsubscribedAt: null,
    unsubscribeChannel: null,
    hardBounces: 0,
    lastBounceAt: null,
  };
}

/** Whether a subscriber can be unsubscribed (gets the newsletter, or would). */
export const canUnsubscribe = (subscriber: Pick<SubscriberRecord, 'state'>) =>
  subscriber.state === 'confirmed' || subscriber.state === 'bouncing';

/**
 * What stays after unsubscribing: the proof that the newsletter was sent with consent (address, time of the
 * request, consent version and page, time and Message-ID of the confirmation mail, time of confirmation) and
 * when and how the consent was withdrawn. Cleared: the confirmation token's hash and expiry, the salt of the
 * unsubscribe links (every link sent before stops working) and the bounce counters.
 */
export function unsubscribeFields(now: Date, channel: UnsubscribeChannel) {
  return {
    state: 'unsubscribed' as const,
    unsubscribedAt: now.toISOString(),
    unsubscribeChannel: channel,
    confirmTokenHash: null,
    confirmExpiresAt: null,
    unsubscribeSalt: null,
    hardBounces: 0,
    lastBounceAt: null,
  };
}

/** How long the proof of a withdrawn consent is kept: the regular limitation period (§ 195 BGB). */
export const PROOF_RETENTION_MS = 3 * 365 * 24 * 60 * 60 * 1000;

/**
 * What the hourly cleanup does: a pending subscriber whose link expired is deleted when the request was never
 * confirmed; a former subscriber who signed up again and did not confirm goes back to "unsubscribed" (the
 * times of the earlier confirmation and withdrawal stay; the request fields are those of the unconfirmed new
 * request, whose token goes); one whose address bounced goes back to "bouncing" the same way. The proof of an
 * unsubscribed consent is deleted 3 years after unsubscribing, that of a bouncing address 3 years after its
 * last bounce. null: nothing to do (yet).
 */
export type StaleAction = 'delete' | 'revert' | null;

type StaleFields = Pick<SubscriberRecord, 'state' | 'confirmExpiresAt' | 'unsubscribedAt' | 'lastBounceAt'>;

const proofExpired = (since: string | null, now: Date) =>
  Boolean(since) && new Date(since!).getTime() + PROOF_RETENTION_MS <= now.getTime();

export function staleAction(subscriber: StaleFields, now: Date): StaleAction {
  if (subscriber.state === 'unsubscribed') return proofExpired(subscriber.unsubscribedAt, now) ? 'delete' : null;
  if (subscriber.state === 'bouncing') return proofExpired(subscriber.lastBounceAt, now) ? 'delete' : null;
  if (subscriber.state !== 'pending') return null;
  if (subscriber.confirmExpiresAt && new Date(subscriber.confirmExpiresAt).getTime() > now.getTime()) return null;
  return subscriber.unsubscribedAt || subscriber.lastBounceAt ? 'revert' : 'delete';
}

/** The fields that put a stale re-sign-up back to what it was: "unsubscribed", or "bouncing". */
export const revertFields = (subscriber: Pick<SubscriberRecord, 'unsubscribedAt'>) => ({
  state: subscriber.unsubscribedAt ? ('unsubscribed' as const) : ('bouncing' as const),
  confirmTokenHash: null,
  confirmExpiresAt: null,
});

/** The address as stored and compared: trimmed and lowercased (mail providers treat the local part so). */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();
