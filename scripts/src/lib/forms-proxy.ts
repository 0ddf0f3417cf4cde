/**
 * The local web server's stand-in for nginx's `location /formulare/`: a form on the site posts to its own origin,
 * and this passes the request on to Strapi, which answers it (cms/src/forms/). Only plain paths below
 * /formulare/ are passed on – letters, digits, `-`, `_` and single slashes, nothing encoded and no dot segment –
 * so no spelling reaches another route of Strapi. Cookies and credentials are not passed on in either direction;
 * Strapi learns the client's address from X-Forwarded-For. A body larger than nginx takes (MAX_FORM_BODY_BYTES of
 * @ikz/shared-types/form-uploads) is answered 413, as nginx does.
 */
import http from 'node:http';
import { MAX_FORM_BODY_BYTES } from '@ikz/shared-types/form-uploads';

export const FORMS_PREFIX = '/formulare/';
const FORM_PATH = /^\/formulare(?:\/[A-Za-z0-9_-]+)+\/?$/;
const QUERY = /^[A-Za-z0-9_\-.~%=&+]*$/;

/** The request target to pass on (path and query), or null when it must not reach Strapi. */
export function formTarget(target: string | undefined): string | null {
  const raw = target ?? '';
  const queryAt = raw.indexOf('?');
  const pathPart = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = queryAt === -1 ? '' : raw.slice(queryAt + 1);
  if (!FORM_PATH.test(pathPart) || raw.includes('#') || !QUERY.test(query) || raw.length > 2_000) return null;
  return query ? `${pathPart}?${query}` : pathPart;
}

const FORWARDED_REQUEST_HEADERS = ['content-type', 'content-length', 'accept', 'accept-language', 'user-agent'];
const DROPPED_RESPONSE_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'set-cookie', 'upgrade']);

function unavailable(res: http.ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(502, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(
    '<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Formular nicht erreichbar – Interkommunales.NRW</title></head>' +
      '<body><main><h1>Formular gerade nicht erreichbar</h1><p>Ihre Eingaben konnten nicht angenommen werden, weil der Dienst für Formulare gerade nicht antwortet. Bitte versuchen Sie es in einigen Minuten noch einmal.</p><p><a href="/">Zur Startseite</a></p></main></body></html>',
  );
}

function tooLarge(res: http.ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(413, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  });
  res.end(
    '<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Zu große Anfrage – Interkommunales.NRW</title></head>' +
      '<body><main><h1>Zu große Anfrage</h1><p>Die gesendeten Daten sind zu groß. Bitte senden Sie kleinere oder weniger Dateien.</p><p><a href="/">Zur Startseite</a></p></main></body></html>',
  );
}

/** Passes a request for `target` (from formTarget) on to `upstream` (Strapi's base URL) and its answer back. */
export function proxyForm(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  upstream: string,
  target: string,
  maxBody = MAX_FORM_BODY_BYTES,
): void {
  if (Number(req.headers['content-length'] ?? 0) > maxBody) {
    req.resume();
    tooLarge(res);
    return;
  }
  const base = new URL(upstream);
  const headers: http.OutgoingHttpHeaders = {
    host: base.host,
    'x-forwarded-for': req.socket.remoteAddress ?? '',
    'x-forwarded-proto': 'http',
  };
  for (const name of FORWARDED_REQUEST_HEADERS) if (req.headers[name] !== undefined) headers[name] = req.headers[name];
  const outgoing = http.request(
    { hostname: base.hostname, port: base.port, method: req.method, path: target, headers, timeout: 30_000 },
    (answer) => {
      const passed: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(answer.headers))
        if (value !== undefined && !DROPPED_RESPONSE_HEADERS.has(name)) passed[name] = value;
      res.writeHead(answer.statusCode ?? 502, passed);
      answer.pipe(res);
    },
  );
  outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
  let refused = false;
  outgoing.on('error', () => {
    if (!refused) unavailable(res);
  });
  // A body without a length (chunked) is counted as it arrives.
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxBody && !refused) {
      refused = true;
      req.unpipe(outgoing);
      outgoing.destroy();
      tooLarge(res);
    }
  });
  req.pipe(outgoing);
}
