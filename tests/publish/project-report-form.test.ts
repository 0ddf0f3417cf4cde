/**
 * The project report form on /projekt-melden/ in Debian's Chromium, with and without JavaScript, against the
 * real Strapi and SMTP server: the German pages and inline answers, the confirmation through the mailed link's
 * button, and then a draft project and the editors' mail.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailCatcher } from '@ikz/scripts/lib/mail-catcher';
import { WCAG_22_AA } from '../support/axe.ts';
import { launchChromium, layoutShift, observeLayoutShift } from '../support/browser.ts';
import { linkIn, mailsTo, waitForMails } from '../support/mailbox.ts';
import { SITE_URL, startMailPipeline, type MailPipeline, type Pipeline } from './harness.ts';

const EDITORS = 'redaktion@interkommunales.example';
const UID = 'api::project-submission.project-submission';
let mailPipeline: MailPipeline;
let pipeline: Pipeline;
let catcher: MailCatcher;
let browser: Browser;
let jwt: string;

beforeAll(async () => {
  mailPipeline = await startMailPipeline('project-report-form', { IKZ_EDITORS_MAIL: EDITORS });
  ({ pipeline, catcher, jwt } = mailPipeline);
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await mailPipeline?.close();
});

async function submission(email: string): Promise<Record<string, any> | null> {
  const response = await fetch(`${pipeline.strapi.url}/content-manager/collection-types/${UID}?filters[email][$eq]=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${jwt}` } });
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
  await page.getByLabel(/^Kurzbeschreibung/).fill('Zwei Nachbarkommunen teilen sich einen Bauhof und den Winterdienst.');
  await page.getByLabel('Anlass (optional)').fill('Fachkräftemangel.\nTeure Fahrzeuge.');
  await page.getByLabel('Name der Ansprechperson').fill('Erika Mustermann');
  await page.getByLabel(/^E-Mail-Adresse/).fill(email);
  await page.getByLabel(/Ich bin damit einverstanden/).check();
}

describe('the project report form in the browser', () => {
  it('works without JavaScript: the form again with its errors and what was typed, then the confirmation, a draft and the editors\' mail', async () => {
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
    expect(await page.getByRole('link', { name: /federführende Kommune eine Kommune aus der Liste/ }).getAttribute('href')).toBe('#feld-lead');
    expect(await page.locator('#feld-title').inputValue()).toBe(title);
    expect(await page.locator('#feld-occasion').inputValue()).toBe('Fachkräftemangel.\nTeure Fahrzeuge.');
    expect(await page.locator('#feld-topics input:checked').count()).toBe(1);
    expect(await submission(email)).toBeNull();

    await page.locator('#feld-lead').selectOption({ label: 'Kreis Kleve' });
    await page.locator('#feld-municipalities summary', { hasText: 'Regierungsbezirk Düsseldorf' }).click();
    await page.getByLabel('Emmerich am Rhein').check();
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
    const draft = await fetch(`${pipeline.strapi.url}/content-manager/collection-types/api::project.project/${row!.projectDocumentId}`, { headers: { authorization: `Bearer ${jwt}` } });
    expect(((await draft.json()) as { data: Record<string, any> }).data).toMatchObject({ title, publishedAt: null, projectStatus: 'Umsetzung' });
    await page.context().close();
  });

  it('answers inline with JavaScript at 320 px: errors linked to their fields, focus on the first, the answer in a status region', async () => {
    const page = await newPage(true, 320);
    await observeLayoutShift(page);
    const email = 'mit-js@kommune.example';
    const posted: URLSearchParams[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/formulare/projekt-melden/senden')) posted.push(new URLSearchParams(r.postData() ?? ''));
    });
    await page.goto(`${pipeline.web.url}/projekt-melden/`);
    await page.locator('#meldung').scrollIntoViewIfNeeded();
    expect(await layoutShift(page)).toBeLessThan(0.01);
    const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).include('#meldung').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    await fillRest(page, email, 'Interkommunales Rechenzentrum');
    await page.locator('#meldung-lead').selectOption({ label: 'Bonn' });
    await page.getByRole('button', { name: 'Projekt melden' }).click();
    const topics = page.locator('#meldung-topics');
    await expect.poll(() => topics.getAttribute('aria-describedby'), { timeout: 20_000 }).toBe('meldung-topics-fehler');
    expect(await page.locator('#meldung-topics-fehler').textContent()).toBe('Bitte wählen Sie mindestens ein Handlungsfeld aus.');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('topics');
    expect(await submission(email)).toBeNull();

    await page.locator('#meldung-topics input[type="checkbox"]').nth(1).check();
    await page.getByRole('button', { name: 'Projekt melden' }).click();
    const status = page.locator('#meldung [role="status"]');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/E-Mail mit einem Bestätigungslink/);
    expect(await topics.getAttribute('aria-describedby')).toBeNull();
    expect(page.url()).toBe(`${pipeline.web.url}/projekt-melden/`);
    expect(posted).toHaveLength(2);
    for (const p of posted) expect(p.get('altcha')).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
    expect(posted[1]!.getAll('topics')).toHaveLength(1);
    const [mail] = await waitForMails(catcher.dir, email);
    expect(mail!.subject).toBe('Bitte bestätigen Sie Ihre Projektmeldung');
    await expect.poll(async () => (await submission(email))?.state).toBe('unbestätigt');
    expect(await mailsTo(catcher.dir, EDITORS)).toHaveLength(1);
    await page.context().close();
  });
});
