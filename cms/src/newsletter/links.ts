/**
 * The addresses a newsletter mail links to. Forms live under FORMS_PATH on the site's own origin: nginx and the
 * local web server pass that prefix on to Strapi, so the site's CSP (`form-action 'self'`) needs no exception.
 *
 * The unsubscribe link of a subscriber is not stored anywhere: it is an HMAC (IKZ_FORM_SECRET) over the
 * subscriber's documentId and a random salt kept with the subscriber, so it can be written into every mail of a
 * send and checked without a lookup table of tokens; changing the salt invalidates every link sent before.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const FORMS_PATH = '/formulare';

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** A new random salt for a subscriber's unsubscribe links (128 bits). */
export const newUnsubscribeSalt = () => base64url(randomBytes(16));

function unsubscribeMac(secret: string, documentId: string, salt: string): string {
  return base64url(createHmac('sha256', secret).update(`newsletter-unsubscribe\n${documentId}\n${salt}`).digest());
}

/** The token in a subscriber's unsubscribe link: `<documentId>.<mac>`. */
export function unsubscribeToken(secret: string, subscriber: { documentId: string; unsubscribeSalt: string }): string {
  return `${subscriber.documentId}.${unsubscribeMac(secret, subscriber.documentId, subscriber.unsubscribeSalt)}`;
}

/** The documentId a token names, or null when it is malformed (checking it needs the subscriber's salt). */
export function unsubscribeTokenSubject(token: string): string | null {
  const match = /^([a-z0-9]{10,40})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? match[1]! : null;
}

/** Whether a token was made for this subscriber with its current salt (constant time). */
export function unsubscribeTokenValid(
  secret: string,
  subscriber: { documentId: string; unsubscribeSalt: string | null },
  token: string,
): boolean {
  if (!subscriber.unsubscribeSalt) return false;
  const expected = Buffer.from(
    unsubscribeToken(secret, { documentId: subscriber.documentId, unsubscribeSalt: subscriber.unsubscribeSalt }),
  );
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The page with the unsubscribe button, for the mail's footer and its List-Unsubscribe header (one-click POSTs there too). */
export function unsubscribeUrl(
  siteUrl: string,
  secret: string,
  subscriber: { documentId: string; unsubscribeSalt: string },
): string {
  return `${siteUrl}${FORMS_PATH}/newsletter/abmelden?t=${encodeURIComponent(unsubscribeToken(secret, subscriber))}`;
}
