/**
 * Advisory requests do not stay: at the start and every hour, requests never confirmed are deleted once their
 * link expired (7 days), and every request once it is older than IKZ_ADVICE_RETENTION_DAYS (default 365).
 */
import type { Core } from '@strapi/strapi';
import { readEnv } from '@ikz/shared-types/env';
import { periodicTask } from '../forms/periodic.ts';
import { cleanupCutoffs } from './rules.ts';
import { adviceStore } from './store.ts';

export async function cleanUpAdviceRequests(strapi: Core.Strapi, now = new Date()): Promise<number> {
  const { IKZ_ADVICE_RETENTION_DAYS } = readEnv(['IKZ_ADVICE_RETENTION_DAYS']);
  const { count } = await adviceStore(strapi).removeStale(cleanupCutoffs(now, IKZ_ADVICE_RETENTION_DAYS));
  if (count) strapi.log.info(`[ikz] advisory requests: ${count} unconfirmed or expired request(s) deleted`);
  return count;
}

export const adviceCleanup = periodicTask('advisory request cleanup', cleanUpAdviceRequests);
