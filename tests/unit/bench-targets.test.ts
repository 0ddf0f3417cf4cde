import { describe, expect, it } from 'vitest';
import { lighthouseTarget, met, NEWSLETTER_TARGETS, siteTargets, verdict } from '@ikz/scripts/lib/bench-targets';

describe('benchmark targets', () => {
  it('judge a figure against an upper or a lower limit, the limit itself included', () => {
    expect(met(2, NEWSLETTER_TARGETS.publishToLiveSeconds)).toBe(true);
    expect(met(2.01, NEWSLETTER_TARGETS.publishToLiveSeconds)).toBe(false);
    expect(met(50, NEWSLETTER_TARGETS.mailsPerSecond)).toBe(true);
    expect(met(49.9, NEWSLETTER_TARGETS.mailsPerSecond)).toBe(false);
  });

  it('print the limit and the verdict beside the figure', () => {
    expect(verdict(1.2, NEWSLETTER_TARGETS.publishToLiveSeconds)).toBe('(target ≤ 2 s: met)');
    expect(verdict(12, NEWSLETTER_TARGETS.mailsPerSecond)).toBe('(target ≥ 50 mails/s: MISSED)');
  });

  it("hold scale 1 and scale 10 to the site's own targets", () => {
    expect([siteTargets(1).coldSearchMs.limit, siteTargets(10).coldSearchMs.limit]).toEqual([1000, 1500]);
    expect([siteTargets(1).publishToLiveSeconds.limit, siteTargets(10).publishToLiveSeconds.limit]).toEqual([2, 4]);
    expect(verdict(1100, siteTargets(1).coldSearchMs)).toBe('(target ≤ 1000 ms: MISSED)');
    expect(verdict(1100, siteTargets(10).coldSearchMs)).toBe('(target ≤ 1500 ms: met)');
    expect(verdict(0, siteTargets(0.05).steadyFailed)).toBe('(target ≤ 0 failed builds: met)');
    expect(verdict(0.027, siteTargets(1).layoutShift)).toBe('(target ≤ 0.05: met)');
  });

  it('hold Lighthouse to 95 points at the demo scale, and to nothing at scale 10', () => {
    expect(verdict(94, lighthouseTarget(1)!)).toBe('(target ≥ 95 points: MISSED)');
    expect(verdict(100, lighthouseTarget(0.05)!)).toBe('(target ≥ 95 points: met)');
    expect(lighthouseTarget(10)).toBeNull();
  });
});
