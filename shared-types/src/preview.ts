/**
 * The preview link contract between Strapi (which hands the admin a link for "Vorschau") and the preview
 * service (which renders the draft): a token that names content type, document and status, expires after
 * PREVIEW_TTL_SECONDS, and is signed with HMAC-SHA256 and the shared PREVIEW_SECRET. Nothing else opens a
 * preview; a changed, foreign or expired token is refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { CONTENT_TYPES, type ContentTypeName } from './generated.ts';

export const PREVIEW_TTL_SECONDS = 30 * 60;
export const PREVIEW_PATH = '/vorschau';
export const MIN_PREVIEW_SECRET_LENGTH = 32;

export type PreviewStatus = 'draft' | 'published';

export interface PreviewClaims {
  type: ContentTypeName;
  documentId: string;
  status: PreviewStatus;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const encode = (data: string | Buffer) => Buffer.from(data).toString('base64url');
const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest();

function assertSecret(secret: string): void {
  if (secret.length < MIN_PREVIEW_SECRET_LENGTH)
    throw new Error(
      `PREVIEW_SECRET must be at least ${MIN_PREVIEW_SECRET_LENGTH} characters long; generate one with \`openssl rand -base64 48\`.`,
    );
}

/** A token for one entry in one status, valid for PREVIEW_TTL_SECONDS from `now`. */
export function signPreviewToken(claims: Omit<PreviewClaims, 'exp'>, secret: string, now = new Date()): string {
  assertSecret(secret);
  const payload = encode(JSON.stringify({ ...claims, exp: Math.floor(now.getTime() / 1000) + PREVIEW_TTL_SECONDS }));
  return `${payload}.${encode(sign(payload, secret))}`;
}

export type PreviewVerdict =
  { ok: true; claims: PreviewClaims } | { ok: false; reason: 'missing' | 'malformed' | 'signature' | 'expired' };

export function verifyPreviewToken(token: string | null | undefined, secret: string, now = new Date()): PreviewVerdict {
  assertSecret(secret);
  if (!token) return { ok: false, reason: 'missing' };
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length) return { ok: false, reason: 'malformed' };
  const expected = sign(payload, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  let claims: PreviewClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as PreviewClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (
    !(claims.type in CONTENT_TYPES) ||
    typeof claims.documentId !== 'string' ||
    !/^[a-z0-9]+$/.test(claims.documentId) ||
    (claims.status !== 'draft' && claims.status !== 'published') ||
    typeof claims.exp !== 'number'
  ) {
    return { ok: false, reason: 'malformed' };
  }
  if (claims.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

/** The link Strapi's preview button opens. */
export function previewLink(previewUrl: string, token: string): string {
  return `${previewUrl.replace(/\/+$/, '')}${PREVIEW_PATH}?token=${encodeURIComponent(token)}`;
}

export { typeOfUid } from './content-types.ts';
