/**
 * The newsletter sign-up against the real Strapi and the real SMTP server (the mail catcher): double opt-in,
 * confirmation, the three ways out, what is stored, and what the public can and cannot do. Every test signs
 * up fresh addresses and sends its requests from an address of its own (X-Forwarded-For, Strapi runs behind
 * a proxy with one hop), so the per-client limits of one test do not touch another.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { describe, expect, inject, it } from 'vitest';
import { encodePayload } from '@ikz/site/browser/form-challenge';
import { NEWSLETTER_CONSENT } from '@ikz/shared-types/newsletter-consent';
import { inviteEditor } from '../support/editor.ts';
import { postForm, type FormAnswer } from '../support/form-post.ts';
import { linkIn, mailsTo, readMailbox, waitForMails } from '../support/mailbox.ts';

const UID = 'api::newsletter-subscriber.newsletter-subscriber';
const mailDir = () => inject('mailDir');
const strapiUrl = () => inject('strapiUrl');
const siteUrl = () => inject('siteUrl');

let clientCounter = 0;
const runId = Math.floor(Math.random() * 200) + 20;
/** A client address of its own for each caller (TEST-NET-2 and -3). */
const newClient = () => {
  clientCounter++;
  return `198.${runId % 2 ? 51 : 18}.${runId}.${clientCounter}`;
};
const newAddress = (local = 'leser') => `${local}-${randomUUID()}@example.org`;

type Answer = FormAnswer;

const post = (
  path: string,
  body: string | Record<string, string>,
  options: { client?: string; json?: boolean; contentType?: string } = {},
) => postForm(strapiUrl(), path, body, { ...options, client: options.client ?? newClient() });

async function get(url: string): Promise<Answer> {
  const response = await fetch(url, { headers: { 'x-forwarded-for': newClient() } });
  const text = await response.text();
  return { status: response.status, body: null, text, type: response.headers.get('content-type') ?? '' };
}

const signUpFields = (email: string, extra: Record<string, string> = {}) => ({
  email,
  consent: 'ja',
  consentVersion: NEWSLETTER_CONSENT.version,
  source: '/newsletter/',
  website: '',
  ...extra,
});
const signUp = (email: string, extra: Record<string, string> = {}, client?: string) =>
  post('/newsletter/anmelden', signUpFields(email, extra), { client });

/** A link of the site in a mail, as a URL of this test's Strapi (nginx passes /formulare/ on in production). */
const local = (link: string) => {
  expect(link.startsWith(`${siteUrl()}/formulare/`)).toBe(true);
  return `${strapiUrl()}${link.slice(siteUrl().length)}`;
};
const tokenOf = (link: string) => new URL(link).searchParams.get('t')!;

async function subscriber(email: string): Promise<Record<string, any> | null> {
  const query = new URLSearchParams({ 'filters[email][$eq]': email.toLowerCase() });
  const response = await fetch(`${strapiUrl()}/content-manager/collection-types/${UID}?${query}`, {
    headers: { authorization: `Bearer ${inject('adminJwt')}` },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { results: Record<string, any>[] };
  expect(body.results.length).toBeLessThanOrEqual(1);
  return body.results[0] ?? null;
}

/** The subscriber once `ready` holds (the sign-up is stored after its mail went out, after the answer). */
async function subscriberWhen(
  email: string,
  ready: (row: Record<string, any>) => boolean,
  timeoutMs = 10_000,
): Promise<Record<string, any>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await subscriber(email);
    if (row && ready(row)) return row;
    if (Date.now() > until) throw new Error(`${email}: subscriber not ready: ${JSON.stringify(row)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function confirmedSubscriber(): Promise<{ email: string; confirmLink: string }> {
  const email = newAddress();
  expect((await signUp(email)).status).toBe(200);
  const [mail] = await waitForMails(mailDir(), email, 1);
  const confirmLink = linkIn(mail!, `${siteUrl()}/formulare/newsletter/bestaetigen?t=`);
  await subscriberWhen(email, (row) => row.confirmMailMessageId === mail!.messageId);
  const confirmed = await post('/newsletter/bestaetigen', { t: tokenOf(confirmLink) });
  expect(confirmed.status).toBe(200);
  return { email, confirmLink };
}

async function unsubscribeLink(email: string): Promise<string> {
  const before = (await mailsTo(mailDir(), email)).length;
  expect((await post('/newsletter/abmeldung-anfordern', { email, website: '' })).status).toBe(200);
  const mails = await waitForMails(mailDir(), email, before + 1);
  const mail = mails[mails.length - 1]!;
  expect(mail.subject).toBe('Abmeldung vom Newsletter');
  return linkIn(mail, `${siteUrl()}/formulare/newsletter/abmelden?t=`);
}

describe('newsletter sign-up with double opt-in', () => {
  it('sends one German confirmation mail; the link page changes nothing, its button confirms, a second confirmation says "bereits bestätigt"', async () => {
    const email = newAddress('Erika.Muster');
    const answer = await signUp(email);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, title: 'Fast geschafft' });

    const [mail] = await waitForMails(mailDir(), email, 1);
    expect(mail!.subject).toBe('Bitte bestätigen Sie Ihre Newsletter-Anmeldung');
    expect(mail!.text).toMatch(/Falls Sie sich nicht angemeldet haben/);
    expect(mail!.html).toContain('lang="de"');
    expect(mail!.from?.text).toContain('newsletter@interkommunales.example.org');
    const link = linkIn(mail!, `${siteUrl()}/formulare/newsletter/bestaetigen?t=`);
    const token = tokenOf(link);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const pending = await subscriberWhen(email, (row) => row.confirmMailMessageId === mail!.messageId);
    expect(pending).toMatchObject({
      email: email.toLowerCase(),
      state: 'pending',
      consentVersion: NEWSLETTER_CONSENT.version,
      sourcePage: '/newsletter/',
      confirmedAt: null,
    });
    expect(pending!.confirmMailMessageId).toBe(mail!.messageId);
    expect(Date.parse(pending!.confirmMailSentAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(Date.parse(pending!.confirmExpiresAt) - Date.parse(pending!.requestedAt)).toBe(7 * 24 * 3600 * 1000);
    // The token itself is stored nowhere; only its SHA-256 hash is kept.
    expect(JSON.stringify(pending)).not.toContain(token);
    expect(pending!.confirmTokenHash).toBe(createHash('sha256').update(token).digest('hex'));

    // A mail gateway opening the link (GET, twice) confirms nothing.
    for (let i = 0; i < 2; i++) {
      const page = await get(local(link));
      expect(page.status).toBe(200);
      expect(page.type).toMatch(/text\/html/);
      expect(page.text).toContain('<html lang="de"');
      expect(page.text).toContain('Anmeldung bestätigen');
      expect(page.text).toMatch(/<form method="post" action="\/formulare\/newsletter\/bestaetigen">/);
    }
    expect((await subscriber(email))!.state).toBe('pending');

    const confirmed = await post('/newsletter/bestaetigen', { t: token }, { json: false });
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('Anmeldung bestätigt');
    const row = await subscriber(email);
    expect(row).toMatchObject({ state: 'confirmed', unsubscribedAt: null });
    expect(Date.parse(row!.confirmedAt)).toBeGreaterThan(Date.now() - 60_000);

    const again = await post('/newsletter/bestaetigen', { t: token });
    expect(again.status).toBe(200);
    expect(again.body.title).toBe('Bereits bestätigt');
    expect((await get(local(link))).text).toContain('bereits bestätigt');
    expect(await mailsTo(mailDir(), email)).toHaveLength(1);
  });

  it('answers a repeated sign-up identically for an unknown, a pending and a confirmed address; a confirmed one gets no mail', async () => {
    const unknown = newAddress();
    const pending = newAddress();
    const { email: confirmed } = await confirmedSubscriber();
    expect((await signUp(pending)).status).toBe(200);
    const [first] = await waitForMails(mailDir(), pending, 1);
    await subscriberWhen(pending, (row) => row.confirmMailMessageId === first!.messageId);

    const answers = await Promise.all([unknown, pending, confirmed].map((email) => signUp(email)));
    const comparable = answers.map((a) => ({ status: a.status, body: a.body }));
    expect(comparable[0]).toEqual(comparable[1]);
    expect(comparable[1]).toEqual(comparable[2]);
    const pages = await Promise.all(
      [unknown, pending, confirmed].map((email) => post('/newsletter/anmelden', signUpFields(email), { json: false })),
    );
    expect(new Set(pages.map((p) => `${p.status} ${p.text}`)).size).toBe(1);

    const mails = await waitForMails(mailDir(), pending, 3);
    await waitForMails(mailDir(), unknown, 2);
    await subscriberWhen(pending, (row) => row.confirmMailMessageId === mails[2]!.messageId);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsTo(mailDir(), confirmed)).toHaveLength(1);
    // The newest link of a pending address works, the earlier ones not.
    const firstToken = tokenOf(linkIn(mails[0]!, `${siteUrl()}/formulare/newsletter/bestaetigen?t=`));
    const last = tokenOf(linkIn(mails[mails.length - 1]!, `${siteUrl()}/formulare/newsletter/bestaetigen?t=`));
    expect((await post('/newsletter/bestaetigen', { t: firstToken })).status).toBe(404);
    expect((await post('/newsletter/bestaetigen', { t: last })).status).toBe(200);
  });

  it('sends at most 3 confirmation mails a day to one address, however often it is signed up and from where', async () => {
    const email = newAddress();
    for (let i = 0; i < 6; i++) expect((await signUp(email)).status).toBe(200);
    const mails = await waitForMails(mailDir(), email, 3);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await mailsTo(mailDir(), email)).toHaveLength(3);
    expect((await subscriberWhen(email, (row) => row.confirmMailMessageId === mails[2]!.messageId)).state).toBe(
      'pending',
    );
  });

  it('answers an unknown or malformed confirmation token with a German page that links the sign-up', async () => {
    for (const t of ['', 'x', 'A'.repeat(43)]) {
      const answer = await post('/newsletter/bestaetigen', { t }, { json: false });
      expect(answer.status).toBe(404);
      expect(answer.text).toContain('Link ungültig');
      expect(answer.text).toContain('href="/newsletter/#anmelden"');
    }
    const page = await get(`${strapiUrl()}/formulare/newsletter/bestaetigen?t=${'B'.repeat(43)}`);
    expect(page.status).toBe(404);
    expect(page.text).not.toContain('<form');
  });
});

describe("with the page's script", () => {
  /** What browser/form-challenge.ts puts into the hidden `altcha` field. */
  async function solvedChallenge(): Promise<string> {
    const challenge = (await (await fetch(`${strapiUrl()}/formulare/challenge`)).json()) as Challenge;
    const solution = await solveChallenge({ challenge, deriveKey });
    return encodePayload(challenge, solution!);
  }

  it('accepts a sign-up with a solved challenge, and drops one sent faster than a person could (same answer, no mail)', async () => {
    const [slow, fast] = [newAddress('mit-js'), newAddress('zu-schnell')];
    const [slowAltcha, fastAltcha] = await Promise.all([solvedChallenge(), solvedChallenge()]);
    const quick = await signUp(fast, { altcha: fastAltcha });
    await new Promise((r) => setTimeout(r, 3200));
    const person = await signUp(slow, { altcha: slowAltcha });
    expect({ status: quick.status, body: quick.body }).toEqual({ status: person.status, body: person.body });
    expect(person.status).toBe(200);
    await waitForMails(mailDir(), slow, 1);
    // A solution counts once.
    expect((await signUp(newAddress(), { altcha: slowAltcha })).status).toBe(400);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsTo(mailDir(), fast)).toHaveLength(0);
    expect(await subscriber(fast)).toBeNull();
  });
});

describe('leaving', () => {
  it('unsubscribes with the link in a mail: the page changes nothing, its button unsubscribes; what stays is the proof of consent', async () => {
    const { email } = await confirmedSubscriber();
    const before = await subscriber(email);
    const link = await unsubscribeLink(email);
    expect(link).toContain('&k=formular');

    const page = await get(local(link));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Newsletter abbestellen');
    expect((await subscriber(email))!.state).toBe('confirmed');

    // The page's button: token and mark as hidden fields.
    const hidden = Object.fromEntries(
      [...page.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
        m[1]!,
        m[2]!.replace(/&amp;/g, '&'),
      ]),
    );
    expect(hidden).toEqual({ t: tokenOf(link), k: 'formular' });
    const done = await post('/newsletter/abmelden', hidden, { json: false });
    expect(done.status).toBe(200);
    expect(done.text).toContain('Sie sind vom Newsletter abgemeldet');

    const after = await subscriber(email);
    expect(after).toMatchObject({
      email: email.toLowerCase(),
      state: 'unsubscribed',
      unsubscribeChannel: 'site-form',
      requestedAt: before!.requestedAt,
      consentVersion: before!.consentVersion,
      sourcePage: '/newsletter/',
      confirmMailSentAt: before!.confirmMailSentAt,
      confirmMailMessageId: before!.confirmMailMessageId,
      confirmedAt: before!.confirmedAt,
      confirmExpiresAt: null,
      confirmTokenHash: null,
      unsubscribeSalt: null,
    });
    expect(before!.unsubscribeSalt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Date.parse(after!.unsubscribedAt)).toBeGreaterThan(Date.now() - 60_000);

    // The same link again: already unsubscribed, nothing changes; and no more unsubscribe mails for it.
    expect((await post('/newsletter/abmelden', hidden)).body.title).toBe('Bereits abgemeldet');
    expect((await subscriber(email))!.unsubscribedAt).toBe(after!.unsubscribedAt);
    const mailsBefore = (await mailsTo(mailDir(), email)).length;
    expect((await post('/newsletter/abmeldung-anfordern', { email, website: '' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 800));
    expect(await mailsTo(mailDir(), email)).toHaveLength(mailsBefore);
  });

  it('unsubscribes with RFC 8058 one-click (form-urlencoded List-Unsubscribe=One-Click, no cookie, no token in the body)', async () => {
    const { email } = await confirmedSubscriber();
    const link = local(await unsubscribeLink(email));
    const response = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await subscriber(email)).toMatchObject({ state: 'unsubscribed', unsubscribeChannel: 'one-click' });
    // A second one-click (mail clients retry) is still fine.
    expect(
      (
        await fetch(link, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        })
      ).status,
    ).toBe(200);
  });

  it('records the plain link as channel "link", refuses a forged token, and starts a new double opt-in after unsubscribing', async () => {
    const { email } = await confirmedSubscriber();
    const link = await unsubscribeLink(email);
    const token = tokenOf(link);
    const forged = `${token.slice(0, -3)}${token.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    expect((await post('/newsletter/abmelden', { t: forged })).status).toBe(404);
    expect((await get(`${strapiUrl()}/formulare/newsletter/abmelden?t=${encodeURIComponent(forged)}`)).status).toBe(
      404,
    );
    expect((await subscriber(email))!.state).toBe('confirmed');
    expect((await post('/newsletter/abmelden', { t: token })).status).toBe(200);
    expect(await subscriber(email)).toMatchObject({ state: 'unsubscribed', unsubscribeChannel: 'link' });

    expect((await signUp(email)).status).toBe(200);
    const mails = await waitForMails(mailDir(), email, 3);
    expect(mails[2]!.subject).toBe('Bitte bestätigen Sie Ihre Newsletter-Anmeldung');
    expect((await subscriberWhen(email, (row) => row.confirmMailMessageId === mails[2]!.messageId)).state).toBe(
      'pending',
    );
    expect(
      (
        await post('/newsletter/bestaetigen', {
          t: tokenOf(linkIn(mails[2]!, `${siteUrl()}/formulare/newsletter/bestaetigen?t=`)),
        })
      ).status,
    ).toBe(200);
    expect(await subscriber(email)).toMatchObject({
      state: 'confirmed',
      unsubscribedAt: null,
      unsubscribeChannel: null,
    });
  });

  it('answers an unsubscribe request for an unknown address exactly like for a subscriber, and mails nobody', async () => {
    const { email } = await confirmedSubscriber();
    const unknown = newAddress();
    const [a, b] = await Promise.all([
      post('/newsletter/abmeldung-anfordern', { email, website: '' }),
      post('/newsletter/abmeldung-anfordern', { email: unknown, website: '' }),
    ]);
    expect({ status: a.status, body: a.body }).toEqual({ status: b.status, body: b.body });
    await waitForMails(mailDir(), email, 2);
    expect(await mailsTo(mailDir(), unknown)).toHaveLength(0);
  });
});

describe('hostile input', () => {
  const cases: [string, string, string?][] = [
    [
      'CRLF in the address',
      new URLSearchParams(signUpFields('opfer@example.org\r\nBcc: viele@example.org')).toString(),
    ],
    [
      '%-encoded CRLF',
      `email=opfer%40example.org%0D%0ABcc%3A%20x%40example.org&consent=ja&consentVersion=${NEWSLETTER_CONSENT.version}&website=`,
    ],
    ['email[]=', `email[]=opfer@example.org&consent=ja&consentVersion=${NEWSLETTER_CONSENT.version}&website=`],
    [
      'a duplicated field',
      `email=a@example.org&email=b@example.org&consent=ja&consentVersion=${NEWSLETTER_CONSENT.version}&website=`,
    ],
    [
      'a JSON object as the address',
      JSON.stringify({ email: { $ne: null }, consent: 'ja', consentVersion: NEWSLETTER_CONSENT.version, website: '' }),
      'application/json',
    ],
    [
      'a JSON array as the address',
      JSON.stringify({
        email: ['a@example.org'],
        consent: 'ja',
        consentVersion: NEWSLETTER_CONSENT.version,
        website: '',
      }),
      'application/json',
    ],
    ['a 300-character address', new URLSearchParams(signUpFields(`${'a'.repeat(288)}@example.org`)).toString()],
    ['no consent', `email=ohne-zustimmung@example.org&consentVersion=${NEWSLETTER_CONSENT.version}&website=`],
    ['consent "on" instead of "ja"', new URLSearchParams(signUpFields('on@example.org', { consent: 'on' })).toString()],
    [
      'an unknown consent version',
      new URLSearchParams(signUpFields('version@example.org', { consentVersion: '1999-01' })).toString(),
    ],
    ['an uppercase consent', new URLSearchParams(signUpFields('gross@example.org', { consent: 'JA' })).toString()],
    [
      'a foreign source page',
      new URLSearchParams(signUpFields('quelle@example.org', { source: 'https://evil.example/' })).toString(),
    ],
    [
      'an overlong consent version',
      new URLSearchParams(signUpFields('lang@example.org', { consentVersion: 'x'.repeat(5000) })).toString(),
    ],
  ];

  it.each(cases)('%s → German 400, nothing stored, no mail', async (_name, body, contentType) => {
    const answer = await post('/newsletter/anmelden', body, { contentType });
    expect(answer.status).toBe(400);
    expect(answer.body.ok).toBe(false);
    expect(`${answer.body.title} ${answer.body.message} ${Object.values(answer.body.errors ?? {}).join(' ')}`).toMatch(
      /[äöüÄÖÜß]|Bitte|Feld|Formular/,
    );
    for (const address of [
      'opfer@example.org',
      'a@example.org',
      'b@example.org',
      'ohne-zustimmung@example.org',
      'on@example.org',
      'version@example.org',
      'gross@example.org',
      'quelle@example.org',
      'lang@example.org',
    ]) {
      expect(await subscriber(address)).toBeNull();
      expect(await mailsTo(mailDir(), address)).toHaveLength(0);
    }
  });

  it.each([
    ['CRLF in the address', 'email=abmelden%40example.org%0D%0ABcc%3A%20opfer-abmeldung%40example.org&website='],
    ['a bare LF and a header', 'email=abmelden%40example.org%0ASubject%3A%20x&website='],
    ['a 300-character address', `email=${'a'.repeat(288)}%40example.org&website=`],
    ['email[]=', 'email[]=abmelden@example.org&website='],
  ])('the unsubscribe request refuses %s with a German 400 and mails nobody', async (_name, body) => {
    const answer = await post('/newsletter/abmeldung-anfordern', body);
    expect(answer.status).toBe(400);
    expect(answer.body.ok).toBe(false);
    expect(`${answer.body.title} ${answer.body.message}`).toMatch(/[äöüÄÖÜß]|Bitte|Feld|Formular/);
    await new Promise((r) => setTimeout(r, 300));
    for (const address of ['abmelden@example.org', 'opfer-abmeldung@example.org'])
      expect(await mailsTo(mailDir(), address)).toHaveLength(0);
  });

  it('answers a plain form post with errors by a German page that shows the form again, escaped', async () => {
    const answer = await post(
      '/newsletter/anmelden',
      new URLSearchParams({
        email: '"><script>alert(1)</script>',
        consentVersion: NEWSLETTER_CONSENT.version,
        website: '',
      }).toString(),
      { json: false },
    );
    expect(answer.status).toBe(400);
    expect(answer.type).toMatch(/text\/html/);
    expect(answer.text).toContain('<html lang="de"');
    expect(answer.text).not.toContain('<script>alert(1)');
    expect(answer.text).toContain('aria-invalid="true"');
    expect(answer.text).toContain('Bitte bestätigen Sie');
  });

  it('answers a filled honeypot like a success and stores and sends nothing', async () => {
    const email = newAddress('bot');
    const answer = await signUp(email, { website: 'http://spam.example/' });
    expect(answer.status).toBe(200);
    expect(answer.body.title).toBe('Fast geschafft');
    await new Promise((r) => setTimeout(r, 800));
    expect(await subscriber(email)).toBeNull();
    expect(await mailsTo(mailDir(), email)).toHaveLength(0);
  });
});

describe('the cleanup of unconfirmed sign-ups', () => {
  it('ran its database query at the start without an error (the rules are unit-tested)', () => {
    const log = fs.readFileSync(path.join(inject('strapiTmp'), 'strapi.log'), 'utf8');
    expect(log).toContain('unconfirmed sign-ups are deleted after 7 days');
    expect(log).not.toContain('newsletter cleanup failed');
  });
});

describe('who can see subscribers', () => {
  it('never through the public REST API', async () => {
    for (const path of [
      '/api/newsletter-subscribers',
      '/api/newsletter-subscribers?populate=*',
      '/api/newsletter-subscriber',
    ]) {
      const response = await fetch(`${strapiUrl()}${path}`);
      expect([403, 404]).toContain(response.status);
    }
    const withBuildToken = await fetch(`${strapiUrl()}/api/newsletter-subscribers`, {
      headers: { authorization: `Bearer ${inject('buildToken')}` },
    });
    expect([403, 404]).toContain(withBuildToken.status);
  });

  it('counts by state for admins; the CSV export only for super admins', async () => {
    const { email } = await confirmedSubscriber();
    const summary = await fetch(`${strapiUrl()}/ikz/newsletter/subscribers/summary`, {
      headers: { authorization: `Bearer ${inject('adminJwt')}` },
    });
    expect(summary.status).toBe(200);
    const counts = (await summary.json()) as Record<string, number>;
    expect(Object.keys(counts).sort()).toEqual(['bouncing', 'confirmed', 'pending', 'unsubscribed']);
    expect(counts.confirmed).toBeGreaterThanOrEqual(1);
    expect((await fetch(`${strapiUrl()}/ikz/newsletter/subscribers/summary`)).status).toBe(401);

    const csv = await fetch(`${strapiUrl()}/ikz/newsletter/subscribers/export`, {
      headers: { authorization: `Bearer ${inject('adminJwt')}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="newsletter-abonnements-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toMatch(/^\uFEFF"E-Mail-Adresse";"Bestätigt am";"Version der Einwilligung"\r\n/);
    expect(text).toContain(`"${email.toLowerCase()}";"`);

    const editor = await inviteEditor(strapiUrl(), inject('adminJwt'));
    const forEditor = await fetch(`${strapiUrl()}/ikz/newsletter/subscribers/export`, {
      headers: { authorization: `Bearer ${editor.token}` },
    });
    expect(forEditor.status).toBe(403);
    expect(await forEditor.text()).not.toContain(email.toLowerCase());
    expect(
      (
        await fetch(`${strapiUrl()}/ikz/newsletter/subscribers/summary`, {
          headers: { authorization: `Bearer ${editor.token}` },
        })
      ).status,
    ).toBe(200);
    // Editors find and delete subscribers in the content manager, but cannot create them.
    const list = await fetch(
      `${strapiUrl()}/content-manager/collection-types/${UID}?filters[email][$eq]=${encodeURIComponent(email.toLowerCase())}`,
      { headers: { authorization: `Bearer ${editor.token}` } },
    );
    expect(list.status).toBe(200);
    const [row] = ((await list.json()) as { results: { documentId: string }[] }).results;
    const create = await fetch(`${strapiUrl()}/content-manager/collection-types/${UID}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: newAddress(), state: 'confirmed', requestedAt: new Date().toISOString() }),
    });
    expect(create.status).toBe(403);
    const removed = await fetch(`${strapiUrl()}/content-manager/collection-types/${UID}/${row!.documentId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${editor.token}` },
    });
    expect(removed.status).toBe(200);
    expect(await subscriber(email)).toBeNull();
  });
});

describe('a burst of sign-ups', () => {
  it('from one client sends no more mails than its limit allows, and Strapi and its admin stay responsive', async () => {
    const client = newClient();
    const addresses = Array.from({ length: 40 }, () => newAddress('burst'));
    const started = Date.now();
    const admin = { authorization: `Bearer ${inject('adminJwt')}` };
    const health = (async () => {
      const times: number[] = [];
      while (Date.now() - started < 3000) {
        const t = Date.now();
        expect((await fetch(`${strapiUrl()}/_health`)).status).toBe(204);
        // What the admin's home page asks for: the user, and the subscriber counts of the widget.
        expect((await fetch(`${strapiUrl()}/admin/users/me`, { headers: admin })).status).toBe(200);
        expect((await fetch(`${strapiUrl()}/ikz/newsletter/subscribers/summary`, { headers: admin })).status).toBe(200);
        times.push(Date.now() - t);
        await new Promise((r) => setTimeout(r, 100));
      }
      return times;
    })();
    const answers = await Promise.all(addresses.map((email) => signUp(email, {}, client)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    expect(answers.find((a) => a.status === 429)!.body.message).toMatch(/zu viele Anfragen/);
    expect(Math.max(...(await health))).toBeLessThan(1500);
    const countMails = async () => {
      const wanted = new Set(addresses);
      return (await readMailbox(mailDir())).filter((m) => m.envelopeTo.some((a) => wanted.has(a))).length;
    };
    const until = Date.now() + 15_000;
    while ((await countMails()) < 5 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await countMails()).toBe(5);
  });
});
