import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

/** The SQLite database (and its journal files) readable by the owner only, its folder too. */
export function restrictDatabaseFile(strapi: Core.Strapi): void {
  const connection = strapi.config.get<{ client?: string; connection?: { filename?: string } }>('database.connection');
  const file = connection?.client === 'sqlite' ? connection.connection?.filename : undefined;
  if (!file) return;
  fs.chmodSync(path.dirname(file), 0o700);
  for (const candidate of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (fs.existsSync(candidate)) fs.chmodSync(candidate, 0o600);
  }
}
