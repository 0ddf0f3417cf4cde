/**
 * Strapi killed (SIGKILL) in the middle of sending an issue to 300 subscribers, then started again on the same
 * database: everybody gets the issue, nobody is missed, and a second copy can only be a mail that was in flight
 * at the kill, with the same Message-ID (see the guarantee in cms/src/newsletter/sending/worker.ts). A stop
 * through Strapi's shutdown (SIGTERM) waits for the mails in flight: after it, nobody has a copy twice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestStrapi, type TestStrapi } from '../support/ephemeral-strapi.ts';
import { startMailCatcher, type MailCatcher } from '@ikz/scripts/lib/mail-catcher';
import {
  adminLogin,
  createConfirmedSubscribers,
  createPublishedIssue,
  dispatchProgress,
  startDispatch,
} from '@ikz/scripts/lib/newsletter-admin';
import { readMailbox } from '../support/mailbox.ts';

const COUNT = 300;
const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-newsletter-restart-mail-'));
let catcher: MailCatcher;
let strapi: TestStrapi;
let jwt = '';

beforeAll(async () => {
  catcher = await startMailCatcher({ dir: mailDir });
  strapi = await startTestStrapi(
    { scale: 0.02, seed: 'interkommunales-nrw', referenceDate: new Date('2026-11-01T00:00:00Z') },
    'newsletter-restart',
    {
      SMTP_HOST: catcher.host,
      SMTP_PORT: String(catcher.port),
      MAIL_FROM: 'Interkommunales.NRW <newsletter@interkommunales.example.org>',
      SITE_URL: 'https://interkommunales.example.org',
      NEWSLETTER_RATE: '30',
      NEWSLETTER_RETRY_SECONDS: '1',
    },
  );
  jwt = await adminLogin(strapi.url, strapi.adminEmail, strapi.adminPassword);
});

afterAll(async () => {
  await strapi?.stop();
  await catcher?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(what: string, done: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Mails per recipient address, with their Message-IDs. */
async function mailsByRecipient(): Promise<Map<string, string[]>> {
  const byRecipient = new Map<string, string[]>();
  for (const mail of await readMailbox(mailDir)) {
    for (const to of mail.envelopeTo) byRecipient.set(to, [...(byRecipient.get(to) ?? []), mail.messageId ?? '']);
  }
  return byRecipient;
}

it('sends every subscriber the issue after a SIGKILL in the middle of the send, copies only with the same Message-ID', async () => {
  const emails = Array.from(
    { length: COUNT },
    (_, i) => `leser-${String(i).padStart(3, '0')}@kommune-${i % 7}.example.org`,
  );
  await createConfirmedSubscribers(strapi.url, jwt, emails);
  const issue = await createPublishedIssue(
    strapi.url,
    strapi.seedToken,
    'Newsletter Neustart 2026: Kläranlagen & Bauhöfe',
  );
  const started = await startDispatch(strapi.url, jwt, issue.documentId);
  expect(started.total).toBe(COUNT);

  // About a third of the way through (30 mails per second), the process dies without any shutdown.
  await waitUntil('the first hundred mails', () => catcher.count() >= 100, 60_000);
  await strapi.crash();
  const atKill = catcher.count();
  expect(atKill).toBeLessThan(COUNT);
  await sleep(500);
  expect(catcher.count() - atKill).toBeLessThanOrEqual(4);

  await strapi.restart();
  await waitUntil(
    'the send to finish',
    async () => (await dispatchProgress(strapi.url, jwt, issue.documentId)).state === 'done',
    120_000,
  );
  const progress = await dispatchProgress(strapi.url, jwt, issue.documentId);
  expect(progress).toMatchObject({ total: COUNT, sent: COUNT, failed: 0, skipped: 0, queued: 0, sending: 0 });

  const byRecipient = await mailsByRecipient();
  const missing = emails.filter((e) => !byRecipient.has(e));
  expect(missing).toEqual([]);
  expect(byRecipient.size).toBe(COUNT);
  for (const [to, ids] of byRecipient) {
    expect(new Set(ids).size, `${to}: ${ids.join(', ')}`).toBe(1);
    expect(ids[0]).toMatch(/^<[0-9a-f-]{36}@interkommunales\.example\.org>$/);
  }
  // Claimed rows are queued again; a copy is possible only for a mail in flight at the kill: at most one per lane.
  const log = fs.readFileSync(path.join(strapi.tmp, 'strapi.log'), 'utf8');
  const requeued = Number(/newsletter: (\d+) claimed mails were unfinished when Strapi stopped/.exec(log)?.[1] ?? 0);
  const copies = [...byRecipient.values()].reduce((sum, ids) => sum + ids.length - 1, 0);
  expect(requeued).toBeGreaterThan(0);
  expect(copies).toBeLessThanOrEqual(Math.min(4, requeued));
  console.log(
    `[newsletter-restart] killed after ${atKill} of ${COUNT} mails; ${requeued} claimed were queued again, ${copies} arrived twice (same Message-ID)`,
  );
});

it('finishes the mails in flight on a regular stop (SIGTERM), so nobody gets a copy twice', async () => {
  const emails = Array.from({ length: 120 }, (_, i) => `zweite-${String(i).padStart(3, '0')}@kommune.example.org`);
  await createConfirmedSubscribers(strapi.url, jwt, emails);
  const issue = await createPublishedIssue(strapi.url, strapi.seedToken, 'Newsletter Neustart 2026 (zweite Ausgabe)');
  const before = catcher.count();
  const started = await startDispatch(strapi.url, jwt, issue.documentId);
  expect(started.total).toBe(COUNT + 120);

  await waitUntil('the first mails', () => catcher.count() >= before + 60, 60_000);
  await strapi.kill();
  await strapi.restart();
  await waitUntil(
    'the send to finish',
    async () => (await dispatchProgress(strapi.url, jwt, issue.documentId)).state === 'done',
    120_000,
  );
  expect(await dispatchProgress(strapi.url, jwt, issue.documentId)).toMatchObject({ sent: COUNT + 120, failed: 0 });

  const byRecipient = await mailsByRecipient();
  expect(emails.filter((e) => byRecipient.get(e)?.length !== 1)).toEqual([]);
  expect(catcher.count() - before).toBe(COUNT + 120);
  // Strapi's shutdown ran the worker's stop: no mail was left in `sending` (only the crash above left some).
  const log = fs.readFileSync(path.join(strapi.tmp, 'strapi.log'), 'utf8');
  expect(log.match(/mails were unfinished when Strapi stopped/g)?.length ?? 0).toBe(1);
});

it('cleans up at the start: expired sign-ups and the delivery rows of sends finished over 30 days ago go, the rest stays', async () => {
  const headers = { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' };
  const cm = (uid: string, rest = '') => `${strapi.url}/content-manager/collection-types/api::${uid}.${uid}${rest}`;
  const create = async (uid: string, data: Record<string, unknown>) => {
    const response = await fetch(cm(uid), { method: 'POST', headers, body: JSON.stringify(data) });
    const body = (await response.json()) as { data: { documentId: string } };
    expect(response.status, JSON.stringify(body)).toBe(201);
    return body.data.documentId;
  };
  const count = async (uid: string, filter: string) => {
    const response = await fetch(cm(uid, `?${filter}`), { headers });
    expect(response.status).toBe(200);
    return ((await response.json()) as { pagination: { total: number } }).pagination.total;
  };
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const pending = (email: string, expiresAt: string) =>
    create('newsletter-subscriber', {
      email,
      state: 'pending',
      requestedAt: daysAgo(8),
      consentVersion: '2026-12-1',
      sourcePage: '/newsletter/',
      confirmExpiresAt: expiresAt,
    });
  await pending('abgelaufen@kommune.example.org', daysAgo(1));
  await pending('noch-gueltig@kommune.example.org', new Date(Date.now() + 86_400_000).toISOString());
  const old = await create('newsletter-dispatch', {
    issueDocumentId: 'altausgabe0000000000000a',
    issueTitle: 'Alte Ausgabe',
    state: 'done',
    total: 1,
    sent: 1,
    startedAt: daysAgo(41),
    finishedAt: daysAgo(40),
  });
  await create('newsletter-delivery', {
    dispatchId: old,
    subscriberDocumentId: 'altabonnent00000000000a',
    email: 'alt@kommune.example.org',
    state: 'sent',
    attempts: 1,
    sentAt: daysAgo(40),
  });
  const recent = await count(
    'newsletter-delivery',
    'filters[email][$endsWith]=%40kommune.example.org&filters[state][$eq]=sent',
  );

  await strapi.restart();

  expect(await count('newsletter-subscriber', 'filters[email][$eq]=abgelaufen%40kommune.example.org')).toBe(0);
  expect(await count('newsletter-subscriber', 'filters[email][$eq]=noch-gueltig%40kommune.example.org')).toBe(1);
  expect(await count('newsletter-delivery', 'filters[email][$eq]=alt%40kommune.example.org')).toBe(0);
  expect(
    await count('newsletter-delivery', 'filters[email][$endsWith]=%40kommune.example.org&filters[state][$eq]=sent'),
  ).toBe(recent - 1);
  // The old send keeps its figures.
  expect(await count('newsletter-dispatch', 'filters[issueTitle][$eq]=Alte%20Ausgabe&filters[sent][$eq]=1')).toBe(1);
  const log = fs.readFileSync(path.join(strapi.tmp, 'strapi.log'), 'utf8');
  expect(log).toMatch(/newsletter: \d+ expired sign-up\(s\) or proof\(s\) deleted/);
  expect(log).toMatch(/newsletter: 1 delivery row\(s\) of finished sends deleted/);
});
