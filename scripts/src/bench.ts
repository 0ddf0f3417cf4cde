/**
 * `pnpm bench [--scale 1] [--edits 5]`: measures the system on this machine and prints the figures – seed
 * time, full and unchanged (incremental) site build, page count, output size, page weight, and
 * publish-to-live time (an edit saved through the REST API until the web server serves the new HTML,
 * through the real webhook, publisher and build). A benchmark, not a test: it never fails on timing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { createStrapiClient } from '@ikz/shared-types/rest';
import { startTestStrapi } from './lib/ephemeral-strapi.ts';
import { freePort, randomSecret } from './lib/strapi-process.ts';
import { serveStatic } from './lib/static-server.ts';
import { currentDir } from './publisher/releases.ts';
import { createPublisher } from './publisher/service.ts';
import { chromium } from 'playwright-core';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function pageWeight(outDir: string, page: string): { html: number; css: number; gzip: number } {
  const html = fs.readFileSync(path.join(outDir, page));
  const css = [...html.toString().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => fs.readFileSync(path.join(outDir, m[1]!)));
  const cssBytes = css.reduce((s, b) => s + b.length, 0);
  return { html: html.length, css: cssBytes, gzip: gzipSync(html).length + css.reduce((s, b) => s + gzipSync(b).length, 0) };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Time from typing a query on /suche/ until results are rendered, and the bytes the browser fetched for it. */
async function measureSearch(siteUrl: string, queries: string[]): Promise<{ query: string; ms: number; bytes: number }[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const runs: { query: string; ms: number; bytes: number }[] = [];
  try {
    for (const query of queries) {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${siteUrl}/suche/`);
      await page.locator('.pagefind-ui__search-input').waitFor();
      let bytes = 0;
      page.on('response', async (response) => {
        if (response.url().includes('/pagefind/')) bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
      });
      const started = performance.now();
      await page.locator('.pagefind-ui__search-input').fill(query);
      await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 30_000 });
      runs.push({ query, ms: performance.now() - started, bytes });
      await page.context().close();
    }
  } finally {
    await browser.close();
  }
  return runs;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, edits: { type: 'string', default: '5' }, keep: { type: 'boolean', default: false } } });
  const scale = Number(values.scale);
  const secret = randomSecret(32);
  const publisherPort = await freePort();
  console.log(`[bench] scale ${scale}: starting a temporary Strapi and seeding …`);
  const seedStart = performance.now();
  const strapi = await startTestStrapi({ scale, seed: 'interkommunales-nrw', referenceDate: new Date('2026-11-01T00:00:00Z') }, 'bench', {
    PUBLISHER_WEBHOOK_URL: `http://127.0.0.1:${publisherPort}/webhook`,
    PUBLISHER_WEBHOOK_SECRET: secret,
  });
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const publisher = createPublisher({ strapiUrl: strapi.url, token: strapi.buildToken, secret, root: path.join(strapi.tmp, 'site'), siteUrl: 'https://www.interkommunales.example', debounceMs: 300, maxWaitMs: 5000, log: () => {} });
  const listening = await publisher.listen(publisherPort);
  try {
    console.log('[bench] full build …');
    await publisher.build('bench: full');
    const full = publisher.status().lastBuild!;
    console.log('[bench] build again, nothing changed …');
    await publisher.build();
    const again = publisher.status().lastBuild!;
    const web = await serveStatic(() => currentDir(publisher.releases));

    const client = createStrapiClient({ baseUrl: strapi.url, token: strapi.seedToken });
    const projects = (await client.findPage<{ documentId: string; slug: string }>('projects', 1, { fields: ['slug'] })).data;
    const publishToLive: number[] = [];
    for (let i = 0; i < Number(values.edits); i += 1) {
      const project = projects[i % projects.length]!;
      const marker = `Messung ${i + 1}: geänderte Kurzbeschreibung ${Date.now()}`;
      const started = performance.now();
      await client.request('PUT', `/api/projects/${project.documentId}`, { body: { data: { summary: marker } } });
      for (;;) {
        const html = await fetch(`${web.url}/projekte/${project.slug}/`).then((r) => r.text());
        if (html.includes(marker)) break;
        if (performance.now() - started > 600_000) throw new Error('publish-to-live took longer than 10 minutes');
        await new Promise((r) => setTimeout(r, 100));
      }
      publishToLive.push((performance.now() - started) / 1000);
      console.log(`[bench] edit ${i + 1}: live after ${publishToLive.at(-1)!.toFixed(1)} s`);
    }
    const searchRuns = await measureSearch(web.url, ['Bauhof', 'Kooperationen Digitalisierung', 'Satzung Zweckverband']);
    await web.close();

    const outDir = currentDir(publisher.releases);
    const indexBytes = files(path.join(outDir, 'pagefind')).reduce((sum, f) => sum + fs.statSync(f).size, 0);
    const all = files(outDir);
    const html = all.filter((f) => f.endsWith('.html'));
    const htmlSizes = html.map((f) => fs.statSync(f).size);
    const total = all.reduce((s, f) => s + fs.statSync(f).size, 0);
    const project = projects[0]!.slug;
    const weights = {
      'Startseite /': pageWeight(outDir, 'index.html'),
      'Projektliste /projekte/': pageWeight(outDir, 'projekte/index.html'),
      [`Projekt /projekte/${project}/`]: pageWeight(outDir, `projekte/${project}/index.html`),
      'Kommunen /kommunen/': pageWeight(outDir, 'kommunen/index.html'),
    };
    console.log(`
Interkommunales.NRW benchmark – scale ${scale}, ${new Date().toISOString()}, Node ${process.versions.node}
  seed (Strapi start + demo content via REST)   ${seedSeconds.toFixed(1)} s
  site build, full (build + checks + switch)    ${full.seconds!.toFixed(1)} s for ${full.pages} pages
  site build, nothing changed                   ${again.seconds!.toFixed(1)} s
  publish-to-live (REST save → new HTML served) median ${median(publishToLive).toFixed(1)} s, max ${Math.max(...publishToLive).toFixed(1)} s over ${publishToLive.length} edits
  output                                        ${all.length} files, ${(total / 1024 / 1024).toFixed(1)} MB, ${html.length} HTML pages
  HTML page size                                median ${kb(median(htmlSizes))}, max ${kb(Math.max(...htmlSizes))}
  search index (Pagefind)                       ${(indexBytes / 1024 / 1024).toFixed(1)} MB on disk
  search in Chromium (typing → results shown)   ${searchRuns.map((r) => `„${r.query}“ ${r.ms.toFixed(0)} ms, ${kb(r.bytes)} fetched`).join('; ')}
  page weight (HTML + CSS; transferred gzip):`);
    for (const [name, w] of Object.entries(weights)) console.log(`    ${name.padEnd(60)} ${kb(w.html + w.css).padStart(9)}  (${kb(w.gzip)} gzip)`);
    if (values.keep) console.log(`\n[bench] kept ${strapi.tmp}`);
  } finally {
    await listening.close();
    if (!values.keep) await strapi.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
