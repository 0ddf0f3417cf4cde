/** Webhook authentication: a shared secret in a header, compared in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto';

export const SECRET_HEADER = 'x-ikz-webhook-secret';

export function secretMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || !expected) return false;
  // Hash both sides so that the comparison takes the same time whatever the lengths.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Which Strapi webhook events rebuild the site. A "Publish" sends entry.update and entry.publish. */
export function triggersBuild(event: string, model: string | undefined, draftAndPublishModels: ReadonlySet<string>): boolean {
  if (event.startsWith('media.')) return true;
  if (['entry.publish', 'entry.unpublish', 'entry.delete'].includes(event)) return true;
  if (event === 'entry.update' || event === 'entry.create') return model !== undefined && !draftAndPublishModels.has(model);
  return false;
}
