/**
 * `node scripts/src/reader-figures.ts [--identity] [--every-kind] [--lighthouse] <built site dir>`: serves a built
 * site with the local web server and prints what `pnpm bench` prints for readers – a cold /suche/?q=… load,
 * typing on /suche/ and the layout shift of /projekte/ and /suche/ – without seeding and building
 * (`--identity`: as a server that compresses nothing would send it). `--every-kind`: the layout shift of one page
 * of every kind too; `--lighthouse`: Lighthouse's performance score of /suche/?q=Bauhof and /projekte/ (phone and
 * desktop). A benchmark, not a test.
 */
import { serveStatic } from './lib/static-server.ts';
import {
  COLD_QUERIES,
  coldSearchLine,
  LIGHTHOUSE_PAGES,
  lighthouseLine,
  measureColdSearch,
  measureLighthouse,
  measurePageShift,
  measureTyping,
  onePagePerKind,
  pageShiftLine,
  TYPING_QUERIES,
  typingLine,
} from './lib/reader-figures.ts';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--'));
const flag = (name: string) => process.argv.includes(`--${name}`);
if (!dir) {
  console.error(
    'usage: node scripts/src/reader-figures.ts [--identity] [--every-kind] [--lighthouse] <built site dir>',
  );
  process.exit(2);
}
const web = await serveStatic(dir);
try {
  const cold = await measureColdSearch(web.url, COLD_QUERIES, { identity: flag('identity') });
  console.log(`search in Chromium, cold /suche/?q=… → first results  ${coldSearchLine(cold)}`);
  console.log(
    `search in Chromium, typing (keys 100 ms apart) → results after the last key  ${typingLine(await measureTyping(web.url, TYPING_QUERIES))}`,
  );
  console.log(
    `search in Chromium, a whole query typed at the load event → results  ${typingLine(await measureTyping(web.url, TYPING_QUERIES, { keyDelayMs: 0 }))}`,
  );
  const pages = flag('every-kind') ? [...onePagePerKind(dir), '/suche/?q=Bauhof'] : ['/projekte/', '/suche/?q=Bauhof'];
  const shifts = [];
  // One page that fails to load (the machine is shared and busy) is a figure too, not the end of the run.
  for (const url of pages) shifts.push(await measurePageShift(web.url, url));
  console.log(`layout shift (CPU ÷4; desktop / phone)  ${pageShiftLine(shifts)}`);
  if (flag('lighthouse'))
    console.log(
      `Lighthouse performance (phone, desktop)  ${lighthouseLine(await measureLighthouse(web.url, LIGHTHOUSE_PAGES))}`,
    );
} finally {
  await web.close();
}
