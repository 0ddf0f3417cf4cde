import { describe, expect, it } from 'vitest';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { z } from 'zod';
import {
  checkboxField,
  emailField,
  fieldsOf,
  FormInputError,
  lineField,
  parseFields,
  textField,
} from '@ikz/cms/forms/fields';
import { checkChallenge, decodePayload, issueChallenge, ReplayGuard } from '@ikz/cms/forms/challenge';
import { guard, MIN_FILL_MS, type GuardState } from '@ikz/cms/forms/guard';
import { FormLimits, MailCaps } from '@ikz/cms/forms/limits';
import { html, escapeHtml } from '@ikz/cms/forms/html';
import { renderFormPage } from '@ikz/cms/forms/page';
import { encodePayload } from '@ikz/site/browser/form-challenge';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

async function solved(now: number): Promise<string> {
  const challenge = await issueChallenge(SECRET, now);
  const solution = await solveChallenge({ challenge, deriveKey });
  return encodePayload(challenge, solution!);
}

describe('form fields', () => {
  it('takes each field as one string and refuses arrays, objects, duplicates and odd names', () => {
    expect(fieldsOf({ email: 'a@b.de', website: '' })).toEqual({ email: 'a@b.de', website: '' });
    expect(fieldsOf(undefined)).toEqual({});
    for (const body of [
      { email: ['a@b.de', 'c@d.de'] },
      { email: { $ne: '' } },
      { email: 1 },
      { 'e mail': 'x' },
      { __proto__x: 'x', 'a.b': 'x' },
      ['email'],
      'email=a',
    ]) {
      expect(() => fieldsOf(body), JSON.stringify(body)).toThrow(FormInputError);
    }
    expect(() => fieldsOf({ text: 'x'.repeat(20_001) })).toThrow(/zu lang/);
  });

  it('checks an e-mail address and gives German messages', () => {
    const schema = z.object({ email: emailField() });
    expect(parseFields(schema, { email: '  Anna.Muster@Kommune.NRW.de ' })).toEqual({
      ok: true,
      data: { email: 'anna.muster@kommune.nrw.de' },
    });
    for (const email of [
      '',
      'kein-at',
      'a@b',
      'a@b.de\r\nBcc: x@y.de',
      'a@b.de\nx',
      `${'a'.repeat(250)}@b.de`,
      'a b@c.de',
      '<a@b.de>',
      'a@b.de,c@d.de',
    ]) {
      const result = parseFields(schema, { email });
      expect(result.ok, JSON.stringify(email)).toBe(false);
      if (!result.ok) expect(result.errors.email).toMatch(/E-Mail-Adresse/);
    }
    expect(parseFields(schema, {})).toMatchObject({
      ok: false,
      errors: { email: expect.stringMatching(/Bitte geben Sie/) },
    });
  });

  it('keeps one-line fields on one line, and text free of control characters', () => {
    const schema = z.object({
      name: lineField(20, 'Name'),
      text: textField(50, 'Nachricht'),
      consent: checkboxField('Bitte stimmen Sie zu.'),
    });
    expect(parseFields(schema, { name: ' Köln ', text: 'Zeile 1\r\nZeile 2', consent: 'ja' })).toEqual({
      ok: true,
      data: { name: 'Köln', text: 'Zeile 1\nZeile 2', consent: true },
    });
    const bad = parseFields(schema, { name: 'a\u2028b', text: 'x\u0007', consent: 'nein' });
    expect(bad).toEqual({
      ok: false,
      errors: {
        name: '„Name“ darf keine Zeilenumbrüche oder Steuerzeichen enthalten.',
        text: '„Nachricht“ enthält unzulässige Steuerzeichen.',
        consent: 'Bitte stimmen Sie zu.',
      },
    });
    expect(parseFields(schema, { name: 'x'.repeat(21), text: 'ok', consent: 'on' })).toMatchObject({
      ok: false,
      errors: { name: '„Name“ darf höchstens 20 Zeichen lang sein.' },
    });
  });
});

describe('the proof of work', () => {
  it('accepts a solved challenge once, and refuses forged, foreign, expired and replayed ones', async () => {
    const now = Date.now();
    const replays = new ReplayGuard();
    const payload = await solved(now);
    expect(await checkChallenge(SECRET, payload, replays, now + 5_000)).toMatchObject({ ok: true, issuedAt: now });
    expect(await checkChallenge(SECRET, payload, replays, now + 6_000)).toEqual({ ok: false, reason: 'replayed' });
    expect(
      await checkChallenge('another-secret-another-secret-another', await solved(now), new ReplayGuard(), now),
    ).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkChallenge(SECRET, await solved(now - 3_600_000), new ReplayGuard(), now)).toEqual({
      ok: false,
      reason: 'expired',
    });
    const decoded = decodePayload(await solved(now))!;
    const wrongCounter = encodePayload(decoded.challenge, {
      ...decoded.solution,
      counter: decoded.solution.counter + 1,
    });
    expect((await checkChallenge(SECRET, wrongCounter, new ReplayGuard(), now)).ok).toBe(false);
    for (const junk of ['', 'x', '{"a":1}', Buffer.from('{"challenge":{}}').toString('base64'), 'A'.repeat(5_000)]) {
      expect(await checkChallenge(SECRET, junk, new ReplayGuard(), now), junk.slice(0, 20)).toEqual({
        ok: false,
        reason: 'malformed',
      });
    }
  });
});

describe('the guard in front of a form', () => {
  const policy = { form: 'test', perHour: 5, perHourWithoutChallenge: 2 };
  const fresh = (now: number): GuardState => ({
    limits: new FormLimits(20),
    replays: new ReplayGuard(),
    mailCaps: new MailCaps(),
    secret: () => SECRET,
    now: () => now,
  });

  it('accepts a person, with or without JavaScript, and drops a filled or missing honeypot silently', async () => {
    const now = Date.now();
    const state = fresh(now + MIN_FILL_MS + 1);
    expect(await guard(state, '198.51.100.1', { website: '', altcha: await solved(now) }, policy)).toEqual({
      verdict: 'accept',
      solved: true,
    });
    expect(await guard(state, '198.51.100.1', { website: '' }, policy)).toEqual({ verdict: 'accept', solved: false });
    expect(await guard(state, '198.51.100.5', { website: 'https://spam.example' }, policy)).toEqual({
      verdict: 'drop',
    });
    expect(await guard(state, '198.51.100.6', {}, policy)).toEqual({ verdict: 'drop' });
  });

  it('drops a form sent faster than a person can, and refuses a forged challenge', async () => {
    const now = Date.now();
    expect(await guard(fresh(now + 500), '198.51.100.2', { website: '', altcha: await solved(now) }, policy)).toEqual({
      verdict: 'drop',
    });
    expect(await guard(fresh(now), '198.51.100.2', { website: '', altcha: 'Zm9v' }, policy)).toMatchObject({
      verdict: 'refuse',
      status: 400,
    });
  });

  it('limits per client address – fewer without the proof of work – and counts dropped posts too', async () => {
    const state = fresh(Date.now());
    const plain = { website: '' };
    expect((await guard(state, '198.51.100.3', plain, policy)).verdict).toBe('accept');
    expect((await guard(state, '198.51.100.3', { website: 'bot' }, policy)).verdict).toBe('drop');
    expect(await guard(state, '198.51.100.3', plain, policy)).toMatchObject({
      verdict: 'refuse',
      status: 429,
      message: expect.stringMatching(/zu viele Anfragen/),
      retryAfterSeconds: expect.any(Number),
    });
    // Another address is not affected.
    expect((await guard(state, '198.51.100.4', plain, policy)).verdict).toBe('accept');
  });

  it('caps the mails to one address per day, whatever its spelling', () => {
    const caps = new MailCaps(86_400_000);
    const t = Date.now();
    expect([caps.allow('a@b.de', 2, t), caps.allow('A@B.DE ', 2, t), caps.allow('a@b.de', 2, t)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(caps.allow('a@b.de', 2, t + 86_400_001)).toBe(true);
  });
});

describe('answer pages', () => {
  it('escape everything interpolated', () => {
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    expect(html`<p>${'<script>alert(1)</script>'}</p>${html`<b>${'&'}</b>`}`.value).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><b>&amp;</b>',
    );
    const page = renderFormPage({ title: 'Ä<b>', body: html`<p>${'"x"'}</p>` });
    expect(page).toMatch(/^<!doctype html>\n<html lang="de">/);
    expect(page).toContain('<h1>Ä&lt;b&gt;</h1>');
    expect(page).toContain('font-family:system-ui,-apple-system,"Segoe UI"');
    expect(page).not.toMatch(/<script|https?:\/\//);
  });
});
