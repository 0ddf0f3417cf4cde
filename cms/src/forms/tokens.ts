/**
 * The token of a confirmation link (newsletter sign-up, advisory request, every form whose sender confirms the
 * address first): 256 random bits, sent in the mail and stored only as its SHA-256 hash, so a copy of the
 * database confirms nobody. Valid for CONFIRM_VALIDITY_MS.
 */
import { createHash, randomBytes } from 'node:crypto';

/** How long a confirmation link works; unconfirmed requests are deleted after the same time. */
export const CONFIRM_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;

/** A token's hash as stored (64 hex digits). */
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A new token for a confirmation link and the hash to store. */
export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** Whether a string can be a token at all (43 base64url characters), before anything is looked up. */
export const isTokenShaped = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);

/** When a link sent at `now` stops working. */
export const confirmExpiry = (now: Date) => new Date(now.getTime() + CONFIRM_VALIDITY_MS);
