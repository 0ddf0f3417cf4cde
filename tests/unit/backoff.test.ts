import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, restartDecision } from '@ikz/scripts/lib/backoff';

describe('back-off', () => {
  it('doubles from one second and stops at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20, 1000].map((n) => backoffDelay(n))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000,
    ]);
    expect(backoffDelay(2, { initialMs: 100, maxMs: 250 })).toBe(250);
    expect(backoffDelay(1, { initialMs: 100, maxMs: 250 })).toBe(200);
  });

  it('refuses a negative or fractional attempt', () => {
    expect(() => backoffDelay(-1)).toThrow(RangeError);
    expect(() => backoffDelay(0.5)).toThrow(RangeError);
  });
});

describe('restart decisions', () => {
  it('waits longer after each quick crash and reports a crash loop at the fifth', () => {
    let failures = 0;
    const seen: { delayMs: number; crashLoop: boolean }[] = [];
    for (let i = 0; i < 7; i++) {
      const decision = restartDecision(failures, 500);
      failures = decision.failures;
      seen.push({ delayMs: decision.delayMs, crashLoop: decision.crashLoop });
    }
    expect(seen.map((s) => s.delayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(seen.map((s) => s.crashLoop)).toEqual([false, false, false, false, true, true, true]);
  });

  it('starts counting afresh after a run that lasted long enough', () => {
    expect(restartDecision(6, DEFAULT_BACKOFF.stableMs)).toEqual({ failures: 1, delayMs: 1_000, crashLoop: false });
    expect(restartDecision(6, DEFAULT_BACKOFF.stableMs - 1)).toEqual({ failures: 7, delayMs: 30_000, crashLoop: true });
  });

  it('follows the policy it is given', () => {
    const policy = { initialMs: 10, maxMs: 40, stableMs: 1_000, crashLoopAfter: 2 };
    expect(restartDecision(0, 0, policy)).toEqual({ failures: 1, delayMs: 10, crashLoop: false });
    expect(restartDecision(1, 999, policy)).toEqual({ failures: 2, delayMs: 20, crashLoop: true });
    expect(restartDecision(3, 999, policy)).toEqual({ failures: 4, delayMs: 40, crashLoop: true });
  });
});
