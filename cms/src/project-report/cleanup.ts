/** Project reports never confirmed are deleted once their link expired (7 days): at the start and every hour. */
import type { Core } from '@strapi/strapi';
import { periodicTask } from '../forms/periodic.ts';
import { submissionStore } from './store.ts';

export async function cleanUpProjectReports(strapi: Core.Strapi, now = new Date()): Promise<number> {
  const { count } = await submissionStore(strapi).removeUnconfirmed(now);
  if (count) strapi.log.info(`[ikz] project reports: ${count} unconfirmed report(s) deleted`);
  return count;
}

export const projectReportCleanup = periodicTask('project report cleanup', cleanUpProjectReports);
