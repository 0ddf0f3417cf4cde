import { describe, expect, it } from 'vitest';
import {
  afterHardBounce,
  checkTestAddress,
  createPacer,
  MAX_ATTEMPTS,
  outcomeOf,
  retryDelayMs,
} from '@ikz/cms/newsletter/sending/policy';
import { classifyMailError } from '@ikz/cms/mail/send';

const now = new Date('2026-12-05T10:00:00Z');
const temporary = { ok: false as const, kind: 'temporary' as const, message: '451 4.3.0 Try again later' };

describe('back-off of temporary failures', () => {
  it('waits the base, then four times as long each time', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 60) / 1000)).toEqual([60, 240, 960, 3840]);
    expect(retryDelayMs(1, 1)).toBe(1000);
  });

  it('queues a delivery again after a temporary failure, until the last attempt fails it', () => {
    for (let attempts = 1; attempts < MAX_ATTEMPTS; attempts++) {
      expect(outcomeOf(temporary, attempts, now, 60)).toEqual({
        state: 'queued',
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, 60)),
        lastError: '451 4.3.0 Try again later',
      });
    }
    expect(outcomeOf(temporary, MAX_ATTEMPTS, now, 60)).toEqual({
      state: 'failed',
      hardBounce: false,
      lastError: '451 4.3.0 Try again later (nach 5 Versuchen)',
    });
    expect(MAX_ATTEMPTS).toBe(5);
  });
});

describe('outcome of an attempt', () => {
  it('marks a success as sent', () => {
    expect(outcomeOf({ ok: true }, 1, now, 60)).toEqual({ state: 'sent' });
  });

  it('fails a permanent refusal at once, as a hard bounce', () => {
    expect(outcomeOf({ ok: false, kind: 'permanent', message: '550 5.1.1\n No such user' }, 1, now, 60)).toEqual({
      state: 'failed',
      hardBounce: true,
      lastError: '550 5.1.1 No such user',
    });
  });

  it('tries again when no mail server is configured (it may be set up meanwhile)', () => {
    expect(outcomeOf({ ok: false, kind: 'not-configured', message: 'no SMTP_HOST' }, 1, now, 60).state).toBe('queued');
  });

  it('takes 5xx replies as permanent, 4xx and network errors as temporary', () => {
    expect(classifyMailError(Object.assign(new Error('550 No such user'), { responseCode: 550 })).kind).toBe(
      'permanent',
    );
    expect(classifyMailError(Object.assign(new Error('451 later'), { responseCode: 451 })).kind).toBe('temporary');
    expect(classifyMailError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' })).kind).toBe(
      'temporary',
    );
  });

  it('keeps the stored error short', () => {
    const outcome = outcomeOf({ ok: false, kind: 'permanent', message: 'x'.repeat(2000) }, 1, now, 60);
    expect(outcome.state === 'failed' && outcome.lastError.length).toBe(500);
  });
});

describe('hard bounces', () => {
  it('mark a confirmed subscription as bouncing after the first one', () => {
    expect(afterHardBounce({ state: 'confirmed', hardBounces: 0 }, now)).toEqual({
      hardBounces: 1,
      lastBounceAt: now,
      state: 'bouncing',
    });
    expect(afterHardBounce({ state: 'confirmed', hardBounces: null }, now)).toEqual({
      hardBounces: 1,
      lastBounceAt: now,
      state: 'bouncing',
    });
  });

  it('leave an unsubscribed address unsubscribed', () => {
    expect(afterHardBounce({ state: 'unsubscribed', hardBounces: 2 }, now)).toEqual({
      hardBounces: 3,
      lastBounceAt: now,
    });
  });
});

describe('pacing', () => {
  it('hands out one slot per 1/rate seconds, also to callers that come at once', () => {
    let t = 1000;
    const pacer = createPacer(10, () => t);
    expect([pacer.next(), pacer.next(), pacer.next()]).toEqual([0, 100, 200]);
    t += 1000;
    expect(pacer.next()).toBe(0);
    t += 50;
    expect(pacer.next()).toBe(50);
  });
});

describe('the test address', () => {
  it('accepts one plain address', () => {
    expect(checkTestAddress(' redaktion@kommune.example.de ')).toEqual({
      ok: true,
      address: 'redaktion@kommune.example.de',
    });
  });

  it.each([
    ['a@example.org\r\nBcc: b@example.org', /Zeilenumbruch/],
    ['a@example.org\n', /Zeilenumbruch/],
    ['a@example.org\u2028', /Zeilenumbruch/],
    ['a@example.org, b@example.org', /keine gültige/],
    ['Name <a@example.org>', /keine gültige/],
    ['a@localhost', /keine gültige/],
    [`${'a'.repeat(250)}@example.org`, /keine gültige/],
    ['', /Bitte eine E-Mail-Adresse/],
    [42, /Bitte eine E-Mail-Adresse/],
  ])('refuses %j', (input, message) => {
    const checked = checkTestAddress(input);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.message).toMatch(message);
  });
});
