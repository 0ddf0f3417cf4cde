/**
 * The publisher: receives Strapi's webhooks, queues rebuilds, builds each into a new release, checks it
 * and switches it live atomically; serves its status as JSON and as a small German page.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createStrapiClient } from '@ikz/shared-types/rest';
import { buildSite } from '../lib/site-build.ts';
import { readReports } from '../../../site/src/loader/report.ts';
import { assertWebhookSecret, SECRET_HEADER, secretMatches, triggersBuild } from '@ikz/shared-types/webhook';
import { checkRelease, type ExpectedCounts } from './checks.ts';
import { editorMessage } from './failure.ts';
import { createBuildQueue, type BuildReason } from './queue.ts';
import { activate, currentRelease, listReleases, prune, releaseId, releases } from './releases.ts';
import { renderStatusPage } from './status-page.ts';

export interface PublisherOptions {
  strapiUrl: string;
  token: string;
  secret: string;
  root: string;
  siteUrl: string;
  keep?: number;
  debounceMs?: number;
  maxWaitMs?: number;
  log?: (record: Record<string, unknown>) => void;
}

export interface BuildRecord {
  id: string;
  startedAt: string;
  seconds: number | null;
  result: 'running' | 'success' | 'failed';
  /** For editors, in German; the full error is in the operator's log. */
  error: string | null;
  pages: number | null;
  changes: number;
  skipped: { type: string; documentId: string; title: string | null; fields: string[] }[];
}


export function createPublisher(options: PublisherOptions) {
  assertWebhookSecret(options.secret);
  const r = releases(options.root);
  fs.mkdirSync(r.releasesDir, { recursive: true });
  const cacheDir = path.join(options.root, 'cache');
  const log = options.log ?? ((record) => console.log(JSON.stringify({ time: new Date().toISOString(), ...record })));
  const history: BuildRecord[] = [];
  const client = createStrapiClient({ baseUrl: options.strapiUrl, token: options.token });

  async function expectedCounts(): Promise<ExpectedCounts> {
    const total = async (plural: string) => (await client.findPage(plural, 1, { fields: ['documentId'] })).meta.pagination.total;
    const [projects, documents, events, newsletters, topics, municipalities] = await Promise.all(['projects', 'documents', 'events', 'newsletters', 'topics', 'municipalities'].map(total));
    return { projects: projects!, documents: documents!, events: events!, newsletters: newsletters!, topics: topics!, municipalities: municipalities! };
  }


  async function build(reason: BuildReason): Promise<void> {
    const id = releaseId();
    const record: BuildRecord = { id, startedAt: new Date().toISOString(), seconds: null, result: 'running', error: null, pages: null, changes: reason.changes, skipped: [] };
    history.unshift(record);
    history.splice(20);
    const outDir = path.join(r.releasesDir, id);
    const started = performance.now();
    log({ msg: 'build started', release: id, changes: reason.changes, events: reason.events });
    try {
      const result = await buildSite({ strapiUrl: options.strapiUrl, token: options.token, outDir, cacheDir, siteUrl: options.siteUrl, logFile: path.join(cacheDir, `build-${id}.log`) });
      record.pages = result.pages;
      record.skipped = readReports(path.join(cacheDir, 'report')).flatMap((r) => r.skipped);
      const skippedByType: Partial<ExpectedCounts> = {};
      for (const s of record.skipped) skippedByType[s.type as keyof ExpectedCounts] = (skippedByType[s.type as keyof ExpectedCounts] ?? 0) + 1;
      const problems = checkRelease(outDir, await expectedCounts(), skippedByType);
      if (problems.length) throw new Error(`Release check failed: ${problems.join('; ')}`);
      activate(r, id);
      const removed = prune(r, options.keep ?? 5);
      record.result = 'success';
      record.seconds = (performance.now() - started) / 1000;
      log({ msg: 'release live', release: id, seconds: record.seconds, pages: result.pages, skipped: record.skipped.length, pruned: removed });
    } catch (error) {
      record.result = 'failed';
      record.seconds = (performance.now() - started) / 1000;
      record.error = editorMessage(error);
      fs.rmSync(outDir, { recursive: true, force: true });
      log({ msg: 'build failed', release: id, error: error instanceof Error ? (error.stack ?? error.message) : String(error), cause: error instanceof Error && error.cause ? String(error.cause) : undefined, live: currentRelease(r) });
      throw error;
    } finally {
      fs.rmSync(path.join(cacheDir, `build-${id}.log`), { force: true });
    }
  }

  const queue = createBuildQueue({ debounceMs: options.debounceMs ?? 1500, maxWaitMs: options.maxWaitMs ?? 10_000, build });

  function status() {
    return {
      ...queue.status(),
      live: currentRelease(r),
      releases: listReleases(r),
      lastBuild: history[0] ?? null,
      lastSuccess: history.find((h) => h.result === 'success') ?? null,
      history,
    };
  }

  async function readBody(req: http.IncomingMessage, limit = 1_000_000): Promise<string> {
    let size = 0;
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > limit) throw new Error('body too large');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://publisher');
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
    };
    if (req.method === 'POST' && url.pathname === '/webhook') {
      if (!secretMatches(req.headers[SECRET_HEADER.toLowerCase()], options.secret)) {
        log({ msg: 'webhook refused', reason: 'bad or missing secret', remote: req.socket.remoteAddress });
        return json(401, { error: 'unauthorized' });
      }
      let payload: { event?: string; model?: string };
      try {
        payload = JSON.parse(await readBody(req)) as { event?: string; model?: string };
      } catch {
        return json(400, { error: 'invalid JSON' });
      }
      const event = String(payload.event ?? req.headers['x-strapi-event'] ?? '');
      const queued = triggersBuild(event, payload.model);
      if (queued) queue.notify(`${event}${payload.model ? ` ${payload.model}` : ''}`);
      return json(202, { queued });
    }
    if (req.method === 'POST' && url.pathname === '/build') {
      if (!secretMatches(req.headers[SECRET_HEADER.toLowerCase()], options.secret)) return json(401, { error: 'unauthorized' });
      queue.notify('manual');
      return json(202, { queued: true });
    }
    if (req.method === 'GET' && url.pathname === '/status') return json(200, status());
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/status.html')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(renderStatusPage(status()));
      return;
    }
    json(404, { error: 'not found' });
  }

  function listen(port: number, host = '127.0.0.1'): Promise<{ url: string; close: () => Promise<void> }> {
    const server = http.createServer((req, res) => {
      handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500).end();
        log({ msg: 'request failed', error: String(error) });
      });
    });
    return new Promise((resolve, reject) => {
      server.on('error', reject);
      server.listen(port, host, () => {
        const address = server.address();
        const actual = typeof address === 'object' && address ? address.port : port;
        resolve({ url: `http://${host}:${actual}`, close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }) });
      });
    });
  }

  return { queue, status, build, listen, releases: r, handle };
}

export type Publisher = ReturnType<typeof createPublisher>;
