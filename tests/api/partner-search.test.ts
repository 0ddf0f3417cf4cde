/**
 * "Partnersuche" against the real Strapi and the real SMTP server (the mail catcher): a municipality's entry is
 * confirmed by mail (the mail repeats nothing typed), becomes a draft (not public, not readable with the build
 * token), an editor publishes it (its public fields readable, the poster nowhere), a reader's reply is confirmed
 * by mail and relayed to the poster once, with the replier as Reply-To; nothing the replier gets names the
 * poster's address. Bad input stores nothing; replies to unpublished or expired entries are refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, berlinDay } from '@ikz/shared-types/partner-search';
import { postForm } from '../support/form-post.ts';
import { linkIn, mailsTo, readMailbox, waitForMails } from '../support/mailbox.ts';

const ENTRY = 'api::partner-search.partner-search';
const SUBMISSION = 'api::partner-search-submission.partner-search-submission';
const EDITORS = 'beratung@interkommunales.example.org'; // IKZ_ADVICE_MAIL of the test Strapi (no IKZ_EDITORS_MAIL)
const mailDir = () => inject('mailDir');
const strapiUrl = () => inject('strapiUrl');
const siteUrl = () => inject('siteUrl');
const admin = () => ({ authorization: `Bearer ${inject('adminJwt')}`, 'content-type': 'application/json' });
const build = () => ({ authorization: `Bearer ${inject('buildToken')}` });

let clientCounter = 0;
const runId = Math.floor(Math.random() * 200) + 20;
const newClient = () => `198.18.${runId}.${++clientCounter}`;
const newAddress = (local = 'hauptamt') => `${local}-${randomUUID()}@example.org`;
const today = () => berlinDay(new Date());

let topics: string[] = [];
beforeAll(async () => {
  const response = await fetch(`${strapiUrl()}/api/topics?fields[0]=slug&pagination[pageSize]=2&sort=slug`);
  topics = ((await response.json()) as { data: { slug: string }[] }).data.map((t) => t.slug);
  expect(topics.length).toBe(2);
});

// Other suites count content: the entries made here are deleted at the end.
const madeEntries: string[] = [];
afterAll(async () => {
  for (const documentId of madeEntries) {
    const response = await fetch(`${strapiUrl()}/content-manager/collection-types/${ENTRY}/${documentId}`, {
      method: 'DELETE',
      headers: admin(),
    });
    expect(response.status).toBe(200);
  }
});

type Body = Record<string, string | string[]>;
const urlencoded = (fields: Body) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  return params.toString();
};
const entryFields = (email: string, extra: Body = {}): Body => ({
  title: `Partner für Vergabestelle ${randomUUID().slice(0, 8)}`,
  municipality: '05314000', // Bonn
  topics: [topics[0]!],
  offer: 'Eine eingearbeitete Vergabestelle und Erfahrung mit der <b>E-Vergabe</b>.',
  seek: `Zwei Nachbarkommunen für gemeinsame Ausschreibungen. ${randomUUID()}`,
  validUntil: addDays(today(), 90),
  name: 'Erika Mustermann',
  email,
  consent: 'ja',
  website: '',
  ...extra,
});
const replyFields = (entry: string, email: string, extra: Record<string, string> = {}) => ({
  entry,
  name: 'Max Muster',
  organisation: 'Stadt Troisdorf',
  email,
  message: `Wir hätten Interesse an einer gemeinsamen Vergabestelle. ${randomUUID()}`,
  consent: 'ja',
  website: '',
  ...extra,
});
const submit = (fields: Body, options: { json?: boolean } = {}) =>
  postForm(strapiUrl(), '/partnersuche/senden', urlencoded(fields), { ...options, client: newClient() });
const post = (p: string, body: Record<string, string>, options: { json?: boolean } = {}) =>
  postForm(strapiUrl(), p, body, { ...options, client: newClient() });

async function rows(uid: string, filters: Record<string, string>): Promise<Record<string, any>[]> {
  const query = new URLSearchParams(Object.entries(filters).map(([k, v]) => [`filters[${k}][$eq]`, v]));
  const response = await fetch(`${strapiUrl()}/content-manager/collection-types/${uid}?${query}`, { headers: admin() });
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: Record<string, any>[] }).results;
}

async function until<T>(read: () => Promise<T>, ready: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ready(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function mailsWith(address: string, subject: string, count: number, timeoutMs = 15_000) {
  return until(
    async () => (await mailsTo(mailDir(), address)).filter((m) => m.subject === subject),
    (found) => found.length >= count,
    timeoutMs,
  );
}

const tokenOf = (mail: { text?: string }, confirmPath: string) =>
  new URL(linkIn(mail as any, `${siteUrl()}/formulare${confirmPath}?t=`)).searchParams.get('t')!;

async function publicEntries(title: string, headers: Record<string, string> = {}, extra: Record<string, string> = {}) {
  const query = new URLSearchParams({ 'filters[title][$eq]': title, ...extra });
  const response = await fetch(`${strapiUrl()}/api/partner-searches?${query}`, { headers });
  return {
    status: response.status,
    data: response.status === 200 ? ((await response.json()) as { data: Record<string, any>[] }).data : [],
  };
}

/** A confirmed entry, published by the admin; returns its documentId and the poster's address. */
async function publishedEntry(): Promise<{ documentId: string; title: string; poster: string; slug: string }> {
  const poster = newAddress('poster');
  const fields = entryFields(poster);
  expect((await submit(fields)).status).toBe(200);
  const [mail] = await waitForMails(mailDir(), poster, 1);
  expect((await post('/partnersuche/bestaetigen', { t: tokenOf(mail!, '/partnersuche/bestaetigen') })).status).toBe(
    200,
  );
  const [row] = await until(
    () => rows(SUBMISSION, { email: poster }),
    (r) => Boolean(r[0]?.partnerSearchDocumentId),
  );
  const documentId = row!.partnerSearchDocumentId as string;
  madeEntries.push(documentId);
  const published = await fetch(
    `${strapiUrl()}/content-manager/collection-types/${ENTRY}/${documentId}/actions/publish`,
    { method: 'POST', headers: admin(), body: '{}' },
  );
  expect(published.status).toBe(200);
  const slug = ((await published.json()) as { data: { slug: string } }).data.slug;
  return { documentId, title: fields.title as string, poster, slug };
}

describe('a Partnersuche', () => {
  it('is confirmed by its poster, becomes a draft for the editors, and once published shows no trace of the poster', async () => {
    const email = newAddress('Erika.Mustermann');
    const fields = entryFields(email);
    const title = fields.title as string;
    const answer = await submit(fields);
    expect(answer).toMatchObject({ status: 200, body: { ok: true, title: 'Bitte bestätigen Sie Ihre Partnersuche' } });

    const [mail] = await waitForMails(mailDir(), email, 1);
    expect(mail!.subject).toBe('Bitte bestätigen Sie Ihre Partnersuche');
    const shown = `${mail!.subject}\n${mail!.text}\n${mail!.html}`;
    for (const typed of [title, 'Erika Mustermann', 'E-Vergabe', fields.seek as string, 'Bonn'])
      expect(shown).not.toContain(typed);
    const token = tokenOf(mail!, '/partnersuche/bestaetigen');
    const [pending] = await until(
      () => rows(SUBMISSION, { email: email.toLowerCase() }),
      (r) => r[0]?.confirmMailMessageId === mail!.messageId,
    );
    expect(pending).toMatchObject({
      state: 'unbestätigt',
      title,
      municipality: 'Bonn',
      name: 'Erika Mustermann',
      confirmedAt: null,
      partnerSearchDocumentId: null,
    });

    // GET shows the button and changes nothing; POST confirms.
    const page = await fetch(`${strapiUrl()}/formulare/partnersuche/bestaetigen?t=${token}`, {
      headers: { 'x-forwarded-for': newClient() },
    });
    expect(await page.text()).toMatch(
      /<form method="post" action="\/formulare\/partnersuche\/bestaetigen">[\s\S]*Partnersuche bestätigen/,
    );
    expect((await rows(SUBMISSION, { email: email.toLowerCase() }))[0]!.confirmedAt).toBeNull();
    const confirmed = await post('/partnersuche/bestaetigen', { t: token }, { json: false });
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('Partnersuche bestätigt');
    const [row] = await until(
      () => rows(SUBMISSION, { email: email.toLowerCase() }),
      (r) => r[0]?.editorsMailedAt != null,
    );
    expect(row).toMatchObject({ state: 'neu' });
    const documentId = row!.partnerSearchDocumentId as string;
    madeEntries.push(documentId);

    const draftResponse = await fetch(`${strapiUrl()}/content-manager/collection-types/${ENTRY}/${documentId}`, {
      headers: admin(),
    });
    const draft = ((await draftResponse.json()) as { data: Record<string, any> }).data;
    expect(draft).toMatchObject({
      title,
      offer: fields.offer,
      seek: fields.seek,
      validUntil: fields.validUntil,
      publishedAt: null,
    });
    expect(draft.slug).toMatch(/^partner-fuer-vergabestelle-/);
    expect(JSON.stringify(draft)).not.toContain(email.toLowerCase());

    // Not public: not through the public API, not with the build token.
    expect((await publicEntries(title)).data).toHaveLength(0);
    expect((await publicEntries(title, build())).data).toHaveLength(0);
    expect((await publicEntries(title, build(), { status: 'draft' })).status).toBe(403);

    const [editors] = await mailsWith(EDITORS, `Neue Partnersuche: ${title}`, 1);
    expect(editors!.replyTo?.text).toBe(email.toLowerCase());
    expect(editors!.text).toContain(
      `/admin/content-manager/collection-types/api::partner-search.partner-search/${documentId}`,
    );
    const [ack] = await mailsWith(email, 'Ihre Partnersuche bei Interkommunales.NRW', 1);
    expect(ack!.text).toContain(`„${title}“`);
    expect((await post('/partnersuche/bestaetigen', { t: token })).body.title).toBe('Bereits bestätigt');

    // Published: the public fields with municipality and topics; the poster nowhere, the private records not at all.
    const publish = await fetch(
      `${strapiUrl()}/content-manager/collection-types/${ENTRY}/${documentId}/actions/publish`,
      { method: 'POST', headers: admin(), body: '{}' },
    );
    expect(publish.status).toBe(200);
    for (const headers of [{}, build()]) {
      const found = await publicEntries(title, headers, {
        'populate[municipality][fields][0]': 'name',
        'populate[topics][fields][0]': 'slug',
      });
      expect(found.data).toHaveLength(1);
      expect(found.data[0]).toMatchObject({
        title,
        validUntil: fields.validUntil,
        municipality: { name: 'Bonn' },
        topics: [{ slug: topics[0] }],
      });
      expect(JSON.stringify(found.data)).not.toMatch(new RegExp(`${email}|Erika`, 'i'));
      for (const url of ['/api/partner-search-submissions', '/api/partner-search-replies'])
        expect((await fetch(`${strapiUrl()}${url}`, { headers })).status).toBe(404);
    }
  });

  it('refuses to publish an entry without municipality or one already expired, in German', async () => {
    const create = await fetch(`${strapiUrl()}/content-manager/collection-types/${ENTRY}`, {
      method: 'POST',
      headers: admin(),
      body: JSON.stringify({
        title: `Abgelaufen ${randomUUID().slice(0, 6)}`,
        offer: 'x'.repeat(30),
        seek: 'y'.repeat(30),
        validUntil: addDays(today(), -1),
      }),
    });
    expect(create.status).toBe(201);
    const documentId = ((await create.json()) as { data: { documentId: string } }).data.documentId;
    madeEntries.push(documentId);
    const publish = await fetch(
      `${strapiUrl()}/content-manager/collection-types/${ENTRY}/${documentId}/actions/publish`,
      { method: 'POST', headers: admin(), body: '{}' },
    );
    expect(publish.status).toBe(400);
    const text = await publish.text();
    expect(text).toContain('Eine Partnersuche braucht die suchende Kommune.');
    expect(text).toContain('„Gültig bis“ ist bereits vorbei');
  });
});

describe('a reply to a Partnersuche', () => {
  let entry: Awaited<ReturnType<typeof publishedEntry>>;
  beforeAll(async () => {
    entry = await publishedEntry();
  });

  it('is confirmed by the replier and relayed to the poster once, with Reply-To the replier; the replier never sees the poster address', async () => {
    const replier = newAddress('Max.Muster');
    const fields = replyFields(entry.documentId, replier);
    const answer = await post('/partnersuche/antworten', fields);
    expect(answer).toMatchObject({ status: 200, body: { ok: true, title: 'Bitte bestätigen Sie Ihre Nachricht' } });
    const [confirm] = await waitForMails(mailDir(), replier, 1);
    expect(confirm!.subject).toBe('Bitte bestätigen Sie Ihre Nachricht zu einer Partnersuche');
    for (const typed of [fields.message, 'Max Muster', 'Troisdorf', entry.title])
      expect(`${confirm!.subject}${confirm!.text}${confirm!.html}`).not.toContain(typed);
    const token = tokenOf(confirm!, '/partnersuche/antwort-bestaetigen');
    // Nothing reaches the poster before the confirmation (also not after a GET of the link).
    expect(
      (
        await fetch(`${strapiUrl()}/formulare/partnersuche/antwort-bestaetigen?t=${token}`, {
          headers: { 'x-forwarded-for': newClient() },
        })
      ).status,
    ).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const relaySubject = `Antwort auf Ihre Partnersuche: ${entry.title}`;
    expect(await mailsWith(entry.poster, relaySubject, 1, 0)).toHaveLength(0);

    const relayed = await post('/partnersuche/antwort-bestaetigen', { t: token });
    expect(relayed).toMatchObject({ status: 200, body: { title: 'Nachricht weitergeleitet' } });
    const [mail] = await mailsWith(entry.poster, relaySubject, 1);
    expect(mail!.replyTo?.value.map((a) => a.address)).toEqual([replier.toLowerCase()]);
    expect(mail!.envelopeTo).toEqual([entry.poster.toLowerCase()]);
    expect(mail!.text).toContain(fields.message);
    expect(mail!.text).toContain('Stadt Troisdorf');
    const [notice] = await mailsWith(replier, 'Ihre Nachricht wurde weitergeleitet', 1);
    expect(notice).toBeDefined();

    // A second click relays nothing again.
    expect((await post('/partnersuche/antwort-bestaetigen', { t: token })).body.title).toBe('Bereits weitergeleitet');
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsWith(entry.poster, relaySubject, 2, 0)).toHaveLength(1);
    // Nothing the replier received, and no answer page, names the poster's address.
    const toReplier = await mailsTo(mailDir(), replier);
    expect(toReplier).toHaveLength(2);
    for (const m of toReplier) expect(m.raw.toLowerCase()).not.toContain(entry.poster.toLowerCase());
    expect(JSON.stringify([answer.body, relayed.body])).not.toContain(entry.poster.toLowerCase());
  });

  it('without JavaScript, answers a wrong field with the form again and what was typed, and stores nothing', async () => {
    const replier = newAddress();
    const answer = await post(
      '/partnersuche/antworten',
      replyFields(entry.documentId, replier, { name: '', message: 'Kurz <script>' }),
      { json: false },
    );
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('<a href="#feld-name">Bitte füllen Sie „Ihr Name“ aus.</a>');
    expect(answer.text).toMatch(
      /<textarea id="feld-message" name="message"[^>]*aria-invalid="true" aria-describedby="feld-message-fehler">Kurz &lt;script&gt;<\/textarea>/,
    );
    expect(answer.text).toContain(`name="entry" value="${entry.documentId}"`);
    await new Promise((r) => setTimeout(r, 200));
    expect(await mailsTo(mailDir(), replier)).toHaveLength(0);
  });

  it('is refused for an unpublished, unknown or expired entry, in German, storing nothing', async () => {
    // Unpublished: the draft of a confirmed entry; unknown: an id that does not exist.
    const draft = await fetch(`${strapiUrl()}/content-manager/collection-types/${ENTRY}`, {
      method: 'POST',
      headers: admin(),
      body: JSON.stringify({
        title: `Entwurf ${randomUUID().slice(0, 6)}`,
        offer: 'x'.repeat(30),
        seek: 'y'.repeat(30),
        validUntil: addDays(today(), 10),
      }),
    });
    const draftId = ((await draft.json()) as { data: { documentId: string } }).data.documentId;
    madeEntries.push(draftId);
    for (const id of [draftId, 'abcdefghijklmnopqrstuvwx', '../admin']) {
      const replier = newAddress('unbekannt');
      const answer = await post('/partnersuche/antworten', replyFields(id, replier));
      expect(answer.status, id).toBe(404);
      expect(answer.body.message).toMatch(/^Diese Partnersuche gibt es nicht oder nicht mehr/);
      await new Promise((r) => setTimeout(r, 200));
      expect(await mailsTo(mailDir(), replier)).toHaveLength(0);
    }
  });

  it.each([
    ['CRLF in the name', { name: 'Max\r\nBcc: viele@example.org' }],
    ['CRLF in the organisation', { organisation: 'Stadt\r\nBcc: viele@example.org' }],
    ['CRLF in the address', { email: 'max@example.org\r\nBcc: viele@example.org' }],
    ['a message of 3,001 characters', { message: 'x'.repeat(3001) }],
    ['no consent', { consent: '' }],
  ])('%s → German 400, nothing stored, no mail', async (_name, extra) => {
    const replier = newAddress('opfer');
    const answer = await post('/partnersuche/antworten', replyFields(entry.documentId, replier, extra));
    expect(answer.status).toBe(400);
    expect(Object.values(answer.body.errors ?? {}).join(' ')).toMatch(/Bitte|darf|höchstens|gültige/);
    await new Promise((r) => setTimeout(r, 200));
    expect(await mailsTo(mailDir(), replier)).toHaveLength(0);
    expect((await readMailbox(mailDir())).filter((m) => m.envelopeTo.includes('viele@example.org'))).toHaveLength(0);
  });
});

describe('hostile input to the entry form', () => {
  const cases: [string, (email: string) => Body][] = [
    ['a municipality that does not exist', (e) => entryFields(e, { municipality: '05999999' })],
    ['a municipality by name', (e) => entryFields(e, { municipality: 'Bonn' })],
    ['a topic that does not exist', (e) => entryFields(e, { topics: ['erfundenes-thema'] })],
    ['CRLF in the title', (e) => entryFields(e, { title: 'Vergabe\r\nBcc: viele@example.org' })],
    ['CRLF in the name', (e) => entryFields(e, { name: 'Erika\r\nBcc: viele@example.org' })],
    ['CRLF in the address', (e) => entryFields(`${e}\r\nBcc: viele@example.org`)],
    ['an offer of 3,001 characters', (e) => entryFields(e, { offer: 'x'.repeat(3001) })],
    ['validUntil yesterday', (e) => entryFields(e, { validUntil: addDays(today(), -1) })],
    ['validUntil more than a year ahead', (e) => entryFields(e, { validUntil: addDays(today(), 400) })],
    ['no validUntil', (e) => entryFields(e, { validUntil: '' })],
    ['no consent', (e) => entryFields(e, { consent: '' })],
  ];
  it.each(cases)('%s → German 400, nothing stored, no mail', async (_name, fields) => {
    const email = newAddress('opfer');
    const answer = await submit(fields(email));
    expect(answer.status).toBe(400);
    expect(answer.body.title).toBe('Bitte prüfen Sie Ihre Angaben');
    expect(Object.values(answer.body.errors ?? {}).join(' ')).toMatch(/Bitte|darf|höchstens|Vergangenheit|Jahr/);
    await new Promise((r) => setTimeout(r, 200));
    expect(await rows(SUBMISSION, { email: email.toLowerCase() })).toHaveLength(0);
    expect(await mailsTo(mailDir(), email)).toHaveLength(0);
    expect((await readMailbox(mailDir())).filter((m) => m.envelopeTo.includes('viele@example.org'))).toHaveLength(0);
  });

  it('without JavaScript, shows the form again with its errors linked and what was typed', async () => {
    const email = newAddress();
    const answer = await submit(
      entryFields(email, { municipality: '05999999', title: 'Vergabe "<script>"', topics: [topics[1]!] }),
      { json: false },
    );
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(
      '<a href="#feld-municipality">Bitte wählen Sie eine Kommune aus der Liste der Kommunen in Nordrhein-Westfalen aus.</a>',
    );
    expect(answer.text).toMatch(
      /<select id="feld-municipality" name="municipality" required aria-invalid="true" aria-describedby="feld-municipality-fehler">/,
    );
    expect(answer.text).toContain('value="Vergabe &quot;&lt;script&gt;&quot;"');
    expect(answer.text).not.toContain('<script>');
    expect(answer.text).toMatch(new RegExp(`name="topics" type="checkbox" value="${topics[1]}" checked`));
  });
});

describe('housekeeping', () => {
  it('ran at the start without an error', () => {
    const log = fs.readFileSync(path.join(inject('strapiTmp'), 'strapi.log'), 'utf8');
    expect(log).toContain('partner search: expired entries are unpublished');
    expect(log).not.toContain('partner search housekeeping failed');
  });
});
