/**
 * The newsletter in the real admin panel (Chromium): the subscribers' widget on the home page (and the export
 * only for administrators), a year shown as 2026 rather than 2.026, and an issue sent from its edit view – a test
 * mail first, then to every confirmed subscriber after a confirmation that names their number – with every mail
 * arriving once at the real SMTP server. Also in this admin (built once for both): the PDFs of a project report,
 * held back from /uploads/ until published, downloaded by an editor from the submission's edit view.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from '@ikz/scripts/lib/mail-catcher';
import { launchChromium } from '../support/browser.ts';
import { inviteEditor, type Editor } from '../support/editor.ts';
import { mailsTo, waitForMails } from '../support/mailbox.ts';
import { realPdf } from '../support/pdf-samples.ts';
import { reportFields } from '../support/project-report.ts';
import { adminJwt, startPipeline, type Pipeline } from './harness.ts';

let pipeline: Pipeline;
let catcher: MailCatcher;
let browser: Browser;
let jwt: string;
let editor: Editor;
const SUBSCRIBER_UID = 'api::newsletter-subscriber.newsletter-subscriber';
const ISSUE_UID = 'api::newsletter.newsletter';
const subscribers = ['leser-1@kommune-a.example', 'leserin-2@kommune-b.example'];

async function admin(
  pathname: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${pipeline.strapi.url}${pathname}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

beforeAll(async () => {
  catcher = await startMailCatcher({ dir: fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-newsletter-admin-mail-')) });
  pipeline = await startPipeline(
    'newsletter-admin',
    0.02,
    {
      SMTP_HOST: catcher.host,
      SMTP_PORT: String(catcher.port),
      MAIL_FROM: 'Interkommunales.NRW <newsletter@interkommunales.example>',
    },
    { adminPanel: true },
  );
  jwt = await adminJwt(pipeline.strapi);
  editor = await inviteEditor(pipeline.strapi.url, jwt);
  for (const email of subscribers) {
    const created = await admin(`/content-manager/collection-types/${SUBSCRIBER_UID}`, {
      method: 'POST',
      body: {
        email,
        state: 'confirmed',
        requestedAt: '2026-11-01T09:00:00.000Z',
        confirmedAt: '2026-11-01T09:05:00.000Z',
        consentVersion: 'test',
        unsubscribeSalt: `salt-${email}`,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await pipeline?.close();
  await catcher?.close();
  if (catcher) fs.rmSync(catcher.dir, { recursive: true, force: true });
});

async function loggedIn(email: string, password: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: 'de-DE', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${pipeline.strapi.url}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/admin(?!\/auth)/, { timeout: 60_000 });
  return { page, close: () => context.close() };
}

describe('the newsletter in the admin', () => {
  it('shows the subscribers by state on the home page, and lets only administrators export the addresses', async () => {
    const asAdmin = await loggedIn(pipeline.strapi.adminEmail, pipeline.strapi.adminPassword);
    await asAdmin.page.goto(`${pipeline.strapi.url}/admin`);
    await expect
      .poll(() => asAdmin.page.getByText('2 bestätigt', { exact: true }).count(), { timeout: 60_000 })
      .toBe(1);
    const [download] = await Promise.all([
      asAdmin.page.waitForEvent('download'),
      asAdmin.page.getByRole('button', { name: 'Adressen exportieren (CSV)' }).click(),
    ]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    for (const email of subscribers) expect(csv).toContain(email);
    await asAdmin.close();

    const asEditor = await loggedIn(editor.email, editor.password);
    await asEditor.page.goto(`${pipeline.strapi.url}/admin`);
    await expect
      .poll(() => asEditor.page.getByText('2 bestätigt', { exact: true }).count(), { timeout: 60_000 })
      .toBe(1);
    expect(await asEditor.page.getByRole('button', { name: 'Adressen exportieren (CSV)' }).count()).toBe(0);
    await asEditor.close();
  });

  it('writes a year as 2026, not 2.026, in the list and in the edit view', async () => {
    const { page, close } = await loggedIn(editor.email, editor.password);
    await page.goto(`${pipeline.strapi.url}/admin/content-manager/collection-types/${ISSUE_UID}`);
    const table = page.locator('table');
    await expect
      .poll(async () => (await table.textContent({ timeout: 60_000 })) ?? '', { timeout: 60_000 })
      .toMatch(/\b20\d\d\b/);
    expect((await table.textContent()) ?? '').not.toMatch(/\b2\.0\d\d\b/);
    await page.locator('table tbody tr').first().click();
    const year = page.getByRole('textbox', { name: 'Jahrgang', exact: true });
    await expect.poll(() => year.inputValue(), { timeout: 60_000 }).toMatch(/^20\d\d$/);
    await close();
  });

  it('sends a published issue: a test mail, then to every confirmed subscriber once, after a confirmation naming their number', async () => {
    // The newest published issue (the content manager's list would also give the seeded draft, which cannot be sent).
    const issues = await fetch(`${pipeline.strapi.url}/api/newsletters?sort=sentAt:desc&pagination[pageSize]=1`, {
      headers: { authorization: `Bearer ${pipeline.strapi.buildToken}` },
    });
    const issue = ((await issues.json()) as { data: { documentId: string; title: string }[] }).data[0]!;
    const { page, close } = await loggedIn(editor.email, editor.password);
    await page.goto(`${pipeline.strapi.url}/admin/content-manager/collection-types/${ISSUE_UID}/${issue.documentId}`);
    // The panel renders its form again once the issue's sending state has loaded: fill it after that.
    await page.getByRole('button', { name: 'Versenden …' }).waitFor({ timeout: 60_000 });
    await page.getByLabel('Testadresse').fill('pruefung@redaktion.example');
    await expect.poll(() => page.getByLabel('Testadresse').inputValue()).toBe('pruefung@redaktion.example');
    await page.getByRole('button', { name: 'Testversand' }).click();
    const [test] = await waitForMails(catcher.dir, 'pruefung@redaktion.example');
    expect(test!.subject).toMatch(/^\[Test\]/);

    await page.getByRole('button', { name: 'Versenden …' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect
      .poll(async () => (await dialog.textContent()) ?? '')
      .toContain('an 2 bestätigte Abonnentinnen und Abonnenten');
    await dialog.getByRole('button', { name: 'Jetzt an 2 versenden' }).click();
    await expect.poll(async () => await page.getByText(/^Versendet am/).count(), { timeout: 60_000 }).toBe(1);
    for (const email of subscribers) {
      const mails = await waitForMails(catcher.dir, email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe((test!.subject ?? '').replace(/^\[Test\]\s*/, ''));
    }
    // Sent once: the button is gone, and asking again is refused.
    expect(await page.getByRole('button', { name: 'Versenden …' }).count()).toBe(0);
    const again = await admin(`/ikz/newsletter/issues/${issue.documentId}/dispatch`, {
      method: 'POST',
      body: { expectedRecipients: 2 },
    });
    expect(again.status).toBe(409);
    expect((await mailsTo(catcher.dir, subscribers[0]!)).length).toBe(1);
    // The publishing widget on the home page tells the send's outcome.
    await page.goto(`${pipeline.strapi.url}/admin`);
    await expect
      .poll(async () => await page.getByText(/^Newsletter „.*“: Versendet am .* – 2 von 2 versendet\.$/).count(), {
        timeout: 60_000,
      })
      .toBe(1);
    await close();
  });
});

describe('the files of a project report in the admin', () => {
  it('lets an editor find one subscriber by address (states named in German) and delete it, as for a request for erasure', async () => {
    const { page, close } = await loggedIn(editor.email, editor.password);
    await page.goto(
      `${pipeline.strapi.url}/admin/content-manager/collection-types/${SUBSCRIBER_UID}?page=1&pageSize=10&_q=leserin-2`,
    );
    const table = page.locator('table');
    await expect
      .poll(async () => (await table.textContent({ timeout: 60_000 })) ?? '', { timeout: 60_000 })
      .toContain('leserin-2@kommune-b.example');
    const text = (await table.textContent()) ?? '';
    expect(text).not.toContain('leser-1@kommune-a.example');
    expect(text).toContain('bestätigt');
    expect(text).not.toMatch(/confirmed/);
    await page.getByRole('button', { name: 'Zeilenaktionen' }).first().click();
    await page.getByRole('menuitem', { name: /Eintrag löschen/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Bestätigen' }).click();
    const left = async () =>
      (
        await admin(
          `/content-manager/collection-types/${SUBSCRIBER_UID}?filters[email][$eq]=leserin-2%40kommune-b.example`,
        )
      ).body.results.length;
    await expect.poll(left, { timeout: 30_000 }).toBe(0);
    expect(
      (
        await admin(
          `/content-manager/collection-types/${SUBSCRIBER_UID}?filters[email][$eq]=leser-1%40kommune-a.example`,
        )
      ).body.results,
    ).toHaveLength(1);
    await close();
  });

  it("an editor downloads a PDF that Strapi holds back from /uploads/, from the submission's edit view", async () => {
    const topics = (await (
      await fetch(`${pipeline.strapi.url}/api/topics?fields[0]=slug&pagination[pageSize]=1`)
    ).json()) as { data: { slug: string }[] };
    const email = `bauamt-${Date.now()}@kommune-a.example`;
    const pdf = await realPdf(1);
    const form = new FormData();
    for (const [name, value] of Object.entries(reportFields(email, topics.data[0]!.slug)))
      for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
    form.append('documents', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'Satzung Bäder.pdf');
    const sent = await fetch(`${pipeline.strapi.url}/formulare/projekt-melden/senden`, {
      method: 'POST',
      headers: { accept: 'application/json' },
      body: form,
    });
    expect(sent.status, await sent.text()).toBe(200);
    const list = await admin(
      `/content-manager/collection-types/api::project-submission.project-submission?${new URLSearchParams({ 'filters[email][$eq]': email })}`,
    );
    const submission = list.body.results[0] as { documentId: string };
    const row = (
      await admin(
        `/content-manager/collection-types/api::project-submission.project-submission/${submission.documentId}`,
      )
    ).body.data as { files: { url: string }[] };
    expect((await fetch(`${pipeline.strapi.url}${row.files[0]!.url}`)).status).toBe(404);

    const { page, close } = await loggedIn(editor.email, editor.password);
    await page.goto(
      `${pipeline.strapi.url}/admin/content-manager/collection-types/api::project-submission.project-submission/${submission.documentId}`,
    );
    await page.getByText('Unterlagen aus der Meldung', { exact: true }).waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Satzung Bäder.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Satzung Bäder.pdf');
    expect(fs.readFileSync(await download.path()).equals(pdf)).toBe(true);
    await close();
  });
});
