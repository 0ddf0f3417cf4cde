/** Where the build reads from: STRAPI_URL and the read-only STRAPI_BUILD_TOKEN (or BUILD_TOKEN_FILE). */
import fs from 'node:fs';

export interface BuildSource {
  url: string;
  token: string;
  pageSize: number;
  concurrency: number;
  strict: boolean;
}

export function buildSource(env: NodeJS.ProcessEnv = process.env): BuildSource {
  const url = (env.STRAPI_URL ?? 'http://127.0.0.1:1337').replace(/\/+$/, '');
  let token = env.STRAPI_BUILD_TOKEN?.trim() ?? '';
  if (!token && env.BUILD_TOKEN_FILE && fs.existsSync(env.BUILD_TOKEN_FILE)) token = fs.readFileSync(env.BUILD_TOKEN_FILE, 'utf8').trim();
  if (!token) {
    throw new Error('No API token for the site build: set STRAPI_BUILD_TOKEN (the read-only token Strapi creates; `pnpm start` keeps it in .var/secrets.json) or BUILD_TOKEN_FILE.');
  }
  return {
    url,
    token,
    pageSize: Number(env.STRAPI_PAGE_SIZE ?? 100),
    concurrency: Number(env.STRAPI_CONCURRENCY ?? 4),
    strict: env.IKZ_STRICT_CONTENT === '1',
  };
}
