/**
 * Writing and restoring a backup archive (a .tar.gz with a manifest, the database, the uploads and the
 * local secrets). A backup runs beside a working Strapi: SQLite through its online backup API, PostgreSQL
 * through pg_dump. A restore unpacks and checks the whole archive first and only then replaces anything.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { backup as sqliteBackup, DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import * as tar from 'tar';
import { REPO_ROOT } from '../lib/strapi-process.ts';
import { type Installation, libpqEnv, listFiles, postgresTool, type PostgresConnection } from './installation.ts';
import {
  archiveName,
  archivesToDelete,
  BackupError,
  compareWithManifest,
  FORMAT,
  FORMAT_VERSION,
  formatBytes,
  MANIFEST_NAME,
  type Manifest,
  type ManifestFile,
  parseManifest,
  SCHEMA_VERSION,
  STRAPI_SECRETS,
} from './manifest.ts';

type Log = (line: string) => void;
const MARGIN = 1024 * 1024;
const STATE_FILES = { 'state/secrets.json': 'secretsFile', 'state/seed-state.json': 'seedStateFile' } as const;

function versions(): { app: string; strapi: string } {
  const read = (file: string) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  return {
    app: read(path.join(REPO_ROOT, 'package.json')),
    strapi: read(path.join(REPO_ROOT, 'node_modules', '@strapi', 'strapi', 'package.json')),
  };
}

async function hashFile(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}

function freeBytes(dir: string): number {
  const stats = fs.statfsSync(dir);
  return stats.bavail * stats.bsize;
}

const isNoSpace = (error: unknown) => {
  const e = error as NodeJS.ErrnoException | undefined;
  return (
    e?.code === 'ENOSPC' ||
    e?.code === 'EDQUOT' ||
    /No space left on device|Disk quota exceeded/i.test(String(e?.message ?? ''))
  );
};

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `${path.basename(command)} failed (${code ?? signal}): ${stderr.trim().split('\n').slice(-3).join(' ')}`,
            ),
          ),
    );
  });
}

/** Moves a file or folder, also across file systems. */
function move(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.cpSync(from, to, { recursive: true, preserveTimestamps: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}

async function snapshotSqlite(file: string, target: string): Promise<void> {
  if (!fs.existsSync(file))
    throw new BackupError(
      `no SQLite database at ${file}: nothing to back up (set IKZ_DATA_DIR or DATABASE_FILENAME to the installation's)`,
    );
  const source = new DatabaseSync(file, { readOnly: true, timeout: 10_000 });
  try {
    // One step copies every page under one read lock: a consistent copy even while Strapi writes.
    await sqliteBackup(source, target, { rate: 2 ** 30 });
  } finally {
    source.close();
  }
  const copy = new DatabaseSync(target, { readOnly: true });
  try {
    const result = copy.prepare('PRAGMA quick_check').get() as Record<string, unknown> | undefined;
    if (Object.values(result ?? {})[0] !== 'ok')
      throw new BackupError(`the copy of the SQLite database is not consistent (${JSON.stringify(result)})`);
  } finally {
    copy.close();
  }
}

export interface ArchiveContent {
  manifestText: string | null;
  files: Map<string, { size: number; sha256: string }>;
  /** Entries that are neither plain files nor folders (links, devices): never restored. */
  unexpected: string[];
}

/** Reads a whole archive and hashes every file in it; throws a BackupError when it cannot be read to its end. */
export async function readArchive(file: string): Promise<ArchiveContent> {
  const files = new Map<string, { size: number; sha256: string }>();
  const unexpected: string[] = [];
  let manifestText: string | null = null;
  const pending: Promise<void>[] = [];
  try {
    await tar.t({
      file,
      strict: true,
      onReadEntry: (entry) => {
        const name = entry.path.replace(/\/+$/, '');
        if (entry.type === 'Directory') return;
        if (entry.type !== 'File' && entry.type !== 'OldFile') {
          unexpected.push(name);
          return;
        }
        const hash = createHash('sha256');
        const chunks: Buffer[] = [];
        let size = 0;
        pending.push(
          new Promise<void>((resolve) => {
            entry.on('data', (chunk: Buffer) => {
              hash.update(chunk);
              size += chunk.length;
              if (name === MANIFEST_NAME) chunks.push(chunk);
            });
            entry.on('end', () => {
              if (name === MANIFEST_NAME) manifestText = Buffer.concat(chunks).toString('utf8');
              else files.set(name, { size, sha256: hash.digest('hex') });
              resolve();
            });
          }),
        );
      },
    });
    await Promise.all(pending);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`the archive ${file} is damaged or truncated (${(error as Error).message})`, {
      cause: error,
    });
  }
  return { manifestText, files, unexpected };
}

/** Reads the archive, its manifest and checks every file against it; throws a BackupError that says what is wrong. */
export async function verifyArchive(file: string): Promise<Manifest> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupError(`no archive at ${file}`);
  const content = await readArchive(file);
  if (content.manifestText === null)
    throw new BackupError(`the archive ${file} is damaged: it has no ${MANIFEST_NAME}`);
  const manifest = parseManifest(content.manifestText, {
    formatVersion: FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    strapi: versions().strapi,
  });
  const problems = [
    ...compareWithManifest(manifest, content.files),
    ...content.unexpected.map((name) => `${name} is not a plain file`),
  ];
  if (problems.length)
    throw new BackupError(
      `the archive ${file} is damaged: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`,
    );
  return manifest;
}

export interface BackupResult {
  archive: string;
  manifest: Manifest;
  deleted: string[];
}

/** Creates `outDir` when needed and makes sure this process may write there. */
function ensureWritable(outDir: string): void {
  try {
    fs.mkdirSync(outDir, { recursive: true, mode: 0o700 });
    fs.accessSync(outDir, fs.constants.W_OK);
  } catch (error) {
    throw new BackupError(
      `cannot write to the backup folder ${outDir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      { cause: error },
    );
  }
}

/** Copies the database into `staging` (SQLite: online backup; PostgreSQL: pg_dump); returns its path in the archive. */
async function copyDatabase(database: Installation['database'], staging: string, log: Log): Promise<string> {
  fs.mkdirSync(path.join(staging, 'database'));
  const databaseFile = database.client === 'sqlite' ? 'database/data.db' : 'database/postgres.dump';
  if (database.client === 'sqlite') {
    log(`copying the SQLite database ${database.file} (online backup) …`);
    await snapshotSqlite(database.file, path.join(staging, databaseFile));
  } else {
    const c = database.connection;
    log(`dumping the PostgreSQL database ${c.database} on ${c.host}:${c.port} (pg_dump) …`);
    await run(
      postgresTool('pg_dump'),
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${path.join(staging, databaseFile)}`],
      libpqEnv(c),
    );
  }
  return databaseFile;
}

/** The manifest of a staged archive: versions, database, which Strapi secrets it holds (and which not), every file. */
function manifestOf(
  staging: string,
  client: Installation['database']['client'],
  databaseFile: string,
  files: ManifestFile[],
  now: Date,
): Manifest {
  const secretsFile = path.join(staging, 'state/secrets.json');
  const secretNames = files.some((f) => f.path === 'state/secrets.json')
    ? Object.keys(JSON.parse(fs.readFileSync(secretsFile, 'utf8')) as object)
    : [];
  const notIncluded = STRAPI_SECRETS.filter((key) => !secretNames.includes(key));
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    createdAt: now.toISOString(),
    app: { version: versions().app, strapi: versions().strapi },
    database: { client, file: databaseFile },
    secrets: {
      included: secretNames.sort(),
      notIncluded,
      ...(notIncluded.length
        ? {
            note: `Strapi takes ${notIncluded.join(', ')} from its environment (e.g. /etc/interkommunales/strapi.env): they are not in this archive; keep them safe separately, a restored database needs the same values.`,
          }
        : {}),
    },
    files,
  };
}

/** Writes the staged entries as a gzipped tar to `partial` and reads it back against its manifest. */
async function writeArchive(staging: string, entries: string[], partial: string): Promise<void> {
  await tar.c(
    {
      gzip: true,
      file: partial,
      cwd: staging,
      portable: true,
      strict: true,
      mode: 0o600,
    } as tar.TarOptionsWithAliasesAsyncFile,
    [MANIFEST_NAME, ...entries],
  );
  fs.chmodSync(partial, 0o600);
  // Read back what was written: an upload changed or removed meanwhile, or a bad disk, shows up here.
  try {
    await verifyArchive(partial);
  } catch (error) {
    throw new BackupError(
      `the archive did not match what was read (an upload changed while it was saved?): ${(error as Error).message}; run the backup again`,
      { cause: error },
    );
  }
}

/** Deletes the archives in `outDir` beyond the newest `keep`; returns their names. */
function applyRetention(outDir: string, keep: number, log: Log): string[] {
  const deleted = archivesToDelete(fs.readdirSync(outDir), keep);
  for (const old of deleted) fs.rmSync(path.join(outDir, old), { force: true });
  if (deleted.length) log(`retention: kept the newest ${keep}, deleted ${deleted.join(', ')}`);
  return deleted;
}

/** Writes one archive of the installation into `outDir`, then applies the retention there. */
export async function createBackup(
  inst: Installation,
  options: { outDir?: string; keep?: number; log?: Log; now?: Date } = {},
): Promise<BackupResult> {
  const log = options.log ?? (() => {});
  const outDir = path.resolve(options.outDir ?? inst.backupDir);
  ensureWritable(outDir);

  const uploads = listFiles(inst.uploadsDir);
  const uploadBytes = uploads.reduce((sum, name) => sum + fs.statSync(path.join(inst.uploadsDir, name)).size, 0);
  const stateFiles = Object.entries(STATE_FILES).filter(([, key]) => fs.existsSync(inst[key]));
  const stateBytes = stateFiles.reduce((sum, [, key]) => sum + fs.statSync(inst[key]).size, 0);
  const databaseBytes =
    inst.database.client === 'sqlite' && fs.existsSync(inst.database.file) ? fs.statSync(inst.database.file).size : 0;
  const needSpace = (need: number) => {
    const free = freeBytes(outDir);
    if (free < need)
      throw new BackupError(
        `not enough space in ${outDir}: the backup needs about ${formatBytes(need)}, ${formatBytes(free)} are free; nothing was written`,
      );
  };
  // The copy of the database, then an archive that may be as large as everything it holds.
  needSpace(2 * databaseBytes + uploadBytes + stateBytes + MARGIN);

  const now = options.now ?? new Date();
  let name = archiveName(now);
  for (let n = 2; fs.existsSync(path.join(outDir, name)); n += 1) name = archiveName(now, n);
  const archive = path.join(outDir, name);
  const partial = path.join(outDir, `.${name}.partial`);
  const staging = fs.mkdtempSync(path.join(outDir, '.backup-'));
  try {
    const databaseFile = await copyDatabase(inst.database, staging, log);
    needSpace(fs.statSync(path.join(staging, databaseFile)).size + uploadBytes + stateBytes + MARGIN);

    fs.mkdirSync(path.join(staging, 'state'));
    for (const [entry, key] of stateFiles) fs.copyFileSync(inst[key], path.join(staging, entry));
    if (uploads.length) fs.symlinkSync(inst.uploadsDir, path.join(staging, 'uploads'));

    const entries = [databaseFile, ...stateFiles.map(([entry]) => entry), ...uploads.map((u) => `uploads/${u}`)];
    log(`hashing ${entries.length} files (${uploads.length} uploads, ${formatBytes(uploadBytes)}) …`);
    const files: ManifestFile[] = [];
    for (const entry of entries) files.push({ path: entry, ...(await hashFile(path.join(staging, entry))) });
    const manifest = manifestOf(staging, inst.database.client, databaseFile, files, now);
    fs.writeFileSync(path.join(staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);

    log(`writing ${name} …`);
    await writeArchive(staging, entries, partial);
    fs.renameSync(partial, archive);
    if (manifest.secrets.note) log(`note: ${manifest.secrets.note}`);
    return { archive, manifest, deleted: applyRetention(outDir, options.keep ?? inst.keep, log) };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (isNoSpace(error))
      throw new BackupError(
        `not enough space in ${outDir}: the backup stopped (${(error as Error).message.split('\n')[0]}); nothing was written`,
        { cause: error },
      );
    throw error;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Processes (other than this one) that have `file` open: a running Strapi on this SQLite database. */
export function processesUsing(file: string): number[] {
  if (!fs.existsSync(file) || !fs.existsSync('/proc')) return [];
  const target = fs.realpathSync(file);
  const found: number[] = [];
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === target) {
          found.push(Number(pid));
          break;
        }
      } catch {
        // closed meanwhile
      }
    }
  }
  return found;
}

async function withPostgres<T>(connection: PostgresConnection, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password: connection.password,
    ssl: connection.ssl ? { rejectUnauthorized: true } : false,
  });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(
      `cannot connect to PostgreSQL database ${connection.database} on ${connection.host}:${connection.port} (${(error as Error).message}); it must exist (createdb) and the DATABASE_* settings must be right`,
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** What the installation already holds; empty when a restore may go ahead without --force. */
async function existingContent(inst: Installation): Promise<string[]> {
  const found: string[] = [];
  if (inst.database.client === 'sqlite') {
    if (fs.existsSync(inst.database.file) && fs.statSync(inst.database.file).size > 0)
      found.push(`the database ${inst.database.file}`);
  } else {
    const tables = await withPostgres(inst.database.connection, async (client) =>
      Number(
        (
          await client.query(
            `SELECT count(*) AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
          )
        ).rows[0].n,
      ),
    );
    if (tables > 0) found.push(`${tables} tables in the PostgreSQL database ${inst.database.connection.database}`);
  }
  const uploads = listFiles(inst.uploadsDir).filter((name) => name !== '.gitkeep');
  if (uploads.length) found.push(`${uploads.length} files in ${inst.uploadsDir}`);
  if (fs.existsSync(inst.secretsFile)) found.push(inst.secretsFile);
  return found;
}

/** Refuses when Strapi (or anything else) works on the target database right now. */
async function ensureNotInUse(inst: Installation): Promise<void> {
  if (inst.database.client === 'sqlite') {
    const pids = processesUsing(inst.database.file);
    if (pids.length)
      throw new BackupError(
        `the database ${inst.database.file} is open in process ${pids.join(', ')} (a running Strapi?): stop it first (Ctrl-C in pnpm start, or systemctl stop interkommunales-strapi); nothing was changed`,
      );
    return;
  }
  const others = await withPostgres(
    inst.database.connection,
    async (client) =>
      (
        await client.query(
          `SELECT pid, application_name FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        )
      ).rows as { pid: number; application_name: string }[],
  );
  if (others.length)
    throw new BackupError(
      `${others.length} other connection(s) to the PostgreSQL database ${inst.database.connection.database} (a running Strapi?): stop it first (systemctl stop interkommunales-strapi); nothing was changed`,
    );
}

export interface RestoreResult {
  manifest: Manifest;
  uploads: number;
}

/** Unpacks the archive into `staging` and checks what lies on disk against the manifest. */
async function unpackChecked(file: string, staging: string, manifest: Manifest, stateDir: string): Promise<void> {
  try {
    await tar.x({
      file,
      cwd: staging,
      strict: true,
      filter: (_p, entry) =>
        'type' in entry && (entry.type === 'File' || entry.type === 'OldFile' || entry.type === 'Directory'),
    });
  } catch (error) {
    throw new BackupError(
      isNoSpace(error)
        ? `not enough space to unpack the archive in ${stateDir}; nothing was changed`
        : `the archive could not be unpacked (${(error as Error).message}); nothing was changed`,
      { cause: error },
    );
  }
  // What lies on disk now is what gets restored: check it once more against the manifest.
  const found = new Map<string, { size: number; sha256: string }>();
  for (const name of listFiles(staging).filter((n) => n !== MANIFEST_NAME))
    found.set(name, await hashFile(path.join(staging, name)));
  const problems = compareWithManifest(manifest, found);
  if (problems.length)
    throw new BackupError(
      `the unpacked archive does not match its manifest: ${problems.slice(0, 5).join('; ')}; nothing was changed`,
    );
}

/** Puts the unpacked database in place: the SQLite file renamed over the old one, or pg_restore in one transaction. */
async function restoreDatabase(
  database: Installation['database'],
  unpacked: string,
  force: boolean,
  log: Log,
): Promise<void> {
  if (database.client === 'sqlite') {
    const target = database.file;
    log(`restoring the SQLite database to ${target} …`);
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    move(unpacked, `${target}.restoring`);
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(`${target}.restoring`, target);
    fs.chmodSync(target, 0o600);
    return;
  }
  const c = database.connection;
  log(`restoring the PostgreSQL database ${c.database} on ${c.host}:${c.port} (pg_restore) …`);
  const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${c.database}`];
  if (force) args.push('--clean', '--if-exists');
  try {
    await run(postgresTool('pg_restore'), [...args, unpacked], libpqEnv(c));
  } catch (error) {
    throw new BackupError(
      `pg_restore failed, the database was left as it was (one transaction): ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** Replaces the uploads folder with the unpacked one (or an empty one); returns how many files it holds. */
function restoreUploads(inst: Installation, restoredUploads: string, log: Log): number {
  const uploads = listFiles(restoredUploads).length;
  log(`restoring ${uploads} uploads to ${inst.uploadsDir} …`);
  fs.mkdirSync(inst.publicDir, { recursive: true });
  const replaced = `${inst.uploadsDir}.replaced-${process.pid}`;
  if (fs.existsSync(inst.uploadsDir)) fs.renameSync(inst.uploadsDir, replaced);
  if (fs.existsSync(restoredUploads)) move(restoredUploads, inst.uploadsDir);
  else fs.mkdirSync(inst.uploadsDir);
  fs.rmSync(replaced, { recursive: true, force: true });
  return uploads;
}

/**
 * Restores an archive into the installation. Checks first – nothing in use, nothing there (or --force),
 * the whole archive readable and matching its manifest, the right database kind – and only then replaces
 * the database, the uploads and the local secrets.
 */
export async function restoreBackup(
  inst: Installation,
  archive: string,
  options: { force?: boolean; log?: Log } = {},
): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const file = path.resolve(archive);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupError(`no archive at ${file}`);
  await ensureNotInUse(inst);
  const existing = await existingContent(inst);
  if (existing.length && !options.force) {
    throw new BackupError(
      `the installation is not empty (${existing.join('; ')}): a restore would replace all of it. Run again with --force to do so; nothing was changed`,
    );
  }

  log(`checking ${file} …`);
  const manifest = await verifyArchive(file);
  if (manifest.database.client !== inst.database.client) {
    throw new BackupError(
      `the archive holds a ${manifest.database.client === 'sqlite' ? 'SQLite' : 'PostgreSQL'} database, but this installation uses ${inst.database.client === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (DATABASE_CLIENT); nothing was changed`,
    );
  }

  fs.mkdirSync(inst.stateDir, { recursive: true, mode: 0o700 });
  const staging = fs.mkdtempSync(path.join(inst.stateDir, '.restore-'));
  try {
    log('unpacking …');
    await unpackChecked(file, staging, manifest, inst.stateDir);
    await ensureNotInUse(inst);
    await restoreDatabase(inst.database, path.join(staging, manifest.database.file), options.force ?? false, log);
    const uploads = restoreUploads(inst, path.join(staging, 'uploads'), log);
    for (const [entry, key] of Object.entries(STATE_FILES)) {
      const source = path.join(staging, entry);
      if (!fs.existsSync(source)) continue;
      fs.copyFileSync(source, inst[key]);
      fs.chmodSync(inst[key], 0o600);
    }
    if (manifest.secrets.note) log(`note: ${manifest.secrets.note}`);
    return { manifest, uploads };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
