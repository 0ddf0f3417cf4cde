import { describe, expect, it } from 'vitest';
import { createStrapiClient, StrapiRequestError } from '@ikz/shared-types/rest';

type Handler = (url: URL, init: RequestInit | undefined) => Response | Promise<Response>;
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function fakeServer(handler: Handler) {
  const calls: string[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search}`);
    return handler(url, init);
  }) as typeof fetch;
  return { calls, fetchImpl };
}

describe('findAll', () => {
  it('reads every page at the page-size limit, in order, with bounded concurrency', async () => {
    const total = 250;
    let inFlight = 0;
    let maxInFlight = 0;
    const { calls, fetchImpl } = fakeServer(async (url) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      const page = Number(url.searchParams.get('pagination[page]'));
      const pageSize = Number(url.searchParams.get('pagination[pageSize]'));
      const data = Array.from({ length: Math.max(0, Math.min(pageSize, total - (page - 1) * pageSize)) }, (_, i) => ({
        n: (page - 1) * pageSize + i,
      }));
      return json({ data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } });
    });
    const client = createStrapiClient({ baseUrl: 'http://cms.test/', fetch: fetchImpl, pageSize: 10, concurrency: 3 });
    const rows = await client.findAll<{ n: number }>('projects', { fields: ['title'] });
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: total }, (_, i) => i));
    expect(calls).toHaveLength(25);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(calls[0]).toContain('fields[0]=title');
  });
});

describe('request', () => {
  it('retries transient errors a bounded number of times', async () => {
    let n = 0;
    const { fetchImpl } = fakeServer(() => (++n < 3 ? json({ error: { message: 'busy' } }, 503) : json({ ok: true })));
    const client = createStrapiClient({ baseUrl: 'http://cms.test', fetch: fetchImpl, sleep: async () => {} });
    expect(await client.request('GET', '/api/x')).toEqual({ ok: true });
    expect(n).toBe(3);
  });

  it('gives up after the last attempt and says what failed', async () => {
    const { calls, fetchImpl } = fakeServer(() => json({ error: { message: 'down' } }, 502));
    const client = createStrapiClient({
      baseUrl: 'http://cms.test',
      fetch: fetchImpl,
      attempts: 2,
      sleep: async () => {},
    });
    await expect(client.request('GET', '/api/x')).rejects.toThrow('GET /api/x failed with 502: down');
    expect(calls).toHaveLength(2);
  });

  it('does not retry client errors and points at the token for 401/403', async () => {
    const { calls, fetchImpl } = fakeServer(() => json({ error: { message: 'Forbidden' } }, 403));
    const client = createStrapiClient({ baseUrl: 'http://cms.test', fetch: fetchImpl, sleep: async () => {} });
    const error = await client.request('GET', '/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StrapiRequestError);
    expect((error as StrapiRequestError).status).toBe(403);
    expect((error as Error).message).toMatch(/check the API token/);
    expect(calls).toHaveLength(1);
  });

  it('explains an unreachable server', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const client = createStrapiClient({
      baseUrl: 'http://127.0.0.1:9',
      fetch: fetchImpl,
      attempts: 2,
      sleep: async () => {},
    });
    await expect(client.request('GET', '/api/x')).rejects.toThrow(/not reachable at http:\/\/127.0.0.1:9/);
  });

  it('sends the token and JSON bodies', async () => {
    let seen: RequestInit | undefined;
    const { fetchImpl } = fakeServer((_url, init) => {
      seen = init;
      return json({ data: { documentId: 'a' } });
    });
    const client = createStrapiClient({ baseUrl: 'http://cms.test', token: 'secret', fetch: fetchImpl });
    await client.request('POST', '/api/projects', { body: { data: { title: 'T' } } });
    expect(seen?.headers).toMatchObject({ authorization: 'Bearer secret', 'content-type': 'application/json' });
    expect(seen?.body).toBe('{"data":{"title":"T"}}');
  });
});
