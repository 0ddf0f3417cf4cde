/**
 * The build queue of the publisher: bursts of changes are coalesced (debounce with a maximum wait), at most
 * one build runs at a time, and a change that arrives during a build causes exactly one more build after it.
 * Pure apart from the timer functions, which tests replace.
 */
export interface QueueOptions<C = unknown> {
  /** Quiet time after the last change before a build starts. */
  debounceMs: number;
  /** A build starts at the latest this long after the first change of a burst. */
  maxWaitMs: number;
  build: (reason: BuildReason<C>) => Promise<void>;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface BuildReason<C = unknown> {
  /** Number of notifications. */
  changes: number;
  firstAt: number;
  /** The first notifications, for the log. */
  events: string[];
  /** What each notification said changed (all of them). */
  items: C[];
  /** Set when a full build was asked for: why. */
  full: string | null;
}

export interface QueueState {
  state: 'idle' | 'waiting' | 'building';
  pending: number;
  building: boolean;
  builds: number;
}

export function createBuildQueue<C = unknown>(options: QueueOptions<C>) {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
  let pending: BuildReason<C> | null = null;
  let timer: unknown = null;
  let building: Promise<void> | null = null;
  let builds = 0;
  let paused = false;
  const idleWaiters: (() => void)[] = [];

  const schedule = () => {
    if (!pending || building || paused) return;
    if (timer !== null) clearTimer(timer);
    const waitedMs = now() - pending.firstAt;
    const delay = Math.max(0, Math.min(options.debounceMs, options.maxWaitMs - waitedMs));
    timer = setTimer(run, delay);
  };

  const settleIdle = () => {
    if (!pending && !building) idleWaiters.splice(0).forEach((resolve) => resolve());
  };

  const run = () => {
    timer = null;
    if (!pending || building) return;
    const reason = pending;
    pending = null;
    builds += 1;
    building = options
      .build(reason)
      .catch(() => {
        // the build reports its own failure; the queue keeps going
      })
      .finally(() => {
        building = null;
        if (pending) schedule();
        else settleIdle();
      });
  };

  return {
    /** Something changed in Strapi (`item` says what, for an incremental build). */
    notify(event: string, item?: C): void {
      if (pending) {
        pending.changes += 1;
        if (pending.events.length < 20) pending.events.push(event);
      } else {
        pending = { changes: 1, firstAt: now(), events: [event], items: [], full: null };
      }
      if (item !== undefined) pending.items.push(item);
      schedule();
    },
    /** The next build renders everything (explicit request, nightly check). */
    requestFull(reason: string): void {
      this.notify(`full: ${reason}`);
      pending!.full = reason;
    },
    /** Changes are still recorded while paused (e.g. while the demo content is seeded), but nothing builds. */
    pause(): void {
      paused = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
    /** Forgets recorded changes (after a build that covered them anyway). */
    discardPending(): void {
      pending = null;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
    resume(): void {
      paused = false;
      schedule();
    },
    status(): QueueState {
      return {
        state: building ? 'building' : pending ? 'waiting' : 'idle',
        pending: pending?.changes ?? 0,
        building: Boolean(building),
        builds,
      };
    },
    /** Resolves when nothing is pending or building. */
    idle(): Promise<void> {
      if (!pending && !building) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
