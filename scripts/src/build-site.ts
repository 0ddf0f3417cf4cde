/**
 * `pnpm build:site`: builds the static site from a running Strapi (STRAPI_URL, STRAPI_BUILD_TOKEN;
 * defaults from the local installation in .var/) into site/dist, or OUT_DIR.
 */
import path from 'node:path';
import { loadOrCreateSecrets, localState } from './lib/local-state.ts';
import { buildSite, SITE_DIR } from './lib/site-build.ts';

const state = localState();
const token = process.env.STRAPI_BUILD_TOKEN ?? loadOrCreateSecrets(state).STRAPI_BUILD_TOKEN!;
const result = await buildSite({
  strapiUrl: process.env.STRAPI_URL ?? `http://127.0.0.1:${process.env.PORT ?? 1337}`,
  token,
  outDir: path.resolve(process.env.OUT_DIR ?? path.join(SITE_DIR, 'dist')),
  cacheDir: path.join(state.dir, 'site', 'cache'),
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
console.log(`[build:site] ${result.pages} pages in ${result.seconds.toFixed(1)} s`);
