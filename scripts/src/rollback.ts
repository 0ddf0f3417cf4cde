/**
 * `pnpm rollback`: switches the live site back to the previous release in IKZ_SITE_ROOT (default: `site/` in
 * the local installation's .var/, or IKZ_DATA_DIR). Takes effect at once: the web server reads the `current`
 * link per request.
 */
import { currentRelease, listReleases, releases, rollback } from './publisher/releases.ts';
import { localState, siteRoot } from './lib/local-state.ts';

try {
  const r = releases(siteRoot(localState()));
  const before = currentRelease(r);
  const now = rollback(r);
  console.log(
    `[rollback] live release in ${r.root}: ${now} (was ${before}); releases kept: ${listReleases(r).join(', ')}`,
  );
} catch (error) {
  console.error(`[rollback] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
