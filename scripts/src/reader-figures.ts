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
  const cls = [await measureLayoutShift(web.url, '/projekte/'), await measureLayoutShift(web.url, '/projekte/', { mobile: true })];
  const searchCls = [await measureLayoutShift(web.url, '/suche/?q=Bauhof'), await measureLayoutShift(web.url, '/suche/?q=Bauhof', { mobile: true })];
  console.log(`search in Chromium, cold /suche/?q=… → first results  ${coldSearchLine(cold)}`);
  console.log(`layout shift (CPU ÷4; desktop / phone)              /projekte/ ${cls.map((c) => c.toFixed(3)).join(' / ')}; /suche/?q=Bauhof ${searchCls.map((c) => c.toFixed(3)).join(' / ')}`);
} finally {
  await web.close();
}
