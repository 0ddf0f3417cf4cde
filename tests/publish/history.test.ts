/**
 * The build history survives a restart of the publisher: a real build against a real Strapi, then a new
 * publisher on the same site root; and a real `pnpm publisher` process killed in the middle of a build.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStrapi, type TestStrapi } from '../support/ephemeral-strapi.ts';
import { freePort, randomSecret } from '@ikz/scripts/lib/strapi-process';
import { ABORTED, historyFile } from '@ikz/scripts/publisher/history';
import { createPublisher, type BuildRecord } from '@ikz/scripts/publisher/service';
import { stopSearchService } from '@ikz/site/builder';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const SITE_URL = 'https://www.interkommunales.example';
const secret = randomSecret(32);

type Status = { lastBuild: BuildRecord | null; lastSuccess: BuildRecord | null; history: BuildRecord[] };

describe('after a restart of the publisher', () => {
  let strapi: TestStrapi;
  let root: string;
  let first: BuildRecord;

  beforeAll(async () => {
    strapi = await startTestStrapi(
      { scale: 0.02, seed: 'interkommunales-nrw', referenceDate: new Date('2026-11-01T00:00:00Z') },
      'history',
    );
    root = path.join(strapi.tmp, 'site');
    const publisher = createPublisher({
      strapiUrl: strapi.url,
      token: strapi.buildToken,
      secret,
      root,
      siteUrl: SITE_URL,
      fullBuildAt: 'off',
      log: () => {},
    });
    await publisher.build();
    first = publisher.status().lastBuild!;
    await publisher.close();
  }, 600_000);

  afterAll(async () => {
    await stopSearchService();
    await strapi?.stop();
  });

  it('GET /status and the status page show the builds from before', async () => {
    expect(first).toMatchObject({ result: 'success', kind: 'full' });
    expect(first.pages!.total).toBeGreaterThan(50);
    const publisher = createPublisher({
      strapiUrl: strapi.url,
      token: strapi.buildToken,
      secret,
      root,
      siteUrl: SITE_URL,
      fullBuildAt: 'off',
      log: () => {},
    });
    const listening = await publisher.listen(await freePort());
    try {
      const status = (await (await fetch(`${listening.url}/status`)).json()) as Status;
      expect(status.lastBuild).toEqual(JSON.parse(JSON.stringify(first)));
      expect(status.lastSuccess?.id).toBe(first.id);
      const page = await (await fetch(`${listening.url}/`)).text();
      expect(page).not.toContain('Noch kein Neubau');
      expect(page).toContain(`<td>${first.pages!.rendered}</td>`);

      // The next build is added in front; both are on disk.
      await publisher.build();
      const after = publisher.status();
      expect(after.history.map((h) => h.id)).toEqual([after.lastBuild!.id, first.id]);
      expect((JSON.parse(fs.readFileSync(historyFile(root), 'utf8')) as BuildRecord[]).map((h) => h.id)).toEqual([
        after.lastBuild!.id,
        first.id,
      ]);
    } finally {
      await listening.close();
      await publisher.close();
    }
  });
});

describe('a publisher killed during a build', () => {
  it('shows that build as aborted after the restart', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-history-killed-'));
    // A Strapi that accepts requests and never answers keeps the build running.
    const sockets = new Set<import('node:net').Socket>();
    const hanging = http.createServer(() => {});
    hanging.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const strapiUrl = `http://127.0.0.1:${(hanging.address() as import('node:net').AddressInfo).port}`;
    const token = randomSecret(32);
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts', 'src', 'publisher.ts')], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        STRAPI_URL: strapiUrl,
        STRAPI_BUILD_TOKEN: token,
        PUBLISHER_WEBHOOK_SECRET: secret,
        SITE_URL,
        IKZ_SITE_ROOT: root,
        PUBLISHER_PORT: String(port),
        IKZ_FULL_BUILD_AT: 'off',
      },
      stdio: 'ignore',
    });
    try {
      // The publisher starts a first build at once (no release yet) and records it as running.
      await expect
        .poll(() => (fs.existsSync(historyFile(root)) ? fs.readFileSync(historyFile(root), 'utf8') : ''), {
          timeout: 60_000,
          interval: 100,
        })
        .toContain('"result":"running"');
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));

      const publisher = createPublisher({
        strapiUrl,
        token,
        secret,
        root,
        siteUrl: SITE_URL,
        fullBuildAt: 'off',
        log: () => {},
      });
      const listening = await publisher.listen(await freePort());
      try {
        const status = (await (await fetch(`${listening.url}/status`)).json()) as Status;
        expect(status.lastBuild).toMatchObject({ result: 'failed', error: ABORTED });
        expect(status.lastSuccess).toBeNull();
        expect(await (await fetch(`${listening.url}/`)).text()).toContain(`fehlgeschlagen: ${ABORTED}`);
        // Stored as aborted, so it stays so.
        expect(fs.readFileSync(historyFile(root), 'utf8')).not.toContain('"result":"running"');
      } finally {
        await listening.close();
        await publisher.close();
      }
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      for (const socket of sockets) socket.destroy();
      hanging.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
