import { describe, expect, it } from 'vitest';
import { met, NEWSLETTER_TARGETS, verdict } from '@ikz/scripts/lib/bench-targets';

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
});
