/**
 * The webhook contract between Strapi (which sends) and the publisher (which receives): the header that
 * carries the shared secret, the events Strapi sends, the rules for the secret, the payload, and which
 * events rebuild the site. Strapi's webhooks carry no signature, so the secret header – compared in
 * constant time – is what authenticates them.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CONTENT_TYPES } from './generated.ts';

export const SECRET_HEADER = 'X-IKZ-Webhook-Secret';
export const MIN_SECRET_LENGTH = 24;

export const WEBHOOK_EVENTS = [
  'entry.create',
  'entry.update',
  'entry.delete',
  'entry.publish',
  'entry.unpublish',
  'media.create',
  'media.update',
  'media.delete',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Throws with a message that says what to set when a secret is missing or too short. */
export function assertWebhookSecret(secret: string | undefined, name = 'PUBLISHER_WEBHOOK_SECRET'): string {
  const value = secret?.trim() ?? '';
  if (value.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `${name} must be at least ${MIN_SECRET_LENGTH} characters long (it authenticates Strapi's webhooks); generate one with \`openssl rand -base64 32\`.`,
    );
  }
  return value;
}

/** Whether a received header value is the secret, compared in constant time whatever the lengths. */
export function secretMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || !expected) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** What Strapi sends; `entry` may be incomplete, so it only tells which entry changed. */
export const WebhookPayloadSchema = z.object({
  event: z.string(),
  model: z.string().optional(),
  uid: z.string().optional(),
  entry: z.object({ documentId: z.string().optional(), id: z.number().optional() }).passthrough().nullish(),
  media: z.object({ id: z.number().optional() }).passthrough().nullish(),
});
export type WebhookPayload = z.infer<typeof WebhookPayloadSchema>;

const DRAFT_AND_PUBLISH: ReadonlySet<string> = new Set(
  Object.values(CONTENT_TYPES)
    .filter((t) => t.draftAndPublish)
    .map((t) => t.singular),
);

/**
 * Which events rebuild the site. A "Publish" in the admin sends entry.update and then entry.publish, and
 * saving a draft sends entry.update: so for types with drafts only publish, unpublish and delete count.
 */
export function triggersBuild(event: string, model: string | undefined): boolean {
  if (event.startsWith('media.')) return true;
  if (event === 'entry.publish' || event === 'entry.unpublish' || event === 'entry.delete') return true;
  if (event === 'entry.update' || event === 'entry.create')
    return model !== undefined && model in CONTENT_TYPES && !DRAFT_AND_PUBLISH.has(model);
  return false;
}
