/**
 * The publisher's HTTP side: Strapi's webhook (POST /webhook) and the build trigger (POST /build), both with
 * the shared secret and only for the webhook's host name and loopback; the status as JSON (GET /status) and as
 * the editors' German page (GET /). It only asks the build queue for builds; it never builds itself.
 */
import http from 'node:http';
import { CONTENT_TYPES, type ContentTypeName } from '@ikz/shared-types';
import type { PublisherStatus } from '@ikz/shared-types/build-report';
import { SECRET_HEADER, secretMatches, triggersBuild, WebhookPayloadSchema } from '@ikz/shared-types/webhook';
import type { Change } from '@ikz/site/builder';
import { refuseForeignHost } from '../lib/host-allowlist.ts';
import { listen as listenOn, type Listening } from '../lib/listen.ts';
import type { BuildRecord } from './history.ts';
import { renderStatusPage } from './status-page.ts';

const MODELS = new Map<string, ContentTypeName>(
  Object.entries(CONTENT_TYPES).map(([name, t]) => [t.singular, name as ContentTypeName]),
);
const BODY_LIMIT = 1_000_000;

/** What a webhook says changed. */
export function changeOf(payload: unknown): Change | null {
  const parsed = WebhookPayloadSchema.safeParse(payload);
  if (!parsed.success) return null;
  const { event, model, entry, media } = parsed.data;
  if (event.startsWith('media.')) return media?.id !== undefined ? { mediaId: media.id } : {};
  const type = model ? MODELS.get(model) : undefined;
  return { type, documentId: entry?.documentId };
}

export interface PublisherHttpOptions {
  secret: string;
  /** Public addresses of the status page and JSON: answered besides loopback. */
  statusUrls?: (string | undefined)[];
  /** Where Strapi sends its webhooks: /webhook and /build answer only its host name and loopback. */
  webhookUrls?: (string | undefined)[];
  /** The build queue's two requests. */
  requests: { notify: (event: string, change?: Change) => void; requestFull: (reason: string) => void };
  status: () => PublisherStatus & { pending: number; history: BuildRecord[] };
  log: (record: Record<string, unknown>) => void;
}

async function readBody(req: http.IncomingMessage, limit = BODY_LIMIT): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

type Json = (code: number, body: unknown) => void;

export function createPublisherHttp(options: PublisherHttpOptions) {
  const { requests, log } = options;

  async function webhook(req: http.IncomingMessage, json: Json): Promise<void> {
    let payload: unknown;
    try {
      payload = JSON.parse(await readBody(req));
    } catch {
      return json(400, { error: 'invalid JSON' });
    }
    const parsed = WebhookPayloadSchema.safeParse(payload);
    if (!parsed.success) return json(400, { error: 'not a Strapi webhook' });
    const { event, model } = parsed.data;
    const queued = triggersBuild(event, model);
    if (queued) requests.notify(`${event}${model ? ` ${model}` : ''}`, changeOf(payload) ?? {});
    return json(202, { queued });
  }

  function buildTrigger(url: URL, json: Json): void {
    if (url.searchParams.get('full') === '1') requests.requestFull('Neubau aller Seiten angefordert');
    else requests.notify('manual');
    json(202, { queued: true });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (refuseForeignHost(req, res, [...(options.statusUrls ?? []), ...(options.webhookUrls ?? [])])) return;
    const url = new URL(req.url ?? '/', 'http://publisher');
    if (
      (url.pathname === '/webhook' || url.pathname === '/build') &&
      refuseForeignHost(req, res, options.webhookUrls ?? [])
    )
      return;
    const json: Json = (code, body) => {
      res
        .writeHead(code, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
        .end(JSON.stringify(body));
    };
    const authorised = secretMatches(req.headers[SECRET_HEADER.toLowerCase()], options.secret);
    if (req.method === 'POST' && url.pathname === '/webhook') {
      if (authorised) return webhook(req, json);
      log({ msg: 'webhook refused', reason: 'bad or missing secret', remote: req.socket.remoteAddress });
      return json(401, { error: 'unauthorized' });
    }
    if (req.method === 'POST' && url.pathname === '/build')
      return authorised ? buildTrigger(url, json) : json(401, { error: 'unauthorized' });
    if (req.method === 'GET' && url.pathname === '/status') return json(200, options.status());
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/status.html')) {
      res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
        .end(renderStatusPage(options.status()));
      return;
    }
    json(404, { error: 'not found' });
  }

  function listen(port: number, host = '127.0.0.1'): Promise<Listening> {
    const server = http.createServer((req, res) => {
      handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500).end();
        log({ msg: 'request failed', error: String(error) });
      });
    });
    return listenOn(server, port, host);
  }

  return { handle, listen };
}
