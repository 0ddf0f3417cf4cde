import { inject } from 'vitest';
import { toQueryString, type QueryValue } from '@ikz/shared-types/rest';
import { createStrapiClient } from '@ikz/shared-types/rest';
import { generatePlan, type SeedPlan } from '@ikz/scripts/seed/generate';
import { loadMunicipalities } from '@ikz/scripts/seed/write';
import { TEST_SEED } from './seed-options.ts';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/** A raw request, so that tests see status codes and error bodies exactly as a client would. */
export async function api<T = any>(
  path: string,
  options: {
    method?: string;
    token?: string;
    query?: Record<string, QueryValue>;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiResponse<T>> {
  const qs = options.query ? `?${toQueryString(options.query)}` : '';
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${inject('strapiUrl')}${path}${qs}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // keep text
  }
  return { status: response.status, body: body as T };
}

export const tokens = {
  get build() {
    return inject('buildToken');
  },
  get seed() {
    return inject('seedToken');
  },
};

export function client(token?: string) {
  return createStrapiClient({ baseUrl: inject('strapiUrl'), token });
}

let planPromise: Promise<SeedPlan> | null = null;
/** The plan the harness seeded: the expected content of the database. */
export function seededPlan(): Promise<SeedPlan> {
  planPromise ??= loadMunicipalities(client()).then(({ refs }) => generatePlan(refs, TEST_SEED));
  return planPromise;
}

/** The first administrator's admin JWT, logged in once for the whole run by the global setup. */
export function adminJwt(): Promise<string> {
  return Promise.resolve(inject('adminJwt'));
}
