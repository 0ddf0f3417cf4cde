/**
 * Rules for the public content API (/api/*), kept pure so they can be unit-tested.
 */

/** True when a request asks for anything but published content (Strapi 5 `status`, Strapi 4 `publicationState`). */
export function requestsUnpublished(query: Record<string, unknown> | undefined): boolean {
  if (!query) return false;
  const status = query.status;
  if (status !== undefined && status !== 'published') return true;
  return query.publicationState !== undefined && query.publicationState !== 'live';
}

/**
 * Removes every contact person without publication consent from a response body, however deeply it was
 * populated. A contact whose `consent` was not selected counts as not consenting.
 */
export function redactContacts<T>(body: T): T {
  const seen = new WeakSet<object>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (key === 'contacts' && Array.isArray(value)) {
        record[key] = value.filter((c) => c && typeof c === 'object' && (c as Record<string, unknown>).consent === true);
      }
      walk(record[key]);
    }
  };
  walk(body);
  return body;
}

export const DRAFTS_FORBIDDEN_MESSAGE =
  'Entwürfe und unveröffentlichte Änderungen sind über die öffentliche Schnittstelle nicht abrufbar.';

export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match ? match[1]! : null;
}
