import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRetry } from '@ikz/scripts/publisher/retry';
import type { BuildReason } from '@ikz/scripts/publisher/queue';
import type { Change } from '@ikz/site/builder';

const reason = (items: Change[], full: string | null = null): BuildReason<Change> => ({
  changes: items.length,
  firstAt: 0,
  events: ['test'],
  items,
  full,
});

describe('the retry after Strapi was unreachable', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks again after a growing back-off, and the next build takes over what the failed one was to build', () => {
    const asked: (string | null)[] = [];
    const logs: Record<string, unknown>[] = [];
    const retry = createRetry({ ask: (full) => asked.push(full), log: (r) => logs.push(r) });
    const first = retry.take(reason([{ type: 'project', documentId: 'a' }]));
    retry.schedule(first);
    vi.advanceTimersByTime(999);
    expect(asked).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(asked).toEqual([null]);
    // The next build (asked for by the retry or by a webhook) carries the failed one's changes first.
    const second = retry.take(reason([{ type: 'topic', documentId: 'b' }]));
    expect(second.items).toEqual([
      { type: 'project', documentId: 'a' },
      { type: 'topic', documentId: 'b' },
    ]);
    retry.schedule(second);
    expect(logs.map((l) => l.inSeconds)).toEqual([1, 2]);
    // Taken over: nothing is left for the one after.
    expect(retry.take(reason([])).items).toEqual([
      { type: 'project', documentId: 'a' },
      { type: 'topic', documentId: 'b' },
    ]);
    expect(retry.take(reason([])).items).toEqual([]);
  });

  it('keeps a full build full, starts the back-off again after a success, and asks nothing once stopped', () => {
    const asked: (string | null)[] = [];
    const logs: Record<string, unknown>[] = [];
    const retry = createRetry({ ask: (full) => asked.push(full), log: (r) => logs.push(r) });
    retry.schedule(retry.take(reason([], 'nächtliche Kontrolle')));
    vi.advanceTimersByTime(1000);
    expect(asked).toEqual(['nächtliche Kontrolle']);
    expect(retry.take(reason([])).full).toBe('nächtliche Kontrolle');
    retry.succeeded();
    retry.schedule(reason([]));
    expect(logs.at(-1)!.inSeconds).toBe(1);
    retry.stop();
    vi.advanceTimersByTime(60_000);
    expect(asked).toEqual(['nächtliche Kontrolle']);
    retry.schedule(reason([]));
    vi.advanceTimersByTime(60_000);
    expect(asked).toEqual(['nächtliche Kontrolle']);
  });

  it('a build asked for meanwhile cancels the pending retry', () => {
    const asked: (string | null)[] = [];
    const retry = createRetry({ ask: (full) => asked.push(full), log: () => {} });
    retry.schedule(reason([{ type: 'event', documentId: 'c' }]));
    retry.take(reason([]));
    vi.advanceTimersByTime(60_000);
    expect(asked).toEqual([]);
  });
});
