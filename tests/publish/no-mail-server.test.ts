/**
 * Strapi without a mail server (no SMTP_HOST, as production before it is set up): the newsletter takes no
 * sign-up and sends no issue – German answers, nothing stored – instead of accepting what it cannot deliver.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NEWSLETTER_CONSENT } from '@ikz/shared-types/newsletter-consent';
import { startTestStrapi, type TestStrapi } from '../support/ephemeral-strapi.ts';
import { adminLogin, createPublishedIssue } from '@ikz/scripts/lib/newsletter-admin';
import { postForm } from '../support/form-post.ts';

let strapi: TestStrapi;
let jwt = '';

beforeAll(async () => {
  strapi = await startTestStrapi(
    { scale: 0.02, seed: 'interkommunales-nrw', referenceDate: new Date('2026-11-01T00:00:00Z') },
    'no-mail-server',
    { SITE_URL: 'https://interkommunales.example.org' },
  );
  jwt = await adminLogin(strapi.url, strapi.adminEmail, strapi.adminPassword);
}, 600_000);

afterAll(async () => {
  await strapi?.stop();
});

it('refuses a newsletter sign-up and an unsubscribe request with 503 in German, and stores nothing', async () => {
  const email = `ohne-mailserver-${randomUUID()}@kommune.example.org`;
  const fields = {
    email,
    consent: 'ja',
    consentVersion: NEWSLETTER_CONSENT.version,
    source: '/newsletter/',
    website: '',
  };
  const signUp = await postForm(strapi.url, '/newsletter/anmelden', fields, { client: '203.0.113.50' });
  expect(signUp.status).toBe(503);
  expect(`${signUp.body.title} ${signUp.body.message}`).toMatch(/derzeit nicht möglich/i);
  const page = await postForm(strapi.url, '/newsletter/anmelden', fields, { client: '203.0.113.51', json: false });
  expect(page.status).toBe(503);
  expect(page.text).toContain('<html lang="de"');
  const request = await postForm(
    strapi.url,
    '/newsletter/abmeldung-anfordern',
    { email, website: '' },
    { client: '203.0.113.52' },
  );
  expect(request.status).toBe(503);
  const stored = await fetch(
    `${strapi.url}/content-manager/collection-types/api::newsletter-subscriber.newsletter-subscriber?filters[email][$eq]=${encodeURIComponent(email)}`,
    { headers: { authorization: `Bearer ${jwt}` } },
  );
  expect(stored.status).toBe(200);
  expect(((await stored.json()) as { results: unknown[] }).results).toEqual([]);
});

it('refuses to send an issue or a test mail with 503, naming the missing SMTP_HOST, and queues nothing', async () => {
  const issue = await createPublishedIssue(strapi.url, strapi.seedToken, 'Newsletter ohne Mailserver');
  const headers = { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' };
  const base = `${strapi.url}/ikz/newsletter/issues/${issue.documentId}`;
  for (const [path, body] of [
    ['/dispatch', { expectedRecipients: 0 }],
    ['/test', { to: 'pruefung@redaktion.example' }],
  ] as const) {
    const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    expect(response.status, path).toBe(503);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /kein Mailserver eingerichtet \(SMTP_HOST fehlt\)/,
    );
  }
  const progress = await fetch(`${base}/dispatch`, { headers });
  expect(((await progress.json()) as { state: string }).state).toBe('none');
});
