/**
 * The forms' housekeeping (deleting unconfirmed and expired records): a task run at Strapi's start and then
 * every hour, its failures logged, stopped by Strapi's destroy.
 */
import type { Core } from '@strapi/strapi';

export const CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

export function periodicTask(name: string, task: (strapi: Core.Strapi) => Promise<unknown>) {
  let timer: NodeJS.Timeout | undefined;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  /** Runs the task now (resolves to whether it ran without an error) and then every hour. */
  const start = async (strapi: Core.Strapi): Promise<boolean> => {
    const run = () =>
      task(strapi).then(
        () => true,
        (error: unknown) => {
          strapi.log.error(`[ikz] ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
          return false;
        },
      );
    const ok = await run();
    stop();
    timer = setInterval(run, CLEANUP_INTERVAL_MS);
    timer.unref();
    return ok;
  };
  return { start, stop };
}
