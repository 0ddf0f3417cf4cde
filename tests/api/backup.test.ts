/**
 * `pnpm backup` and `pnpm restore` end to end, on the database of this run (IKZ_TEST_DB: SQLite, or a fresh
 * PostgreSQL database per Strapi): a real seeded Strapi is backed up by the real command while an editor
 * keeps writing, the archive is restored into an empty installation, and a Strapi started there serves the
 * same content (every documentId, every field), the same upload bytes, and a byte-equal site build. Damaged,
 * truncated and newer archives and a non-empty target are refused without changing anything.
 */
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStrapiClient } from '@ikz/shared-types/rest';
import { createSiteBuilder, stopSearchService } from '@ikz/site/builder';
import { createPostgresDatabase, startTestStrapi, type TestStrapi } from '../support/ephemeral-strapi.ts';
import { REPO_ROOT, startStrapi, type StrapiServer } from '@ikz/scripts/lib/strapi-process';
import { TEST_SEED } from './seed-options.ts';
import { readEnv } from '@ikz/shared-types/env';

const run = promisify(execFile);
const BACKUP = path.join(REPO_ROOT, 'scripts', 'src', 'backup.ts');
const RESTORE = path.join(REPO_ROOT, 'scripts', 'src', 'restore.ts');
const TYPES = ['projects', 'documents', 'newsletters', 'events', 'topics', 'municipalities'] as const;
const SECRET_KEYS = [
  'APP_KEYS',
  'ADMIN_JWT_SECRET',
  'API_TOKEN_SALT',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'STRAPI_BUILD_TOKEN',
  'STRAPI_SEED_TOKEN',
];
const SITE_URL = 'https://interkommunales.example.org';
const NOW = new Date('2026-11-01T10:00:00Z');

/** `populate` that reaches every relation, media field and component (nested ones too) of a schema. */
function deepPopulate(attributes: Record<string, { type: string; component?: string }>): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.type === 'relation' || attribute.type === 'media') populate[name] = true;
    if (attribute.type === 'component') {
      const [category, file] = attribute.component!.split('.');
      const nested = deepPopulate(
        JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'cms', 'src', 'components', category!, `${file}.json`), 'utf8'))
          .attributes,
      );
      populate[name] = Object.keys(nested).length ? { populate: nested } : true;
    }
  }
  return populate;
}
const POPULATE = Object.fromEntries(
  TYPES.map((type) => {
    const singular = type === 'municipalities' ? 'municipality' : type.replace(/s$/, '');
    const schema = JSON.parse(
      fs.readFileSync(
        path.join(REPO_ROOT, 'cms', 'src', 'api', singular, 'content-types', singular, 'schema.json'),
        'utf8',
      ),
    );
    return [type, deepPopulate(schema.attributes)];
  }),
);

type Entry = { documentId: string; [key: string]: unknown };
/** Every entry of every type, drafts and published versions, with all fields, sorted by documentId. */
async function content(url: string, token: string): Promise<Record<string, Entry[]>> {
  const client = createStrapiClient({ baseUrl: url, token });
  const result: Record<string, Entry[]> = {};
  for (const type of TYPES) {
    for (const status of ['draft', 'published'] as const) {
      const entries = await client.findAll<Entry>(type, {
        status,
        populate: POPULATE[type] as never,
        sort: ['documentId:asc'],
      });
      result[`${type}/${status}`] = entries.sort((a, b) => a.documentId.localeCompare(b.documentId));
    }
  }
  result['upload/files'] = ((await client.request<Entry[]>('GET', '/api/upload/files')) ?? []).sort((a, b) =>
    String(a.id).localeCompare(String(b.id)),
  );
  return result;
}

function hashTree(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(
    files
      .map((e) => path.join(e.parentPath, e.name))
      .sort()
      .map((f) => [path.relative(dir, f), createHash('sha256').update(fs.readFileSync(f)).digest('hex')]),
  );
}

/** What an installation holds right now, to show that a refused restore changed nothing. */
async function fingerprint(env: Record<string, string>, dir: string): Promise<unknown> {
  const files = hashTree(dir);
  if (env.DATABASE_CLIENT !== 'postgres') return files;
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    const tables = (
      await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
    ).rows.map((r) => r.tablename as string);
    const rows: Record<string, string> = {};
    for (const table of tables)
      rows[table] = (
        await client.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table}" t`)
      ).rows[0].h;
    return { files, rows };
  } finally {
    await client.end();
  }
}

async function cli(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], {
      env: { ...process.env, ...env },
      cwd: REPO_ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function build(url: string, token: string, outDir: string, cacheDir: string): Promise<void> {
  const builder = createSiteBuilder({
    strapiUrl: url,
    token,
    siteUrl: SITE_URL,
    cacheDir,
    now: () => NOW,
    env: { IKZ_SECURITY_CONTACT: 'mailto:security@example.org' },
  });
  try {
    await builder.build({ outDir, base: null, full: true, reason: 'backup test' });
  } finally {
    await builder.close();
  }
}

describe('backup and restore', () => {
  let original: TestStrapi;
  let work: string;
  let originalEnv: Record<string, string>;
  let restoredEnv: Record<string, string>;
  let restoredDir: string;
  let restored: StrapiServer | null = null;
  let dropRestored = async () => {};
  let archive = '';
  const writes: string[] = [];

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-backup-'));
    original = await startTestStrapi({ ...TEST_SEED, scale: 0.02 }, 'backup');
    // The original as `pnpm start` keeps it: the generated secrets in the state folder.
    fs.writeFileSync(
      path.join(original.tmp, 'secrets.json'),
      JSON.stringify(Object.fromEntries(SECRET_KEYS.map((k) => [k, original.env[k]]))),
      { mode: 0o600 },
    );
    const database: Record<string, string> =
      original.database === 'postgres'
        ? { DATABASE_CLIENT: 'postgres', DATABASE_URL: original.env.DATABASE_URL! }
        : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: original.env.DATABASE_FILENAME! };
    originalEnv = {
      IKZ_DATA_DIR: original.tmp,
      STRAPI_PUBLIC_DIR: original.env.STRAPI_PUBLIC_DIR!,
      IKZ_BACKUP_DIR: path.join(work, 'backups'),
      IKZ_BACKUP_KEEP: '3',
      ...database,
    };

    restoredDir = path.join(work, 'restored');
    restoredEnv = { IKZ_DATA_DIR: restoredDir };
    if (original.database === 'postgres') {
      const created = await createPostgresDatabase(readEnv(['IKZ_TEST_POSTGRES_URL']).IKZ_TEST_POSTGRES_URL!);
      restoredEnv = { ...restoredEnv, ...created.env };
      dropRestored = created.drop;
    }
  });

  afterAll(async () => {
    await restored?.stop();
    await original?.stop();
    await dropRestored();
    await stopSearchService();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('writes one archive while Strapi runs and an editor keeps saving; its last line is the path', async () => {
    const client = createStrapiClient({ baseUrl: original.url, token: original.seedToken });
    let backupRunning = true;
    let writesDuringBackup = 0;
    const editor = (async () => {
      for (let n = 1; backupRunning; n += 1) {
        const created = await client.request<{ data: Entry }>('POST', '/api/topics', {
          query: { status: 'published' },
          body: { data: { name: `Sicherungstest ${n}`, description: `Während der Sicherung gespeichert (${n}).` } },
        });
        writes.push(created.data.documentId);
        if (backupRunning) writesDuringBackup += 1;
      }
    })();
    const started = Date.now();
    const result = await cli(BACKUP, [], originalEnv).finally(() => (backupRunning = false));
    await editor;
    console.log(
      `[backup test] backup took ${((Date.now() - started) / 1000).toFixed(1)} s with ${writesDuringBackup} saves meanwhile`,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    archive = result.stdout.trim().split('\n').at(-1)!;
    expect(path.dirname(archive)).toBe(path.join(work, 'backups'));
    expect(fs.readdirSync(path.join(work, 'backups'))).toEqual([path.basename(archive)]);
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
    expect(writesDuringBackup).toBeGreaterThan(0);

    const names: string[] = [];
    await tar.t({ file: archive, onReadEntry: (entry) => void names.push(entry.path) });
    const uploads = Object.keys(hashTree(path.join(original.env.STRAPI_PUBLIC_DIR!, 'uploads')));
    expect(uploads.length).toBeGreaterThan(0);
    expect(names.sort()).toEqual(
      [
        'manifest.json',
        original.database === 'postgres' ? 'database/postgres.dump' : 'database/data.db',
        'state/secrets.json',
        ...uploads.map((u) => `uploads/${u}`),
      ].sort(),
    );
  }, 120_000);

  it('restores into an empty installation: the same documents, fields and upload bytes', async () => {
    const result = await cli(RESTORE, [archive], restoredEnv);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(fs.statSync(restoredDir).mode & 0o777).toBe(0o700);
    expect(hashTree(path.join(restoredDir, 'strapi', 'public', 'uploads'))).toEqual(
      hashTree(path.join(original.env.STRAPI_PUBLIC_DIR!, 'uploads')),
    );

    // Strapi on the restored installation, with the secrets from the archive (not the original's environment).
    const secrets = JSON.parse(fs.readFileSync(path.join(restoredDir, 'secrets.json'), 'utf8')) as Record<
      string,
      string
    >;
    const base = Object.fromEntries(
      Object.entries(original.env).filter(([k]) => !SECRET_KEYS.includes(k) && !k.startsWith('DATABASE_')),
    );
    const database: Record<string, string> =
      original.database === 'postgres'
        ? { DATABASE_CLIENT: 'postgres', DATABASE_URL: restoredEnv.DATABASE_URL! }
        : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(restoredDir, 'strapi', 'data.db') };
    restored = await startStrapi({
      env: {
        ...base,
        ...secrets,
        ...database,
        STRAPI_PUBLIC_DIR: path.join(restoredDir, 'strapi', 'public'),
        BUILD_TOKEN_FILE: path.join(restoredDir, 'build-token'),
      },
      logFile: path.join(work, 'restored-strapi.log'),
    });

    const [before, after] = await Promise.all([
      content(original.url, original.seedToken),
      content(restored.url, secrets.STRAPI_SEED_TOKEN!),
    ]);
    // The archive holds the editor's saves up to the moment of the copy: a prefix of them, never a gap.
    const kept = after['topics/draft']!.filter((t) => writes.includes(t.documentId)).map((t) => t.documentId);
    expect(writes.slice(0, kept.length).sort()).toEqual(kept.sort());
    const later = new Set(writes.slice(kept.length));
    for (const key of Object.keys(before)) before[key] = before[key]!.filter((e) => !later.has(e.documentId));
    expect(after['projects/draft']!.length).toBeGreaterThan(0);
    expect(after).toEqual(before);

    // The uploads are served as they were.
    const file = (before['upload/files']![0] as unknown as { url: string }).url;
    const [a, b] = await Promise.all([fetch(`${original.url}${file}`), fetch(`${restored.url}${file}`)]);
    expect(Buffer.from(await b.arrayBuffer()).equals(Buffer.from(await a.arrayBuffer()))).toBe(true);

    // The same content on both sides from here on: the editor's test topics go.
    for (const [url, token] of [
      [original.url, original.seedToken],
      [restored.url, secrets.STRAPI_SEED_TOKEN!],
    ] as const) {
      const client = createStrapiClient({ baseUrl: url, token });
      for (const id of writes.filter((w) => url === original.url || !later.has(w)))
        await client.request('DELETE', `/api/topics/${id}`);
    }
  }, 180_000);

  it('gives the next full site build byte for byte', async () => {
    const secrets = JSON.parse(fs.readFileSync(path.join(restoredDir, 'secrets.json'), 'utf8')) as Record<
      string,
      string
    >;
    const started = Date.now();
    await build(original.url, original.buildToken, path.join(work, 'site-original'), path.join(work, 'cache-original'));
    await build(
      restored!.url,
      secrets.STRAPI_BUILD_TOKEN!,
      path.join(work, 'site-restored'),
      path.join(work, 'cache-restored'),
    );
    console.log(`[backup test] two full builds in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const [a, b] = [hashTree(path.join(work, 'site-original')), hashTree(path.join(work, 'site-restored'))];
    expect(Object.keys(a).length).toBeGreaterThan(50);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    const differing = Object.keys(a).filter((f) => a[f] !== b[f]);
    expect(differing).toEqual([]);
  }, 240_000);

  it('refuses to restore while Strapi runs on the target', async () => {
    // A request just now: Strapi holds a connection (its PostgreSQL pool closes idle ones after 30 s).
    expect((await fetch(`${restored!.url}/api/topics`)).status).toBe(200);
    const before = await fingerprint(restoredEnv, restoredDir);
    const result = await cli(RESTORE, [archive, '--force'], restoredEnv);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      original.database === 'postgres'
        ? /other connection\(s\) to the PostgreSQL database .* stop it first/
        : /is open in process \d+ \(a running Strapi\?\): stop it first/,
    );
    expect(await fingerprint(restoredEnv, restoredDir)).toEqual(before);
    await restored!.stop();
    restored = null;
  }, 60_000);

  it('refuses a non-empty installation without --force, and damaged, truncated or newer archives with it; nothing changes', async () => {
    const size = fs.statSync(archive).size;
    const damaged = path.join(work, 'damaged.tar.gz');
    fs.copyFileSync(archive, damaged);
    const fd = fs.openSync(damaged, 'r+');
    const byte = Buffer.alloc(1);
    fs.readSync(fd, byte, 0, 1, Math.floor(size / 2));
    fs.writeSync(fd, Buffer.from([byte[0]! ^ 0xff]), 0, 1, Math.floor(size / 2));
    fs.closeSync(fd);
    const truncated = path.join(work, 'truncated.tar.gz');
    fs.writeFileSync(truncated, fs.readFileSync(archive).subarray(0, Math.floor(size * 0.9)));
    const unpacked = path.join(work, 'unpacked');
    fs.mkdirSync(unpacked);
    await tar.x({ file: archive, cwd: unpacked });
    const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'manifest.json'), 'utf8'));
    fs.writeFileSync(
      path.join(unpacked, 'manifest.json'),
      JSON.stringify({ ...manifest, formatVersion: manifest.formatVersion + 1 }),
    );
    const newer = path.join(work, 'newer.tar.gz');
    await tar.c({ file: newer, gzip: true, cwd: unpacked }, fs.readdirSync(unpacked));
    const newerSchema = path.join(work, 'newer-schema.tar.gz');
    fs.writeFileSync(
      path.join(unpacked, 'manifest.json'),
      JSON.stringify({ ...manifest, schemaVersion: manifest.schemaVersion + 1 }),
    );
    await tar.c({ file: newerSchema, gzip: true, cwd: unpacked }, fs.readdirSync(unpacked));

    const before = await fingerprint(restoredEnv, restoredDir);
    const cases: [string[], RegExp][] = [
      [
        [archive],
        /the installation is not empty \(.*\): a restore would replace all of it\. Run again with --force to do so; nothing was changed/,
      ],
      [[damaged, '--force'], /damaged\.tar\.gz is damaged or truncated \(zlib: |damaged\.tar\.gz is damaged: /],
      [[truncated, '--force'], /truncated\.tar\.gz is damaged or truncated \(zlib: unexpected end of file\)/],
      [
        [newer, '--force'],
        /written by a newer version of Interkommunales\.NRW \(archive format 2, this code reads up to 1\): update the code/,
      ],
      [[newerSchema, '--force'], /holds a newer content schema/],
      [[path.join(work, 'missing.tar.gz')], /no archive at/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(RESTORE, args, restoredEnv);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(await fingerprint(restoredEnv, restoredDir), args.join(' ')).toEqual(before);
    }

    // With --force and a sound archive it goes through.
    const again = await cli(RESTORE, [archive, '--force'], restoredEnv);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
  }, 120_000);

  it.skipIf(process.getuid?.() !== 0)(
    'says so in one line and leaves no partial archive when the target has no space',
    async () => {
      const tiny = path.join(work, 'tiny');
      fs.mkdirSync(tiny);
      const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', tiny], { encoding: 'utf8' });
      expect(mount.status, mount.stderr).toBe(0);
      try {
        const result = await cli(BACKUP, ['--out', tiny], originalEnv);
        expect(result.code).toBe(1);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(
          /^\[backup\] not enough space in .*tiny: the backup needs about [\d.]+ [KMG]B, [\d.]+ KB are free; nothing was written$/m,
        );
        expect(fs.readdirSync(tiny)).toEqual([]);
      } finally {
        spawnSync('umount', [tiny]);
      }
    },
    60_000,
  );
});
