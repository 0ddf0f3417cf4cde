/**
 * A small client for Strapi 5's REST API: bounded retries for transient failures, clear errors,
 * pagination at the server's page-size limit with bounded concurrency, and uploads.
 */
import { toQueryString, type QueryValue } from './query-string.ts';

export interface ClientOptions {
  baseUrl: string;
  token?: string | undefined;
  /** Attempts for network errors, 429 and 5xx (default 4). */
  attempts?: number;
  /** Largest page size the server allows (api.rest.maxLimit, default 100). */
  pageSize?: number;
  /** Parallel page requests in findAll (default 4). */
  concurrency?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export class StrapiRequestError extends Error {
  readonly status: number | null;
  readonly details: unknown;

  constructor(message: string, status: number | null, details?: unknown, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'StrapiRequestError';
    this.status = status;
    this.details = details;
  }
}

export interface Page<T> {
  data: T[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

const isTransient = (status: number) => status === 408 || status === 429 || status >= 500;

type RequestParts = { query?: Record<string, QueryValue>; body?: unknown; form?: FormData };

/** The headers and body of a request: the token, and a JSON body or a form. */
function requestBody(
  init: RequestParts,
  token: string | undefined,
): { headers: Record<string, string>; body: RequestInit['body'] } {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  let body: RequestInit['body'];
  if (init.form) body = init.form;
  else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  return { headers, body };
}

/** The error for a refused request, with Strapi's own message and details when it sent JSON. */
async function failureOf(method: string, path: string, response: Response): Promise<StrapiRequestError> {
  const text = await response.text();
  let details: unknown = text;
  let message = text.slice(0, 300);
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string; details?: unknown } };
    message = parsed.error?.message ?? message;
    details = parsed.error?.details ?? parsed;
  } catch {
    // not JSON: keep the text
  }
  const hint =
    response.status === 401 || response.status === 403 ? ' – check the API token and the role permissions' : '';
  return new StrapiRequestError(
    `${method} ${path} failed with ${response.status}: ${message}${hint}`,
    response.status,
    details,
  );
}

/** Every page's entries in order: the first page says how many there are, the rest load `concurrency` at a time. */
async function allPages<T>(findPage: (page: number) => Promise<Page<T>>, concurrency: number): Promise<T[]> {
  const first = await findPage(1);
  const { pageCount } = first.meta.pagination;
  const pages: T[][] = [first.data];
  const remaining = Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) => i + 2);
  const workers = Array.from({ length: Math.min(concurrency, remaining.length) }, async () => {
    for (let page = remaining.shift(); page !== undefined; page = remaining.shift()) {
      pages[page - 1] = (await findPage(page)).data;
    }
  });
  await Promise.all(workers);
  return pages.flat();
}

export function createStrapiClient(options: ClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const attempts = options.attempts ?? 4;
  const pageSize = options.pageSize ?? 100;
  const concurrency = options.concurrency ?? 4;
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  async function request<T>(method: string, path: string, init: RequestParts = {}): Promise<T> {
    const qs = init.query ? toQueryString(init.query) : '';
    const url = `${baseUrl}${path}${qs ? `?${qs}` : ''}`;
    const { headers, body } = requestBody(init, options.token);
    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      try {
        response = await doFetch(url, { method, headers, body });
      } catch (error) {
        if (attempt < attempts) {
          await sleep(250 * 2 ** (attempt - 1));
          continue;
        }
        throw new StrapiRequestError(
          `Strapi is not reachable at ${baseUrl} (${method} ${path}): is it running, and is the URL right?`,
          null,
          undefined,
          error,
        );
      }
      if (response.ok) return (response.status === 204 ? null : await response.json()) as T;
      if (isTransient(response.status) && attempt < attempts) {
        await sleep(250 * 2 ** (attempt - 1));
        continue;
      }
      throw await failureOf(method, path, response);
    }
  }

  async function findPage<T>(
    pluralApiId: string,
    page: number,
    params: Record<string, QueryValue> = {},
  ): Promise<Page<T>> {
    return request<Page<T>>('GET', `/api/${pluralApiId}`, { query: { ...params, pagination: { page, pageSize } } });
  }

  /** Every entry of a collection, page by page at the server's limit, at most `concurrency` requests at a time. */
  const findAll = <T>(pluralApiId: string, params: Record<string, QueryValue> = {}): Promise<T[]> =>
    allPages((page) => findPage<T>(pluralApiId, page, params), concurrency);

  async function upload(
    file: { name: string; type: string; data: Uint8Array },
    info: { alternativeText?: string; caption?: string } = {},
  ) {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
    form.append('fileInfo', JSON.stringify({ name: file.name, ...info }));
    const uploaded = await request<{ id: number; url: string }[]>('POST', '/api/upload', { form });
    const first = uploaded[0];
    if (!first) throw new StrapiRequestError(`Upload of ${file.name} returned no file`, null);
    return first;
  }

  /** Waits until Strapi answers its health check. */
  async function waitUntilReady(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const response = await doFetch(`${baseUrl}/_health`);
        if (response.ok) return;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline)
        throw new StrapiRequestError(
          `Strapi did not become ready at ${baseUrl} within ${Math.round(timeoutMs / 1000)} s`,
          null,
        );
      await sleep(500);
    }
  }

  return { baseUrl, request, findPage, findAll, upload, waitUntilReady };
}

export type StrapiClient = ReturnType<typeof createStrapiClient>;
