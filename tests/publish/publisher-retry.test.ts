/**
 * A build that fails because Strapi is not reachable is tried again by the publisher itself, with the
 * back-off (1 s, then 2 s …), without any further webhook; close() ends the retries.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort, randomSecret } from '@ikz/scripts/lib/strapi-process';
import { createPublisher, type Publisher } from '@ikz/scripts/publisher/service';
import { stopSearchService } from '@ikz/site/builder';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-publisher-retry-'));
let publisher: Publisher | null = null;

afterAll(async () => {
  await publisher?.close();
  await stopSearchService();
  fs.rmSync(tmp, { recursive: true, force: true });
});

it('tries a build again with back-off while Strapi is not reachable, and stops trying at close', async () => {
  // Nothing listens on this port: Strapi is down.
  const strapiUrl = `http://127.0.0.1:${await freePort()}`;
  const logs: Record<string, unknown>[] = [];
  publisher = createPublisher({
    strapiUrl,
    token: randomSecret(48),
    secret: randomSecret(32),
    root: tmp,
    siteUrl: 'https://www.interkommunales.example',
    debounceMs: 50,
    maxWaitMs: 200,
    fullBuildAt: 'off',
    log: (record) => logs.push(record),
  });
  publisher.queue.notify('entry.publish project', { type: 'project', documentId: 'abc123' });
  const failed = () => publisher!.status().history.filter((b) => b.result === 'failed');
  const deadline = Date.now() + 240_000;
  while (failed().length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(failed().length).toBeGreaterThanOrEqual(3);
  expect(failed()[0]!.error).toMatch(/Strapi war nicht erreichbar/);
  const retries = logs.filter((l) => l.msg === 'Strapi not reachable: the build is tried again');
  expect(retries.slice(0, 2).map((l) => [l.attempt, l.inSeconds])).toEqual([
    [1, 1],
    [2, 2],
  ]);
  // Only the first build was asked for; the others are the publisher's own retries.
  expect(
    logs
      .filter((l) => l.msg === 'build started')
      .slice(1)
      .map((l) => l.events),
  ).toEqual(Array(failed().length - 1).fill(['Wiederholung: Strapi war nicht erreichbar']));

  const closed = publisher;
  publisher = null;
  await closed.close();
  const builds = closed.status().builds;
  await new Promise((r) => setTimeout(r, 5_000));
  expect(closed.status().builds).toBe(builds);
});
