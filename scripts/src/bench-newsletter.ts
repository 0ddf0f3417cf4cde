/**
 * `pnpm bench:newsletter [--subscribers 5000] [--rate 1000]` (also the last part of `pnpm bench`): sends one
 * issue to that many confirmed subscribers through a local SMTP server (the mail catcher) at a high rate and
 * prints the time, mails per second, the peak memory of the Strapi process during the send, and the
 * publish-to-live time of an edit made while the send runs (webhook → publisher → incremental build → served).
 * A benchmark, not a test: it never fails on timing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createStrapiClient } from '@ikz/shared-types/rest';
import { stopSearchService } from '@ikz/site/builder';
import { startSeededStrapi } from './lib/seeded-strapi.ts';
import { startMailCatcher } from './lib/mail-catcher.ts';
import {
  adminLogin,
  createConfirmedSubscribers,
  createPublishedIssue,
  dispatchProgress,
  startDispatch,
} from './lib/newsletter-admin.ts';
import { freePort, randomSecret } from './lib/strapi-process.ts';
import { serveStatic } from './lib/static-server.ts';
import { currentDir } from './publisher/releases.ts';
import { NEWSLETTER_TARGETS, verdict } from './lib/bench-targets.ts';
import { createPublisher } from './publisher/service.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident memory of the Strapi child process of this process, in bytes (0 when not found). */
function strapiResidentBytes(): number {
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      if (/PPid:\s+(\d+)/.exec(status)?.[1] !== String(process.pid)) continue;
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('strapi')) continue;
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // the process ended meanwhile
    }
  }
  return 0;
}

type Options = { subscribers: number; rate: number };
const SITE = 'https://www.interkommunales.example';

/** The mail catcher, a seeded temporary Strapi sending to it, and a publisher with its web server. */
async function startStack(options: Options) {
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-bench-mail-'));
  const catcher = await startMailCatcher({ dir: mailDir });
  const secret = randomSecret(32);
  const publisherPort = await freePort();
  console.log(
    `[bench:newsletter] starting a temporary Strapi (mail to ${catcher.host}:${catcher.port}, at most ${options.rate} mails/s) …`,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-bench-newsletter-'));
  const cleanUp = async () => fs.rmSync(dir, { recursive: true, force: true });
  const strapi = await startSeededStrapi({
    seed: { scale: 0.05, seed: 'interkommunales-nrw', referenceDate: new Date('2026-11-01T00:00:00Z') },
    label: 'bench-newsletter',
    dir,
    cleanUp,
    extraEnv: {
      SMTP_HOST: catcher.host,
      SMTP_PORT: String(catcher.port),
      MAIL_FROM: 'Interkommunales.NRW <newsletter@interkommunales.example>',
      SITE_URL: SITE,
      NEWSLETTER_RATE: String(options.rate),
      PUBLISHER_WEBHOOK_URL: `http://127.0.0.1:${publisherPort}/webhook`,
      PUBLISHER_WEBHOOK_SECRET: secret,
    },
  });
  const publisher = createPublisher({
    strapiUrl: strapi.url,
    token: strapi.buildToken,
    secret,
    root: path.join(strapi.tmp, 'site'),
    siteUrl: SITE,
    fullBuildAt: 'off',
    log: () => {},
  });
  const listening = await publisher.listen(publisherPort);
  let web: Awaited<ReturnType<typeof serveStatic>> | null = null;
  return {
    catcher,
    strapi,
    publisher,
    async serve() {
      web = await serveStatic(() => currentDir(publisher.releases));
      return web;
    },
    async close() {
      await web?.close();
      await listening.close();
      await publisher.close();
      await stopSearchService();
      await strapi.stop();
      await catcher.close();
      fs.rmSync(mailDir, { recursive: true, force: true });
    },
  };
}
type Stack = Awaited<ReturnType<typeof startStack>>;

/** A project edited while the send runs: how long until the web server serves it, and how far the send was. */
async function editDuringSend(stack: Stack, webUrl: string, before: number) {
  const { strapi, catcher } = stack;
  const client = createStrapiClient({ baseUrl: strapi.url, token: strapi.seedToken });
  const [project] = (await client.findPage<{ documentId: string; slug: string }>('projects', 1, { fields: ['slug'] }))
    .data;
  const marker = `Messung während des Versands ${Date.now()}`;
  const editStarted = performance.now();
  const mailsAtEdit = catcher.count() - before;
  await client.request('PUT', `/api/projects/${project!.documentId}`, { body: { data: { summary: marker } } });
  for (;;) {
    const html = await fetch(`${webUrl}/projekte/${project!.slug}/`).then(
      (r) => r.text(),
      () => '',
    );
    if (html.includes(marker)) break;
    if (performance.now() - editStarted > 300_000) throw new Error('the edit did not go live within 5 minutes');
    await sleep(50);
  }
  return { liveMs: performance.now() - editStarted, mailsAtEdit, mailsAtLive: catcher.count() - before };
}

type Figures = {
  createMs: number;
  sendMs: number;
  progress: Awaited<ReturnType<typeof dispatchProgress>>;
  received: number;
  idleRss: number;
  peak: number;
  edit: Awaited<ReturnType<typeof editDuringSend>>;
};

function report(options: Options, { createMs, sendMs, progress, received, idleRss, peak, edit }: Figures): string {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const rate = progress.sent / (sendMs / 1000);
  const once = received === progress.total && progress.sent === progress.total;
  const during = edit.mailsAtLive < progress.total ? ', the send still running' : ', AFTER the send ended';
  return `
Interkommunales.NRW newsletter benchmark – ${new Date().toISOString()}, Node ${process.versions.node}, ${os.cpus().length} cores
  subscribers created (content manager, 8 at a time) ${options.subscribers} in ${seconds(createMs)}
  send (dispatch → last delivery done)               ${seconds(sendMs)} for ${progress.total} mails: ${rate.toFixed(0)} mails/s (NEWSLETTER_RATE ${options.rate}) ${verdict(rate, NEWSLETTER_TARGETS.mailsPerSecond)}
  outcome                                            ${progress.sent} sent, ${progress.failed} failed, ${progress.skipped} skipped; the SMTP server received ${received} (target: each once: ${once ? 'met' : 'MISSED'})
  Strapi memory (resident)                           ${mb(idleRss)} before, peak ${mb(peak)} during the send ${verdict(peak / 1024 / 1024, NEWSLETTER_TARGETS.peakMemoryMb)}
  publish-to-live of an edit during the send         ${seconds(edit.liveMs)} (edit after ${edit.mailsAtEdit} mails, live after ${edit.mailsAtLive}${during}) ${verdict(edit.liveMs / 1000, NEWSLETTER_TARGETS.publishToLiveSeconds)}`;
}

export async function benchNewsletter(options: Options): Promise<string> {
  const stack = await startStack(options);
  const { strapi, publisher, catcher } = stack;
  try {
    console.log('[bench:newsletter] full build of the site …');
    await publisher.build('bench: full');
    const web = await stack.serve();
    const jwt = await adminLogin(strapi.url, strapi.adminEmail, strapi.adminPassword);
    console.log(`[bench:newsletter] ${options.subscribers} confirmed subscribers through the content manager …`);
    const createStarted = performance.now();
    await createConfirmedSubscribers(
      strapi.url,
      jwt,
      Array.from({ length: options.subscribers }, (_, i) => `leser-${i}@kommune-${i % 50}.example.org`),
    );
    const createMs = performance.now() - createStarted;
    const issue = await createPublishedIssue(
      strapi.url,
      strapi.seedToken,
      `Newsletter Messung ${new Date().toISOString().slice(0, 10)}: Bauhöfe & Klärwerke`,
    );
    await publisher.queue.idle();

    const idleRss = strapiResidentBytes();
    let peak = idleRss;
    const sampler = setInterval(() => (peak = Math.max(peak, strapiResidentBytes())), 200);
    const before = catcher.count();
    const started = performance.now();
    await startDispatch(strapi.url, jwt, issue.documentId);
    await sleep(1500);
    const edit = await editDuringSend(stack, web.url, before);
    let progress = await dispatchProgress(strapi.url, jwt, issue.documentId);
    while (progress.state !== 'done') {
      await sleep(200);
      progress = await dispatchProgress(strapi.url, jwt, issue.documentId);
    }
    const sendMs = performance.now() - started;
    clearInterval(sampler);
    return report(options, { createMs, sendMs, progress, received: catcher.count() - before, idleRss, peak, edit });
  } finally {
    await stack.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { subscribers: { type: 'string', default: '5000' }, rate: { type: 'string', default: '1000' } },
  });
  benchNewsletter({ subscribers: Number(values.subscribers), rate: Number(values.rate) }).then(
    (report) => console.log(report),
    (error: unknown) => {
      console.error(`[bench:newsletter] failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
