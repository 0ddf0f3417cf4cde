/**
 * The advisory request form on /beratung/ in Debian's Chromium, with and without JavaScript, against the real
 * Strapi and SMTP server: the German pages and inline answers, the confirmation through the mailed link's
 * button, and the request reaching the advisory team's address with the requester as Reply-To.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailCatcher } from '@ikz/scripts/lib/mail-catcher';
import { WCAG_22_AA } from '../support/axe.ts';
import { launchChromium, layoutShift, observeLayoutShift } from '../support/browser.ts';
import { linkIn, mailsTo, waitForMails } from '../support/mailbox.ts';
import { SITE_URL, startMailPipeline, type MailPipeline, type Pipeline } from './harness.ts';

const TEAM = 'beratung@interkommunales.example';
const UID = 'api::advice-request.advice-request';
let mailPipeline: MailPipeline;
let pipeline: Pipeline;
let catcher: MailCatcher;
let browser: Browser;
let jwt: string;

beforeAll(async () => {
  mailPipeline = await startMailPipeline('advice-form', { IKZ_ADVICE_MAIL: TEAM });
  ({ pipeline, catcher, jwt } = mailPipeline);
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await mailPipeline?.close();
});

async function request(email: string): Promise<Record<string, any> | null> {
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

async function fillAllButMunicipality(page: Page, email: string, question: string): Promise<void> {
  await page.getByLabel('Thema').fill('Gemeinsamer Bauhof');
  await page.getByLabel('Ihre Frage').fill(question);
  await page.getByLabel('Name', { exact: true }).fill('Erika Mustermann');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel(/Ich bin damit einverstanden/).check();
}

describe('the advisory request form in the browser', () => {
  it('works without JavaScript: the form again with its errors and what was typed, then the confirmation and the mail to the team', async () => {
    const page = await newPage(false);
    const email = 'ohne-js@kommune.example';
    const question = 'Wie teilen wir uns einen Bauhof?\nMit zwei Nachbarn.';
    await page.goto(`${pipeline.web.url}/beratung/`);
    const form = page.locator('form#anfrage');
    expect(await form.getAttribute('method')).toBe('post');
    expect(await form.getAttribute('action')).toBe('/formulare/beratung/anfragen');
    expect(await page.locator('#beratung-municipality option').count()).toBe(428);

    await fillAllButMunicipality(page, email, question);
    await form.evaluate((f: HTMLFormElement) => (f.noValidate = true));
    await page.getByRole('button', { name: 'Anfrage senden' }).click();
    await page.waitForURL(/\/formulare\/beratung\/anfragen$/);
    expect(await page.locator('h1').textContent()).toBe('Bitte prüfen Sie Ihre Angaben');
    expect(await page.locator('#feld-municipality').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('link', { name: /Bitte wählen Sie eine Kommune aus/ }).getAttribute('href')).toBe(
      '#feld-municipality',
    );
    expect(await page.locator('#feld-question').inputValue()).toBe(question);
    expect(await page.locator('#feld-email').inputValue()).toBe(email);
    expect(await page.locator('#feld-consent').isChecked()).toBe(true);
    expect(await request(email)).toBeNull();

    await page.locator('#feld-municipality').selectOption({ label: 'Kreis Kleve' });
    await page.getByRole('button', { name: 'Anfrage senden' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Bitte bestätigen Sie Ihre Anfrage');
    const [mail] = await waitForMails(catcher.dir, email);
    expect(mail!.text).not.toContain('Bauhof');
    const link = linkIn(mail!, `${SITE_URL}/formulare/beratung/bestaetigen?t=`);

    await page.goto(onLocalSite(link));
    expect(await page.locator('h1').textContent()).toBe('Anfrage bestätigen');
    expect((await request(email))!.state).toBe('unbestätigt');
    await page.getByRole('button', { name: 'Anfrage bestätigen' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Anfrage bestätigt');
    const [team] = await waitForMails(catcher.dir, TEAM);
    expect(team!.subject).toBe('Beratungsanfrage aus Kreis Kleve');
    expect(team!.replyTo?.text).toBe(email);
    expect(team!.text).toContain(question);
    await waitForMails(catcher.dir, email, 2);
    expect(await request(email)).toMatchObject({ state: 'neu', municipality: 'Kreis Kleve', municipalityAgs: '05154' });
    await page.context().close();
  });

  it('answers inline with JavaScript at 320 px: errors linked to their fields, focus on the first, the answer in a status region', async () => {
    const page = await newPage(true, 320);
    await observeLayoutShift(page);
    const email = 'mit-js@kommune.example';
    const posted: URLSearchParams[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/formulare/beratung/anfragen'))
        posted.push(new URLSearchParams(r.postData() ?? ''));
    });
    await page.goto(`${pipeline.web.url}/beratung/`);
    await page.locator('#anfrage').scrollIntoViewIfNeeded();
    expect(await layoutShift(page)).toBeLessThan(0.01);
    const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).include('#anfrage').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    await fillAllButMunicipality(page, email, 'Wie gründen wir einen Zweckverband?');
    await page.getByRole('button', { name: 'Anfrage senden' }).click();
    const municipality = page.locator('#beratung-municipality');
    await expect.poll(() => municipality.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
    expect(await municipality.getAttribute('aria-describedby')).toBe('beratung-municipality-fehler');
    expect(await page.locator('#beratung-municipality-fehler').textContent()).toMatch(
      /Bitte wählen Sie eine Kommune aus/,
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('beratung-municipality');
    expect(await request(email)).toBeNull();

    await municipality.selectOption({ label: 'Bonn' });
    await page.getByRole('button', { name: 'Anfrage senden' }).click();
    const status = page.locator('#anfrage [role="status"]');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/E-Mail mit einem Bestätigungslink/);
    expect(await municipality.getAttribute('aria-invalid')).toBeNull();
    expect(page.url()).toBe(`${pipeline.web.url}/beratung/`);
    expect(posted).toHaveLength(2);
    for (const p of posted) expect(p.get('altcha')).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
    const [mail] = await waitForMails(catcher.dir, email);
    expect(mail!.subject).toBe('Bitte bestätigen Sie Ihre Anfrage');
    await expect.poll(async () => (await request(email))?.state).toBe('unbestätigt');
    expect(await mailsTo(catcher.dir, TEAM)).toHaveLength(1);
    await page.context().close();
  });
});
