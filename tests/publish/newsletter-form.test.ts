/**
 * The newsletter sign-up as readers use it, in Chromium on the built site behind the local web server (which
 * passes /formulare/ on to the real Strapi, as nginx does), with a real SMTP server: without JavaScript (plain
 * posts answered by German pages) and with it (inline answers, linked field errors, focus), then the
 * confirmation link from the mail, and unsubscribing with the site's form.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailCatcher } from '@ikz/scripts/lib/mail-catcher';
import { WCAG_22_AA } from '../support/axe.ts';
import { collectCspViolations, launchChromium, layoutShift, observeLayoutShift } from '../support/browser.ts';
import { linkIn, mailsTo, waitForMails } from '../support/mailbox.ts';
import { nginxSiteCsp } from '../support/nginx-csp.ts';
import { SITE_URL, startMailPipeline, type MailPipeline, type Pipeline } from './harness.ts';

const UID = 'api::newsletter-subscriber.newsletter-subscriber';
let mailPipeline: MailPipeline;
let pipeline: Pipeline;
let catcher: MailCatcher;
let browser: Browser;
let jwt: string;

beforeAll(async () => {
  mailPipeline = await startMailPipeline('newsletter-form');
  ({ pipeline, catcher, jwt } = mailPipeline);
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await mailPipeline?.close();
});

async function subscriber(email: string): Promise<Record<string, any> | null> {
  const response = await fetch(
    `${pipeline.strapi.url}/content-manager/collection-types/${UID}?filters[email][$eq]=${encodeURIComponent(email)}`,
    { headers: { authorization: `Bearer ${jwt}` } },
  );
  return ((await response.json()) as { results: Record<string, any>[] }).results[0] ?? null;
}

/** A link of the site in a mail, on the local web server. */
const onLocalSite = (link: string) => `${pipeline.web.url}${link.slice(SITE_URL.length)}`;

async function newPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled,
    locale: 'de-DE',
    viewport: { width: 390, height: 844 },
  });
  return context.newPage();
}

describe('the newsletter sign-up in the browser', () => {
  it('works without JavaScript: German answer pages, the form again with its errors, then the confirmation', async () => {
    const page = await newPage(false);
    const email = 'ohne-js@kommune.example';
    await page.goto(`${pipeline.web.url}/newsletter/`);
    const form = page.locator('form#anmelden');
    expect(await form.getAttribute('method')).toBe('post');
    expect(await form.getAttribute('action')).toBe('/formulare/newsletter/anmelden');
    expect(await page.getByLabel('E-Mail-Adresse').count()).toBe(1);
    expect(await page.locator('#newsletter-consent').isChecked()).toBe(false);

    // Without the box ticked: the browser's own check would stop it; a reader whose browser does not check gets the page.
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await form.evaluate((f: HTMLFormElement) => (f.noValidate = true));
    await page.getByRole('button', { name: 'Newsletter abonnieren' }).click();
    await page.waitForURL(/\/formulare\/newsletter\/anmelden$/);
    expect(await page.locator('h1').textContent()).toBe('Bitte prüfen Sie Ihre Angaben');
    expect(await page.locator('#feld-consent').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#feld-email').inputValue()).toBe(email);
    expect(await subscriber(email)).toBeNull();

    await page.locator('#feld-consent').check();
    await page.getByRole('button', { name: 'Newsletter abonnieren' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Fast geschafft');
    const [mail] = await waitForMails(catcher.dir, email);
    const link = linkIn(mail!, `${SITE_URL}/formulare/newsletter/bestaetigen?t=`);

    await page.goto(onLocalSite(link));
    expect(await page.locator('h1').textContent()).toBe('Newsletter-Anmeldung bestätigen');
    await expect.poll(async () => (await subscriber(email))?.state).toBe('pending');
    await page.getByRole('button', { name: 'Anmeldung bestätigen' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Anmeldung bestätigt');
    expect((await subscriber(email))!.state).toBe('confirmed');
    await page.context().close();
  });

  it("answers inline with JavaScript under the site's CSP: errors linked to their fields, focus on the first, the answer in a status region, no layout shift", async () => {
    const page = await newPage(true);
    await observeLayoutShift(page);
    // The pages come with the CSP of the shipped nginx sample (the local web server sends none): the proof of work
    // (Web Crypto, a fetch to /formulare/challenge) must run under it without a single violation.
    const csp = nginxSiteCsp();
    expect(csp).toContain("script-src 'self'");
    await page.route(`${pipeline.web.url}/**`, async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    });
    const violations = await collectCspViolations(page);
    const email = 'mit-js@kommune.example';
    const posted: URLSearchParams[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/formulare/newsletter/anmelden'))
        posted.push(new URLSearchParams(request.postData() ?? ''));
    });
    await page.goto(`${pipeline.web.url}/newsletter/`);
    expect(await layoutShift(page)).toBeLessThan(0.01);
    const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).include('#anmelden').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByRole('button', { name: 'Newsletter abonnieren' }).click();
    const consent = page.locator('#newsletter-consent');
    await expect.poll(() => consent.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
    expect(await consent.getAttribute('aria-describedby')).toBe('newsletter-consent-fehler');
    expect(await page.locator('#newsletter-consent-fehler').textContent()).toMatch(/Bitte bestätigen Sie/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('newsletter-consent');
    expect(page.url()).toBe(`${pipeline.web.url}/newsletter/`);

    await consent.check();
    await page.getByRole('button', { name: 'Newsletter abonnieren' }).click();
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/E-Mail mit einem Bestätigungslink/);
    expect(await consent.getAttribute('aria-invalid')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    expect(page.url()).toBe(`${pipeline.web.url}/newsletter/`);
    // The page's script solved the proof of work (a fresh one per attempt), and the sign-up was not dropped as a bot's.
    expect(posted).toHaveLength(2);
    expect(posted.map((p) => p.get('altcha'))).toEqual([
      expect.stringMatching(/^[A-Za-z0-9+/=]{40,}$/),
      expect.stringMatching(/^[A-Za-z0-9+/=]{40,}$/),
    ]);
    expect(posted[0]!.get('altcha')).not.toBe(posted[1]!.get('altcha'));
    expect(posted[1]!.get('website')).toBe('');
    const [mail] = await waitForMails(catcher.dir, email);
    expect(mail!.subject).toBe('Bitte bestätigen Sie Ihre Newsletter-Anmeldung');
    await expect.poll(async () => (await subscriber(email))?.state).toBe('pending');
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it("links the form from every page's footer and unsubscribes with the form on /newsletter/abmelden/", async () => {
    const page = await newPage(false);
    await page.goto(`${pipeline.web.url}/`);
    await page.getByRole('link', { name: 'Newsletter abonnieren' }).click();
    await page.waitForURL(/\/newsletter\/#anmelden$/);

    const email = 'ohne-js@kommune.example'; // confirmed in the first test
    await page.goto(`${pipeline.web.url}/newsletter/abmelden/`);
    const before = (await mailsTo(catcher.dir, email)).length;
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByRole('button', { name: 'Abmeldelink anfordern' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('E-Mail unterwegs');
    const mails = await waitForMails(catcher.dir, email, before + 1);
    const link = linkIn(mails[mails.length - 1]!, `${SITE_URL}/formulare/newsletter/abmelden?t=`);
    await page.goto(onLocalSite(link));
    await page.getByRole('button', { name: 'Newsletter abbestellen' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Abgemeldet');
    expect(await subscriber(email)).toMatchObject({ state: 'unsubscribed', unsubscribeChannel: 'site-form' });
    await page.context().close();
  });
});

// This pipeline has a mail server but no IKZ_ADVICE_MAIL: the advisory request form must take nothing.
describe('the advisory request form without an advisory team address', () => {
  it('answers "derzeit nicht möglich" in German, stores nothing and sends no mail', async () => {
    const email = 'ohne-team@kommune.example';
    const fields = {
      municipality: '05314000',
      topic: 'Bauhof',
      question: 'Wie teilen wir uns einen Bauhof?',
      name: 'Erika Mustermann',
      email,
      consent: 'ja',
      website: '',
    };
    for (const accept of ['application/json', 'text/html']) {
      const response = await fetch(`${pipeline.strapi.url}/formulare/beratung/anfragen`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept },
        body: new URLSearchParams(fields).toString(),
      });
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(/Derzeit nicht möglich/);
    }
    const stored = await fetch(
      `${pipeline.strapi.url}/content-manager/collection-types/api::advice-request.advice-request?filters[email][$eq]=${encodeURIComponent(email)}`,
      { headers: { authorization: `Bearer ${jwt}` } },
    );
    expect(stored.status).toBe(200);
    expect(((await stored.json()) as { results: unknown[] }).results).toEqual([]);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsTo(catcher.dir, email)).toHaveLength(0);
  });
});
