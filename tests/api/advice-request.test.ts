/**
 * The advisory request (/beratung/) against the real Strapi and the real SMTP server (the mail catcher):
 * submission → only a confirmation mail without anything typed → the link's page changes nothing → its
 * button confirms → the request goes to the advisory team (Reply-To: the requester) and a copy to the
 * requester → a second confirmation says "bereits bestätigt". Bad input stores nothing and sends nothing;
 * the requests are never public. Every test sends from a client address of its own (X-Forwarded-For).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { inviteEditor } from '../support/editor.ts';
import { postForm } from '../support/form-post.ts';
import { linkIn, mailsTo, readMailbox, waitForMails } from '../support/mailbox.ts';

const UID = 'api::advice-request.advice-request';
const TEAM = 'beratung@interkommunales.example.org';
const mailDir = () => inject('mailDir');
const strapiUrl = () => inject('strapiUrl');
const siteUrl = () => inject('siteUrl');

let clientCounter = 0;
const runId = Math.floor(Math.random() * 200) + 20;
const newClient = () => `203.0.${runId}.${++clientCounter}`;
const newAddress = (local = 'kaemmerei') => `${local}-${randomUUID()}@example.org`;

const post = (
  path: string,
  body: string | Record<string, string>,
  options: { client?: string; json?: boolean; contentType?: string } = {},
) => postForm(strapiUrl(), path, body, { ...options, client: options.client ?? newClient() });

const requestFields = (email: string, extra: Record<string, string> = {}) => ({
  municipality: '05314000',
  topic: `Gemeinsamer Bauhof ${randomUUID().slice(0, 8)}`,
  question: `Wie gründen wir einen Zweckverband für den Bauhof? ${randomUUID()}\nZweite Zeile mit <b>Markup</b> & Umlauten: äöüß.`,
  name: 'Erika Mustermann',
  email,
  phone: '0228 123456',
  consent: 'ja',
  website: '',
  ...extra,
});
const submit = (fields: Record<string, string>, options: { client?: string; json?: boolean } = {}) =>
  post('/beratung/anfragen', fields, options);

async function requestsOf(email: string): Promise<Record<string, any>[]> {
  const query = new URLSearchParams({ 'filters[email][$eq]': email.toLowerCase() });
  const response = await fetch(`${strapiUrl()}/content-manager/collection-types/${UID}?${query}`, {
    headers: { authorization: `Bearer ${inject('adminJwt')}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: Record<string, any>[] }).results;
}

async function requestWhen(
  email: string,
  ready: (row: Record<string, any>) => boolean,
  timeoutMs = 10_000,
): Promise<Record<string, any>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await requestsOf(email);
    if (row && ready(row)) return row;
    if (Date.now() > until) throw new Error(`${email}: request not ready: ${JSON.stringify(row)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const local = (link: string) => {
  expect(link.startsWith(`${siteUrl()}/formulare/`)).toBe(true);
  return `${strapiUrl()}${link.slice(siteUrl().length)}`;
};
const teamMailsFrom = async (email: string) =>
  (await mailsTo(mailDir(), TEAM)).filter((m) => m.replyTo?.value[0]?.address === email.toLowerCase());

describe('an advisory request', () => {
  it('is confirmed by its requester before it reaches the advisory team, and only then does any mail repeat what was typed', async () => {
    const email = newAddress('Erika.Mustermann');
    const fields = requestFields(email);
    const answer = await submit(fields);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, title: 'Bitte bestätigen Sie Ihre Anfrage' });

    const [mail] = await waitForMails(mailDir(), email, 1);
    expect(mail!.subject).toBe('Bitte bestätigen Sie Ihre Anfrage');
    expect(mail!.from?.text).toContain('newsletter@interkommunales.example.org');
    expect(mail!.headers.get('auto-submitted')).toBe('auto-generated');
    // Nothing typed goes to an address nobody has confirmed: not the question, the topic, the name or the phone.
    const shown = `${mail!.subject}\n${mail!.text}\n${mail!.html}`;
    for (const typed of [
      fields.question.split('\n')[0]!,
      fields.topic,
      'Erika Mustermann',
      '0228 123456',
      'Zweckverband',
    ])
      expect(shown).not.toContain(typed);
    const link = linkIn(mail!, `${siteUrl()}/formulare/beratung/bestaetigen?t=`);
    const token = new URL(link).searchParams.get('t')!;

    const pending = await requestWhen(email, (row) => row.confirmMailMessageId === mail!.messageId);
    expect(pending).toMatchObject({
      state: 'unbestätigt',
      municipality: 'Bonn',
      municipalityAgs: '05314000',
      topic: fields.topic,
      name: 'Erika Mustermann',
      phone: '0228 123456',
      confirmedAt: null,
      forwardedAt: null,
    });
    expect(pending.question).toBe(fields.question);
    expect(Date.parse(pending.confirmExpiresAt) - Date.parse(pending.requestedAt)).toBe(7 * 24 * 3600 * 1000);
    expect(JSON.stringify(pending)).not.toContain(token);

    // A mail gateway opening the link (GET, twice) confirms nothing and sends nothing.
    for (let i = 0; i < 2; i++) {
      const page = await fetch(local(link), { headers: { 'x-forwarded-for': newClient() } });
      expect(page.status).toBe(200);
      const text = await page.text();
      expect(text).toContain('<html lang="de"');
      expect(text).toMatch(/<form method="post" action="\/formulare\/beratung\/bestaetigen">/);
      expect(text).toContain('Anfrage bestätigen');
    }
    expect((await requestsOf(email))[0]!.state).toBe('unbestätigt');
    expect(await teamMailsFrom(email)).toHaveLength(0);

    const confirmed = await post('/beratung/bestaetigen', { t: token }, { json: false });
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('Anfrage bestätigt');

    const until = Date.now() + 15_000;
    while ((await teamMailsFrom(email)).length < 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const [team] = await teamMailsFrom(email);
    expect(team!.subject).toBe('Beratungsanfrage aus Bonn');
    expect(team!.replyTo?.text).toBe(email.toLowerCase());
    expect(team!.from?.text).toContain('newsletter@interkommunales.example.org');
    expect(team!.text).toContain(fields.question);
    expect(team!.text).toContain(fields.topic);
    expect(team!.html).toContain('&lt;b&gt;Markup&lt;/b&gt; &amp; Umlauten: äöüß.');
    expect(team!.html).not.toContain('<b>Markup</b>');

    const [, copy] = await waitForMails(mailDir(), email, 2);
    expect(copy!.subject).toBe('Ihre Beratungsanfrage bei Interkommunales.NRW');
    expect(copy!.text).toContain(fields.question);
    const row = await requestWhen(email, (r) => r.forwardedAt !== null);
    expect(row).toMatchObject({ state: 'neu' });
    expect(Date.parse(row.confirmedAt)).toBeGreaterThan(Date.now() - 60_000);

    const again = await post('/beratung/bestaetigen', { t: token });
    expect(again).toMatchObject({ status: 200, body: { title: 'Bereits bestätigt' } });
    await new Promise((r) => setTimeout(r, 500));
    expect(await teamMailsFrom(email)).toHaveLength(1);
    expect(await mailsTo(mailDir(), email)).toHaveLength(2);
  });

  it('answers an unknown or malformed link with a German 404 page and confirms nothing', async () => {
    for (const t of ['A'.repeat(43), 'kurz', '']) {
      const answer = await post('/beratung/bestaetigen', { t }, { json: false });
      expect(answer.status).toBe(404);
      expect(answer.text).toContain('Link ungültig');
      expect(answer.text).toContain('href="/beratung/#anfrage"');
    }
  });

  it('without JavaScript, answers a wrong field with a German page that shows the form again with what was typed', async () => {
    const email = newAddress();
    const answer = await submit(requestFields(email, { municipality: '05999999', topic: 'Bauhof "<script>"' }), {
      json: false,
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('<html lang="de"');
    expect(answer.text).toContain('Bitte prüfen Sie Ihre Angaben');
    expect(answer.text).toContain(
      '<a href="#feld-municipality">Bitte wählen Sie eine Kommune aus der Liste der Kommunen in Nordrhein-Westfalen aus.</a>',
    );
    expect(answer.text).toMatch(
      /<select id="feld-municipality" name="municipality" required aria-invalid="true" aria-describedby="feld-municipality-fehler">/,
    );
    expect(answer.text).toContain('value="Bauhof &quot;&lt;script&gt;&quot;"');
    expect(answer.text).not.toContain('<script>');
    expect(answer.text).toContain(`value="${email}"`);
    expect(answer.text).toContain('Wie gründen wir einen Zweckverband');
    await new Promise((r) => setTimeout(r, 300));
    expect(await requestsOf(email)).toHaveLength(0);
    expect(await mailsTo(mailDir(), email)).toHaveLength(0);
  });

  it('filled in by a bot (honeypot) gets the usual answer, and nothing is stored or sent', async () => {
    const email = newAddress('bot');
    const answer = await submit(requestFields(email, { website: 'https://spam.example' }));
    expect(answer).toMatchObject({ status: 200, body: { title: 'Bitte bestätigen Sie Ihre Anfrage' } });
    await new Promise((r) => setTimeout(r, 500));
    expect(await requestsOf(email)).toHaveLength(0);
    expect(await mailsTo(mailDir(), email)).toHaveLength(0);
  });
});

describe('hostile input to the advisory request', () => {
  const victim = () => newAddress('opfer');
  const urlencoded = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const cases: [string, (email: string) => string, string?][] = [
    ['CRLF in the address', (e) => urlencoded(requestFields(`${e}\r\nBcc: viele@example.org`))],
    ['CRLF in the topic', (e) => urlencoded(requestFields(e, { topic: 'Bauhof\r\nBcc: viele@example.org' }))],
    ['CRLF in the name', (e) => urlencoded(requestFields(e, { name: 'Erika\r\nBcc: viele@example.org' }))],
    ['a line break in the phone number', (e) => urlencoded(requestFields(e, { phone: '0228\n123' }))],
    ['a duplicated field', (e) => `${urlencoded(requestFields(e))}&email=b-${e}`],
    ['email[]=', (e) => urlencoded(requestFields(e)).replace('email=', 'email[]=')],
    [
      'a JSON object as the address',
      (e) => JSON.stringify({ ...requestFields(e), email: { $ne: null } }),
      'application/json',
    ],
    [
      'a JSON array as the question',
      (e) => JSON.stringify({ ...requestFields(e), question: ['a', 'b'] }),
      'application/json',
    ],
    ['a question of 5,001 characters', (e) => urlencoded(requestFields(e, { question: 'x'.repeat(5_001) }))],
    ['a municipality that does not exist', (e) => urlencoded(requestFields(e, { municipality: '05999999' }))],
    ['a municipality by name instead of its key', (e) => urlencoded(requestFields(e, { municipality: 'Bonn' }))],
    ['no consent', (e) => urlencoded(requestFields(e, { consent: '' }))],
    ['no question', (e) => urlencoded(requestFields(e, { question: '   ' }))],
  ];

  it.each(cases)('%s → German 400, nothing stored, no mail', async (_name, body, contentType) => {
    const email = victim();
    const answer = await post('/beratung/anfragen', body(email), { contentType });
    expect(answer.status).toBe(400);
    expect(answer.body.ok).toBe(false);
    expect(`${answer.body.title} ${answer.body.message} ${Object.values(answer.body.errors ?? {}).join(' ')}`).toMatch(
      /Bitte|Feld|Formular/,
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(await requestsOf(email)).toHaveLength(0);
    expect(await mailsTo(mailDir(), email)).toHaveLength(0);
    expect((await readMailbox(mailDir())).filter((m) => m.envelopeTo.includes('viele@example.org'))).toHaveLength(0);
  });
});

describe('the limits of the advisory request', () => {
  it('takes 3 requests an hour from a client without the proof of work, then refuses in German', async () => {
    const client = newClient();
    const statuses: number[] = [];
    const emails = [0, 1, 2, 3].map(() => newAddress('grenze'));
    for (const email of emails) statuses.push((await submit(requestFields(email), { client })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await submit(requestFields(newAddress()), { client });
    expect(refused.body.message).toMatch(/zu viele Anfragen/);
    await waitForMails(mailDir(), emails[2]!, 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(await requestsOf(emails[3]!)).toHaveLength(0);
  });

  it('sends one address at most 3 confirmation links a day', async () => {
    const email = newAddress('postfach');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await submit(requestFields(email))).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    await waitForMails(mailDir(), email, 3);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsTo(mailDir(), email)).toHaveLength(3);
  });
});

describe('who sees advisory requests', () => {
  it('are not readable through the public REST API, not even with the build token', async () => {
    const auths: Record<string, string>[] = [{}, { authorization: `Bearer ${inject('buildToken')}` }];
    for (const auth of auths) {
      for (const url of ['/api/advice-requests', '/api/advice-request']) {
        const response = await fetch(`${strapiUrl()}${url}`, { headers: auth });
        expect(response.status).toBe(404);
      }
    }
  });

  it('editors read them, set their state and delete them, but change nothing else and create none', async () => {
    const email = newAddress('redaktion');
    const fields = requestFields(email);
    expect((await submit(fields)).status).toBe(200);
    const row = await requestWhen(email, (r) => r.confirmMailMessageId !== null);
    const editor = await inviteEditor(strapiUrl(), inject('adminJwt'));
    const auth = { authorization: `Bearer ${editor.token}`, 'content-type': 'application/json' };
    const url = `${strapiUrl()}/content-manager/collection-types/${UID}`;
    expect((await fetch(`${url}/${row.documentId}`, { headers: auth })).status).toBe(200);
    const update = await fetch(`${url}/${row.documentId}`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ state: 'in Bearbeitung', question: 'geändert', email: 'andere@example.org' }),
    });
    expect(update.status).toBe(200);
    const [after] = await requestsOf(email);
    expect(after).toMatchObject({ state: 'in Bearbeitung', question: fields.question, email: email.toLowerCase() });
    const create = await fetch(url, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        ...fields,
        municipalityAgs: '05314000',
        municipality: 'Bonn',
        requestedAt: new Date().toISOString(),
      }),
    });
    expect(create.status).toBe(403);
    expect((await fetch(`${url}/${row.documentId}`, { method: 'DELETE', headers: auth })).status).toBe(200);
    expect(await requestsOf(email)).toHaveLength(0);
  });

  it('are cleaned up by an hourly job that ran at the start without an error', () => {
    const log = fs.readFileSync(path.join(inject('strapiTmp'), 'strapi.log'), 'utf8');
    expect(log).toContain('advisory requests: unconfirmed ones are deleted after 7 days');
    expect(log).not.toContain('advisory request cleanup failed');
  });
});
