/**
 * "Projekt melden" (/projekt-melden/) against the real Strapi and the real SMTP server (the mail catcher):
 * submission → only a confirmation mail without anything typed → the link's page changes nothing → its button
 * confirms → a draft project with the input exists (not public, not readable with the build token), linked
 * from the submission → the editors' mail and the acknowledgement → a second confirmation says "bereits
 * bestätigt". Publishing the project tells the submitter its address once. Bad input stores nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { inviteEditor } from '../support/editor.ts';
import { postForm } from '../support/form-post.ts';
import { reportFields as sharedReportFields, type ReportBody } from '../support/project-report.ts';
import { linkIn, mailsTo, readMailbox, waitForMails } from '../support/mailbox.ts';

const UID = 'api::project-submission.project-submission';
const PROJECT = 'api::project.project';
const EDITORS = 'beratung@interkommunales.example.org'; // IKZ_ADVICE_MAIL of the test Strapi (no IKZ_EDITORS_MAIL)
const mailDir = () => inject('mailDir');
const strapiUrl = () => inject('strapiUrl');
const siteUrl = () => inject('siteUrl');
const admin = () => ({ authorization: `Bearer ${inject('adminJwt')}`, 'content-type': 'application/json' });

let clientCounter = 0;
const runId = Math.floor(Math.random() * 200) + 20;
const newClient = () => `198.51.${runId}.${++clientCounter}`;
const newAddress = (local = 'kaemmerei') => `${local}-${randomUUID()}@example.org`;

let topics: string[] = [];
let topicNames: string[] = [];
beforeAll(async () => {
  const response = await fetch(
    `${strapiUrl()}/api/topics?fields[0]=slug&fields[1]=name&pagination[pageSize]=3&sort=slug`,
  );
  const data = ((await response.json()) as { data: { slug: string; name: string }[] }).data;
  topics = data.map((t) => t.slug);
  topicNames = data.map((t) => t.name);
  expect(topics.length).toBeGreaterThanOrEqual(2);
});

// Other suites count the seeded projects: the ones made here are deleted at the end.
const madeProjects: string[] = [];
afterAll(async () => {
  for (const documentId of madeProjects) {
    const response = await fetch(`${strapiUrl()}/content-manager/collection-types/${PROJECT}/${documentId}`, {
      method: 'DELETE',
      headers: admin(),
    });
    expect(response.status).toBe(200);
  }
});

type Body = ReportBody;
const urlencoded = (fields: Body) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  return params.toString();
};
const reportFields = (email: string, extra: Body = {}): Body => sharedReportFields(email, topics[0]!, extra);
const submit = (fields: Body, options: { client?: string; json?: boolean } = {}) =>
  postForm(strapiUrl(), '/projekt-melden/senden', urlencoded(fields), {
    ...options,
    client: options.client ?? newClient(),
  });
const post = (p: string, body: Record<string, string>, options: { json?: boolean } = {}) =>
  postForm(strapiUrl(), p, body, { ...options, client: newClient() });

async function submissionsOf(email: string): Promise<Record<string, any>[]> {
  const query = new URLSearchParams({ 'filters[email][$eq]': email.toLowerCase() });
  const response = await fetch(`${strapiUrl()}/content-manager/collection-types/${UID}?${query}`, { headers: admin() });
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: Record<string, any>[] }).results;
}

async function submissionWhen(
  email: string,
  ready: (row: Record<string, any>) => boolean,
  timeoutMs = 10_000,
): Promise<Record<string, any>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await submissionsOf(email);
    if (row && ready(row)) return row;
    if (Date.now() > until) throw new Error(`${email}: submission not ready: ${JSON.stringify(row)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function mailsWith(address: string, subject: string, count: number, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailsTo(mailDir(), address)).filter((m) => m.subject === subject);
    if (found.length >= count || Date.now() > until) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const local = (link: string) => {
  expect(link.startsWith(`${siteUrl()}/formulare/`)).toBe(true);
  return `${strapiUrl()}${link.slice(siteUrl().length)}`;
};

async function projectsTitled(title: string, headers: Record<string, string>, status?: 'published' | 'draft') {
  const query = new URLSearchParams({ 'filters[title][$eq]': title, ...(status ? { status } : {}) });
  const response = await fetch(`${strapiUrl()}/api/projects?${query}`, { headers });
  return {
    status: response.status,
    data: response.status === 200 ? ((await response.json()) as { data: unknown[] }).data : [],
  };
}

describe('a project report', () => {
  it('is confirmed by its submitter, becomes a draft project for the editors, and the submitter is told when it is published', async () => {
    const email = newAddress('Erika.Mustermann');
    const fields = reportFields(email);
    const title = fields.title as string;
    const answer = await submit(fields);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, title: 'Bitte bestätigen Sie Ihre Meldung' });

    const [mail] = await waitForMails(mailDir(), email, 1);
    expect(mail!.subject).toBe('Bitte bestätigen Sie Ihre Projektmeldung');
    expect(mail!.headers.get('auto-submitted')).toBe('auto-generated');
    const shown = `${mail!.subject}\n${mail!.text}\n${mail!.html}`;
    for (const typed of [
      title,
      fields.summary as string,
      'Erika Mustermann',
      'Winterdienst',
      'Kämmerin',
      '0228 123456',
      'Bonn',
    ])
      expect(shown).not.toContain(typed);
    const link = linkIn(mail!, `${siteUrl()}/formulare/projekt-melden/bestaetigen?t=`);
    const token = new URL(link).searchParams.get('t')!;

    const pending = await submissionWhen(email, (row) => row.confirmMailMessageId === mail!.messageId);
    expect(pending).toMatchObject({
      state: 'unbestätigt',
      title,
      leadMunicipality: 'Bonn',
      name: 'Erika Mustermann',
      confirmedAt: null,
      projectDocumentId: null,
    });
    // Exactly what was sent, without the honeypot.
    const { website: _hp, ...sent } = fields;
    expect(pending.submitted).toEqual(sent);
    expect(Date.parse(pending.confirmExpiresAt) - Date.parse(pending.submittedAt)).toBe(7 * 24 * 3600 * 1000);
    expect(JSON.stringify(pending)).not.toContain(token);

    // A mail gateway opening the link (GET) confirms nothing and creates nothing.
    const page = await fetch(local(link), { headers: { 'x-forwarded-for': newClient() } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(
      /<form method="post" action="\/formulare\/projekt-melden\/bestaetigen">[\s\S]*Meldung bestätigen/,
    );
    expect((await submissionsOf(email))[0]).toMatchObject({ state: 'unbestätigt', projectDocumentId: null });
    expect((await projectsTitled(title, admin())).data).toHaveLength(0);

    const confirmed = await post('/projekt-melden/bestaetigen', { t: token }, { json: false });
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('Meldung bestätigt');

    const row = await submissionWhen(email, (r) => r.state === 'neu' && r.editorsMailedAt !== null);
    expect(row.projectDocumentId).toMatch(/^[a-z0-9]{20,}$/);
    madeProjects.push(row.projectDocumentId);

    // The draft project, filled from the input; never published by the code.
    const draftResponse = await fetch(
      `${strapiUrl()}/content-manager/collection-types/${PROJECT}/${row.projectDocumentId}`,
      { headers: admin() },
    );
    expect(draftResponse.status).toBe(200);
    const draft = ((await draftResponse.json()) as { data: Record<string, any> }).data;
    expect(draft).toMatchObject({
      title,
      summary: fields.summary,
      cooperationForm: 'Zweckverband',
      projectStatus: 'in Betrieb',
      startYear: 2021,
      publishedAt: null,
      bestPractice: false,
    });
    expect(draft.slug).toMatch(/^gemeinsamer-bauhof-/);
    expect(draft.occasion).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: fields.occasion }] }]);
    expect(draft.funding).toMatchObject({ programme: 'Förderprogramm IKZ NRW' });
    expect(draft.contacts).toMatchObject([
      {
        name: 'Erika Mustermann',
        role: 'Kämmerin',
        organisation: 'Bonn',
        email: email.toLowerCase(),
        phone: '0228 123456',
        consent: true,
      },
    ]);
    const relations = async (field: string) => {
      const r = await fetch(
        `${strapiUrl()}/content-manager/relations/${PROJECT}/${row.projectDocumentId}/${field}?pageSize=50`,
        { headers: admin() },
      );
      expect(r.status).toBe(200);
      return ((await r.json()) as { results: Record<string, any>[] }).results;
    };
    expect((await relations('leadMunicipality')).map((m) => m.name)).toEqual(['Bonn']);
    expect((await relations('municipalities')).map((m) => m.name).sort()).toEqual(['Sankt Augustin', 'Troisdorf']);
    expect((await relations('topics')).map((t) => t.name)).toEqual([topicNames[0]]);

    // Not public: not through the public API, not with the build token's published reads.
    expect((await projectsTitled(title, {})).data).toHaveLength(0);
    expect((await projectsTitled(title, { authorization: `Bearer ${inject('buildToken')}` })).data).toHaveLength(0);
    expect(
      (await projectsTitled(title, { authorization: `Bearer ${inject('buildToken')}` }, 'published')).data,
    ).toHaveLength(0);

    // The editors' mail names the project and links to its draft; the submitter's acknowledgement.
    const [editors] = await mailsWith(EDITORS, `Neue Projektmeldung: ${title}`, 1);
    expect(editors).toBeDefined();
    expect(editors!.replyTo?.text).toBe(email.toLowerCase());
    expect(editors!.text).toContain(
      `/admin/content-manager/collection-types/api::project.project/${row.projectDocumentId}`,
    );
    const [ack] = await mailsWith(email, 'Ihre Projektmeldung bei Interkommunales.NRW', 1);
    expect(ack!.text).toContain(`„${title}“`);

    const again = await post('/projekt-melden/bestaetigen', { t: token });
    expect(again).toMatchObject({ status: 200, body: { title: 'Bereits bestätigt' } });
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsWith(EDITORS, `Neue Projektmeldung: ${title}`, 2, 0)).toHaveLength(1);
    // The second confirmation made no second draft.
    const drafts = (await fetch(
      `${strapiUrl()}/content-manager/collection-types/${PROJECT}?${new URLSearchParams({ 'filters[title][$eq]': title })}`,
      { headers: admin() },
    ).then((r) => r.json())) as { results: unknown[] };
    expect(drafts.results).toHaveLength(1);

    // An editor publishes the project: the submitter gets its address on the site, once.
    const publish = async () =>
      fetch(`${strapiUrl()}/content-manager/collection-types/${PROJECT}/${row.projectDocumentId}/actions/publish`, {
        method: 'POST',
        headers: admin(),
        body: '{}',
      });
    expect((await publish()).status).toBe(200);
    const [published] = await mailsWith(email, 'Ihr Projekt ist veröffentlicht', 1);
    expect(published).toBeDefined();
    expect(published!.text).toContain(`${siteUrl()}/projekte/${draft.slug}/`);
    expect((await submissionWhen(email, (r) => r.notifiedAt !== null)).notifiedAt).toBeTruthy();
    expect((await publish()).status).toBe(200);
    await new Promise((r) => setTimeout(r, 700));
    expect(await mailsWith(email, 'Ihr Projekt ist veröffentlicht', 2, 0)).toHaveLength(1);
    expect((await projectsTitled(title, {})).data).toHaveLength(1);
  });

  it('without JavaScript, answers a wrong field with a German page that shows the form again with what was typed', async () => {
    const email = newAddress();
    const answer = await submit(
      reportFields(email, { lead: '05999999', title: 'Bauhof "<script>"', topics: [topics[1]!] }),
      { json: false },
    );
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('<html lang="de"');
    expect(answer.text).toContain(
      '<a href="#feld-lead">Bitte wählen Sie als federführende Kommune eine Kommune aus der Liste der Kommunen in Nordrhein-Westfalen aus.</a>',
    );
    expect(answer.text).toMatch(
      /<select id="feld-lead" name="lead" required aria-invalid="true" aria-describedby="feld-lead-fehler">/,
    );
    expect(answer.text).toContain('value="Bauhof &quot;&lt;script&gt;&quot;"');
    expect(answer.text).not.toContain('<script>');
    expect(answer.text).toMatch(/name="municipalities" type="checkbox" value="05382068" checked/);
    expect(answer.text).toMatch(new RegExp(`name="topics" type="checkbox" value="${topics[1]}" checked`));
    expect(answer.text).toContain('Fachkräftemangel im &lt;b&gt;Winterdienst&lt;/b&gt;');
    await new Promise((r) => setTimeout(r, 300));
    expect(await submissionsOf(email)).toHaveLength(0);
    expect(await mailsTo(mailDir(), email)).toHaveLength(0);
  });

  it('answers an unknown link with a German 404 page and confirms nothing', async () => {
    const answer = await post('/projekt-melden/bestaetigen', { t: 'A'.repeat(43) }, { json: false });
    expect(answer.status).toBe(404);
    expect(answer.text).toContain('Link ungültig');
    expect(answer.text).toContain('href="/projekt-melden/#meldung"');
  });
});

describe('hostile input to the project report', () => {
  const cases: [string, (email: string) => string, string?][] = [
    ['CRLF in the address', (e) => urlencoded(reportFields(`${e}\r\nBcc: viele@example.org`))],
    ['CRLF in the title', (e) => urlencoded(reportFields(e, { title: 'Bauhof\r\nBcc: viele@example.org' }))],
    ['CRLF in the name', (e) => urlencoded(reportFields(e, { name: 'Erika\r\nBcc: viele@example.org' }))],
    [
      'a municipality that does not exist',
      (e) => urlencoded(reportFields(e, { municipalities: ['05382068', '05999999'] })),
    ],
    ['a lead municipality by name', (e) => urlencoded(reportFields(e, { lead: 'Bonn' }))],
    ['a topic that does not exist', (e) => urlencoded(reportFields(e, { topics: ['erfundenes-thema'] }))],
    ['a cooperation form not in the list', (e) => urlencoded(reportFields(e, { cooperationForm: 'Geheimbund' }))],
    ['a duplicated municipality', (e) => urlencoded(reportFields(e, { municipalities: ['05382068', '05382068'] }))],
    ['a duplicated title', (e) => `${urlencoded(reportFields(e))}&title=Zweiter`],
    [
      'an object as the topics',
      (e) => JSON.stringify({ ...reportFields(e), topics: { $ne: null } }),
      'application/json',
    ],
    ['a summary of 801 characters', (e) => urlencoded(reportFields(e, { summary: 'x'.repeat(801) }))],
    ['no consent', (e) => urlencoded(reportFields(e, { consent: '' }))],
  ];

  it.each(cases)('%s → German 400, nothing stored, no mail', async (_name, body, contentType) => {
    const email = newAddress('opfer');
    const answer = await postForm(strapiUrl(), '/projekt-melden/senden', body(email), {
      client: newClient(),
      contentType,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.ok).toBe(false);
    expect(`${answer.body.title} ${answer.body.message} ${Object.values(answer.body.errors ?? {}).join(' ')}`).toMatch(
      /Bitte|Feld|Formular/,
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(await submissionsOf(email)).toHaveLength(0);
    expect(await mailsTo(mailDir(), email)).toHaveLength(0);
    expect((await readMailbox(mailDir())).filter((m) => m.envelopeTo.includes('viele@example.org'))).toHaveLength(0);
  });
});

describe('who sees project reports', () => {
  it('are not readable through the public REST API, not even with the build token', async () => {
    for (const auth of [{}, { authorization: `Bearer ${inject('buildToken')}` }] as Record<string, string>[]) {
      for (const url of ['/api/project-submissions', '/api/project-submission'])
        expect((await fetch(`${strapiUrl()}${url}`, { headers: auth })).status).toBe(404);
    }
  });

  it('editors read them, set their state and delete them, but change nothing else', async () => {
    const email = newAddress('redaktion');
    const fields = reportFields(email);
    expect((await submit(fields)).status).toBe(200);
    const row = await submissionWhen(email, (r) => r.confirmMailMessageId !== null);
    const editor = await inviteEditor(strapiUrl(), inject('adminJwt'));
    const auth = { authorization: `Bearer ${editor.token}`, 'content-type': 'application/json' };
    const url = `${strapiUrl()}/content-manager/collection-types/${UID}`;
    const update = await fetch(`${url}/${row.documentId}`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ state: 'in Prüfung', title: 'geändert' }),
    });
    expect(update.status).toBe(200);
    expect((await submissionsOf(email))[0]).toMatchObject({ state: 'in Prüfung', title: fields.title });
    expect((await fetch(`${url}/${row.documentId}`, { method: 'DELETE', headers: auth })).status).toBe(200);
    expect(await submissionsOf(email)).toHaveLength(0);
  });

  it('are cleaned up by an hourly job that ran at the start without an error', () => {
    const log = fs.readFileSync(path.join(inject('strapiTmp'), 'strapi.log'), 'utf8');
    expect(log).toContain('project reports: unconfirmed ones are deleted after 7 days');
    expect(log).not.toContain('project report cleanup failed');
  });
});
