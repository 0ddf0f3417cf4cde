/**
 * `pnpm build:site [--full]`: builds the static site from a running Strapi (STRAPI_URL, STRAPI_BUILD_TOKEN;
 * defaults from the local installation in .var/) into site/dist, or OUT_DIR – with the same builder the
 * publisher uses. `--full` also rebuilds the site's renderer; every run renders every page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readEnv } from '@ikz/shared-types/env';
import { referenceDataProblem } from '@ikz/shared-types/reference-data';
import { createSiteBuilder, ensureBundle, stopSearchService } from '@ikz/site/builder';
import { loadOrCreateSecrets, localState } from './lib/local-state.ts';
import { REPO_ROOT } from './lib/strapi-process.ts';

const { values } = parseArgs({ options: { full: { type: 'boolean', default: false } } });
let env;
try {
  env = readEnv([
    'OUT_DIR',
    'STRAPI_URL',
    'STRAPI_BUILD_TOKEN',
    'SITE_URL',
    'IKZ_STRICT_CONTENT',
    'IKZ_PROJECTS_PER_BUNDLE',
  ]);
} catch (error) {
  console.error(`[build:site] ${(error as Error).message}`);
  process.exit(1);
}
// Before the output folder is emptied.
const referenceProblem = referenceDataProblem();
if (referenceProblem) {
  console.error(`[build:site] ${referenceProblem}`);
  process.exit(1);
}
const state = localState();
const outDir = path.resolve(env.OUT_DIR ?? path.join(REPO_ROOT, 'site', 'dist'));
const builder = createSiteBuilder({
  strapiUrl: env.STRAPI_URL,
  token: env.STRAPI_BUILD_TOKEN ?? loadOrCreateSecrets(state).STRAPI_BUILD_TOKEN!,
  siteUrl: env.SITE_URL,
  cacheDir: path.join(state.dir, 'site', 'cache'),
  strict: env.IKZ_STRICT_CONTENT,
  projectsPerBundle: env.IKZ_PROJECTS_PER_BUNDLE,
  log: (line) => console.log(`[build:site] ${line}`),
});
try {
  if (values.full) await ensureBundle({ force: true, log: (line) => console.log(`[build:site] ${line}`) });
  fs.rmSync(outDir, { recursive: true, force: true });
  const { report } = await builder.build({ outDir, base: null, full: true, reason: 'pnpm build:site' });
  console.log(
    `[build:site] ${report.pages.total} pages and ${report.files.total} files in ${report.seconds.toFixed(1)} s into ${outDir}${report.skipped.length ? ` (${report.skipped.length} invalid entries skipped)` : ''}${report.withheld.length ? ` (${report.withheld.length} files not published: type not allowed or unreadable)` : ''}`,
  );
} catch (error) {
  console.error(`[build:site] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await builder.close();
  await stopSearchService();
}
