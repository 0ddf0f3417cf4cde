/**
 * The project report form on /projekt-melden/ in Debian's Chromium, with and without JavaScript, against the
 * real Strapi and SMTP server: the German pages and inline answers, the confirmation through the mailed link's
 * button, and then a draft project and the editors' mail. A PDF sent with the report stays out of the site
 * until an editor publishes it with the project; then the site has it. With JavaScript, the municipalities
 * are chosen from suggestions as one types, by keyboard.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailCatcher } from '@ikz/scripts/lib/mail-catcher';
import { WCAG_22_AA } from '../support/axe.ts';
import { launchChromium, layoutShift, observeLayoutShift } from '../support/browser.ts';
import { linkIn, mailsTo, waitForMails } from '../support/mailbox.ts';
import { currentDir } from '@ikz/scripts/publisher/releases';
import { realPdf } from '../support/pdf-samples.ts';
import { SITE_URL, settle, startMailPipeline, type MailPipeline, type Pipeline } from './harness.ts';

const EDITORS = 'redaktion@interkommunales.example';
const UID = 'api::project-submission.project-submission';
let mailPipeline: MailPipeline;
let pipeline: Pipeline;
let catcher: MailCatcher;
let browser: Browser;
let jwt: string;
let pdfDir: string;
let pdfBytes: Buffer;
let pdfPath: string;

beforeAll(async () => {
  mailPipeline = await startMailPipeline('project-report-form', { IKZ_EDITORS_MAIL: EDITORS });
  ({ pipeline, catcher, jwt } = mailPipeline);
  browser = await launchChromium();
  pdfDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-report-pdf-'));
  pdfBytes = await realPdf(2);
  pdfPath = path.join(pdfDir, 'Vereinbarung Bauhof.pdf');
  fs.writeFileSync(pdfPath, pdfBytes);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await mailPipeline?.close();
  if (pdfDir) fs.rmSync(pdfDir, { recursive: true, force: true });
});

/** Every file of the live site release whose bytes are `bytes`. */
function siteFilesWith(bytes: Buffer): string[] {
  const root = currentDir(pipeline.publisher.releases);
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => fs.statSync(file).size === bytes.length && fs.readFileSync(file).equals(bytes))
    .map((file) => `/${path.relative(root, file)}`);
}

const cm = async (method: string, urlPath: string) => {
  const response = await fetch(`${pipeline.strapi.url}${urlPath}`, {
    method,
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: method === 'POST' ? '{}' : undefined,
  });
  expect(response.status, `${method} ${urlPath}`).toBeLessThan(300);
  return (await response.json()) as any;
};

async function submission(email: string): Promise<Record<string, any> | null> {
  const response = await fetch(
    `${pipeline.strapi.url}/content-manager/collection-types/${UID}?filters[email][$eq]=${encodeURIComponent(email)}`,
    { headers: { authorization: `Bearer ${jwt}` } },
  );
  return ((await response.json()) as { results: Record<string, any>[] }).results[0] ?? null;
}

const onLocalSite = (link: string) => `${pipeline.web.url}${link.slice(SITE_URL.length)}`;

async function newPage(javaScriptEnabled: boolean, width = 390): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, locale: 'de-DE', viewport: { width, height: 844 } });
  return context.newPage();
}

/** Everything but the lead municipality and the topics. */
async function fillRest(page: Page, email: string, title: string): Promise<void> {
  await page.getByLabel('Titel des Projekts').fill(title);
  await page.getByLabel('Kooperationsform').selectOption('Zweckverband');
  await page.getByLabel('Stand des Projekts').selectOption('Umsetzung');
  await page.getByLabel(/^Startjahr/).fill('2024');
  await page
    .getByLabel(/^Kurzbeschreibung/)
    .fill('Zwei Nachbarkommunen teilen sich einen Bauhof und den Winterdienst.');
  await page.getByLabel('Anlass (optional)').fill('Fachkräftemangel.\nTeure Fahrzeuge.');
  await page.getByLabel('Name der Ansprechperson').fill('Erika Mustermann');
  await page.getByLabel(/^E-Mail-Adresse/).fill(email);
  await page.getByLabel(/Ich bin damit einverstanden/).check();
}

describe('the project report form in the browser', () => {
  it("works without JavaScript: the form again with its errors and what was typed, then the confirmation, a draft and the editors' mail", async () => {
    const page = await newPage(false);
    const email = 'ohne-js@kommune.example';
    const title = 'Gemeinsamer Bauhof Nord';
    await page.goto(`${pipeline.web.url}/projekt-melden/`);
    const form = page.locator('form#meldung');
    expect(await form.getAttribute('method')).toBe('post');
    expect(await form.getAttribute('action')).toBe('/formulare/projekt-melden/senden');
    expect(await page.locator('#meldung-lead option').count()).toBe(428);
    expect(await page.locator('#meldung-municipalities input[type="checkbox"]').count()).toBe(427);
    expect(await page.locator('#meldung-topics input[type="checkbox"]').count()).toBeGreaterThan(1);
    expect(await page.locator('a[href^="mailto:"]', { hasText: 'projekte@' }).count()).toBe(0);

    await fillRest(page, email, title);
    await page.locator('#meldung-topics input[type="checkbox"]').first().check();
    await form.evaluate((f: HTMLFormElement) => (f.noValidate = true));
    await page.getByRole('button', { name: 'Projekt melden' }).click();
    await page.waitForURL(/\/formulare\/projekt-melden\/senden$/);
    expect(await page.locator('h1').textContent()).toBe('Bitte prüfen Sie Ihre Angaben');
    expect(await page.locator('#feld-lead').getAttribute('aria-invalid')).toBe('true');
    expect(
      await page.getByRole('link', { name: /federführende Kommune eine Kommune aus der Liste/ }).getAttribute('href'),
    ).toBe('#feld-lead');
    expect(await page.locator('#feld-title').inputValue()).toBe(title);
    expect(await page.locator('#feld-occasion').inputValue()).toBe('Fachkräftemangel.\nTeure Fahrzeuge.');
    expect(await page.locator('#feld-topics input:checked').count()).toBe(1);
    expect(await submission(email)).toBeNull();

    expect(await page.locator('#feld-documents').getAttribute('type')).toBe('file');
    await page.locator('#feld-lead').selectOption({ label: 'Kreis Kleve' });
    await page.locator('#feld-municipalities summary', { hasText: 'Regierungsbezirk Düsseldorf' }).click();
    await page.getByLabel('Emmerich am Rhein').check();
    await page.locator('#feld-documents').setInputFiles(pdfPath);
    await page.getByRole('button', { name: 'Projekt melden' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Bitte bestätigen Sie Ihre Meldung');
    const [mail] = await waitForMails(catcher.dir, email);
    expect(mail!.text).not.toContain('Bauhof');
    const link = linkIn(mail!, `${SITE_URL}/formulare/projekt-melden/bestaetigen?t=`);

    await page.goto(onLocalSite(link));
    expect(await page.locator('h1').textContent()).toBe('Meldung bestätigen');
    expect((await submission(email))!.state).toBe('unbestätigt');
    await page.getByRole('button', { name: 'Meldung bestätigen' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Meldung bestätigt');
    const [editors] = await waitForMails(catcher.dir, EDITORS);
    expect(editors!.subject).toBe(`Neue Projektmeldung: ${title}`);
    expect(editors!.text).toContain('Kreis Kleve');
    await waitForMails(catcher.dir, email, 2);
    const row = await submission(email);
    expect(row).toMatchObject({ state: 'neu', title, leadMunicipality: 'Kreis Kleve' });
    expect(row!.submitted.municipalities).toEqual(['05154008']);
    const draft = await fetch(
      `${pipeline.strapi.url}/content-manager/collection-types/api::project.project/${row!.projectDocumentId}`,
      { headers: { authorization: `Bearer ${jwt}` } },
    );
    expect(((await draft.json()) as { data: Record<string, any> }).data).toMatchObject({
      title,
      publishedAt: null,
      projectStatus: 'Umsetzung',
    });

    // The PDF: a draft document of the draft project, on no page and in no file of the site.
    const documents = (
      await cm(
        'GET',
        `/content-manager/relations/api::project.project/${row!.projectDocumentId}/documents?status=draft`,
      )
    ).results as { documentId: string; title: string }[];
    expect(documents.map((d) => d.title)).toEqual(['Vereinbarung Bauhof']);
    await settle(pipeline.publisher);
    expect(siteFilesWith(pdfBytes)).toEqual([]);
    // The editor publishes the document and the project: the site has the file, linked from the project's page.
    await cm(
      'POST',
      `/content-manager/collection-types/api::document.document/${documents[0]!.documentId}/actions/publish`,
    );
    const project = await cm(
      'POST',
      `/content-manager/collection-types/api::project.project/${row!.projectDocumentId}/actions/publish`,
    );
    await expect.poll(() => siteFilesWith(pdfBytes).length, { timeout: 120_000, interval: 500 }).toBe(1);
    await settle(pipeline.publisher);
    const [onSite] = siteFilesWith(pdfBytes);
    expect(onSite).toMatch(/^\/dateien\/.+\.pdf$/);
    await page.goto(`${pipeline.web.url}/projekte/${project.data.slug}/`);
    await page.getByRole('link', { name: 'Vereinbarung Bauhof' }).click();
    expect(await page.locator(`a[href="${onSite}"]`).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('answers inline with JavaScript at 320 px: errors linked to their fields, focus on the first, the answer in a status region', async () => {
    const page = await newPage(true, 320);
    await observeLayoutShift(page);
    const email = 'mit-js@kommune.example';
    // What the page's script sends (Chromium does not hand out bodies with files): recorded from its fetch.
    await page.addInitScript(() => {
      const sent: [string, string][][] = [];
      (window as unknown as { __sent: typeof sent }).__sent = sent;
      const original = window.fetch.bind(window);
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        if (init?.body instanceof FormData)
          sent.push(
            Array.from(init.body as unknown as Iterable<[string, FormDataEntryValue]>, ([name, value]) => [
              name,
              typeof value === 'string' ? value : `${value.name} (${value.size} Bytes, ${value.type})`,
            ]),
          );
        return original(input, init);
      };
    });
    const posted = () => page.evaluate(() => (window as unknown as { __sent: [string, string][][] }).__sent);
    const all = (entries: [string, string][], name: string) => entries.filter(([n]) => n === name).map(([, v]) => v);
    await page.goto(`${pipeline.web.url}/projekt-melden/`);
    await page.locator('#meldung').scrollIntoViewIfNeeded();
    expect(await layoutShift(page)).toBeLessThan(0.01);
    const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).include('#meldung').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    await fillRest(page, email, 'Interkommunales Rechenzentrum');
    // The lead municipality from the suggestions, by keyboard: „münster“ offers Münster first.
    const lead = page.getByRole('combobox', { name: 'Federführende Kommune' });
    expect(await page.locator('#meldung-lead').isHidden()).toBe(true);
    await lead.pressSequentially('münster');
    const leadList = page.locator(`#${await lead.getAttribute('aria-controls')}`);
    await expect
      .poll(() => leadList.locator('[role="option"]').allTextContents())
      .toEqual([
        'Münster – Regierungsbezirk Münster',
        'Bad Münstereifel – Regierungsbezirk Köln',
        'Marienmünster – Regierungsbezirk Detmold',
      ]);
    expect(await lead.getAttribute('aria-expanded')).toBe('true');
    await expect
      .poll(() => page.locator('#meldung .combobox-status').first().textContent())
      .toBe('3 Kommunen gefunden. Mit Pfeiltasten auswählen, mit Eingabetaste übernehmen.');
    const open = await new AxeBuilder({ page }).withTags(WCAG_22_AA).include('#meldung').analyze();
    expect(open.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await lead.press('ArrowDown');
    expect(await lead.getAttribute('aria-activedescendant')).toBe(
      await leadList.locator('[role="option"]').first().getAttribute('id'),
    );
    await lead.press('Enter');
    expect(await lead.inputValue()).toBe('Münster');
    expect(await lead.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#meldung-lead').inputValue()).toBe('05515000');
    // A participating one: „Sankt“ offers Sankt Augustin; chosen, its checkbox is ticked and it is listed.
    const others = page.getByRole('combobox', { name: 'Kommune suchen und hinzufügen' });
    await others.pressSequentially('Sankt');
    const othersList = page.locator(`#${await others.getAttribute('aria-controls')}`);
    await expect
      .poll(() => othersList.locator('[role="option"]').allTextContents())
      .toEqual(['Sankt Augustin – Regierungsbezirk Köln']);
    await others.press('ArrowDown');
    await others.press('Enter');
    expect(await others.inputValue()).toBe('');
    expect(await page.locator('#meldung-kommune-05382056').isChecked()).toBe(true);
    expect(await page.getByRole('button', { name: 'Sankt Augustin entfernen' }).count()).toBe(1);
    await page.locator('#meldung-documents').setInputFiles(pdfPath);
    await page.getByRole('button', { name: 'Projekt melden' }).click();
    const topics = page.locator('#meldung-topics');
    await expect.poll(() => topics.getAttribute('aria-describedby'), { timeout: 20_000 }).toBe('meldung-topics-fehler');
    expect(await page.locator('#meldung-topics-fehler').textContent()).toBe(
      'Bitte wählen Sie mindestens ein Handlungsfeld aus.',
    );
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('topics');
    expect(await submission(email)).toBeNull();

    await page.locator('#meldung-topics input[type="checkbox"]').nth(1).check();
    await page.getByRole('button', { name: 'Projekt melden' }).click();
    const status = page.locator('#meldung [role="status"]');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/E-Mail mit einem Bestätigungslink/);
    expect(await topics.getAttribute('aria-describedby')).toBeNull();
    expect(page.url()).toBe(`${pipeline.web.url}/projekt-melden/`);
    const sent = await posted();
    expect(sent).toHaveLength(2);
    for (const p of sent) expect(all(p, 'altcha')[0]).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
    expect(all(sent[1]!, 'topics')).toHaveLength(1);
    expect(all(sent[1]!, 'lead')).toEqual(['05515000']);
    expect(all(sent[1]!, 'municipalities')).toEqual(['05382056']);
    expect(all(sent[1]!, 'documents')).toEqual([`Vereinbarung Bauhof.pdf (${pdfBytes.length} Bytes, application/pdf)`]);
    const [mail] = await waitForMails(catcher.dir, email);
    expect(mail!.subject).toBe('Bitte bestätigen Sie Ihre Projektmeldung');
    await expect.poll(async () => (await submission(email))?.state, { timeout: 10_000 }).toBe('unbestätigt');
    const stored = await cm('GET', `/content-manager/collection-types/${UID}/${(await submission(email))!.documentId}`);
    expect(stored.data.files.map((f: { name: string }) => f.name)).toEqual(['Vereinbarung Bauhof.pdf']);
    expect(await mailsTo(catcher.dir, EDITORS)).toHaveLength(1);
    await page.context().close();
  });
});
