/**
 * `pnpm build:site [--full]`: builds the static site from a running Strapi (STRAPI_URL, STRAPI_BUILD_TOKEN;
 * defaults from the local installation in .var/) into site/dist, or OUT_DIR – with the same builder the
 * publisher uses. `--full` also rebuilds the site's renderer; every run renders every page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createSiteBuilder, ensureBundle, stopSearchService } from '@ikz/site/builder';
import { loadOrCreateSecrets, localState } from './lib/local-state.ts';
import { REPO_ROOT } from './lib/strapi-process.ts';

const { values } = parseArgs({ options: { full: { type: 'boolean', default: false } } });
const state = localState();
const outDir = path.resolve(process.env.OUT_DIR ?? path.join(REPO_ROOT, 'site', 'dist'));
const builder = createSiteBuilder({
  strapiUrl: process.env.STRAPI_URL ?? `http://127.0.0.1:${process.env.PORT ?? 1337}`,
  token: process.env.STRAPI_BUILD_TOKEN ?? loadOrCreateSecrets(state).STRAPI_BUILD_TOKEN!,
  siteUrl: process.env.SITE_URL ?? `http://localhost:${process.env.SITE_PORT ?? 4321}`,
  cacheDir: path.join(state.dir, 'site', 'cache'),
  strict: process.env.IKZ_STRICT_CONTENT === '1',
  log: (line) => console.log(`[build:site] ${line}`),
});
try {
  if (values.full) await ensureBundle({ force: true, log: (line) => console.log(`[build:site] ${line}`) });
  fs.rmSync(outDir, { recursive: true, force: true });
  const { report } = await builder.build({ outDir, previous: null, full: true, reason: 'pnpm build:site' });
  console.log(`[build:site] ${report.pages.total} pages and ${report.files.total} files in ${report.seconds.toFixed(1)} s into ${outDir}${report.skipped.length ? ` (${report.skipped.length} invalid entries skipped)` : ''}${report.withheld.length ? ` (${report.withheld.length} files not published: type not allowed or unreadable)` : ''}`);
} catch (error) {
  console.error(`[build:site] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await builder.close();
  await stopSearchService();
}
