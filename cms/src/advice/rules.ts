/**
 * The decisions of the advisory request, as values: what a submission stores, what its confirmation changes,
 * and when a request is deleted. Pure; the handlers (./routes.ts) only carry them out.
 *
 * A request is stored as `unbestätigt` with the hash of its confirmation token; the requester gets a mail with
 * the link only (no free text goes to an address nobody has confirmed). The confirmation makes it `neu` and
 * only then is it mailed to the advisory team and copied to the requester; editors move it on to
 * `in Bearbeitung` and `erledigt`.
 */
import type { AdviceInput } from './input.ts';

export const ADVICE_STATES = ['unbestätigt', 'neu', 'in Bearbeitung', 'erledigt'] as const;
export type AdviceState = (typeof ADVICE_STATES)[number];

/** The stored request, as far as the rules and the mails need it. */
export interface AdviceRecord {
  documentId: string;
  state: AdviceState;
  municipality: string;
  municipalityAgs: string;
  topic: string;
  question: string;
  name: string;
  email: string;
  phone: string | null;
  requestedAt: string;
  confirmExpiresAt: string | null;
  confirmedAt: string | null;
  forwardedAt: string | null;
}

/** The fields a submission writes (before its confirmation mail is sent). */
export function pendingFields(input: AdviceInput, request: { tokenHash: string; now: Date; expiresAt: Date }) {
  return {
    state: 'unbestätigt' as const,
    municipality: input.municipality.name,
    municipalityAgs: input.municipality.ags,
    topic: input.topic,
    question: input.question,
    name: input.name,
    email: input.email,
    phone: input.phone ?? null,
    requestedAt: request.now.toISOString(),
    confirmTokenHash: request.tokenHash,
    confirmExpiresAt: request.expiresAt.toISOString(),
  };
}

/** The fields a confirmation writes; the token's hash stays, so a second click says "bereits bestätigt". */
export const confirmedFields = (now: Date) => ({ state: 'neu' as const, confirmedAt: now.toISOString() });

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What the hourly cleanup deletes: requests never confirmed whose link expired (after 7 days), and every
 * request older than the retention period (IKZ_ADVICE_RETENTION_DAYS), whatever its state.
 */
export function cleanupCutoffs(
  now: Date,
  retentionDays: number,
): { unconfirmedExpiredBefore: Date; requestedBefore: Date } {
  return { unconfirmedExpiredBefore: now, requestedBefore: new Date(now.getTime() - retentionDays * DAY_MS) };
}
