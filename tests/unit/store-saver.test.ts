/**
 * When the publisher saves its content store: once publishing has been quiet after a build, never while builds
 * follow each other – unless the last save is too old – and not after it stopped.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStoreSaver } from '@ikz/scripts/publisher/store-saver';

describe('store saver', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-05T10:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  const saver = () => {
    const saves: number[] = [];
    const s = createStoreSaver({ save: () => saves.push(Date.now()), quietMs: 3000, maxAgeMs: 60_000 });
    return { s, saves };
  };

  it('saves once publishing has been quiet after a build', () => {
    const { s, saves } = saver();
    s.built();
    vi.advanceTimersByTime(2999);
    expect(saves).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saves).toHaveLength(1);
    vi.advanceTimersByTime(60_000);
    expect(saves).toHaveLength(1);
  });

  it('does not save between builds that follow each other, until the last save is too old', () => {
    const { s, saves } = saver();
    for (let i = 0; i < 5; i += 1) {
      s.built();
      vi.advanceTimersByTime(500);
      s.building();
      vi.advanceTimersByTime(10_000);
    }
    expect(saves).toEqual([]);
    // 52.5 s after the start: one more build, and then one after the save is 60 s old.
    s.built();
    vi.advanceTimersByTime(500);
    s.building();
    vi.advanceTimersByTime(7000);
    expect(saves).toEqual([]);
    s.built();
    expect(saves).toEqual([Date.now()]);
    // Right after it, the next quiet moment saves again only after a build.
    vi.advanceTimersByTime(10_000);
    expect(saves).toHaveLength(1);
  });

  it('forgets a save waiting for quiet when stopped', () => {
    const { s, saves } = saver();
    s.built();
    s.stop();
    vi.advanceTimersByTime(10_000);
    expect(saves).toEqual([]);
  });
});
