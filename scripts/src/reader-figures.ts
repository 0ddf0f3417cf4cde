/**
 * `node scripts/src/reader-figures.ts [--identity] <built site dir>`: serves a built site with the local web server and prints
 * what `pnpm bench` prints for readers – a cold /suche/?q=… load and the layout shift of /projekte/ – without
 * seeding and building (`--identity`: as a server that compresses nothing would send it). A benchmark, not a test.
 */
import { serveStatic } from './lib/static-server.ts';
import { COLD_QUERIES, coldSearchLine, measureColdSearch, measureLayoutShift } from './lib/reader-figures.ts';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--'));
const identity = process.argv.includes('--identity');
if (!dir) {
  console.error('usage: node scripts/src/reader-figures.ts [--identity] <built site dir>');
  process.exit(2);
}
const web = await serveStatic(dir);
try {
  const cold = await measureColdSearch(web.url, COLD_QUERIES, { identity });
  const cls = await measureLayoutShift(web.url, '/projekte/');
  console.log(`search in Chromium, cold /suche/?q=… → first results  ${coldSearchLine(cold)}`);
  console.log(`layout shift of /projekte/ (CPU ÷4)                  ${cls.toFixed(3)}`);
} finally {
  await web.close();
}
