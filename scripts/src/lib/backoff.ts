/**
 * When to start a crashed process again, and when to try a failed build again: exponential back-off
 * (1 s, 2 s, 4 s … up to 30 s), reset once the process stayed up a while. Pure; the supervisor and the
 * publisher keep the state and the timers.
 */
export interface BackoffPolicy {
  /** Delay before the first restart. */
  initialMs: number;
  /** The delay doubles per failure in a row up to this. */
  maxMs: number;
  /** A process that ran at least this long before it exited starts the count afresh. */
  stableMs: number;
  /** This many failures in a row, none of them after a stable run, are a crash loop. */
  crashLoopAfter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1_000, maxMs: 30_000, stableMs: 60_000, crashLoopAfter: 5 };

/** The delay before attempt `attempt` (0 = the first retry): initial · 2^attempt, capped at maxMs. */
export function backoffDelay(
  attempt: number,
  policy: Pick<BackoffPolicy, 'initialMs' | 'maxMs'> = DEFAULT_BACKOFF,
): number {
  if (!Number.isInteger(attempt) || attempt < 0)
    throw new RangeError(`attempt must be a whole number ≥ 0, not ${attempt}`);
  // 2^31 is far beyond any cap; avoids Infinity for absurd attempt counts.
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 31));
}

export interface RestartDecision {
  /** Failures in a row, this one included. */
  failures: number;
  delayMs: number;
  crashLoop: boolean;
}

/**
 * What to do after a supervised process exited unexpectedly: `failuresBefore` is the count so far, `ranMs`
 * how long this run lasted. A run of `stableMs` or more resets the count before this failure is counted.
 */
export function restartDecision(
  failuresBefore: number,
  ranMs: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): RestartDecision {
  const failures = (ranMs >= policy.stableMs ? 0 : failuresBefore) + 1;
  return { failures, delayMs: backoffDelay(failures - 1, policy), crashLoop: failures >= policy.crashLoopAfter };
}
