/**
 * PDF documents sent with a project report, against the real Strapi: checked by content, stored in the media
 * library and attached to the submission, made draft documents of the draft project at the confirmation –
 * and held back until an editor publishes them: Strapi's /uploads/ answers 404 in every spelling, the
 * content API's file list (build token) leaves them out. Published, they are served as a download. Fakes,
 * oversized files and too many files store nothing; deleting a submission deletes its files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MAX_FORM_FILE_BYTES, MAX_FORM_FILES } from '@ikz/shared-types/form-uploads';
import { inviteEditor } from '../support/editor.ts';
import { linkIn, waitForMails } from '../support/mailbox.ts';
import { fakePdfs, pdfWithJavaScript, realPdf } from '../support/pdf-samples.ts';
import { reportFields, type ReportBody } from '../support/project-report.ts';
import { rawGet } from '../support/raw-get.ts';

const UID = 'api::project-submission.project-submission';
const PROJECT = 'api::project.project';
const DOCUMENT = 'api::document.document';
const strapiUrl = () => inject('strapiUrl');
const admin = () => ({ authorization: `Bearer ${inject('adminJwt')}`, 'content-type': 'application/json' });
const build = () => ({ authorization: `Bearer ${inject('buildToken')}` });
const uploadsDir = () => path.join(inject('strapiTmp'), 'public', 'uploads');
const filesOnDisk = () =>
  fs
    .readdirSync(uploadsDir())
    .filter((name) => !name.startsWith('.'))
    .sort();

let clientCounter = 0;
const runId = Math.floor(Math.random() * 200) + 20;
const newClient = () => `203.0.${runId}.${++clientCounter}`;
const newAddress = () => `bauamt-${randomUUID()}@example.org`;

type Part = { name: string; bytes: Buffer; type?: string; field?: string };

async function submit(
  fields: ReportBody,
  parts: Part[],
  json = true,
): Promise<{ status: number; body: any; text: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  for (const part of parts)
    form.append(
      part.field ?? 'documents',
      new Blob([new Uint8Array(part.bytes)], { type: part.type ?? 'application/pdf' }),
      part.name,
    );
  const response = await fetch(`${strapiUrl()}/formulare/projekt-melden/senden`, {
    method: 'POST',
    headers: { 'x-forwarded-for': newClient(), ...(json ? { accept: 'application/json' } : {}) },
    body: form,
  });
  const text = await response.text();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {
    // an HTML page
  }
  return { status: response.status, body, text };
}

async function cm(method: string, urlPath: string, body?: unknown): Promise<any> {
  const response = await fetch(`${strapiUrl()}${urlPath}`, {
    method,
    headers: admin(),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${method} ${urlPath}: ${response.status}`).toBeLessThan(300);
  return response.json();
}

async function submissionOf(email: string, ready: (row: any) => boolean = () => true): Promise<any> {
  const until = Date.now() + 10_000;
  for (;;) {
    const list = await cm(
      'GET',
      `/content-manager/collection-types/${UID}?${new URLSearchParams({ 'filters[email][$eq]': email })}`,
    );
    const found = list.results[0];
    if (found) {
      const row = (await cm('GET', `/content-manager/collection-types/${UID}/${found.documentId}`)).data;
      if (ready(row)) return row;
    }
    if (Date.now() > until) throw new Error(`${email}: no submission`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function submissionsOf(email: string): Promise<unknown[]> {
  return (
    await cm('GET', `/content-manager/collection-types/${UID}?${new URLSearchParams({ 'filters[email][$eq]': email })}`)
  ).results;
}

async function uploadCount(): Promise<number> {
  return (await cm('GET', '/upload/files?page=1&pageSize=1')).pagination.total;
}

/** The spellings of an upload's path an attacker tries (see tests/api/uploads.test.ts). */
function spellings(url: string): string[] {
  const name = url.slice('/uploads/'.length);
  const stem = name.slice(0, name.lastIndexOf('.'));
  return [
    url,
    `/%75ploads/${name}`,
    `/%2575ploads/${name}`,
    `//uploads/${name}`,
    `/uploads//${name}`,
    `/x/../uploads/${name}`,
    `/uploads%2f${name}`,
    `/UPLOADS/${name}`,
    `/uploads/${name.toUpperCase()}`,
    `/uploads/${stem}.%70df`,
    `/uploads/${encodeURIComponent(name).replace(/_/g, '%5F')}`,
    `/uploads/${name}?download=1`,
    `/uploads\\${name}`,
  ];
}

let topic = '';
const made: { projects: string[]; documents: string[]; submissions: string[] } = {
  projects: [],
  documents: [],
  submissions: [],
};
beforeAll(async () => {
  const response = await fetch(`${strapiUrl()}/api/topics?fields[0]=slug&pagination[pageSize]=1&sort=slug`);
  topic = ((await response.json()) as { data: { slug: string }[] }).data[0]!.slug;
});
afterAll(async () => {
  for (const id of made.projects) await cm('DELETE', `/content-manager/collection-types/${PROJECT}/${id}`);
  for (const id of made.documents) await cm('DELETE', `/content-manager/collection-types/${DOCUMENT}/${id}`);
  for (const id of made.submissions)
    await fetch(`${strapiUrl()}/content-manager/collection-types/${UID}/${id}`, { method: 'DELETE', headers: admin() });
});

describe('documents sent with a project report', () => {
  it('are stored for the editors, held back until published, then served as a download', async () => {
    const email = newAddress();
    const fields = reportFields(email, topic);
    const answer = await submit(fields, [
      { name: '../Vereinbarung Bauhof<script>.PDF', bytes: await realPdf(2), type: 'text/html' },
      { name: 'Ratsbeschluss_Münster.pdf', bytes: await realPdf(1) },
    ]);
    expect(answer.status, answer.text).toBe(200);
    const row = await submissionOf(email);
    made.submissions.push(row.documentId);
    // The upload service stores files side by side: their order is not kept.
    expect(row.files.map((f: any) => f.name).sort()).toEqual([
      'Ratsbeschluss_Münster.pdf',
      'Vereinbarung Bauhof_script_.pdf',
    ]);
    for (const file of row.files) {
      expect(file).toMatchObject({ mime: 'application/pdf', ext: '.pdf' });
      expect(file.url).toMatch(/^\/uploads\/[^/]+\.pdf$/);
    }
    const urls: string[] = row.files.map((f: any) => f.url);
    const ids: number[] = row.files.map((f: any) => f.id);

    const expectHeld = async (when: string) => {
      for (const url of urls) {
        expect(fs.existsSync(path.join(uploadsDir(), url.slice('/uploads/'.length))), `${when}: on disk`).toBe(true);
        for (const spelling of spellings(url))
          expect((await rawGet(strapiUrl(), spelling)).status, `${when}: ${spelling}`).toBe(404);
      }
      const listed = await fetch(`${strapiUrl()}/api/upload/files`, { headers: build() });
      expect(listed.status).toBe(200);
      const listedIds = ((await listed.json()) as { id: number }[]).map((f) => f.id);
      for (const id of ids) expect(listedIds, when).not.toContain(id);
      for (const id of ids)
        expect((await fetch(`${strapiUrl()}/api/upload/files/${id}`, { headers: build() })).status, when).toBe(404);
      expect((await fetch(`${strapiUrl()}/api/upload/files`)).status).toBe(403);
    };
    await expectHeld('submitted');

    // Confirmed: every file is a draft "Dokument" of the draft project, still held back.
    const [mail] = await waitForMails(inject('mailDir'), email, 1);
    const link = linkIn(mail!, `${inject('siteUrl')}/formulare/projekt-melden/bestaetigen?t=`);
    const token = new URL(link).searchParams.get('t')!;
    const confirm = await fetch(`${strapiUrl()}/formulare/projekt-melden/bestaetigen`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'x-forwarded-for': newClient(),
      },
      body: new URLSearchParams({ t: token }).toString(),
    });
    expect(confirm.status).toBe(200);
    const confirmed = await submissionOf(email, (r) => r.projectDocumentId !== null);
    made.projects.push(confirmed.projectDocumentId);
    const related = await cm(
      'GET',
      `/content-manager/relations/${PROJECT}/${confirmed.projectDocumentId}/documents?status=draft`,
    );
    const documents = related.results as { documentId: string; title: string }[];
    made.documents.push(...documents.map((d) => d.documentId));
    expect(documents.map((d) => d.title).sort()).toEqual(
      ['Ratsbeschluss Münster', 'Vereinbarung Bauhof script'].sort(),
    );
    for (const document of documents) {
      const draft = (await cm('GET', `/content-manager/collection-types/${DOCUMENT}/${document.documentId}`)).data;
      expect(draft).toMatchObject({ type: 'Sonstiges', publishedAt: null });
      expect(ids).toContain(draft.file.id);
    }
    await expectHeld('confirmed');
    // The editor deletes the submission: the files stay with the draft documents, still held back.
    await cm('DELETE', `/content-manager/collection-types/${UID}/${confirmed.documentId}`);
    await expectHeld('submission deleted');

    // An editor publishes the documents and the project: the files are served, as downloads that never run.
    for (const document of documents)
      await cm('POST', `/content-manager/collection-types/${DOCUMENT}/${document.documentId}/actions/publish`, {});
    await cm('POST', `/content-manager/collection-types/${PROJECT}/${confirmed.projectDocumentId}/actions/publish`, {});
    for (const url of urls) {
      const served = await rawGet(strapiUrl(), url);
      expect(served.status, url).toBe(200);
      expect(served.body.startsWith('%PDF-')).toBe(true);
      expect(served.headers['content-type']).toBe('application/pdf');
      expect(served.headers['content-disposition']).toBe('attachment');
      expect(served.headers['x-content-type-options']).toBe('nosniff');
    }
    const listed = (
      (await (await fetch(`${strapiUrl()}/api/upload/files`, { headers: build() })).json()) as { id: number }[]
    ).map((f) => f.id);
    for (const id of ids) expect(listed).toContain(id);
    const published = await fetch(
      `${strapiUrl()}/api/projects?${new URLSearchParams({ 'filters[documentId][$eq]': confirmed.projectDocumentId, 'populate[documents][populate][0]': 'file' })}`,
    );
    const project = ((await published.json()) as { data: { documents: { file: { url: string } }[] }[] }).data[0]!;
    expect(project.documents.map((d) => d.file.url).sort()).toEqual([...urls].sort());
  });

  it('editors download them before publication through the admin route; nobody else, and no other file', async () => {
    const email = newAddress();
    const pdf = await realPdf(1);
    const answer = await submit(reportFields(email, topic), [{ name: 'Satzung Zweckverband Bäder.pdf', bytes: pdf }]);
    expect(answer.status, answer.text).toBe(200);
    const row = await submissionOf(email);
    made.submissions.push(row.documentId);
    const [file] = row.files as { id: number; url: string }[];
    expect((await rawGet(strapiUrl(), file!.url)).status).toBe(404);

    const route = (id: string | number) => `${strapiUrl()}/ikz/report-files/${id}`;
    const superAdmin = await fetch(route(file!.id), { headers: { authorization: `Bearer ${inject('adminJwt')}` } });
    expect(superAdmin.status).toBe(200);
    expect(Buffer.from(await superAdmin.arrayBuffer()).equals(pdf)).toBe(true);
    expect(superAdmin.headers.get('content-type')).toBe('application/pdf');
    expect(superAdmin.headers.get('content-disposition')).toBe(
      `attachment; filename="Satzung Zweckverband Bader.pdf"; filename*=UTF-8''${encodeURIComponent('Satzung Zweckverband Bäder.pdf')}`,
    );
    expect(superAdmin.headers.get('x-content-type-options')).toBe('nosniff');
    expect(superAdmin.headers.get('cache-control')).toBe('no-store');
    expect(superAdmin.headers.get('content-security-policy')).toContain('sandbox');

    const editor = await inviteEditor(strapiUrl(), inject('adminJwt'));
    expect((await fetch(route(file!.id), { headers: { authorization: `Bearer ${editor.token}` } })).status).toBe(200);
    // No admin session: not with the build token, not without anything, not with a forged token.
    for (const headers of [{}, build(), { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' }]) {
      expect((await fetch(route(file!.id), { headers })).status, JSON.stringify(headers)).toBe(401);
    }
    // Only files that came with a report, and only plain ids.
    const others = (await cm('GET', '/upload/files?page=1&pageSize=50')).results as {
      id: number;
      caption: string | null;
    }[];
    const other = others.find((f) => f.caption !== 'Aus einer Projektmeldung (/projekt-melden/)' && f.id !== file!.id);
    expect(other).toBeDefined();
    expect((await fetch(route(other!.id), { headers: admin() })).status).toBe(404);
    for (const id of ['0', '-1', `${file!.id}.0`, `0${file!.id}`, `${file!.id}%20`, 'abc', '99999999']) {
      expect((await fetch(route(id), { headers: admin() })).status, id).toBe(404);
    }
    // Still held back on Strapi's own path.
    expect((await rawGet(strapiUrl(), file!.url)).status).toBe(404);
  });

  it('an empty file field (no file chosen) is no file', async () => {
    const email = newAddress();
    const answer = await submit(reportFields(email, topic), [
      { name: '', bytes: Buffer.alloc(0), type: 'application/octet-stream' },
    ]);
    expect(answer.status, answer.text).toBe(200);
    const row = await submissionOf(email);
    made.submissions.push(row.documentId);
    expect(row.files ?? []).toHaveLength(0);
  });

  it('leave with their submission when it is deleted', async () => {
    const email = newAddress();
    expect((await submit(reportFields(email, topic), [{ name: 'Satzung.pdf', bytes: await realPdf() }])).status).toBe(
      200,
    );
    const row = await submissionOf(email, (r) => r.files?.length === 1);
    const stored = path.join(uploadsDir(), row.files[0].url.slice('/uploads/'.length));
    expect(fs.existsSync(stored)).toBe(true);
    const before = await uploadCount();
    await cm('DELETE', `/content-manager/collection-types/${UID}/${row.documentId}`);
    expect(fs.existsSync(stored)).toBe(false);
    expect(await uploadCount()).toBe(before - 1);
  });
});

describe('bad files with a project report', () => {
  const cases: [string, () => Promise<Part[]>, RegExp][] = [
    [
      'HTML renamed .pdf',
      async () => [{ name: 'Vertrag.pdf', bytes: (await fakePdfs()).htmlRenamed }],
      /„Vertrag\.pdf“ wurde nicht angenommen: Die Datei ist kein PDF-Dokument/,
    ],
    [
      'a PDF header followed by HTML',
      async () => [{ name: 'Vertrag.pdf', bytes: (await fakePdfs()).headerThenHtml }],
      /Webseiten-Code/,
    ],
    [
      'HTML appended to a PDF',
      async () => [{ name: 'Vertrag.pdf', bytes: (await fakePdfs()).htmlAppended }],
      /Webseiten-Code/,
    ],
    [
      'a PDF with JavaScript',
      async () => [{ name: 'Vertrag.pdf', bytes: await pdfWithJavaScript() }],
      /Skripte, eingebettete Dateien/,
    ],
    [
      'a PNG',
      async () => [{ name: 'Plan.png', bytes: (await fakePdfs()).png, type: 'image/png' }],
      /kein PDF-Dokument/,
    ],
    [
      'an oversized PDF',
      async () => [{ name: 'Gross.pdf', bytes: await realPdf(1, MAX_FORM_FILE_BYTES + 1024) }],
      /größer als 10 MB/,
    ],
    [
      'more files than allowed',
      async () =>
        Promise.all(
          Array.from({ length: MAX_FORM_FILES + 1 }, async (_, i) => ({
            name: `Teil${i}.pdf`,
            bytes: await realPdf(),
          })),
        ),
      /höchstens 3 PDF-Dateien/,
    ],
    [
      'a file in another field',
      async () => [{ name: 'Vertrag.pdf', bytes: await realPdf(), field: 'summary' }],
      /Das Feld „summary“ nimmt keine Dateien an/,
    ],
    [
      'a flood of files',
      async () =>
        Array.from({ length: 4 * MAX_FORM_FILES + 1 }, (_, i) => ({
          name: `Teil${i}.pdf`,
          bytes: Buffer.from('%PDF-1.7\n%%EOF\n'),
        })),
      /höchstens 3 PDF-Dateien/,
    ],
  ];

  it.each(cases)('%s → German 400 (on the file field), nothing stored', async (name, parts, message) => {
    const email = newAddress();
    const diskBefore = filesOnDisk();
    const countBefore = await uploadCount();
    const answer = await submit(reportFields(email, topic), await parts());
    expect(answer.status).toBe(400);
    expect(answer.body.ok).toBe(false);
    const linked = !['a file in another field', 'a flood of files'].includes(name);
    expect(linked ? answer.body.errors.documents : answer.body.message).toMatch(message);
    await new Promise((r) => setTimeout(r, 200));
    expect(await submissionsOf(email)).toHaveLength(0);
    expect(await uploadCount()).toBe(countBefore);
    expect(filesOnDisk()).toEqual(diskBefore);
  });

  it('without JavaScript, the answer page links the message to the file field and asks for the files again', async () => {
    const email = newAddress();
    const refused = await submit(
      reportFields(email, topic),
      [{ name: 'Vertrag.pdf', bytes: (await fakePdfs()).headerThenHtml }],
      false,
    );
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<a href="#feld-documents">Die Datei „Vertrag.pdf“ wurde nicht angenommen');
    expect(refused.text).toMatch(
      /<input id="feld-documents" name="documents" type="file" accept="application\/pdf,\.pdf" multiple aria-invalid="true" aria-describedby="feld-documents-fehler">/,
    );
    expect(refused.text).toContain('enctype="multipart/form-data"');
    const otherField = await submit(
      reportFields(email, topic, { lead: '05999999' }),
      [{ name: 'Vertrag.pdf', bytes: await realPdf() }],
      false,
    );
    expect(otherField.status).toBe(400);
    expect(otherField.text).toContain('Bitte wählen Sie Ihre PDF-Dateien erneut aus.');
    expect(await submissionsOf(email)).toHaveLength(0);
  });
});
