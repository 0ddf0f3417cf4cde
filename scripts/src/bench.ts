/**
 * `pnpm bench [--scale 1]`: measures the system on this machine and prints the figures – seed time, full
 * and unchanged (incremental) site build, page count, output size and page weight. A benchmark, not a
 * test: it asserts nothing and never fails on timing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { startTestStrapi } from './lib/ephemeral-strapi.ts';
import { buildSite } from './lib/site-build.ts';

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

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false } } });
  const scale = Number(values.scale);
  console.log(`[bench] scale ${scale}: starting a temporary Strapi and seeding …`);
  const seedStart = performance.now();
  const strapi = await startTestStrapi({ scale, seed: 'interkommunales-nrw', referenceDate: new Date('2026-11-01T00:00:00Z') }, 'bench');
  const seedSeconds = (performance.now() - seedStart) / 1000;
  try {
    const outDir = path.join(strapi.tmp, 'dist');
    const cacheDir = path.join(strapi.tmp, 'cache');
    const build = (label: string, log: string) => {
      console.log(`[bench] ${label} …`);
      return buildSite({ strapiUrl: strapi.url, token: strapi.buildToken, outDir, cacheDir, siteUrl: 'https://www.interkommunales.example', logFile: path.join(strapi.tmp, log) });
    };
    const full = await build('full build', 'build-full.log');
    const again = await build('build again, nothing changed', 'build-again.log');
    const all = files(outDir);
    const html = all.filter((f) => f.endsWith('.html'));
    const htmlSizes = html.map((f) => fs.statSync(f).size);
    const total = all.reduce((s, f) => s + fs.statSync(f).size, 0);
    const project = fs.readdirSync(path.join(outDir, 'projekte')).find((d) => !['seite'].includes(d) && fs.existsSync(path.join(outDir, 'projekte', d, 'index.html')))!;
    const weights = {
      'Startseite /': pageWeight(outDir, 'index.html'),
      'Projektliste /projekte/': pageWeight(outDir, 'projekte/index.html'),
      [`Projekt /projekte/${project}/`]: pageWeight(outDir, `projekte/${project}/index.html`),
      'Kommunen /kommunen/': pageWeight(outDir, 'kommunen/index.html'),
    };
    console.log(`
Interkommunales.NRW benchmark – scale ${scale}, ${new Date().toISOString()}, Node ${process.versions.node}
  seed (Strapi start + demo content via REST)   ${seedSeconds.toFixed(1)} s
  site build, full                              ${full.seconds.toFixed(1)} s for ${full.pages} pages
  site build, nothing changed                   ${again.seconds.toFixed(1)} s
  output                                        ${all.length} files, ${(total / 1024 / 1024).toFixed(1)} MB, ${html.length} HTML pages
  HTML page size                                median ${kb(median(htmlSizes))}, max ${kb(Math.max(...htmlSizes))}
  page weight (HTML + CSS; transferred gzip):`);
    for (const [name, w] of Object.entries(weights)) console.log(`    ${name.padEnd(60)} ${kb(w.html + w.css).padStart(9)}  (${kb(w.gzip)} gzip)`);
    if (values.keep) console.log(`\n[bench] kept ${strapi.tmp}`);
  } finally {
    if (!values.keep) await strapi.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
