/**
 * The local web server for a built site, on `send` (the file server behind Express's static middleware):
 * directory indexes, conditional GET and ranges, no path traversal, the site's 404 page. `root` is read per
 * request, so a release directory can be swapped underneath. A directory asked for without its trailing
 * slash is redirected to the normalised path of that directory on this site – never to what the request
 * spelled, so `//evil.example/..%2fprojekte` cannot become a redirect to another host. Uploaded files
 * (/dateien/, /bilder/) get their headers from the file-type allowlist, decided from the file actually
 * served (whatever case or %-encoding the request used): see @ikz/shared-types/file-types. Text files of 1 KB and
 * more are sent with brotli or gzip when the client accepts it (compressed once, kept in a bounded cache keyed by
 * file, size and mtime), Pagefind's index files as the gzip copy written with them (never compressed here),
 * with `Vary: Accept-Encoding` and an ETag of their own; a range request gets the file as it is.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import send from 'send';
import { servingHeaders } from '@ikz/shared-types/file-types';
import {
  CompressedCache,
  encodingFor,
  isCompressible,
  isSentAsCopy,
  MIN_COMPRESS_BYTES,
  type Encoding,
} from './compression.ts';
import { formTarget, FORMS_PREFIX, proxyForm } from './forms-proxy.ts';
import { listen, type Listening } from './listen.ts';

/** The same-site path of a directory below root: "/projekte/", each segment percent-encoded. */
export function directoryLocation(root: string, directory: string): string | null {
  const relative = path.relative(path.resolve(root), path.resolve(directory));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const segments = relative.split(path.sep).filter(Boolean).map(encodeURIComponent);
  return `/${segments.map((s) => `${s}/`).join('')}`;
}

/** The raw path of a request target, without query or fragment; never parsed as a URL (which would read a host). */
export const requestPath = (target: string | undefined) => (target ?? '/').split(/[?#]/)[0] || '/';

export type StaticServer = Listening;

/** The folders of uploaded files in a release. */
const UPLOAD_FOLDERS = new Set(['dateien', 'bilder']);

/** Whether a file below root is an uploaded file (compared without case: some file systems ignore it). */
export function isUploadedFile(root: string, file: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(file));
  const [first, ...rest] = relative.split(path.sep);
  return rest.length > 0 && UPLOAD_FOLDERS.has((first ?? '').toLowerCase());
}

export type StaticServerOptions = {
  /** Strapi's base URL: requests below /formulare/ are passed on to it (see forms-proxy.ts), as nginx does. */
  formsUpstream?: string;
};

/** The release's 404 page for a missing file, a short German text for other errors. */
function sendNotFound(req: http.IncomingMessage, res: http.ServerResponse, base: string, status: number): void {
  const page = path.join(base, '404.html');
  if (status === 404 && fs.existsSync(page)) {
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(page).pipe(res);
    return;
  }
  res
    .writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
    .end(status === 404 ? 'Nicht gefunden' : 'Ungültige Anfrage');
}

export function serveStatic(
  root: string | (() => string),
  port = 0,
  host = '127.0.0.1',
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  const rootOf = typeof root === 'function' ? root : () => root;
  const compressed = new CompressedCache(32 * 1024 * 1024, (file) => fs.promises.readFile(file));
  const server = http.createServer((req, res) => {
    if (options.formsUpstream && requestPath(req.url).toLowerCase().startsWith(FORMS_PREFIX)) {
      const target = formTarget(req.url);
      if (target) return proxyForm(req, res, options.formsUpstream, target);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const base = rootOf();
    const notFound = (status: number) => sendNotFound(req, res, base, status);
    let encoding: Encoding | null = null;
    const sending = send(req, requestPath(req.url), {
      root: base,
      index: ['index.html'],
      dotfiles: 'allow',
      etag: true,
    });
    const sendFile = sending.send.bind(sending);
    sending.send = (file: string, stat?: fs.Stats) => {
      const copyOnly = isSentAsCopy(file);
      const wanted = !stat || req.headers.range ? null : encodingFor(file, stat.size, req.headers['accept-encoding']);
      if (!wanted || !stat) return sendFile(file, stat);
      compressed.get(file, stat, wanted, { copyOnly }).then(
        (body) => {
          encoding = wanted;
          sending.stream = (_file: string, options: { start?: number; end?: number }) =>
            res.end(body.subarray(options.start, (options.end ?? body.length - 1) + 1));
          sendFile(
            file,
            Object.assign(Object.create(Object.getPrototypeOf(stat) as object) as fs.Stats, stat, {
              size: body.length,
            }),
          );
        },
        () => sendFile(file, stat),
      );
    };
    sending
      .on('headers', (response, file: string, stat: fs.Stats) => {
        response.setHeader('X-Content-Type-Options', 'nosniff');
        if (isUploadedFile(base, file))
          for (const [name, value] of Object.entries(servingHeaders(file))) response.setHeader(name, value);
        if (encoding || (stat.size >= MIN_COMPRESS_BYTES && isCompressible(file)) || isSentAsCopy(file))
          response.setHeader('Vary', 'Accept-Encoding');
        if (encoding) {
          response.setHeader('Content-Encoding', encoding);
          response.setHeader(
            'ETag',
            `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}-${encoding}"`,
          );
        }
      })
      .on('directory', (response, directory: string) => {
        const location = directoryLocation(base, directory);
        if (!location) return notFound(404);
        response.writeHead(301, { Location: location }).end();
      })
      .on('error', (error: { status?: number }) => notFound(error.status === 404 ? 404 : (error.status ?? 500)))
      .pipe(res);
  });
  return listen(server, port, host);
}
