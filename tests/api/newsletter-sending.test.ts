/**
 * Sending a newsletter issue through the admin API, against the shared Strapi and the real SMTP server of the
 * global setup (the mail catcher: `tempfail<N>-…` is refused with 451 N times, `bounce…` always with 550).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NEWSLETTER_CONSENT } from '@ikz/shared-types/newsletter-consent';
import { inviteEditor } from '../support/editor.ts';
import { postForm } from '../support/form-post.ts';
import { linkIn, mailsTo, waitForMails, type CaughtMail } from '../support/mailbox.ts';
import { adminJwt, api, tokens } from './helpers.ts';

const SUBSCRIBER = 'api::newsletter-subscriber.newsletter-subscriber';
const DELIVERY = 'api::newsletter-delivery.newsletter-delivery';
const SITE = 'https://interkommunales.example.org';
const cm = (uid: string, rest = '') => `/content-manager/collection-types/${uid}${rest}`;
let headers: Record<string, string> = {};
const mailDir = () => inject('mailDir');
const run = randomUUID().slice(0, 8);
const address = (local: string) => `${local}-${run}@empfaenger.example.org`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  headers = { authorization: `Bearer ${await adminJwt()}` };
});

/** The issues made here are removed again: the other suites of the shared Strapi count the seeded ones. */
const createdIssues: string[] = [];
afterAll(async () => {
  for (const documentId of createdIssues) {
    const response = await api(`/api/newsletters/${documentId}`, { method: 'DELETE', token: tokens.seed });
    expect([200, 204, 404]).toContain(response.status);
  }
});

/** A published issue of its own (each issue can be sent once), with umlauts in its title and text. */
async function publishedIssue(
  label: string,
  status: 'published' | 'draft' = 'published',
): Promise<{ documentId: string; title: string; slug: string }> {
  const title = `Newsletter Übung ${label} ${run}: Bauhöfe & Zweckverbände`;
  const response = await api('/api/newsletters', {
    method: 'POST',
    token: tokens.seed,
    query: { status },
    body: {
      data: {
        title,
        year: 2026,
        number: 12,
        sentAt: '2026-12-05',
        editorial: [
          { type: 'paragraph', children: [{ type: 'text', text: 'Grüße aus Münster – größere Kooperationen <b>' }] },
        ],
      },
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  createdIssues.push(response.body.data.documentId);
  return response.body.data;
}

async function subscriber(
  email: string,
  state: 'confirmed' | 'pending' | 'unsubscribed' = 'confirmed',
): Promise<{ documentId: string }> {
  const response = await api(cm(SUBSCRIBER), {
    method: 'POST',
    headers,
    body: { email, state, requestedAt: new Date().toISOString(), confirmedAt: new Date().toISOString() },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.data;
}

async function setState(documentId: string, state: string) {
  const response = await api(cm(SUBSCRIBER, `/${documentId}`), { method: 'PUT', headers, body: { state } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

const dispatchPath = (documentId: string) => `/ikz/newsletter/issues/${documentId}/dispatch`;
const progress = async (documentId: string) => (await api(dispatchPath(documentId), { headers })).body;
const dispatch = (documentId: string, expectedRecipients: unknown) =>
  api(dispatchPath(documentId), { method: 'POST', headers, body: { expectedRecipients } });
const testSend = (documentId: string, to: unknown) =>
  api(`/ikz/newsletter/issues/${documentId}/test`, { method: 'POST', headers, body: { to } });

async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await sleep(250);
  }
}

/** The header block of a raw mail with folded lines unfolded. */
const headerOf = (mail: CaughtMail, name: string) => {
  const head = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return head
    .split(/\r?\n/)
    .filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    .map((line) => line.slice(name.length + 1).trim());
};

describe('the admin API of sending', () => {
  it('answers only logged-in admin users', async () => {
    const issue = await publishedIssue('Zugang');
    expect((await api(dispatchPath(issue.documentId))).status).toBe(401);
    expect(
      (await api(dispatchPath(issue.documentId), { method: 'POST', body: { expectedRecipients: 1 } })).status,
    ).toBe(401);
    expect(
      (await api(`/ikz/newsletter/issues/${issue.documentId}/test`, { method: 'POST', body: { to: address('x') } }))
        .status,
    ).toBe(401);
  });

  it('keeps dispatches and deliveries off the content API, even for a full-access token', async () => {
    for (const plural of ['newsletter-dispatches', 'newsletter-deliveries', 'newsletter-subscribers']) {
      expect((await api(`/api/${plural}`)).status, plural).toBe(404);
      expect((await api(`/api/${plural}`, { token: tokens.seed })).status, plural).toBe(404);
    }
  });

  it('answers editors (role Redaktion), but not admin users who may not edit newsletter issues', async () => {
    const issue = await publishedIssue('Rollen');
    const editor = await inviteEditor(inject('strapiUrl'), await adminJwt());
    const asEditor = await api(dispatchPath(issue.documentId), {
      headers: { authorization: `Bearer ${editor.token}` },
    });
    expect(asEditor.status).toBe(200);
    expect(asEditor.body).toMatchObject({ state: 'none', recipients: expect.any(Number) });
    // A role without any permission, and a user with only that role.
    const role = await api('/admin/roles', {
      method: 'POST',
      headers,
      body: { name: `Ohne Rechte ${run}`, description: 'Test: darf nichts' },
    });
    expect(role.status, JSON.stringify(role.body)).toBe(201);
    const email = `ohne-rechte-${run}@test.example.org`;
    const invited = await api('/admin/users', {
      method: 'POST',
      headers,
      body: { firstname: 'Otto', lastname: 'Ohnerecht', email, roles: [role.body.data.id] },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const registered = await api('/admin/register', {
      method: 'POST',
      body: {
        registrationToken: invited.body.data.registrationToken,
        userInfo: { firstname: 'Otto', lastname: 'Ohnerecht', password: 'Ohne-Rechte-2026' },
      },
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    const other = { authorization: `Bearer ${registered.body.data.token}` };
    const refused = await api(dispatchPath(issue.documentId), { headers: other });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Redaktion/);
    expect(
      (await api(dispatchPath(issue.documentId), { method: 'POST', headers: other, body: { expectedRecipients: 1 } }))
        .status,
    ).toBe(403);
    expect(
      (
        await api(`/ikz/newsletter/issues/${issue.documentId}/test`, {
          method: 'POST',
          headers: other,
          body: { to: address('otto') },
        })
      ).status,
    ).toBe(403);
  });

  it('sends a test mail to one address, with "[Test]" before the subject and without a delivery', async () => {
    const issue = await publishedIssue('Test');
    const to = address('testversand');
    const response = await testSend(issue.documentId, to);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({
      sent: true,
      to,
      messageId: expect.stringMatching(/^<.+@interkommunales\.example\.org>$/),
    });
    const [mail] = await waitForMails(mailDir(), to);
    expect(mail!.subject).toBe(`[Test] ${issue.title}`);
    expect(mail!.text).toContain('Grüße aus Münster');
    expect(mail!.html).toContain('Grüße aus Münster – größere Kooperationen &lt;b&gt;');
    expect((await progress(issue.documentId)).state).toBe('none');
  });

  it('refuses a test address with a line break or without an @, in German, and sends nothing', async () => {
    const issue = await publishedIssue('Kopfzeilen');
    const victim = address('bcc-opfer');
    const injected = await testSend(issue.documentId, `${address('crlf')}\r\nBcc: ${victim}`);
    expect(injected.status).toBe(400);
    expect(injected.body.error.message).toMatch(/Zeilenumbruch/);
    const lf = await testSend(issue.documentId, `${address('lf')}\nSubject: x`);
    expect(lf.status).toBe(400);
    const invalid = await testSend(issue.documentId, 'keine-adresse');
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toMatch(/keine gültige E-Mail-Adresse/);
    await sleep(1000);
    expect(await mailsTo(mailDir(), victim)).toHaveLength(0);
    expect(await mailsTo(mailDir(), address('crlf'))).toHaveLength(0);
    expect(await mailsTo(mailDir(), address('lf'))).toHaveLength(0);
  });

  it('refuses an issue that is not published, and one that does not exist', async () => {
    const draft = await publishedIssue('Entwurf', 'draft');
    const response = await dispatch(draft.documentId, 1);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/nicht veröffentlicht/);
    expect((await testSend(draft.documentId, address('entwurf'))).status).toBe(409);
    expect((await dispatch('abcdefghijklmnopqrstuvwx', 1)).status).toBe(404);
  });

  it('refuses a send whose confirmed number of recipients is no longer right, and starts nothing', async () => {
    const issue = await publishedIssue('Zahl');
    await subscriber(address('zahl'));
    const { recipients } = await progress(issue.documentId);
    expect(recipients).toBeGreaterThanOrEqual(1);
    const wrong = await dispatch(issue.documentId, recipients + 1);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/Zahl der Empfänger hat sich geändert/);
    expect((await dispatch(issue.documentId, 'alle')).status).toBe(400);
    expect((await progress(issue.documentId)).state).toBe('none');
  });
});

describe('sending an issue to every confirmed subscriber', () => {
  it(
    'delivers exactly one mail to each, retries a 4xx, marks a 5xx as bouncing, skips who left, and sends an issue only once',
    { timeout: 120_000 },
    async () => {
      const issue = await publishedIssue('Versand');
      const regular = [address('anna'), address('bernd'), address('cem')];
      for (const email of regular) await subscriber(email);
      const retried = address('tempfail2');
      await subscriber(retried);
      const bounced = address('bounce');
      const bouncer = await subscriber(bounced);
      const pending = address('unbestaetigt');
      await subscriber(pending, 'pending');
      const left = address('abgemeldet');
      await subscriber(left, 'unsubscribed');
      // Confirmed at the start, unsubscribed before its turn: it is the newest, so it is sent last.
      const leaving = address('geht-gerade');
      const leaver = await subscriber(leaving);

      const before = await progress(issue.documentId);
      expect(before).toMatchObject({ state: 'none', total: 0 });
      const started = await dispatch(issue.documentId, before.recipients);
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      expect(started.body).toMatchObject({
        total: before.recipients,
        recipients: before.recipients,
        startedAt: expect.any(String),
        startedBy: expect.stringContaining('redaktion@test.example.org'),
      });
      await setState(leaver.documentId, 'unsubscribed');

      const again = await dispatch(issue.documentId, before.recipients - 1);
      expect(again.status).toBe(409);
      expect(again.body.error.message).toMatch(/bereits verschickt/);

      const done = await until(
        'dispatch',
        () => progress(issue.documentId),
        (p) => p.state === 'done',
        90_000,
      );
      expect(done.queued + done.sending).toBe(0);
      expect(done.sent + done.failed + done.skipped).toBe(done.total);
      expect(done.failed).toBeGreaterThanOrEqual(1);
      expect(done.skipped).toBeGreaterThanOrEqual(1);
      expect(done.finishedAt).toEqual(expect.any(String));

      for (const email of [...regular, retried]) {
        const mails = await mailsTo(mailDir(), email);
        expect(mails, email).toHaveLength(1);
        const mail = mails[0]!;
        expect(mail.subject).toBe(issue.title);
        expect(mail.text).toContain('Grüße aus Münster');
        expect(mail.html).toContain('<html lang="de"');
        expect(mail.html).toContain(`https://interkommunales.example.org/newsletter/${issue.slug}/`);
        expect(mail.raw).toMatch(/^Content-Type: text\/plain; charset=utf-8/im);
        expect(mail.raw).toMatch(/^Content-Type: text\/html; charset=utf-8/im);
        const [unsubscribe] = headerOf(mail, 'List-Unsubscribe');
        expect(unsubscribe).toMatch(
          /^<https:\/\/interkommunales\.example\.org\/formulare\/newsletter\/abmelden\?t=[a-z0-9]+\.[A-Za-z0-9_-]{43}>$/,
        );
        expect(mail.text).toContain(unsubscribe!.slice(1, -1));
        expect(mail.html).toContain(unsubscribe!.slice(1, -1));
        expect(headerOf(mail, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click']);
        expect(headerOf(mail, 'List-Id')).toEqual([
          '"Newsletter von Interkommunales.NRW" <newsletter.interkommunales.example.org>',
        ]);
        expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@interkommunales\.example\.org>$/);
      }
      const links = await Promise.all(
        regular.map(async (email) => headerOf((await mailsTo(mailDir(), email))[0]!, 'List-Unsubscribe')[0]),
      );
      expect(new Set(links).size).toBe(regular.length);

      expect(await mailsTo(mailDir(), bounced)).toHaveLength(0);
      const bouncing = await api(cm(SUBSCRIBER, `/${bouncer.documentId}`), { headers });
      expect(bouncing.body.data).toMatchObject({ state: 'bouncing', hardBounces: 1, lastBounceAt: expect.any(String) });
      for (const email of [pending, left, leaving]) expect(await mailsTo(mailDir(), email), email).toHaveLength(0);

      // Nothing more arrives later (a retry or a second worker round would show here).
      await sleep(2000);
      for (const email of [...regular, retried]) expect(await mailsTo(mailDir(), email), email).toHaveLength(1);
      expect(await progress(issue.documentId)).toMatchObject({
        state: 'done',
        sent: done.sent,
        failed: done.failed,
        skipped: done.skipped,
      });
    },
  );
});

/** The delivery rows of one address (super admin, content manager). */
async function deliveriesOf(email: string): Promise<{ state: string; dispatchId: string }[]> {
  const response = await api(
    cm(DELIVERY, `?filters[email][$eq]=${encodeURIComponent(email.toLowerCase())}&pageSize=100`),
    { headers },
  );
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.results;
}

/** A subscriber made the way a reader makes one: the sign-up form, the confirmation mail, the button of its page. */
async function signedUpSubscriber(email: string): Promise<void> {
  const client = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
  const signUp = await postForm(
    inject('strapiUrl'),
    '/newsletter/anmelden',
    { email, consent: 'ja', consentVersion: NEWSLETTER_CONSENT.version, source: '/newsletter/', website: '' },
    { client },
  );
  expect(signUp.status, signUp.text).toBe(200);
  const [mail] = await waitForMails(mailDir(), email, 1);
  const token = new URL(linkIn(mail!, `${SITE}/formulare/newsletter/bestaetigen?t=`)).searchParams.get('t')!;
  // The sign-up is stored once its mail went out (after the answer).
  await until(
    'sign-up stored',
    async () =>
      (await api(cm(SUBSCRIBER, `?filters[email][$eq]=${encodeURIComponent(email.toLowerCase())}`), { headers })).body
        .results[0],
    (row) => row?.confirmMailMessageId === mail!.messageId,
    10_000,
  );
  const confirmed = await postForm(inject('strapiUrl'), '/newsletter/bestaetigen', { t: token }, { client });
  expect(confirmed.status, confirmed.text).toBe(200);
}

describe('the whole loop', () => {
  it(
    'a reader signs up and confirms, gets the issue once (Reply-To from the configuration), leaves with the one-click of its List-Unsubscribe header; delivery records go with the subscription',
    { timeout: 120_000 },
    async () => {
      const reader = address('leserin');
      await signedUpSubscriber(reader);
      const colleague = address('kollege');
      const other = await subscriber(colleague);
      const issue = await publishedIssue('Kreislauf');
      const { recipients } = await progress(issue.documentId);
      const started = await dispatch(issue.documentId, recipients);
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      const done = await until(
        'dispatch',
        () => progress(issue.documentId),
        (p) => p.state === 'done',
        90_000,
      );

      const issueMails = (await mailsTo(mailDir(), reader)).filter((m) => m.subject === issue.title);
      expect(issueMails).toHaveLength(1);
      const mail = issueMails[0]!;
      expect(mail.replyTo?.text).toBe('redaktion@interkommunales.example.org');
      expect(mail.from?.value).toEqual([
        { name: 'Interkommunales.NRW', address: 'newsletter@interkommunales.example.org' },
      ]);
      expect(await deliveriesOf(reader)).toEqual([expect.objectContaining({ state: 'sent' })]);
      expect(await deliveriesOf(colleague)).toHaveLength(1);

      // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the header's URL (nginx passes /formulare/ on).
      const [header] = headerOf(mail, 'List-Unsubscribe');
      const url = header!.slice(1, -1);
      expect(url.startsWith(`${SITE}/formulare/`)).toBe(true);
      const oneClick = await fetch(`${inject('strapiUrl')}${url.slice(SITE.length)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(oneClick.status).toBe(200);
      const left = (
        await api(cm(SUBSCRIBER, `?filters[email][$eq]=${encodeURIComponent(reader.toLowerCase())}`), { headers })
      ).body.results[0];
      expect(left).toMatchObject({
        state: 'unsubscribed',
        unsubscribeChannel: 'one-click',
        consentVersion: NEWSLETTER_CONSENT.version,
        confirmedAt: expect.any(String),
      });
      // What stays is the proof of consent: the address is gone from the send's records …
      expect(await deliveriesOf(reader)).toEqual([]);
      expect(await deliveriesOf(colleague)).toHaveLength(1);
      // … and so it is when an editor deletes a subscriber (a request for erasure).
      expect((await api(cm(SUBSCRIBER, `/${other.documentId}`), { method: 'DELETE', headers })).status).toBe(200);
      expect(await deliveriesOf(colleague)).toEqual([]);
      // The finished send keeps its figures.
      expect(await progress(issue.documentId)).toMatchObject({
        state: 'done',
        total: done.total,
        sent: done.sent,
        failed: done.failed,
        skipped: done.skipped,
      });
    },
  );
});
