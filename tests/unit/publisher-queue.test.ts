import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assertWebhookSecret, secretMatches, triggersBuild } from '@ikz/shared-types/webhook';
import { createBuildQueue, type BuildReason } from '@ikz/scripts/publisher/queue';

describe('build queue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(buildMs = 1000) {
    const builds: BuildReason[] = [];
    const queue = createBuildQueue({
      debounceMs: 300,
      maxWaitMs: 2000,
      now: () => Date.now(),
      build: async (reason) => {
        builds.push(reason);
        await new Promise((r) => setTimeout(r, buildMs));
      },
    });
    return { queue, builds };
  }

  it('coalesces a burst into one build after the quiet time', async () => {
    const { queue, builds } = setup();
    for (let i = 0; i < 10; i += 1) {
      queue.notify(`entry.publish ${i}`);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(builds).toHaveLength(0);
    expect(queue.status()).toMatchObject({ state: 'waiting', pending: 10 });
    await vi.advanceTimersByTimeAsync(300);
    expect(builds).toHaveLength(1);
    expect(builds[0]!.changes).toBe(10);
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.status().state).toBe('idle');
  });

  it('starts at the latest after the maximum wait, even if changes keep coming', async () => {
    const { queue, builds } = setup(100);
    for (let t = 0; t < 2500; t += 100) {
      queue.notify('entry.update');
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(builds.length).toBeGreaterThanOrEqual(1);
    expect(builds[0]!.changes).toBeLessThanOrEqual(21);
  });

  it('runs one build at a time and exactly one more for changes during a build', async () => {
    const { queue, builds } = setup(5000);
    queue.notify('a');
    await vi.advanceTimersByTimeAsync(300);
    expect(queue.status()).toMatchObject({ state: 'building' });
    for (let i = 0; i < 50; i += 1) queue.notify(`during ${i}`);
    await vi.advanceTimersByTimeAsync(4000);
    expect(builds).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000 + 2000);
    expect(builds).toHaveLength(2);
    expect(builds[1]!.changes).toBe(50);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(builds).toHaveLength(2);
    await expect(queue.idle()).resolves.toBeUndefined();
  });

  it('keeps going after a failed build', async () => {
    let calls = 0;
    const queue = createBuildQueue({
      debounceMs: 10,
      maxWaitMs: 100,
      build: async () => {
        calls += 1;
        if (calls === 1) throw new Error('kaputt');
      },
    });
    queue.notify('x');
    await vi.advanceTimersByTimeAsync(20);
    queue.notify('y');
    await vi.advanceTimersByTimeAsync(20);
    expect(calls).toBe(2);
  });
});

describe('webhook authentication', () => {
  it('accepts only the exact secret', () => {
    expect(secretMatches('geheim-123', 'geheim-123')).toBe(true);
    expect(secretMatches('geheim-124', 'geheim-123')).toBe(false);
    expect(secretMatches('geheim', 'geheim-123')).toBe(false);
    expect(secretMatches(undefined, 'geheim-123')).toBe(false);
    expect(secretMatches(['geheim-123'], 'geheim-123')).toBe(false);
    expect(secretMatches('', '')).toBe(false);
  });

  it('rebuilds on publish, unpublish, delete and media, not on draft saves', () => {
    expect(triggersBuild('entry.publish', 'project')).toBe(true);
    expect(triggersBuild('entry.unpublish', 'project')).toBe(true);
    expect(triggersBuild('entry.delete', 'project')).toBe(true);
    expect(triggersBuild('entry.update', 'project')).toBe(false);
    expect(triggersBuild('entry.update', 'municipality')).toBe(true);
    expect(triggersBuild('media.update', undefined)).toBe(true);
    expect(triggersBuild('review-workflows.updateEntryStage', 'project')).toBe(false);
    expect(triggersBuild('entry.update', 'topic')).toBe(false);
    expect(triggersBuild('entry.update', 'plugin::users-permissions.user')).toBe(false);
  });

  it('refuses a secret too short for both sides, saying what to do', () => {
    expect(() => assertWebhookSecret('kurz')).toThrow(/at least 24 characters.*openssl rand/);
    expect(() => assertWebhookSecret(undefined)).toThrow(/PUBLISHER_WEBHOOK_SECRET/);
    expect(assertWebhookSecret(' x'.padEnd(30, 'y'))).toBe('x'.padEnd(29, 'y'));
  });
});

describe('paused queue', () => {
  it('records changes while paused and builds once after resume', async () => {
    vi.useFakeTimers();
    const reasons: BuildReason[] = [];
    const queue = createBuildQueue({ debounceMs: 10, maxWaitMs: 50, build: async (r) => void reasons.push(r) });
    queue.pause();
    for (let i = 0; i < 100; i += 1) queue.notify('entry.create');
    await vi.advanceTimersByTimeAsync(1000);
    expect(reasons).toHaveLength(0);
    queue.resume();
    await vi.advanceTimersByTimeAsync(100);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]!.changes).toBe(100);
    vi.useRealTimers();
  });
});
