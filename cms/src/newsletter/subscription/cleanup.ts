/**
 * Unconfirmed sign-ups do not stay: at the start and every hour, pending subscribers whose confirmation link
 * expired (7 days) are deleted, or – when they had unsubscribed before – put back to "unsubscribed"; the proof
 * of a withdrawn consent (or of a bouncing address) is deleted 3 years after the withdrawal (the last bounce);
 * the delivery rows of finished sends go by the rules of ../sending/retention.ts.
 */
import type { Core } from '@strapi/strapi';
import { periodicTask } from '../../forms/periodic.ts';
import { PROOF_RETENTION_MS, revertFields, staleAction } from './rules.ts';
import { sweepDeliveries } from '../sending/retention.ts';
import { subscriberStore } from './store.ts';

export async function cleanUpStaleSignUps(
  strapi: Core.Strapi,
  now = new Date(),
): Promise<{ deleted: number; reverted: number; deliveries: number }> {
  const store = subscriberStore(strapi);
  let deleted = 0;
  let reverted = 0;
  for (const subscriber of await store.stale(now, new Date(now.getTime() - PROOF_RETENTION_MS))) {
    const action = staleAction(subscriber, now);
    if (action === 'delete') {
      await store.remove(subscriber.id);
      deleted++;
    } else if (action === 'revert') {
      await store.update(subscriber.id, revertFields(subscriber));
      reverted++;
    }
  }
  const deliveries = await sweepDeliveries(strapi, now);
  if (deleted || reverted)
    strapi.log.info(
      `[ikz] newsletter: ${deleted} expired sign-up(s) or proof(s) deleted, ${reverted} put back as they were`,
    );
  if (deliveries) strapi.log.info(`[ikz] newsletter: ${deliveries} delivery row(s) of finished sends deleted`);
  return { deleted, reverted, deliveries };
}

const cleanup = periodicTask('newsletter cleanup', cleanUpStaleSignUps);

/** Runs the cleanup now and then hourly; `stopSignUpCleanup` ends it (Strapi's destroy). */
export async function startSignUpCleanup(strapi: Core.Strapi): Promise<void> {
  if (await cleanup.start(strapi))
    strapi.log.info('[ikz] newsletter: unconfirmed sign-ups are deleted after 7 days (checked now and every hour)');
}

export const stopSignUpCleanup = cleanup.stop;
