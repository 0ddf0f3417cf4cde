/**
 * A build that failed because Strapi was not reachable is tried again – with what it was to build – after a
 * back-off (1 s, 2 s, … 30 s), and at once when something else asks for a build (a webhook, or `catchUp`
 * when Strapi is back): the next build takes over what the failed one was to build.
 */
import type { Change } from '@ikz/site/builder';
import { backoffDelay } from '../lib/backoff.ts';
import type { BuildReason } from './queue.ts';

export interface RetryOptions {
  /** Asks the queue for the repeated build: a full one with its reason, or one for changes. */
  ask: (full: string | null) => void;
  log: (record: Record<string, unknown>) => void;
}

export function createRetry(options: RetryOptions) {
  let items: Change[] = [];
  let full: string | null = null;
  let attempts = 0;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const clearTimer = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  return {
    /** The reason of the next build: what it was asked to build plus what a failed build left. */
    take(queued: BuildReason<Change>): BuildReason<Change> {
      clearTimer();
      const reason = { ...queued, items: [...items, ...queued.items], full: queued.full ?? full };
      items = [];
      full = null;
      return reason;
    },
    /** Strapi was not reachable: the same build again after the back-off. */
    schedule(reason: BuildReason<Change>): void {
      if (stopped) return;
      items = reason.items;
      full = reason.full;
      const delayMs = backoffDelay(attempts);
      attempts += 1;
      options.log({
        level: 'warn',
        msg: 'Strapi not reachable: the build is tried again',
        inSeconds: delayMs / 1000,
        attempt: attempts,
      });
      clearTimer();
      timer = setTimeout(() => {
        timer = null;
        if (!stopped) options.ask(full);
      }, delayMs);
    },
    succeeded(): void {
      attempts = 0;
    },
    stop(): void {
      stopped = true;
      clearTimer();
    },
  };
}
