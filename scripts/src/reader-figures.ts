/**
 * `node scripts/src/reader-figures.ts [--identity] <built site dir>`: serves a built site with the local web server and prints
 * what `pnpm bench` prints for readers – a cold /suche/?q=… load, typing on /suche/ and the layout shift of
 * /projekte/ and /suche/ – without
 * seeding and building (`--identity`: as a server that compresses nothing would send it). A benchmark, not a test.
 */
import { serveStatic } from './lib/static-server.ts';
import { COLD_QUERIES, coldSearchLine, measureColdSearch, measureLayoutShift, measureTyping, TYPING_QUERIES, typingLine } from './lib/reader-figures.ts';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--'));
const identity = process.argv.includes('--identity');
if (!dir) {
  console.error('usage: node scripts/src/reader-figures.ts [--identity] <built site dir>');
  process.exit(2);
}
const web = await serveStatic(dir);
try {
  const cold = await measureColdSearch(web.url, COLD_QUERIES, { identity });
  const typing = await measureTyping(web.url, TYPING_QUERIES);
  const typingAtLoad = await measureTyping(web.url, TYPING_QUERIES, { keyDelayMs: 0 });
  const cls = [await measureLayoutShift(web.url, '/projekte/'), await measureLayoutShift(web.url, '/projekte/', { mobile: true })];
  const searchCls = [await measureLayoutShift(web.url, '/suche/?q=Bauhof'), await measureLayoutShift(web.url, '/suche/?q=Bauhof', { mobile: true })];
  console.log(`search in Chromium, cold /suche/?q=… → first results  ${coldSearchLine(cold)}`);
  console.log(`search in Chromium, typing (keys 100 ms apart) → results after the last key  ${typingLine(typing)}`);
  console.log(`search in Chromium, a whole query typed at the load event → results  ${typingLine(typingAtLoad)}`);
  console.log(`layout shift (CPU ÷4; desktop / phone)              /projekte/ ${cls.map((c) => c.toFixed(3)).join(' / ')}; /suche/?q=Bauhof ${searchCls.map((c) => c.toFixed(3)).join(' / ')}`);
} finally {
  await web.close();
}
