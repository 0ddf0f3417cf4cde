import type { Core } from '@strapi/strapi';
import { readEnv } from '@ikz/shared-types/env';
import { assertWebhookSecret } from '@ikz/shared-types/webhook';
import { PUBLISHER_WEBHOOK_NAME, publisherWebhook, sameWebhook } from '../lib/webhook.ts';

/**
 * Registers the webhook to the publisher (PUBLISHER_WEBHOOK_URL, PUBLISHER_WEBHOOK_SECRET) at every start:
 * created once, updated when URL, secret or events change, removed when the variables are gone – and handed
 * to the webhook runner as well, so it fires at once, without a restart.
 */
export async function syncPublisherWebhook(strapi: Core.Strapi): Promise<void> {
  const store = strapi.get('webhookStore') as any;
  const runner = strapi.get('webhookRunner') as any;
  const { PUBLISHER_WEBHOOK_URL: url, PUBLISHER_WEBHOOK_SECRET: secret } = readEnv([
    'PUBLISHER_WEBHOOK_URL',
    'PUBLISHER_WEBHOOK_SECRET',
  ]);
  const ours = ((await store.findWebhooks()) as any[]).filter((w) => w.name === PUBLISHER_WEBHOOK_NAME);

  if (!url || !secret) {
    for (const w of ours) {
      await store.deleteWebhook(w.id);
      runner.remove(w);
    }
    if (ours.length) strapi.log.info('[ikz] publisher webhook removed (PUBLISHER_WEBHOOK_URL/SECRET not set)');
    return;
  }
  assertWebhookSecret(secret);

  const wanted = publisherWebhook(url, secret, Array.from((store.allowedEvents as Map<string, string>).values()));
  const [first, ...duplicates] = ours;
  for (const w of duplicates) {
    await store.deleteWebhook(w.id);
    runner.remove(w);
  }
  if (!first) {
    const created = await store.createWebhook(wanted);
    runner.add(created);
    strapi.log.info(`[ikz] publisher webhook registered for ${url}`);
  } else if (!sameWebhook(first, wanted)) {
    const updated = await store.updateWebhook(first.id, wanted);
    runner.update(updated);
    strapi.log.info(`[ikz] publisher webhook updated for ${url}`);
  }
}
