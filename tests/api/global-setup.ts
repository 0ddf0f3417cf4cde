/** Starts a real, seeded Strapi for the API tests (see tests/support/strapi-harness.ts). */
import type { TestProject } from 'vitest/node';
import { startTestStrapi } from '../support/ephemeral-strapi.ts';
import { freePort } from '@ikz/scripts/lib/strapi-process';
import { startMailCatcher } from '@ikz/scripts/lib/mail-catcher';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testSmtpReply } from '../support/mailbox.ts';
import { TEST_SEED } from './seed-options.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    strapiUrl: string;
    buildToken: string;
    seedToken: string;
    adminEmail: string;
    adminPassword: string;
    database: 'sqlite' | 'postgres';
    strapiTmp: string;
    /** Free port on 127.0.0.1 where Strapi expects the publisher's status; tests start a stand-in there. */
    publisherStatusPort: number;
    siteUrl: string;
    statusPageUrl: string;
    /** The first administrator's admin JWT, logged in once for the whole run (Strapi allows 5 logins per 5 minutes). */
    adminJwt: string;
    /** Folder where the test SMTP server (the mail catcher) writes every mail Strapi sends, one .eml each. */
    mailDir: string;
  }
}

export default async function setup(project: TestProject) {
  const publisherStatusPort = await freePort();
  const siteUrl = 'https://interkommunales.example.org';
  const statusPageUrl = 'https://status.interkommunales.example.org';
  // A real SMTP server on loopback: Strapi's mail goes there, and the tests read it from mailDir.
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-api-mail-'));
  const smtp = await startMailCatcher({ dir: mailDir, reply: testSmtpReply });
  const strapi = await startTestStrapi(TEST_SEED, 'api', {
    SMTP_HOST: smtp.host,
    SMTP_PORT: String(smtp.port),
    MAIL_FROM: 'Interkommunales.NRW <newsletter@interkommunales.example.org>',
    MAIL_REPLY_TO: 'redaktion@interkommunales.example.org',
    // Newsletter mails refused for now are tried again after 1 s, 4 s, 16 s … instead of minutes.
    NEWSLETTER_RETRY_SECONDS: '1',
    IKZ_ADVICE_MAIL: 'beratung@interkommunales.example.org',
    // Behind a TLS proxy, as in production: admin cookies must come out Secure for https requests.
    IKZ_BEHIND_PROXY: 'true',
    SITE_URL: siteUrl,
    IKZ_STATUS_PAGE_URL: `${statusPageUrl}/`,
    PUBLISHER_STATUS_URL: `http://127.0.0.1:${publisherStatusPort}/status`,
  });
  project.provide('strapiUrl', strapi.url);
  project.provide('buildToken', strapi.buildToken);
  project.provide('seedToken', strapi.seedToken);
  project.provide('adminEmail', strapi.adminEmail);
  project.provide('adminPassword', strapi.adminPassword);
  project.provide('database', strapi.database);
  project.provide('strapiTmp', strapi.tmp);
  project.provide('publisherStatusPort', publisherStatusPort);
  project.provide('siteUrl', siteUrl);
  project.provide('statusPageUrl', statusPageUrl);
  project.provide('mailDir', mailDir);
  const login = await fetch(`${strapi.url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: strapi.adminEmail, password: strapi.adminPassword }),
  });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
  project.provide('adminJwt', ((await login.json()) as { data: { token: string } }).data.token);
  return async () => {
    await strapi.stop();
    await smtp.close();
    fs.rmSync(mailDir, { recursive: true, force: true });
  };
}
