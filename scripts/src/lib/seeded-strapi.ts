/**
 * A Strapi of its own with the demo content: compiled cms/, a folder for its log, uploads and (SQLite) database,
 * a free port, random secrets, and the demo content written by the real seed. `pnpm bench` runs one; the tests
 * run theirs through tests/support/ephemeral-strapi.ts, which adds a temporary folder and PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  buildCmsIfNeeded,
  compileCms,
  generateSecrets,
  randomSecret,
  startStrapi,
  type StrapiServer,
} from './strapi-process.ts';
import { runSeed } from '../seed.ts';

export interface SeededStrapi {
  url: string;
  /** Strapi's folder (see SeededStrapiOptions.dir); callers keep their own files beside it. */
  tmp: string;
  buildToken: string;
  seedToken: string;
  adminEmail: string;
  adminPassword: string;
  /** The environment Strapi runs with: its secrets, its database and its public folder. */
  env: Record<string, string>;
  /** Stops the Strapi process only; the database stays for a restart. */
  kill(): Promise<void>;
  /** Kills the Strapi process with SIGKILL (a crash: no shutdown hooks run); the database stays for a restart. */
  crash(): Promise<void>;
  /** Starts Strapi again on the same database and port. */
  restart(): Promise<void>;
  /** Stops Strapi, then runs `cleanUp`. */
  stop(): Promise<void>;
}

export interface SeedSettings {
  scale: number;
  seed: string;
  referenceDate: Date;
}

export interface SeededStrapiOptions {
  seed: SeedSettings;
  /** Prefix of the log lines about this Strapi. */
  label: string;
  /** Strapi's folder: its log, `public/uploads/` and, with SQLite, `data.db`. */
  dir: string;
  /** The database settings (DATABASE_CLIENT, …); SQLite in `dir` when not given. */
  database?: Record<string, string>;
  /** More environment for Strapi (SMTP, webhook, …); wins over the defaults. */
  extraEnv?: Record<string, string>;
  /** Build and serve the admin panel (for tests in the browser); otherwise only the server is compiled. */
  adminPanel?: boolean;
  /**
   * Keep the folder for later runs (SQLite only; for benchmarks): the first run seeds it and saves its
   * environment there, later runs start on it without seeding.
   */
  reuse?: boolean;
  /** Runs at stop and after a failed start: drop the database, remove the folder, … */
  cleanUp?: () => Promise<void>;
}

const ADMIN_EMAIL = 'redaktion@test.example.org';

/** The environment a reused folder saved at its first run, or null. */
function savedEnv(file: string, reuse: boolean): Record<string, string> | null {
  return reuse && fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>) : null;
}

/** Strapi's environment: fresh secrets and passwords, or those a reused folder saved. */
function strapiEnv(options: SeededStrapiOptions, saved: Record<string, string> | null): Record<string, string> {
  return {
    ...(saved ?? generateSecrets()),
    ...(options.database ?? { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(options.dir, 'data.db') }),
    NODE_ENV: 'production',
    STRAPI_SEED_TOKEN: saved?.STRAPI_SEED_TOKEN ?? randomSecret(48),
    SERVE_ADMIN_PANEL: options.adminPanel ? 'true' : 'false',
    STRAPI_STARTUP_BANNER: 'false',
    STRAPI_PUBLIC_DIR: path.join(options.dir, 'public'),
    BUILD_TOKEN_FILE: path.join(options.dir, 'build-token'),
    IKZ_ADMIN_EMAIL: ADMIN_EMAIL,
    IKZ_ADMIN_PASSWORD: saved?.IKZ_ADMIN_PASSWORD ?? `Test-${randomSecret(12)}-9a`,
    ...options.extraEnv,
  };
}

/** Kills the process with SIGKILL and waits until it has exited. */
async function crashProcess(server: StrapiServer): Promise<void> {
  const child = server.child;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

export async function startSeededStrapi(options: SeededStrapiOptions): Promise<SeededStrapi> {
  const { dir, label } = options;
  const cleanUp = options.cleanUp ?? (async () => {});
  if (options.reuse && options.database) throw new Error('a kept Strapi folder works with SQLite only');
  const savedEnvFile = path.join(dir, 'env.json');
  const saved = savedEnv(savedEnvFile, options.reuse ?? false);
  fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
  if (options.adminPanel) buildCmsIfNeeded((line) => console.log(`[${label}] ${line}`));
  else compileCms();
  const env = strapiEnv(options, saved);
  const logFile = path.join(dir, 'strapi.log');
  let server: StrapiServer | null = null;
  try {
    server = await startStrapi({ logFile, env });
    if (!saved) {
      await runSeed({ url: server.url, token: env.STRAPI_SEED_TOKEN!, ...options.seed, concurrency: 4, quiet: true });
      if (options.reuse) fs.writeFileSync(savedEnvFile, JSON.stringify(env), { mode: 0o600 });
    }
  } catch (error) {
    await server?.stop();
    if (fs.existsSync(logFile)) console.error(fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n'));
    await cleanUp();
    throw error;
  }
  let running = server;
  return {
    url: running.url,
    tmp: dir,
    buildToken: env.STRAPI_BUILD_TOKEN!,
    seedToken: env.STRAPI_SEED_TOKEN!,
    adminEmail: ADMIN_EMAIL,
    adminPassword: env.IKZ_ADMIN_PASSWORD!,
    env,
    kill: () => running.stop(),
    crash: () => crashProcess(running),
    restart: async () => {
      await running.stop();
      running = await startStrapi({ logFile, env, port: running.port });
    },
    stop: async () => {
      await running.stop();
      await cleanUp();
    },
  };
}
