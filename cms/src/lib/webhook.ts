/** The publisher webhook Strapi keeps registered: what it should look like, and whether a stored one differs. */
import { SECRET_HEADER, WEBHOOK_EVENTS } from '@ikz/shared-types/webhook';

export const PUBLISHER_WEBHOOK_NAME = 'Interkommunales.NRW – Website neu bauen';

export interface WebhookSpec {
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

export function publisherWebhook(url: string, secret: string, allowedEvents: readonly string[]): WebhookSpec {
  return {
    name: PUBLISHER_WEBHOOK_NAME,
    url,
    headers: { [SECRET_HEADER]: secret },
    events: WEBHOOK_EVENTS.filter((e) => allowedEvents.includes(e)),
    isEnabled: true,
  };
}

export function sameWebhook(stored: Partial<WebhookSpec>, wanted: WebhookSpec): boolean {
  return (
    stored.url === wanted.url &&
    stored.isEnabled === wanted.isEnabled &&
    JSON.stringify(stored.headers ?? {}) === JSON.stringify(wanted.headers) &&
    JSON.stringify([...(stored.events ?? [])].sort()) === JSON.stringify([...wanted.events].sort())
  );
}
