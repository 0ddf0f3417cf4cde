/**
 * `pnpm bench [--scale 1] [--edits 5] [--sustain 120] [--data dir] [--log file]`: measures the system on this machine and prints the
 * figures – seed time, full build (with peak memory), rebuild with nothing changed, publish-to-live time (an
 * edit saved through the REST API until the web server serves the new HTML, through the real webhook,
 * publisher and incremental build), steady publishing (a new project every 3 s), preview render time, output
 * size, page weight, largest page, search index size, search in Chromium (typing, and a cold /suche/?q=… load),
 * the layout shift of one page of every kind and (below scale 5) Lighthouse's performance score of /suche/?q=…
 * and /projekte/; then, with a Strapi of its own, one newsletter issue sent to 5,000 subscribers
 * (./bench-newsletter.ts; `--skip-newsletter` leaves it out). A benchmark, not a test: it
 * never fails on timing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { createStrapiClient, type StrapiClient } from '@ikz/shared-types/rest';
import { POPULATE } from '@ikz/site/snapshot/populate';
import { stopSearchService, type ReleaseManifest } from '@ikz/site/builder';
import { bundlePages } from '@ikz/site/builder/plan';
import { SearchIndex } from '@ikz/site/builder/search-index';
import { outputPath, SEARCH_MAIN_BUNDLE } from '@ikz/shared-types/routes';
import { benchNewsletter } from './bench-newsletter.ts';
import { lighthouseTarget, siteTargets, verdict, type Target } from './lib/bench-targets.ts';
import { startSeededStrapi, type SeededStrapi } from './lib/seeded-strapi.ts';
import { freePort, randomSecret } from './lib/strapi-process.ts';
import { serveStatic } from './lib/static-server.ts';
import {
  COLD_QUERIES,
  coldSearchLine,
  LIGHTHOUSE_PAGES,
  lighthouseLine,
  lowestScore,
  measureColdSearch,
  measureLighthouse,
  measurePageShift,
  measureTyping,
  onePagePerKind,
  pageShiftLine,
  TYPING_QUERIES,
  typingLine,
  type PageShift,
} from './lib/reader-figures.ts';
import { currentDir, currentRelease, readManifest, type Releases } from './publisher/releases.ts';
import { createPublisher, DEFAULT_KEEP, type BuildRecord, type Publisher } from './publisher/service.ts';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

function pageWeight(outDir: string, page: string): { html: number; css: number; gzip: number } {
  const html = fs.readFileSync(path.join(outDir, page));
  const css = [...html.toString().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) =>
    fs.readFileSync(path.join(outDir, m[1]!)),
  );
  return {
    html: html.length,
    css: css.reduce((s, b) => s + b.length, 0),
    gzip: gzipSync(html).length + css.reduce((s, b) => s + gzipSync(b).length, 0),
  };
}

/** Resident memory of this process and its children but Strapi (that is: the builder and Pagefind), in bytes, from /proc. */
function residentBytes(): number {
  const rss = (pid: string) =>
    Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  let total = rss(String(process.pid));
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const child = /PPid:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] === String(process.pid);
      if (child && !fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('strapi')) total += rss(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** Runs `work` and samples the memory of this process tree meanwhile; returns the peak. */
async function peakMemory<T>(work: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = residentBytes();
  const timer = setInterval(() => (peak = Math.max(peak, residentBytes())), 250);
  try {
    return { value: await work(), peak };
  } finally {
    clearInterval(timer);
  }
}

/** An error's message with its cause (fetch puts the reason – ECONNRESET, … – there). */
const errorText = (error: unknown) =>
  error instanceof Error
    ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}`
    : String(error);

/** Requests to the web server that failed while waiting (printed with the figures: they should stay 0). */
const failedRequests: string[] = [];

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const done = await check().catch((error: unknown) => {
      failedRequests.push(`${new Date().toISOString()} ${errorText(error)}`);
      return false;
    });
    if (done) return;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function publishToLive(
  client: StrapiClient,
  webUrl: string,
  edits: number,
  label = (i: number) => `edit ${i + 1}`,
): Promise<number[]> {
  const projects = (await client.findPage<{ documentId: string; slug: string }>('projects', 1, { fields: ['slug'] }))
    .data;
  const times: number[] = [];
  for (let i = 0; i < edits; i += 1) {
    const project = projects[(i * 7) % projects.length]!;
    const marker = `Messung ${i + 1}: geänderte Kurzbeschreibung ${Date.now()}`;
    const started = performance.now();
    await client.request('PUT', `/api/projects/${project.documentId}`, { body: { data: { summary: marker } } });
    await until(
      async () => (await fetch(`${webUrl}/projekte/${project.slug}/`).then((r) => r.text())).includes(marker),
      600_000,
    );
    times.push(performance.now() - started);
    console.log(`[bench] ${label(i)}: live after ${seconds(times.at(-1)!)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  return times;
}

/**
 * Edits while builds cannot recycle a release yet: after a code change the releases that would be retired were
 * built by other code (see releases.ts), so the first few builds link every file of the release anew. The
 * edits measured next are published as in operation, where a retired release is patched into the new one.
 */
async function editsUntilRecycling(publisher: Publisher, client: StrapiClient, webUrl: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < DEFAULT_KEEP + 1 && !publisher.status().lastBuild?.recycled; i += 1)
    times.push(...(await publishToLive(client, webUrl, 1, () => `edit ${i + 1} before a release can be recycled`)));
  return times;
}

/** A new project published every 3 s for `durationS`: time until each one is served, and failed builds. */
async function steadyPublishing(
  client: StrapiClient,
  publisher: Publisher,
  webUrl: string,
  durationS: number,
): Promise<{ times: number[]; failed: number; builds: number }> {
  const [topic] = (await client.findPage<{ documentId: string }>('topics', 1)).data;
  const [lead] = (await client.findPage<{ documentId: string }>('municipalities', 1)).data;
  const buildsBefore = publisher.status().builds;
  const startedAt = new Date().toISOString();
  const pending: Promise<number>[] = [];
  for (let i = 0; i < Math.floor(durationS / 3); i += 1) {
    const started = performance.now();
    const created = await client.request<{ data: { slug: string } }>('POST', '/api/projects', {
      body: {
        data: {
          title: `Messung Dauerlauf ${Date.now()} ${i}`,
          summary: 'Ein Projekt aus der Messung der Veröffentlichung unter ständigem Bearbeiten.',
          cooperationForm: 'Sonstige',
          projectStatus: 'Planung',
          bestPractice: false,
          topics: [topic!.documentId],
          leadMunicipality: lead!.documentId,
        },
      },
    });
    pending.push(
      until(async () => (await fetch(`${webUrl}/projekte/${created.data.slug}/`)).status === 200, 120_000).then(
        () => performance.now() - started,
      ),
    );
    await new Promise((r) => setTimeout(r, Math.max(0, 3000 - (performance.now() - started))));
  }
  const times = await Promise.all(pending);
  await publisher.queue.idle();
  const history = publisher.status().history.filter((h) => h.startedAt >= startedAt);
  return {
    times,
    failed: history.filter((h) => h.result === 'failed').length,
    builds: publisher.status().builds - buildsBefore,
  };
}

/** Milliseconds to render a draft project's preview, through the builder the preview service uses. */
async function previewTimes(seed: StrapiClient, publisher: Publisher, runs: number): Promise<number[]> {
  const [draft] = (await seed.findPage<{ documentId: string }>('projects', 1, { status: 'draft', fields: ['slug'] }))
    .data;
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const [fresh] = (
      await seed.findPage<unknown>('projects', 1, {
        status: 'draft',
        populate: POPULATE.project,
        filters: { documentId: { $eq: draft!.documentId } },
      })
    ).data;
    await publisher.builder.preview({ type: 'project', status: 'draft', entry: fresh });
    times.push(performance.now() - started);
  }
  return times;
}

const BENCH_OPTIONS = {
  scale: { type: 'string', default: '1' },
  edits: { type: 'string', default: '5' },
  sustain: { type: 'string', default: '120' },
  keep: { type: 'boolean', default: false },
  'skip-newsletter': { type: 'boolean', default: false },
  data: { type: 'string' },
  log: { type: 'string' },
} as const;
type BenchValues = ReturnType<typeof parseArgs<{ options: typeof BENCH_OPTIONS }>>['values'];

/** The bench's Strapi: in the folder of --data (seeded at its first run, kept) or in a temporary one (removed at stop). */
function startBenchStrapi(values: BenchValues, extraEnv: Record<string, string>): Promise<SeededStrapi> {
  const dir = values.data ? path.resolve(values.data) : fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-bench-'));
  const cleanUp = async () => {
    if (!values.data) fs.rmSync(dir, { recursive: true, force: true });
  };
  const seed = {
    scale: Number(values.scale),
    seed: 'interkommunales-nrw',
    referenceDate: new Date('2026-11-01T00:00:00Z'),
  };
  return startSeededStrapi({ seed, label: 'bench', dir, reuse: Boolean(values.data), extraEnv, cleanUp });
}

/** Starts a publisher listening on `port`, runs `work` with it, and closes it. */
async function withPublisher<T>(
  start: () => Publisher,
  port: number,
  work: (publisher: Publisher) => Promise<T>,
): Promise<T> {
  const publisher = start();
  const listening = await publisher.listen(port);
  try {
    return await work(publisher);
  } finally {
    await listening.close();
    await publisher.close();
  }
}

/** Size figures of a release folder: files, HTML pages, search index, weights of typical pages. */
function outputFigures(outDir: string) {
  const indexBytes = fs
    .readdirSync(outDir)
    .filter((d) => d.startsWith('pagefind'))
    .flatMap((d) => files(path.join(outDir, d)))
    .reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const all = files(outDir);
  const html = all.filter((f) => f.endsWith('.html'));
  const htmlSizes = html.map((f) => fs.statSync(f).size);
  const largest = html[htmlSizes.indexOf(Math.max(...htmlSizes))]!;
  const total = all.reduce((s, f) => s + fs.statSync(f).size, 0);
  const project = fs
    .readdirSync(path.join(outDir, 'projekte'))
    .find((d) => d !== 'seite' && fs.existsSync(path.join(outDir, 'projekte', d, 'index.html')))!;
  const weights = {
    'Startseite /': pageWeight(outDir, 'index.html'),
    'Projektliste /projekte/': pageWeight(outDir, 'projekte/index.html'),
    [`Projekt /projekte/${project}/`]: pageWeight(outDir, `projekte/${project}/index.html`),
    'Kommunen /kommunen/': pageWeight(outDir, 'kommunen/index.html'),
  };
  return {
    files: all.length,
    total,
    html: html.length,
    htmlSizes,
    largest: path.relative(outDir, largest),
    indexBytes,
    weights,
  };
}

/** The mean seconds per phase of these builds (phases of at least 0.05 s, longest first). */
function phaseAverages(builds: BuildRecord[]): (readonly [string, number])[] {
  const phaseNames = [...new Set(builds.flatMap((h) => Object.keys(h.phases ?? {})))];
  return phaseNames
    .map((name) => [name, builds.reduce((sum, h) => sum + (h.phases?.[name] ?? 0), 0) / builds.length] as const)
    .filter(([, s]) => s >= 0.05)
    .sort((a, b) => b[1] - a[1]);
}

/** With the first publisher: a full build, a build with nothing changed, edits until live, steady publishing. */
async function measureBuilds(publisher: Publisher, client: StrapiClient, webUrl: string, values: BenchValues) {
  console.log('[bench] full build …');
  const { peak } = await peakMemory(() => publisher.build('bench: full'));
  const full = publisher.status().lastBuild!;
  console.log('[bench] build again, nothing changed …');
  await publisher.build();
  const again = publisher.status().lastBuild!;
  const first = await editsUntilRecycling(publisher, client, webUrl);
  const live = await publishToLive(client, webUrl, Number(values.edits));
  const incremental = publisher
    .status()
    .history.filter((h) => h.kind === 'incremental' && h.result === 'success')
    .slice(0, Number(values.edits));
  console.log(`[bench] a new project every 3 s for ${values.sustain} s …`);
  const steady = await steadyPublishing(client, publisher, webUrl, Number(values.sustain));
  return { peak, full, again, first, live, incremental, steady };
}

/**
 * With a restarted publisher, which knows nothing: it catches up (reads all content), loads the projects' search
 * bundle, and then publishes as fast as before. Then the preview, the readers' figures in Chromium and the output.
 */
async function measureAfterRestart(
  publisher: Publisher,
  restarted: number,
  client: StrapiClient,
  webUrl: string,
  scale: number,
) {
  publisher.queue.notify('bench: restart');
  await publisher.queue.idle();
  const catchUp = performance.now() - restarted;
  const afterRestart = await publishToLive(client, webUrl, 1);
  const preview = await previewTimes(client, publisher, 5);
  const searchRuns = await measureTyping(webUrl, TYPING_QUERIES);
  const coldSearch = await measureColdSearch(webUrl, COLD_QUERIES);
  // One page of every kind (issue 20: layout shift on every page type), and the search page with a query.
  const shifts = [];
  for (const url of [...onePagePerKind(currentDir(publisher.releases)), '/suche/?q=Bauhof'])
    shifts.push(await measurePageShift(webUrl, url));
  const lighthouse = lighthouseTarget(scale) ? await measureLighthouse(webUrl, LIGHTHOUSE_PAGES) : null;
  return {
    catchUp,
    afterRestart,
    preview,
    searchRuns,
    coldSearch,
    shifts,
    lighthouse,
    output: outputFigures(currentDir(publisher.releases)),
    pagefind: await pagefindFloor(publisher.releases),
  };
}

/**
 * Pagefind alone on the live release's projects' bundle: every page added to a new index, then the bundle written
 * (as a publish that changes a project writes it) – the floor under such a publish, and under the first one after
 * a restart, which adds the bundle's pages again.
 */
async function pagefindFloor(r: Releases): Promise<{ pages: number; addMs: number; writeMs: number }> {
  const id = currentRelease(r)!;
  const manifest = readManifest<ReleaseManifest>(r, id)!;
  const urls = bundlePages(manifest, SEARCH_MAIN_BUNDLE);
  const index = new SearchIndex();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-bench-pagefind-'));
  try {
    const started = performance.now();
    for (const url of urls) await index.add(url, fs.readFileSync(path.join(currentDir(r), outputPath(url)), 'utf8'));
    const added = performance.now();
    await index.write(out);
    return { pages: urls.length, addMs: added - started, writeMs: performance.now() - added };
  } finally {
    await index.reset();
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** Both publisher runs against one web server that serves whichever release is live. */
async function measure(strapi: SeededStrapi, values: BenchValues, port: number, secret: string) {
  const log = values.log
    ? (record: object) =>
        fs.appendFileSync(values.log!, `${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`)
    : () => {};
  let current: Publisher | null = null;
  const startPublisher = () =>
    (current = createPublisher({
      strapiUrl: strapi.url,
      token: strapi.buildToken,
      secret,
      root: path.join(strapi.tmp, 'site'),
      siteUrl: 'https://www.interkommunales.example',
      fullBuildAt: 'off',
      log,
    }));
  const web = await serveStatic(() => currentDir(current!.releases));
  const client = createStrapiClient({ baseUrl: strapi.url, token: strapi.seedToken });
  try {
    const builds = await withPublisher(startPublisher, port, (publisher) =>
      measureBuilds(publisher, client, web.url, values),
    );
    console.log('[bench] restart the publisher, then one edit …');
    const restarted = performance.now();
    const after = await withPublisher(startPublisher, port, (publisher) =>
      measureAfterRestart(publisher, restarted, client, web.url, Number(values.scale)),
    );
    return { ...builds, ...after };
  } finally {
    await web.close();
  }
}

/** The verdict on the largest shift measured, and how many pages failed to load (those have no figure). */
function shiftVerdict(pages: PageShift[], target: Target): string {
  const measured = pages.flatMap((p) => p.shifts ?? []);
  const failed = pages.filter((p) => !p.shifts).length;
  return `at most ${Math.max(...measured).toFixed(3)} over ${pages.length - failed} pages ${verdict(Math.max(...measured), target)}${failed ? `, ${failed} failed to load` : ''}`;
}

function printReport(values: BenchValues, seedMs: number, f: Awaited<ReturnType<typeof measure>>): void {
  const { full, again, live, steady, output } = f;
  const target = siteTargets(Number(values.scale));
  const cold = f.coldSearch.filter((r) => !Number.isNaN(r.ms));
  const coldVerdicts = [
    verdict(median(cold.map((r) => r.ms)), target.coldSearchMs),
    verdict(median(f.coldSearch.map((r) => r.bytes)) / 1024, target.coldSearchKb),
    verdict(median(f.coldSearch.map((r) => r.requests)), target.coldSearchRequests),
  ];
  const restartToEdit = (f.catchUp + f.afterRestart[0]!) / 1000;
  console.log(`
Interkommunales.NRW benchmark – scale ${Number(values.scale)}, ${new Date().toISOString()}, Node ${process.versions.node}
  seed (Strapi start + demo content via REST)   ${seconds(seedMs)}${values.data ? ` (folder ${values.data}; only a start when it was seeded before)` : ''}
  full build (renderer, content, pages, search) ${full.seconds!.toFixed(1)} s for ${full.pages!.total} pages; peak memory ${(f.peak / 1024 ** 3).toFixed(2)} GB (builder and Pagefind, without Strapi)
  build with nothing changed                    ${again.seconds!.toFixed(1)} s (${again.pages!.rendered} pages rendered, ${again.pages!.reused} reused)
  publish-to-live (REST save → new HTML served) median ${seconds(median(live))}, max ${seconds(Math.max(...live))} over ${live.length} edits ${verdict(median(live) / 1000, target.publishToLiveSeconds)}
    ${'right after a code change'.padEnd(44)}${f.first.length ? `${f.first.map((ms) => seconds(ms)).join(', ')} (${f.first.length} edit(s) before a build could recycle a release: these link every file anew)` : 'none: a release of this code could be recycled at once'}
    incremental builds                          ${f.incremental.map((h) => `${h.seconds!.toFixed(2)} s / ${h.pages!.rendered} pages`).join(', ')}
    ${'phases (mean, ≥ 0.05 s)'.padEnd(44)} ${phaseAverages(f.incremental)
      .map(([n, s]) => `${n} ${s.toFixed(2)} s`)
      .join(', ')}
  after a restart: catch-up build + search load ${seconds(f.catchUp)}; then one edit live after ${seconds(f.afterRestart[0]!)} ${verdict(restartToEdit, target.restartToEditSeconds)}
  a new project every 3 s                       ${steady.times.length} projects, ${steady.builds} builds, ${steady.failed} failed; live after median ${seconds(median(steady.times))}, max ${seconds(Math.max(...steady.times))} ${verdict(steady.failed, target.steadyFailed)} ${verdict(Math.max(...steady.times) / 1000, target.steadyLiveMaxSeconds)}
  preview of a draft project                    median ${median(f.preview).toFixed(0)} ms, max ${Math.max(...f.preview).toFixed(0)} ms (Strapi read + render)
  output                                        ${output.files} files, ${(output.total / 1024 / 1024).toFixed(1)} MB, ${output.html} HTML pages
  HTML page size                                median ${kb(median(output.htmlSizes))}, max ${kb(Math.max(...output.htmlSizes))} (${output.largest}); ${output.htmlSizes.filter((size) => size > 100 * 1024).length} pages over 100 KB
  search index (Pagefind, all bundles)          ${(output.indexBytes / 1024 / 1024).toFixed(1)} MB on disk
  Pagefind alone, the projects' bundle          ${f.pagefind.pages} pages: adding them ${seconds(f.pagefind.addMs)}, writing the bundle ${seconds(f.pagefind.writeMs)} (${((f.pagefind.addMs + f.pagefind.writeMs) / Math.max(1, f.pagefind.pages)).toFixed(2)} ms per page)
  failed requests while waiting for a page      ${failedRequests.length}${failedRequests.length ? ` (${failedRequests.slice(0, 3).join('; ')})` : ''}
  search in Chromium, cold /suche/?q=… → first results (local web server) ${coldSearchLine(f.coldSearch)}
    ${coldVerdicts.join(' ')}
  layout shift (CPU ÷4; desktop / phone), one page of every kind: ${shiftVerdict(f.shifts, target.layoutShift)}
    ${pageShiftLine(f.shifts)}
  Lighthouse performance (phone, desktop)       ${f.lighthouse ? `${lighthouseLine(f.lighthouse)} ${verdict(lowestScore(f.lighthouse), lighthouseTarget(Number(values.scale))!)}` : 'not measured at this scale (no target)'}
  search in Chromium (typing → results shown after the last key) ${typingLine(f.searchRuns)} ${verdict(median(f.searchRuns.filter((r) => !Number.isNaN(r.ms)).map((r) => r.ms)), target.typingMs)}
  page weight (HTML + CSS; transferred gzip):`);
  for (const [name, w] of Object.entries(output.weights))
    console.log(`    ${name.padEnd(60)} ${kb(w.html + w.css).padStart(9)}  (${kb(w.gzip)} gzip)`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: BENCH_OPTIONS });
  const secret = randomSecret(32);
  const publisherPort = await freePort();
  console.log(`[bench] scale ${Number(values.scale)}: starting a temporary Strapi and seeding …`);
  const seedStart = performance.now();
  const strapi = await startBenchStrapi(values, {
    PUBLISHER_WEBHOOK_URL: `http://127.0.0.1:${publisherPort}/webhook`,
    PUBLISHER_WEBHOOK_SECRET: secret,
  });
  const seedMs = performance.now() - seedStart;
  try {
    printReport(values, seedMs, await measure(strapi, values, publisherPort, secret));
    if (values.keep) console.log(`\n[bench] kept ${strapi.tmp}`);
  } finally {
    await stopSearchService();
    if (!values.keep) await strapi.stop();
  }
  if (!values['skip-newsletter']) console.log(await benchNewsletter({ subscribers: 5000, rate: 1000 }));
}

main().catch((error: unknown) => {
  console.error(`[bench] failed: ${errorText(error)}`);
  process.exit(1);
});
