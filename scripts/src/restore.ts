/**
 * `pnpm restore <archive> [--force]`: restores an archive of `pnpm backup` into the installation (the same
 * variables as the backup: IKZ_DATA_DIR, DATABASE_*, STRAPI_PUBLIC_DIR). Strapi must be stopped. The whole
 * archive is checked against its manifest before anything is replaced; an installation that already has a
 * database, uploads or secrets is replaced only with --force.
 */
import { parseArgs } from 'node:util';
import { restoreBackup } from './backup/archive.ts';
import { installation } from './backup/installation.ts';

const log = (line: string) => console.log(`[restore] ${line}`);

try {
  const { values, positionals } = parseArgs({
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new Error('usage: pnpm restore <archive> [--force]');
  const started = Date.now();
  const result = await restoreBackup(installation(), positionals[0]!, { force: values.force, log });
  log(
    `restored the backup of ${result.manifest.createdAt} (${result.manifest.database.client}, ${result.uploads} uploads) in ${((Date.now() - started) / 1000).toFixed(1)} s; start Strapi now (pnpm start)`,
  );
} catch (error) {
  console.error(`[restore] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
