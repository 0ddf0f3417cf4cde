/**
 * Where an installation keeps what a backup must hold, read through the environment contract: the database
 * (the SQLite file, or the PostgreSQL connection Strapi uses), Strapi's uploads, and – for a local
 * installation run by `pnpm start` – the state folder with the generated secrets. The defaults are those of
 * `pnpm start` (`.var/`, or IKZ_DATA_DIR); Strapi run alone (production) sets the variables it reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { executablePath, inheritedEnv, readEnv } from '@ikz/shared-types/env';
import { localState } from '../lib/local-state.ts';
import { CMS_DIR, REPO_ROOT } from '../lib/strapi-process.ts';

export interface PostgresConnection {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string | undefined;
  ssl: boolean;
}

export type DatabaseLocation =
  { client: 'sqlite'; file: string } | { client: 'postgres'; connection: PostgresConnection };

export interface Installation {
  /** The local state folder (`.var/` or IKZ_DATA_DIR). */
  stateDir: string;
  /** Generated secrets of `pnpm start`; absent where Strapi takes them from its environment. */
  secretsFile: string;
  seedStateFile: string;
  /** Strapi's public folder; the uploads are in its `uploads/`. */
  publicDir: string;
  uploadsDir: string;
  database: DatabaseLocation;
  /** Default folder of the archives. */
  backupDir: string;
  keep: number;
}

const NAMES = [
  'IKZ_DATA_DIR',
  'IKZ_BACKUP_DIR',
  'IKZ_BACKUP_KEEP',
  'STRAPI_PUBLIC_DIR',
  'DATABASE_CLIENT',
  'DATABASE_FILENAME',
  'DATABASE_URL',
  'DATABASE_HOST',
  'DATABASE_PORT',
  'DATABASE_NAME',
  'DATABASE_USERNAME',
  'DATABASE_PASSWORD',
  'DATABASE_SSL',
] as const;

/** The PostgreSQL connection as Strapi's cms/config/database.ts builds it (the URL wins over the parts). */
export function postgresConnection(
  config: Pick<
    ReturnType<typeof readEnv<(typeof NAMES)[number]>>,
    | 'DATABASE_URL'
    | 'DATABASE_HOST'
    | 'DATABASE_PORT'
    | 'DATABASE_NAME'
    | 'DATABASE_USERNAME'
    | 'DATABASE_PASSWORD'
    | 'DATABASE_SSL'
  >,
): PostgresConnection {
  if (config.DATABASE_URL) {
    let url: URL;
    try {
      url = new URL(config.DATABASE_URL);
    } catch {
      throw new Error('Invalid configuration: DATABASE_URL is not a URL (postgres://user:password@host:port/name)');
    }
    const sslmode = url.searchParams.get('sslmode');
    return {
      host: decodeURIComponent(url.hostname) || config.DATABASE_HOST,
      port: url.port ? Number(url.port) : config.DATABASE_PORT,
      database: decodeURIComponent(url.pathname.replace(/^\//, '')) || config.DATABASE_NAME,
      user: decodeURIComponent(url.username) || config.DATABASE_USERNAME,
      password: url.password ? decodeURIComponent(url.password) : config.DATABASE_PASSWORD,
      ssl: sslmode ? sslmode !== 'disable' : config.DATABASE_SSL,
    };
  }
  return {
    host: config.DATABASE_HOST,
    port: config.DATABASE_PORT,
    database: config.DATABASE_NAME,
    user: config.DATABASE_USERNAME,
    password: config.DATABASE_PASSWORD,
    ssl: config.DATABASE_SSL,
  };
}

export function installation(env?: Record<string, string | undefined>): Installation {
  const config = readEnv(NAMES, env);
  const state = localState(config.IKZ_DATA_DIR ?? path.join(REPO_ROOT, '.var'));
  // Strapi resolves its own relative paths against cms/ (its working directory).
  const publicDir = config.STRAPI_PUBLIC_DIR ? path.resolve(CMS_DIR, config.STRAPI_PUBLIC_DIR) : state.publicDir;
  const database: DatabaseLocation =
    config.DATABASE_CLIENT === 'postgres'
      ? { client: 'postgres', connection: postgresConnection(config) }
      : {
          client: 'sqlite',
          file: config.DATABASE_FILENAME ? path.resolve(CMS_DIR, config.DATABASE_FILENAME) : state.databaseFile,
        };
  return {
    stateDir: state.dir,
    secretsFile: state.secretsFile,
    seedStateFile: state.seedStateFile,
    publicDir,
    uploadsDir: path.join(publicDir, 'uploads'),
    database,
    backupDir: path.resolve(config.IKZ_BACKUP_DIR ?? path.join(state.dir, 'backups')),
    keep: config.IKZ_BACKUP_KEEP,
  };
}

/** Every regular file below `dir`, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The environment of libpq's programs (pg_dump, pg_restore) for this connection; the password never goes on a command line. */
export function libpqEnv(connection: PostgresConnection): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = inheritedEnv({
    PGHOST: connection.host,
    PGPORT: String(connection.port),
    PGDATABASE: connection.database,
    PGUSER: connection.user,
    PGSSLMODE: connection.ssl ? 'require' : 'prefer',
  });
  if (connection.password !== undefined) env.PGPASSWORD = connection.password;
  else delete env.PGPASSWORD;
  return env;
}

/** pg_dump/pg_restore: from PATH, else the newest under /usr/lib/postgresql/<version>/bin (Debian). */
export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  for (const dir of executablePath().split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return path.join(root, versions[0], 'bin', name);
  throw new Error(
    `${name} not found: install the PostgreSQL client programs (Debian: apt-get install postgresql-client)`,
  );
}
