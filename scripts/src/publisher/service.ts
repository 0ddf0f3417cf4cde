/**
 * The publisher: receives Strapi's webhooks, coalesces them, and for every batch builds a new release with
 * the site builder – incrementally from the live release, so a publish re-renders only what it affects –
 * checks it against the content the build read, and switches it live atomically. A nightly full build is
 * compared with the live release and goes live itself. Serves its status as JSON and as a German page.
 *
 * This file puts the named parts together: HTTP (./http.ts), the build queue (./queue.ts), the releases
 * (./release-keeper.ts), the history (./history.ts), the retry after Strapi was unreachable (./retry.ts) and
 * the nightly check (./verify.ts); `publish()` below is one build, step by step.
 */
import path from 'node:path';
import type { PublisherStatus } from '@ikz/shared-types/build-report';
import { inheritedEnv } from '@ikz/shared-types/env';
import { assertWebhookSecret } from '@ikz/shared-types/webhook';
import { createSiteBuilder, type BuildResult, type Change, type SiteBuilder } from '@ikz/site/builder';
import { editorMessage, failureKind } from './failure.ts';
import { openHistory, type BuildRecord } from './history.ts';
import { createPublisherHttp } from './http.ts';
import { createBuildQueue, type BuildReason, type QueueState } from './queue.ts';
import { createReleaseKeeper, type LiveRelease } from './release-keeper.ts';
import { currentRelease, listReleases, releaseId, type Releases } from './releases.ts';
import { createRetry } from './retry.ts';
import { createStoreSaver } from './store-saver.ts';
import { compareWithLive, scheduleNightly } from './verify.ts';

export interface PublisherOptions {
  strapiUrl: string;
  token: string;
  secret: string;
  root: string;
  siteUrl: string;
  keep?: number;
  /** Projects per search bundle before they are split (IKZ_PROJECTS_PER_BUNDLE). */
  projectsPerBundle?: number;
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
export { changeOf } from './http.ts';

const NIGHTLY = 'nächtliche Kontrolle';
/** Releases kept for rollback when `keep` is not set (the live one included). */
export const DEFAULT_KEEP = 5;

/** Where the publisher keeps its content store between runs (a restart then reads only what changed meanwhile). */
export const contentStoreFile = (root: string) => path.join(root, 'content-store.json');
type Log = (record: Record<string, unknown>) => void;

/** Type-checks that the status carries what Strapi's admin reads (PublisherStatusSchema), plus anything else. */
const withStatusContract = <T extends PublisherStatus>(status: T): T => status;

/** The status as JSON and as the editors' page show it. */
function statusOf(queue: QueueState, r: Releases, records: BuildRecord[]) {
  return withStatusContract({
    ...queue,
    live: currentRelease(r),
    releases: listReleases(r),
    lastBuild: records[0] ?? null,
    lastSuccess: records.find((h) => h.result === 'success') ?? null,
    history: records,
  });
}

/** After a restart: the projects' search bundle is loaded while nothing waits (see SiteBuilder.warmSearch). */
async function warmSearch(builder: SiteBuilder, release: Omit<LiveRelease, 'id'>, log: Log): Promise<void> {
  const started = performance.now();
  try {
    const pages = await builder.warmSearch(release);
    if (pages) log({ msg: 'search index loaded', pages, seconds: (performance.now() - started) / 1000 });
  } catch (error) {
    log({ level: 'error', msg: 'loading the search index failed (the next build loads it)', error: String(error) });
  }
}

/** What a finished build tells its record. */
function recordReport(record: BuildRecord, { report }: BuildResult): void {
  Object.assign(record, {
    kind: report.kind,
    reason: report.reason,
    pages: report.pages,
    recycled: report.recycled,
    searchChanged: report.search.changed,
    skipped: report.skipped,
    withheld: report.withheld,
  });
}

type Keeper = ReturnType<typeof createReleaseKeeper>;
type Retry = ReturnType<typeof createRetry>;
interface PublishParts {
  builder: SiteBuilder;
  saver: ReturnType<typeof createStoreSaver>;
  keeper: Keeper;
  history: ReturnType<typeof openHistory>;
  retry: Retry;
  log: Log;
  closing: () => boolean;
}

function logLive(log: Log, record: BuildRecord, { report }: BuildResult): void {
  log({
    msg: 'release live',
    release: record.id,
    seconds: record.seconds,
    kind: report.kind,
    recycled: report.recycled,
    reason: report.reason,
    pages: report.pages,
    files: report.files,
    search: report.search,
    content: report.content,
    skipped: report.skipped.length,
    withheld: report.withheld.length,
    phases: record.phases,
  });
}

/** A failed build: its record says why (in German, for editors), its folder goes, Strapi unreachable → retry. */
function recordFailure(
  parts: PublishParts,
  record: BuildRecord,
  reason: BuildReason<Change>,
  outDir: string,
  started: number,
  error: unknown,
): void {
  record.result = 'failed';
  record.seconds = (performance.now() - started) / 1000;
  record.error = editorMessage(error);
  parts.keeper.discardDir(outDir);
  parts.log({
    level: 'error',
    msg: 'build failed',
    release: record.id,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    cause: error instanceof Error && error.cause ? String(error.cause) : undefined,
    live: currentRelease(parts.keeper.releases),
  });
  if (failureKind(error) === 'strapi' && !parts.closing()) parts.retry.schedule(reason);
}

/** One build: render from the live release, check (inside the builder), compare if nightly, switch live. */
function publishStep(parts: PublishParts) {
  const { builder, saver, keeper, history, retry, log } = parts;
  return async function publish(queued: BuildReason<Change>): Promise<void> {
    saver.building();
    const reason = retry.take(queued);
    const record = history.start(releaseId(), reason.changes);
    const outDir = keeper.dirOf(record.id);
    const started = performance.now();
    const live = keeper.live();
    const recycle = keeper.recyclable(live, outDir);
    void keeper.stopRemoval();
    log({
      msg: 'build started',
      release: record.id,
      changes: reason.changes,
      events: reason.events,
      full: reason.full,
    });
    try {
      const result = await builder.build({
        outDir,
        base: live,
        recycle,
        discard: keeper.discard,
        full: Boolean(reason.full),
        ...(reason.full ? { reason: reason.full } : {}),
        changes: reason.items,
      });
      recordReport(record, result);
      if (reason.full === NIGHTLY)
        record.differences = compareWithLive({ dir: outDir, manifest: result.manifest }, live, log);
      const switching = performance.now();
      keeper.goLive(record.id, result.manifest);
      record.phases = { ...result.report.phases, 'go-live': Math.round(performance.now() - switching) / 1000 };
      record.result = 'success';
      record.seconds = (performance.now() - started) / 1000;
      retry.succeeded();
      logLive(log, record, result);
      history.persist();
      await warmSearch(builder, { dir: outDir, manifest: result.manifest }, log);
      saver.built();
    } catch (error) {
      recordFailure(parts, record, reason, outDir, started, error);
      throw error;
    } finally {
      history.persist();
      keeper.removeOld();
    }
  };
}

export function createPublisher(options: PublisherOptions) {
  assertWebhookSecret(options.secret);
  const log = options.log ?? ((record) => console.log(JSON.stringify({ time: new Date().toISOString(), ...record })));
  const history = openHistory(options.root, log);
  const keeper = createReleaseKeeper(options.root, options.keep ?? DEFAULT_KEEP, log);
  const builder = createSiteBuilder({
    strapiUrl: options.strapiUrl,
    token: options.token,
    siteUrl: options.siteUrl,
    cacheDir: path.join(options.root, 'cache'),
    storeFile: contentStoreFile(options.root),
    // When to save is the saver's (below): quiet publishing, or a save too old.
    storeSaveIntervalMs: 0,
    strict: options.strict ?? false,
    env: options.env ?? inheritedEnv(),
    projectsPerBundle: options.projectsPerBundle,
    log: (message) => log({ msg: 'builder', detail: message }),
  });
  keeper.removeOld();
  let closing = false;
  const retry = createRetry({
    log,
    ask: (full) => (full ? queue.requestFull(full) : queue.notify('Wiederholung: Strapi war nicht erreichbar')),
  });
  const saver = createStoreSaver({ save: () => builder.saveStore() });
  const publish = publishStep({ builder, saver, keeper, history, retry, log, closing: () => closing });

  const queue = createBuildQueue<Change>({
    debounceMs: options.debounceMs ?? 250,
    maxWaitMs: options.maxWaitMs ?? 3000,
    build: publish,
  });
  /** Asks for the nightly check now: a full build, compared with the live release, that then goes live. */
  const checkNow = () => queue.requestFull(NIGHTLY);
  const stopNightly = scheduleNightly(options.fullBuildAt ?? '03:30', checkNow);

  const status = () => statusOf(queue.status(), keeper.releases, history.records);

  const { handle, listen } = createPublisherHttp({
    secret: options.secret,
    statusUrls: options.statusUrls,
    webhookUrls: options.webhookUrls,
    requests: queue,
    status,
    log,
  });

  /** Builds now, outside the queue (first start, benchmarks). */
  function buildNow(full: string | null = null): Promise<void> {
    return publish({ changes: 0, firstAt: Date.now(), events: [full ?? 'build'], items: [], full });
  }

  /** Something may have changed unseen (Strapi was restarted): a build picks up what Strapi reports as updated. */
  const catchUp = (why: string) => queue.notify(why);

  async function close(): Promise<void> {
    closing = true;
    saver.stop();
    retry.stop();
    stopNightly();
    await queue.idle();
    // What is left in the trash goes at the next start.
    await keeper.stopRemoval();
    await builder.close();
  }

  return {
    queue,
    status,
    build: buildNow,
    checkNow,
    catchUp,
    listen,
    releases: keeper.releases,
    handle,
    close,
    builder,
  };
}

export type Publisher = ReturnType<typeof createPublisher>;
