/**
 * `pnpm start` keeps the system up when a part crashes: the real start script on a temporary data folder
 * and free ports, small demo content; Strapi and then the publisher (with the preview) are killed with
 * SIGKILL while the site is requested all along; each comes back, and edits made meanwhile go live.
 * Ctrl-C (SIGINT) at the end must leave no process behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWSLETTER_CONSENT } from '@ikz/shared-types/newsletter-consent';
import { createStrapiClient, type StrapiClient } from '@ikz/shared-types/rest';
import { SECRET_HEADER } from '@ikz/shared-types/webhook';
import { freePort, REPO_ROOT } from '@ikz/scripts/lib/strapi-process';
import { readEnv } from '@ikz/shared-types/env';

const START_SCRIPT = path.join(REPO_ROOT, 'scripts', 'src', 'start.ts');
const PID_LINE = /\[start\] (Strapi|Publisher) (?:is up|läuft wieder) \(pid (\d+)/;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const groupAlive = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The processes of a process group, as "pid command state" (from /proc). */
function groupMembers(pgid: number): string[] {
  const members: string[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const close = stat.lastIndexOf(')');
    const [state, , group] = stat.slice(close + 2).split(' ');
    if (Number(group) === pgid) members.push(`${entry} ${stat.slice(stat.indexOf('(') + 1, close)} ${state}`);
  }
  return members;
}

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(250);
  }
}

describe('pnpm start supervises Strapi and the publisher', () => {
  let tmp: string;
  let start: ChildProcess;
  let output = '';
  let ports: { strapi: number; site: number; publisher: number; preview: number };
  let seed: StrapiClient;
  let secrets: Record<string, string>;
  /** Every process id the supervisor reported for a part. */
  const pids = { Strapi: [] as number[], Publisher: [] as number[] };
  const siteUrl = () => `http://127.0.0.1:${ports.site}`;
  const publisherUrl = () => `http://127.0.0.1:${ports.publisher}`;
  const previewUrl = () => `http://127.0.0.1:${ports.preview}`;
  const pidOf = (name: 'Strapi' | 'Publisher') => pids[name].at(-1)!;

  /** The site is requested every 100 ms from here on; every answer is kept. */
  const siteAnswers: number[] = [];
  let polling = true;
  let poller: Promise<void> = Promise.resolve();

  const statusJson = async () =>
    (await fetch(`${publisherUrl()}/status`)).json() as Promise<{
      state: string;
      live: string | null;
      builds: number;
      history: { startedAt: string; result: string; error: string | null }[];
    }>;
  const page = async (urlPath: string) => {
    const response = await fetch(`${siteUrl()}${urlPath}`);
    return { status: response.status, html: await response.text() };
  };
  /** A published project, edited through the REST API with the seed token (which publishes it). */
  async function editProject(summary: string): Promise<string> {
    const { data } = await seed.findPage<{ documentId: string; slug: string }>('projects', 1, {
      fields: ['slug'],
      sort: 'slug',
    });
    const project = data[0]!;
    await seed.request('PUT', `/api/projects/${project.documentId}`, { body: { data: { summary } } });
    return `/projekte/${project.slug}/`;
  }
  const liveWith = (urlPath: string, text: string, timeoutMs = 120_000) =>
    until(
      `"${text}" on ${urlPath}`,
      async () => (await page(urlPath).catch(() => null))?.html.includes(text),
      timeoutMs,
    );

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-supervisor-'));
    ports = {
      strapi: await freePort(),
      site: await freePort(),
      publisher: await freePort(),
      preview: await freePort(),
    };
    start = spawn(process.execPath, [START_SCRIPT], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        IKZ_DATA_DIR: path.join(tmp, 'data'),
        PORT: String(ports.strapi),
        SITE_PORT: String(ports.site),
        PUBLISHER_PORT: String(ports.publisher),
        PREVIEW_PORT: String(ports.preview),
        SITE_URL: `http://localhost:${ports.site}`,
        IKZ_SEED_SCALE: '0.02',
        IKZ_FULL_BUILD_AT: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      for (const line of text.split('\n')) {
        const match = PID_LINE.exec(line);
        if (match) pids[match[1] as 'Strapi' | 'Publisher'].push(Number(match[2]));
      }
    };
    start.stdout!.on('data', collect);
    start.stderr!.on('data', collect);
    try {
      await until(
        '"Interkommunales.NRW läuft."',
        () => {
          if (start.exitCode !== null) throw new Error(`pnpm start ended (${start.exitCode})`);
          return output.includes('Interkommunales.NRW läuft.');
        },
        540_000,
      );
    } catch (error) {
      console.error(output.split('\n').slice(-60).join('\n'));
      throw error;
    }
    secrets = JSON.parse(fs.readFileSync(path.join(tmp, 'data', 'secrets.json'), 'utf8')) as Record<string, string>;
    seed = createStrapiClient({ baseUrl: `http://127.0.0.1:${ports.strapi}`, token: secrets.STRAPI_SEED_TOKEN! });
    poller = (async () => {
      while (polling) {
        siteAnswers.push(
          await fetch(`${siteUrl()}/`).then(
            async (r) => (await r.arrayBuffer(), r.status),
            () => 0,
          ),
        );
        await sleep(100);
      }
    })();
  });

  afterAll(async () => {
    polling = false;
    await poller;
    if (start && start.exitCode === null && start.signalCode === null) {
      const exited = new Promise((r) => start.once('exit', r));
      start.kill('SIGINT');
      await Promise.race([exited, sleep(20_000)]);
      if (start.exitCode === null && start.signalCode === null) start.kill('SIGKILL');
    }
    for (const pid of [...pids.Strapi, ...pids.Publisher]) if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
    if (readEnv(['IKZ_KEEP_TMP']).IKZ_KEEP_TMP) console.log(`[supervisor test] kept ${tmp}`);
    else if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('serves the site, the status page, the preview and Strapi, each part in a process of its own', async () => {
    expect(output).toContain(`Website:                   http://localhost:${ports.site}/`);
    expect((await page('/')).status).toBe(200);
    // Without SMTP_HOST every mail is written to a folder the start output names: a new user sees the
    // confirmation mail of a newsletter sign-up made on the site's origin.
    const mailDir = /E-Mails:\s+nicht versendet, sondern als \.eml-Dateien in (\S+)\/ \(ohne SMTP_HOST\)/.exec(
      output,
    )?.[1];
    expect(mailDir, output).toBeDefined();
    expect(mailDir!.startsWith(tmp)).toBe(true);
    const email = 'neue-nutzerin@kommune.example';
    const signUp = await fetch(`${siteUrl()}/formulare/newsletter/anmelden`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        email,
        consent: 'ja',
        consentVersion: NEWSLETTER_CONSENT.version,
        source: '/newsletter/',
        website: '',
      }).toString(),
    });
    expect(signUp.status).toBe(200);
    const eml = await until(
      'the confirmation mail in the mail folder',
      () => {
        const files = fs.existsSync(mailDir!) ? fs.readdirSync(mailDir!).filter((f) => f.endsWith('.eml')) : [];
        return files.map((f) => fs.readFileSync(path.join(mailDir!, f), 'utf8')).find((text) => text.includes(email));
      },
      30_000,
    );
    expect(eml).toMatch(/^Subject: =\?UTF-8\?|^Subject: Bitte best/m);
    expect((await fetch(`${publisherUrl()}/status`)).status).toBe(200);
    // No token: the preview answers, and refuses.
    expect((await fetch(`${previewUrl()}/vorschau`)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${ports.strapi}/_health`)).status).toBeLessThan(300);
    expect(pids.Strapi).toHaveLength(1);
    expect(pids.Publisher).toHaveLength(1);
    expect(new Set([start.pid, pidOf('Strapi'), pidOf('Publisher')]).size).toBe(3);
  });

  it('keeps the site up when Strapi is killed, starts Strapi again, retries the build that failed meanwhile and publishes edits afterwards', async () => {
    const killed = pidOf('Strapi');
    const killedAt = new Date().toISOString();
    process.kill(killed, 'SIGKILL');
    // A build asked for while Strapi is down fails – and is tried again once Strapi is back.
    const asked = await fetch(`${publisherUrl()}/build`, {
      method: 'POST',
      headers: { [SECRET_HEADER]: secrets.PUBLISHER_WEBHOOK_SECRET! },
    });
    expect(asked.status).toBe(202);
    await until('a failed build while Strapi is down', async () =>
      (await statusJson()).history.find((b) => b.startedAt > killedAt && b.result === 'failed'),
    );
    expect(output).toMatch(
      /\[start\] Strapi abgestürzt \(Signal SIGKILL\), Neustart in 1 s · Strapi crashed \(signal SIGKILL\), restarting in 1 s/,
    );
    await until('Strapi back', () => pids.Strapi.length === 2, 180_000);
    expect(pidOf('Strapi')).not.toBe(killed);
    expect(isAlive(killed)).toBe(false);
    const failedAt = (await statusJson()).history.find(
      (b) => b.startedAt > killedAt && b.result === 'failed',
    )!.startedAt;
    await until('a successful build after the failed one', async () =>
      (await statusJson()).history.find((b) => b.startedAt > failedAt && b.result === 'success'),
    );

    const text = `Nach dem Absturz von Strapi veröffentlicht ${Date.now()}.`;
    const urlPath = await editProject(text);
    await liveWith(urlPath, text);
  });

  it('keeps the site up when the publisher is killed, starts it again with its preview, and catches up with an edit made while it was down', async () => {
    const killed = pidOf('Publisher');
    process.kill(killed, 'SIGKILL');
    await until(
      'the publisher gone',
      async () =>
        await fetch(`${publisherUrl()}/status`).then(
          () => false,
          () => true,
        ),
    );
    // Its webhook cannot arrive: the publisher finds the edit when it reads the content after its restart.
    const text = `Während der Publisher fehlte veröffentlicht ${Date.now()}.`;
    const urlPath = await editProject(text);
    expect(output).toMatch(/\[start\] Publisher abgestürzt \(Signal SIGKILL\), Neustart in 1 s/);
    await until('the publisher back', () => pids.Publisher.length === 2, 120_000);
    expect(pidOf('Publisher')).not.toBe(killed);
    expect(groupMembers(killed)).toEqual([]);
    expect((await fetch(`${previewUrl()}/vorschau`)).status).toBe(401);
    await liveWith(urlPath, text);

    const after = `Nach dem Neustart des Publishers veröffentlicht ${Date.now()}.`;
    await editProject(after);
    await liveWith(urlPath, after);
  });

  it('answered every request for the site with 200 throughout', () => {
    expect(siteAnswers.length).toBeGreaterThan(50);
    expect(siteAnswers.filter((s) => s !== 200)).toEqual([]);
  });

  it('stops everything on Ctrl-C, leaving no process behind', async () => {
    polling = false;
    await poller;
    const exited = new Promise<number | null>((r) => start.once('exit', (code) => r(code)));
    start.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const pid of [...pids.Strapi, ...pids.Publisher]) {
      expect(isAlive(pid), `pid ${pid}`).toBe(false);
      expect(groupMembers(pid), `process group ${pid}`).toEqual([]);
    }
    expect(
      await fetch(`${siteUrl()}/`).then(
        () => 'answered',
        () => 'closed',
      ),
    ).toBe('closed');
  });
});
