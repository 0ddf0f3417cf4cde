/**
 * `pnpm backup [--out <folder>]`: writes one archive of the installation while it runs – the database
 * (SQLite online backup, or pg_dump), Strapi's uploads, the local secrets and a manifest with checksums –
 * into IKZ_BACKUP_DIR (default `.var/backups`) or `--out`, then keeps the newest IKZ_BACKUP_KEEP archives
 * there. The last line of its output is the archive's path.
 */
import { parseArgs } from 'node:util';
import { createBackup } from './backup/archive.ts';
import { installation } from './backup/installation.ts';

const log = (line: string) => console.log(`[backup] ${line}`);

try {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const started = Date.now();
  const result = await createBackup(installation(), { outDir: values.out, log });
  log(
    `done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.manifest.files.length} files, ${result.manifest.database.client} database`,
  );
  console.log(result.archive);
} catch (error) {
  console.error(`[backup] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
