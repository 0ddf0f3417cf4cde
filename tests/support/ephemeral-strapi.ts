/**
 * A real Strapi for tests: the seeded Strapi of @ikz/scripts/lib/seeded-strapi in a temporary folder, on SQLite
 * or, when IKZ_TEST_DB=postgres, on a fresh PostgreSQL database; the folder and the database go at stop
 * (IKZ_KEEP_TMP=1 keeps the folder).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startSeededStrapi, type SeededStrapi, type SeedSettings } from '@ikz/scripts/lib/seeded-strapi';
import { readEnv } from '@ikz/shared-types/env';

export interface TestStrapi extends SeededStrapi {
  database: 'sqlite' | 'postgres';
}

/** A fresh, empty PostgreSQL database on the server of `baseUrl`, and how to drop it. */
export async function createPostgresDatabase(
  baseUrl: string,
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
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
}

export async function startTestStrapi(
  seed: SeedSettings,
  label: string,
  extraEnv: Record<string, string> = {},
  options: TestStrapiOptions = {},
): Promise<TestStrapi> {
  const testEnv = readEnv(['IKZ_TEST_DB', 'IKZ_TEST_POSTGRES_URL', 'IKZ_KEEP_TMP']);
  const database = testEnv.IKZ_TEST_DB;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `ikz-${label}-`));
  let postgres: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  if (database === 'postgres') {
    const baseUrl = testEnv.IKZ_TEST_POSTGRES_URL;
    if (!baseUrl)
      throw new Error(
        'IKZ_TEST_DB=postgres needs IKZ_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)',
      );
    postgres = await createPostgresDatabase(baseUrl);
  }
  const cleanUp = async () => {
    await postgres?.drop();
    if (testEnv.IKZ_KEEP_TMP) console.log(`[${label}] kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  };
  const strapi = await startSeededStrapi({
    seed,
    label,
    dir: tmp,
    database: postgres?.env,
    extraEnv,
    adminPanel: options.adminPanel,
    cleanUp,
  });
  return { ...strapi, database };
}
