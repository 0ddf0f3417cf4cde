/**
 * The local web server for a built site, on `send` (the file server behind Express's static middleware):
 * directory indexes, conditional GET and ranges, no path traversal, the site's 404 page. `root` is read per
 * request, so a release directory can be swapped underneath. A directory asked for without its trailing
 * slash is redirected to the normalised path of that directory on this site – never to what the request
 * spelled, so `//evil.example/..%2fprojekte` cannot become a redirect to another host. Uploaded files
 * (/dateien/, /bilder/) get their headers from the file-type allowlist, decided from the file actually
 * served (whatever case or %-encoding the request used): see @ikz/shared-types/file-types.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import send from 'send';
import { servingHeaders } from '@ikz/shared-types/file-types';
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

export function serveStatic(root: string | (() => string), port = 0, host = '127.0.0.1'): Promise<StaticServer> {
  const rootOf = typeof root === 'function' ? root : () => root;
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const base = rootOf();
    const notFound = (status: number) => {
      const page = path.join(base, '404.html');
      if (status === 404 && fs.existsSync(page)) {
        res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
        if (req.method === 'HEAD') res.end();
        else fs.createReadStream(page).pipe(res);
        return;
      }
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(status === 404 ? 'Nicht gefunden' : 'Ungültige Anfrage');
    };
    send(req, requestPath(req.url), { root: base, index: ['index.html'], dotfiles: 'allow', etag: true })
      .on('headers', (response, file: string) => {
        response.setHeader('X-Content-Type-Options', 'nosniff');
        if (isUploadedFile(base, file)) for (const [name, value] of Object.entries(servingHeaders(file))) response.setHeader(name, value);
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
