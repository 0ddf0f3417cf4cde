/**
 * The publisher: receives Strapi's webhooks, coalesces them, and for every batch builds a new release with
 * the site builder – incrementally from the live release, so a publish re-renders only what it affects –
 * checks it against the content the build read, and switches it live atomically. A nightly full build is
 * compared with the live release and goes live itself. Serves its status as JSON and as a German page.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CONTENT_TYPES, type ContentTypeName } from '@ikz/shared-types';
import type { PublisherStatus } from '@ikz/shared-types/build-report';
import { assertWebhookSecret, SECRET_HEADER, secretMatches, triggersBuild, WebhookPayloadSchema } from '@ikz/shared-types/webhook';
import { createSiteBuilder, reusable, type Change, type ReleaseManifest } from '@ikz/site/builder';
import { refuseForeignHost } from '../lib/host-allowlist.ts';
import { listen as listenOn, type Listening } from '../lib/listen.ts';
import { backoffDelay } from '../lib/backoff.ts';
import { editorMessage, failureKind } from './failure.ts';
import { HISTORY_LIMIT, loadHistory, saveHistory, type BuildRecord } from './history.ts';
import { createBuildQueue, type BuildReason } from './queue.ts';
import { activate, claimRelease, currentRelease, discard, emptyTrash, listReleases, retire, readManifest, recycleCandidate, releaseId, releases, removeIncomplete, writeManifest, type TrashRemoval } from './releases.ts';
import { renderStatusPage } from './status-page.ts';
import { differingUrls, nextCheck } from './verify.ts';
import { inheritedEnv } from '@ikz/shared-types/env';

export interface PublisherOptions {
  strapiUrl: string;
  token: string;
  secret: string;
  root: string;
  siteUrl: string;
  keep?: number;
  debounceMs?: number;
  maxWaitMs?: number;
  /** The nightly full build and comparison: "HH:MM" in Europe/Berlin, or "off" (default 03:30). */
  fullBuildAt?: string;
  strict?: boolean;
  env?: Record<string, string | undefined>;
  log?: (record: Record<string, unknown>) => void;
  /**
   * Public addresses of the status page and JSON (IKZ_STATUS_PAGE_URL, PUBLISHER_STATUS_URL): their host names
   * are answered besides localhost/127.0.0.1/[::1] with the port listened on.
   */
  statusUrls?: (string | undefined)[];
  /** Where Strapi sends its webhooks (PUBLISHER_WEBHOOK_URL): /webhook and /build answer only its host name and loopback. */
  webhookUrls?: (string | undefined)[];
}

export type { BuildRecord } from './history.ts';

const NIGHTLY = 'nächtliche Kontrolle';
const MODELS = new Map<string, ContentTypeName>(Object.entries(CONTENT_TYPES).map(([name, t]) => [t.singular, name as ContentTypeName]));

/** Type-checks that the status carries what Strapi's admin reads (PublisherStatusSchema), plus anything else. */
const withStatusContract = <T extends PublisherStatus>(status: T): T => status;

/** What a webhook says changed. */
export function changeOf(payload: unknown): Change | null {
  const parsed = WebhookPayloadSchema.safeParse(payload);
  if (!parsed.success) return null;
  const { event, model, entry, media } = parsed.data;
  if (event.startsWith('media.')) return media?.id !== undefined ? { mediaId: media.id } : {};
  const type = model ? MODELS.get(model) : undefined;
  return { type, documentId: entry?.documentId };
}

export function createPublisher(options: PublisherOptions) {
  assertWebhookSecret(options.secret);
  const r = releases(options.root);
  fs.mkdirSync(r.releasesDir, { recursive: true });
  const log = options.log ?? ((record) => console.log(JSON.stringify({ time: new Date().toISOString(), ...record })));
  /** The build records, newest first; kept in the site root across restarts. */
  const loaded = loadHistory(options.root);
  if (loaded.problem) log({ level: 'error', msg: 'build history ignored in part or whole', file: 'history.json', problem: loaded.problem });
  const history: BuildRecord[] = loaded.records;
  // Records a killed process left running are stored as aborted now.
  if (loaded.records.length) persistHistory();
  function persistHistory(): void {
    try {
      saveHistory(options.root, history);
    } catch (error) {
      log({ level: 'error', msg: 'saving the build history failed (the status keeps it until the next restart)', error: String(error) });
    }
  }
  /** Old releases are removed between builds only, never beside one (a build needs the disk and both cores). */
  let removal: TrashRemoval | null = null;
  const builder = createSiteBuilder({
    strapiUrl: options.strapiUrl,
    token: options.token,
    siteUrl: options.siteUrl,
    cacheDir: path.join(options.root, 'cache'),
    strict: options.strict ?? false,
    env: options.env ?? inheritedEnv(),
    log: (message) => log({ msg: 'builder', detail: message }),
  });
  for (const id of removeIncomplete(r)) log({ msg: 'removed unfinished release', release: id });
  function removeOldReleases(): void {
    if (removal) return;
    const started = emptyTrash(r);
    removal = started;
    void started.done
      .catch((error: unknown) => log({ level: 'error', msg: 'removing old releases failed', error: String(error) }))
      .finally(() => {
        if (removal === started) removal = null;
      });
  }
  /** Stops the removal under way, if any; resolves once it has stopped. */
  function stopRemoval(): Promise<void> {
    const stopping = removal;
    removal = null;
    stopping?.stop();
    return stopping?.done ?? Promise.resolve();
  }
  removeOldReleases();

  function liveRelease(): { id: string; dir: string; manifest: ReleaseManifest } | null {
    const id = currentRelease(r);
    const manifest = id ? readManifest<ReleaseManifest>(r, id) : null;
    return id && manifest ? { id, dir: path.join(r.releasesDir, id), manifest } : null;
  }

  /**
   * A build that failed because Strapi was not reachable is tried again – with what it was to build – after
   * a back-off (1 s, 2 s, … 30 s), and at once when something else asks for a build (a webhook, or
   * `catchUp` when Strapi is back).
   */
  let closing = false;
  const retry = { items: [] as Change[], full: null as string | null, attempts: 0, timer: null as NodeJS.Timeout | null };
  function clearRetryTimer(): void {
    if (retry.timer) clearTimeout(retry.timer);
    retry.timer = null;
  }
  function scheduleRetry(reason: BuildReason<Change>): void {
    retry.items = reason.items;
    retry.full = reason.full;
    const delayMs = backoffDelay(retry.attempts);
    retry.attempts += 1;
    log({ level: 'warn', msg: 'Strapi not reachable: the build is tried again', inSeconds: delayMs / 1000, attempt: retry.attempts });
    clearRetryTimer();
    retry.timer = setTimeout(() => {
      retry.timer = null;
      if (closing) return;
      if (retry.full) queue.requestFull(retry.full);
      else queue.notify('Wiederholung: Strapi war nicht erreichbar');
    }, delayMs);
  }

  function startRecord(reason: BuildReason<Change>): BuildRecord {
    const record: BuildRecord = { id: releaseId(), startedAt: new Date().toISOString(), seconds: null, result: 'running', kind: null, reason: null, error: null, pages: null, recycled: null, searchChanged: null, differences: null, changes: reason.changes, skipped: [], withheld: [], phases: null };
    history.unshift(record);
    history.splice(HISTORY_LIMIT);
    persistHistory();
    return record;
  }

  /** The nightly check: which pages of the live (incremental) release differ from the full build. */
  function compareWithLive(outDir: string, manifest: ReleaseManifest, live: ReturnType<typeof liveRelease>): string[] {
    if (!live) return [];
    const differing = differingUrls({ dir: outDir, manifest }, live);
    if (differing.length) log({ level: 'error', msg: 'incremental release differed from the full build; the full build goes live', pages: differing.slice(0, 200), count: differing.length });
    else log({ msg: 'nightly check: incremental release equals the full build' });
    return differing;
  }

  function goLive(record: BuildRecord, manifest: ReleaseManifest): void {
    writeManifest(r, record.id, manifest);
    activate(r, record.id);
    const retired = retire(r, options.keep ?? 5);
    if (retired.length) log({ msg: 'releases retired', releases: retired });
  }

  /** After a restart: the projects' search bundle is loaded while nothing waits (see SiteBuilder.warmSearch). */
  async function warmSearch(release: { dir: string; manifest: ReleaseManifest }): Promise<void> {
    const started = performance.now();
    try {
      const pages = await builder.warmSearch(release);
      if (pages) log({ msg: 'search index loaded', pages, seconds: (performance.now() - started) / 1000 });
    } catch (error) {
      log({ level: 'error', msg: 'loading the search index failed (the next build loads it)', error: String(error) });
    }
  }

  async function build(queued: BuildReason<Change>): Promise<void> {
    clearRetryTimer();
    const reason: BuildReason<Change> = { ...queued, items: [...retry.items, ...queued.items], full: queued.full ?? retry.full };
    retry.items = [];
    retry.full = null;
    const record = startRecord(reason);
    const outDir = path.join(r.releasesDir, record.id);
    const started = performance.now();
    const live = liveRelease();
    const candidate = live ? recycleCandidate<ReleaseManifest>(r, options.keep ?? 5, (m) => reusable(m, live.manifest.codeHash, live.manifest.siteUrl)) : null;
    const recycle = candidate ? { dir: candidate.dir, manifest: candidate.manifest, claim: () => claimRelease(r, candidate.id, outDir) } : null;
    void stopRemoval();
    log({ msg: 'build started', release: record.id, changes: reason.changes, events: reason.events, full: reason.full });
    try {
      const { manifest, report } = await builder.build({ outDir, previous: live, recycle, discard: (dir) => discard(r, dir), full: Boolean(reason.full), ...(reason.full ? { reason: reason.full } : {}), changes: reason.items });
      Object.assign(record, { kind: report.kind, reason: report.reason, pages: report.pages, recycled: report.recycled, searchChanged: report.search.changed, skipped: report.skipped, withheld: report.withheld });
      if (reason.full === NIGHTLY) record.differences = compareWithLive(outDir, manifest, live);
      const switching = performance.now();
      goLive(record, manifest);
      record.phases = { ...report.phases, 'go-live': Math.round(performance.now() - switching) / 1000 };
      record.result = 'success';
      record.seconds = (performance.now() - started) / 1000;
      retry.attempts = 0;
      log({ msg: 'release live', release: record.id, seconds: record.seconds, kind: report.kind, recycled: report.recycled, reason: report.reason, pages: report.pages, files: report.files, search: report.search, content: report.content, skipped: report.skipped.length, withheld: report.withheld.length, phases: record.phases });
      persistHistory();
      await warmSearch({ dir: path.join(r.releasesDir, record.id), manifest });
    } catch (error) {
      record.result = 'failed';
      record.seconds = (performance.now() - started) / 1000;
      record.error = editorMessage(error);
      if (fs.existsSync(outDir)) discard(r, outDir);
      log({ level: 'error', msg: 'build failed', release: record.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error), cause: error instanceof Error && error.cause ? String(error.cause) : undefined, live: currentRelease(r) });
      if (failureKind(error) === 'strapi' && !closing) scheduleRetry(reason);
      throw error;
    } finally {
      persistHistory();
      removeOldReleases();
    }
  }

  const queue = createBuildQueue<Change>({ debounceMs: options.debounceMs ?? 250, maxWaitMs: options.maxWaitMs ?? 3000, build });

  let nightlyTimer: NodeJS.Timeout | null = null;
  function scheduleNightly(): void {
    const due = nextCheck(new Date(), options.fullBuildAt ?? '03:30');
    if (!due) return;
    nightlyTimer = setTimeout(() => {
      checkNow();
      scheduleNightly();
    }, due.getTime() - Date.now());
    nightlyTimer.unref();
  }
  scheduleNightly();

  function status() {
    return withStatusContract({
      ...queue.status(),
      live: currentRelease(r),
      releases: listReleases(r),
      lastBuild: history[0] ?? null,
      lastSuccess: history.find((h) => h.result === 'success') ?? null,
      history,
    });
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
    if (refuseForeignHost(req, res, [...(options.statusUrls ?? []), ...(options.webhookUrls ?? [])])) return;
    const url = new URL(req.url ?? '/', 'http://publisher');
    if ((url.pathname === '/webhook' || url.pathname === '/build') && refuseForeignHost(req, res, options.webhookUrls ?? [])) return;
    const json = (code: number, body: unknown): void => {
      res.writeHead(code, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
    };
    const authorised = secretMatches(req.headers[SECRET_HEADER.toLowerCase()], options.secret);
    if (req.method === 'POST' && url.pathname === '/webhook') {
      if (!authorised) {
        log({ msg: 'webhook refused', reason: 'bad or missing secret', remote: req.socket.remoteAddress });
        return json(401, { error: 'unauthorized' });
      }
      let payload: unknown;
      try {
        payload = JSON.parse(await readBody(req));
      } catch {
        return json(400, { error: 'invalid JSON' });
      }
      const parsed = WebhookPayloadSchema.safeParse(payload);
      if (!parsed.success) return json(400, { error: 'not a Strapi webhook' });
      const { event, model } = parsed.data;
      const queued = triggersBuild(event, model);
      if (queued) queue.notify(`${event}${model ? ` ${model}` : ''}`, changeOf(payload) ?? {});
      return json(202, { queued });
    }
    if (req.method === 'POST' && url.pathname === '/build') {
      if (!authorised) return json(401, { error: 'unauthorized' });
      if (url.searchParams.get('full') === '1') queue.requestFull('Neubau aller Seiten angefordert');
      else queue.notify('manual');
      return json(202, { queued: true });
    }
    if (req.method === 'GET' && url.pathname === '/status') return json(200, status());
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/status.html')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(renderStatusPage(status()));
      return;
    }
    json(404, { error: 'not found' });
  }

  function listen(port: number, host = '127.0.0.1'): Promise<Listening> {
    const server = http.createServer((req, res) => {
      handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500).end();
        log({ msg: 'request failed', error: String(error) });
      });
    });
    return listenOn(server, port, host);
  }

  /** Builds now, outside the queue (first start, benchmarks). */
  function buildNow(full: string | null = null): Promise<void> {
    return build({ changes: 0, firstAt: Date.now(), events: [full ?? 'build'], items: [], full });
  }

  /** Something may have changed unseen (Strapi was restarted): a build picks up what Strapi reports as updated. */
  const catchUp = (why: string) => queue.notify(why);

  async function close(): Promise<void> {
    closing = true;
    clearRetryTimer();
    if (nightlyTimer) clearTimeout(nightlyTimer);
    await queue.idle();
    // What is left in the trash goes at the next start.
    await stopRemoval();
    await builder.close();
  }

  /** Asks for the nightly check now: a full build, compared with the live release, that then goes live. */
  const checkNow = () => queue.requestFull(NIGHTLY);

  return { queue, status, build: buildNow, checkNow, catchUp, listen, releases: r, handle, close, builder };
}

export type Publisher = ReturnType<typeof createPublisher>;
