/**
 * A real Strapi for tests: compiled cms/, a temporary SQLite file (or a fresh PostgreSQL database when
 * IKZ_TEST_DB=postgres), a free port, random secrets, and the demo content written by the real seed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildCmsIfNeeded, compileCms, generateSecrets, randomSecret, startStrapi } from './strapi-process.ts';
import { runSeed } from '../seed.ts';
import { readEnv } from '@ikz/shared-types/env';

export interface TestStrapi {
  url: string;
  tmp: string;
  buildToken: string;
  seedToken: string;
  adminEmail: string;
  adminPassword: string;
  database: 'sqlite' | 'postgres';
  /** The environment Strapi runs with: its secrets, its database and its public folder. */
  env: Record<string, string>;
  /** Stops the Strapi process only; the database stays for a restart. */
  kill(): Promise<void>;
  /** Kills the Strapi process with SIGKILL (a crash: no shutdown hooks run); the database stays for a restart. */
  crash(): Promise<void>;
  /** Starts Strapi again on the same database and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A fresh, empty PostgreSQL database on the server of `baseUrl`, and how to drop it. */
export async function createPostgresDatabase(baseUrl: string): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const name = `ikz_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface TestStrapiOptions {
  /** Build and serve the admin panel (for tests in the browser); otherwise only the server is compiled. */
  adminPanel?: boolean;
  /**
   * Keep Strapi's database and uploads in this folder (SQLite only; for benchmarks): the first run seeds it and
   * saves its environment there, later runs start on it without seeding. Nothing is deleted at stop.
   */
  dir?: string;
}

export async function startTestStrapi(seed: { scale: number; seed: string; referenceDate: Date }, label: string, extraEnv: Record<string, string> = {}, options: TestStrapiOptions = {}): Promise<TestStrapi> {
  const testEnv = readEnv(['IKZ_TEST_DB', 'IKZ_TEST_POSTGRES_URL', 'IKZ_KEEP_TMP']);
  const database = testEnv.IKZ_TEST_DB;
  if (options.dir && database !== 'sqlite') throw new Error('a kept Strapi folder works with SQLite only');
  const tmp = options.dir ? path.resolve(options.dir) : fs.mkdtempSync(path.join(os.tmpdir(), `ikz-${label}-`));
  const savedEnvFile = path.join(tmp, 'env.json');
  const saved = options.dir && fs.existsSync(savedEnvFile) ? (JSON.parse(fs.readFileSync(savedEnvFile, 'utf8')) as Record<string, string>) : null;
  fs.mkdirSync(path.join(tmp, 'public', 'uploads'), { recursive: true });
  let dropDatabase = async () => {};
  let dbEnv: Record<string, string> = { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(tmp, 'data.db') };
  if (database === 'postgres') {
    const baseUrl = testEnv.IKZ_TEST_POSTGRES_URL;
    if (!baseUrl) throw new Error('IKZ_TEST_DB=postgres needs IKZ_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)');
    const created = await createPostgresDatabase(baseUrl);
    dbEnv = created.env;
    dropDatabase = created.drop;
  }
  const cleanUp = async () => {
    await dropDatabase();
    if (options.dir) return;
    if (testEnv.IKZ_KEEP_TMP) console.log(`[${label}] kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  };

  if (options.adminPanel) buildCmsIfNeeded((line) => console.log(`[${label}] ${line}`));
  else compileCms();
  const secrets = saved ?? generateSecrets();
  const seedToken = saved?.STRAPI_SEED_TOKEN ?? randomSecret(48);
  const adminEmail = 'redaktion@test.example.org';
  const adminPassword = saved?.IKZ_ADMIN_PASSWORD ?? `Test-${randomSecret(12)}-9a`;
  const logFile = path.join(tmp, 'strapi.log');
  let server: Awaited<ReturnType<typeof startStrapi>> | null = null;
  let env: Record<string, string> = {};
  try {
    env = {
        ...secrets,
        ...dbEnv,
        NODE_ENV: 'production',
        STRAPI_SEED_TOKEN: seedToken,
        SERVE_ADMIN_PANEL: options.adminPanel ? 'true' : 'false',
        STRAPI_STARTUP_BANNER: 'false',
        STRAPI_PUBLIC_DIR: path.join(tmp, 'public'),
        BUILD_TOKEN_FILE: path.join(tmp, 'build-token'),
        IKZ_ADMIN_EMAIL: adminEmail,
        IKZ_ADMIN_PASSWORD: adminPassword,
        ...extraEnv,
    };
    server = await startStrapi({ logFile, env });
    if (!saved) {
      await runSeed({ url: server.url, token: seedToken, ...seed, concurrency: 4, quiet: true });
      if (options.dir) fs.writeFileSync(savedEnvFile, JSON.stringify(env), { mode: 0o600 });
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
    tmp,
    buildToken: secrets.STRAPI_BUILD_TOKEN!,
    seedToken,
    adminEmail,
    adminPassword,
    database,
    env,
    kill: () => running.stop(),
    crash: async () => {
      const child = running.child;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
    },
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
