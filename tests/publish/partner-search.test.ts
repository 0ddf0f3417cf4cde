/**
 * The Partnersuche end to end in Debian's Chromium, against the real Strapi, SMTP server and publisher: a
 * municipality enters a search without JavaScript (the German page with the form again, then the confirmation),
 * an editor publishes it and the site shows it; a reader answers with JavaScript at 320 px (errors inline and
 * linked, axe clean) and without it, confirms, and the poster receives the relayed reply. When the entry's end
 * has passed, Strapi's job unpublishes it at its next run and the rebuilt site no longer has it.
 */
import AxeBuilder from '@axe-core/playwright';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, berlinDay } from '@ikz/shared-types/partner-search';
import type { MailCatcher } from '@ikz/scripts/lib/mail-catcher';
import { WCAG_22_AA } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { linkIn, mailsTo, waitForMails } from '../support/mailbox.ts';
import {
  adminAction,
  SITE_URL,
  startMailPipeline,
  waitForBuilds,
  type MailPipeline,
  type Pipeline,
} from './harness.ts';

const EDITORS = 'redaktion@interkommunales.example';
const ENTRY = 'api::partner-search.partner-search';
const SUBMISSION = 'api::partner-search-submission.partner-search-submission';
const POSTER = 'hauptamt@bonn.example';
const TITLE = 'Partner für gemeinsame Vergabestelle gesucht';
let mailPipeline: MailPipeline;
let pipeline: Pipeline;
let catcher: MailCatcher;
let browser: Browser;
let jwt: string;
let entry: { documentId: string; slug: string };

beforeAll(async () => {
  mailPipeline = await startMailPipeline('partner-search', { IKZ_EDITORS_MAIL: EDITORS });
  ({ pipeline, catcher, jwt } = mailPipeline);
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await mailPipeline?.close();
});

const onLocalSite = (link: string) => `${pipeline.web.url}${link.slice(SITE_URL.length)}`;
const site = (p: string) => fetch(`${pipeline.web.url}${p}`);

async function newPage(javaScriptEnabled: boolean, width = 390): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, locale: 'de-DE', viewport: { width, height: 844 } });
  return context.newPage();
}

async function submission(email: string): Promise<Record<string, any> | null> {
  const response = await fetch(
    `${pipeline.strapi.url}/content-manager/collection-types/${SUBMISSION}?filters[email][$eq]=${encodeURIComponent(email)}`,
    { headers: { authorization: `Bearer ${jwt}` } },
  );
  return ((await response.json()) as { results: Record<string, any>[] }).results[0] ?? null;
}

describe('the Partnersuche in the browser', () => {
  it('is entered without JavaScript (the form again with its errors and what was typed), confirmed, published and shown', async () => {
    const page = await newPage(false);
    await page.goto(`${pipeline.web.url}/partnersuche/eintragen/`);
    const form = page.locator('form#eintrag');
    expect(await form.getAttribute('action')).toBe('/formulare/partnersuche/senden');
    expect(await page.locator('#eintrag-municipality option').count()).toBe(428);
    await page.getByLabel('Titel der Partnersuche').fill(TITLE);
    await page.locator('#eintrag-municipality').selectOption({ label: 'Bonn' });
    await page.locator('#eintrag-topics input[type="checkbox"]').first().check();
    await page.getByLabel(/^Wir bieten/).fill('Eine eingearbeitete Vergabestelle.\nErfahrung mit der E-Vergabe.');
    await page.getByLabel(/^Wir suchen/).fill('Zwei Nachbarkommunen für gemeinsame Ausschreibungen.');
    await page.getByLabel(/^Gültig bis/).fill('01.01.2020');
    await page.getByLabel(/^Name der Ansprechperson/).fill('Erika Mustermann');
    await page.getByLabel(/^E-Mail-Adresse/).fill(POSTER);
    await page.getByLabel(/Ich bin damit einverstanden/).check();
    await form.evaluate((f: HTMLFormElement) => (f.noValidate = true));
    await page.getByRole('button', { name: 'Partnersuche eintragen' }).click();
    await page.waitForURL(/\/formulare\/partnersuche\/senden$/);
    expect(await page.locator('h1').textContent()).toBe('Bitte prüfen Sie Ihre Angaben');
    expect(
      await page
        .getByRole('link', { name: 'Das Datum unter „Gültig bis“ liegt in der Vergangenheit.' })
        .getAttribute('href'),
    ).toBe('#feld-validUntil');
    expect(await page.locator('#feld-validUntil').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#feld-title').inputValue()).toBe(TITLE);
    expect(await page.locator('#feld-offer').inputValue()).toBe(
      'Eine eingearbeitete Vergabestelle.\nErfahrung mit der E-Vergabe.',
    );
    expect(await submission(POSTER)).toBeNull();

    const until = addDays(berlinDay(new Date()), 30);
    await page.locator('#feld-validUntil').fill(`${until.slice(8, 10)}.${until.slice(5, 7)}.${until.slice(0, 4)}`);
    await page.getByRole('button', { name: 'Partnersuche eintragen' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Bitte bestätigen Sie Ihre Partnersuche');
    const [mail] = await waitForMails(catcher.dir, POSTER);
    expect(mail!.text).not.toContain('Vergabestelle');
    await page.goto(onLocalSite(linkIn(mail!, `${SITE_URL}/formulare/partnersuche/bestaetigen?t=`)));
    await page.getByRole('button', { name: 'Partnersuche bestätigen' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Partnersuche bestätigt');
    const [editors] = await waitForMails(catcher.dir, EDITORS);
    expect(editors!.subject).toBe(`Neue Partnersuche: ${TITLE}`);
    const row = await submission(POSTER);
    const documentId = row!.partnerSearchDocumentId as string;

    // The editor publishes; the webhook rebuilds the site.
    const before = pipeline.publisher.status().builds;
    expect(await adminAction(pipeline.strapi, jwt, ENTRY, documentId, 'publish')).toBe(200);
    await waitForBuilds(pipeline.publisher, before);
    const slug = 'partner-fuer-gemeinsame-vergabestelle-gesucht';
    entry = { documentId, slug };
    const html = await (await site(`/partnersuche/${slug}/`)).text();
    expect(html).toContain(TITLE);
    expect(html).toContain('Bonn');
    for (const path of [
      '/partnersuche/',
      '/kommunen/bonn/',
      '/partnersuche/regierungsbezirk/koeln/',
      '/partnersuche/feed.xml',
    ])
      expect(await (await site(path)).text(), path).toContain(`/partnersuche/${slug}/`);
    for (const path of [`/partnersuche/${slug}/`, '/partnersuche/', '/partnersuche/feed.xml']) {
      const text = await (await site(path)).text();
      expect(text, path).not.toContain(POSTER);
      expect(text, path).not.toContain('Erika Mustermann');
    }
    await page.context().close();
  });

  it('passes axe at 320 px on every Partnersuche page and takes a reply with JavaScript: errors inline and linked, then relayed to the poster after the confirmation', async () => {
    const page = await newPage(true, 320);
    const replier = 'max.muster@troisdorf.example';
    for (const path of [
      '/partnersuche/',
      '/partnersuche/eintragen/',
      '/partnersuche/regierungsbezirk/koeln/',
      '/kommunen/bonn/',
      `/partnersuche/${entry.slug}/`,
    ]) {
      await page.goto(`${pipeline.web.url}${path}`);
      const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
      expect(
        results.violations.map((v) => `${path}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
    await page.locator('#antworten').scrollIntoViewIfNeeded();

    await page.getByLabel('Ihr Name').fill('Max Muster');
    await page.getByLabel('Ihre E-Mail-Adresse').fill(replier);
    await page.getByLabel('Ihre Nachricht').fill('Kurz');
    await page.getByLabel(/Ich bin damit einverstanden/).check();
    await page.getByRole('button', { name: 'Nachricht senden' }).click();
    const message = page.locator('#antworten-message');
    await expect
      .poll(() => message.getAttribute('aria-describedby'), { timeout: 20_000 })
      .toBe('antworten-message-fehler');
    expect(await page.locator('#antworten-message-fehler').textContent()).toBe(
      '„Ihre Nachricht“ muss mindestens 20 Zeichen lang sein.',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('antworten-message');

    await message.fill('Wir hätten großes Interesse an einer gemeinsamen Vergabestelle.');
    await page.getByRole('button', { name: 'Nachricht senden' }).click();
    await expect
      .poll(() => page.locator('#antworten [role="status"]').textContent(), { timeout: 20_000 })
      .toMatch(/E-Mail mit einem Bestätigungslink/);
    const [confirm] = await waitForMails(catcher.dir, replier);
    expect(confirm!.text).not.toContain('Interesse');
    await page.goto(onLocalSite(linkIn(confirm!, `${SITE_URL}/formulare/partnersuche/antwort-bestaetigen?t=`)));
    await page.getByRole('button', { name: 'Nachricht weiterleiten' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Nachricht weitergeleitet');
    const relayed = (await waitForMails(catcher.dir, POSTER, 3)).filter(
      (m) => m.subject === `Antwort auf Ihre Partnersuche: ${TITLE}`,
    );
    expect(relayed).toHaveLength(1);
    expect(relayed[0]!.replyTo?.text).toBe(replier);
    expect(relayed[0]!.text).toContain('Wir hätten großes Interesse');
    for (const m of await waitForMails(catcher.dir, replier, 2)) expect(m.raw).not.toContain(POSTER);
    await page.context().close();
  });

  it('takes a reply without JavaScript and answers with a German page', async () => {
    const page = await newPage(false);
    await page.goto(`${pipeline.web.url}/partnersuche/${entry.slug}/`);
    await page.getByLabel('Ihr Name').fill('Rita Rathaus');
    await page.getByLabel(/^Kommune oder Organisation/).fill('Gemeinde Alfter');
    await page.getByLabel('Ihre E-Mail-Adresse').fill('rita@alfter.example');
    await page.getByLabel('Ihre Nachricht').fill('Auch wir suchen eine gemeinsame Vergabestelle.');
    await page.getByLabel(/Ich bin damit einverstanden/).check();
    await page.getByRole('button', { name: 'Nachricht senden' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Bitte bestätigen Sie Ihre Nachricht');
    await waitForMails(catcher.dir, 'rita@alfter.example');
    await page.context().close();
  });

  it("disappears from the site once its end has passed: Strapi's job unpublishes it and the site is rebuilt", async () => {
    // The day after the end: the entry's date moved into the past in the database, then Strapi restarted (its job runs at the start and hourly).
    const yesterday = addDays(berlinDay(new Date()), -1);
    const env = pipeline.strapi.env;
    if (env.DATABASE_CLIENT === 'postgres') {
      const client = new pg.Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      await client.query('UPDATE partner_searches SET valid_until = $1 WHERE document_id = $2', [
        yesterday,
        entry.documentId,
      ]);
      await client.end();
    } else {
      const db = new DatabaseSync(env.DATABASE_FILENAME!);
      db.prepare('UPDATE partner_searches SET valid_until = ? WHERE document_id = ?').run(yesterday, entry.documentId);
      db.close();
    }
    const before = pipeline.publisher.status().builds;
    await pipeline.strapi.restart();
    await waitForBuilds(pipeline.publisher, before);
    expect((await site(`/partnersuche/${entry.slug}/`)).status).toBe(404);
    for (const path of ['/partnersuche/', '/kommunen/bonn/', '/partnersuche/feed.xml'])
      expect(await (await site(path)).text(), path).not.toContain(`/partnersuche/${entry.slug}/`);
    const published = await fetch(
      `${pipeline.strapi.url}/api/partner-searches?filters[documentId][$eq]=${entry.documentId}`,
    );
    expect(((await published.json()) as { data: unknown[] }).data).toHaveLength(0);
    // A reply to it is refused.
    const answer = await fetch(`${pipeline.strapi.url}/formulare/partnersuche/antworten`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        entry: entry.documentId,
        name: 'Spät',
        email: 'spaet@example.org',
        message: 'Eine Antwort nach dem Ende der Suche.',
        consent: 'ja',
        website: '',
      }).toString(),
    });
    expect(answer.status).toBe(404);
    expect(await mailsTo(catcher.dir, 'spaet@example.org')).toHaveLength(0);
  });
});
