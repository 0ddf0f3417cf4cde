import { describe, expect, it } from 'vitest';
import { berlinOffsetMinutes, berlinTime, formatDateDe } from '@ikz/shared-types/time';

describe('Berlin time', () => {
  it('knows summer and winter time', () => {
    expect(berlinOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(60);
    expect(berlinOffsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(120);
  });

  it('converts wall-clock times to instants, also across the switch days', () => {
    expect(berlinTime(2026, 9, 10, 10, 0).toISOString()).toBe('2026-09-10T08:00:00.000Z');
    expect(berlinTime(2026, 12, 1, 10, 30).toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(berlinTime(2026, 3, 29, 12, 0).toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(berlinTime(2026, 10, 25, 12, 0).toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });

  it('formats German dates in Berlin', () => {
    expect(formatDateDe(new Date('2019-03-11T23:30:00Z'))).toBe('12.03.2019');
  });
});
