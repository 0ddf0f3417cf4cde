/**
 * `pnpm rollback`: switches the live site back to the previous release (of the local installation in
 * .var/, or IKZ_DATA_DIR). Takes effect at once: the web server reads the `current` link per request.
 */
import path from 'node:path';
import { localState } from './lib/local-state.ts';
import { currentRelease, listReleases, releases, rollback } from './publisher/releases.ts';

const r = releases(path.join(localState().dir, 'site'));
try {
  const before = currentRelease(r);
  const now = rollback(r);
  console.log(`[rollback] live release: ${now} (was ${before}); releases kept: ${listReleases(r).join(', ')}`);
} catch (error) {
  console.error(`[rollback] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
