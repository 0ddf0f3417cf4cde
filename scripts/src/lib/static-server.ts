/**
 * A small static file server for a built site: directory indexes, the site's 404 page, correct types,
 * no path traversal. `root` is read per request, so a release directory can be swapped underneath.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Maps a URL path to a file below root, or null when it would leave root. */
export function resolvePath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const base = path.resolve(root);
  if (full !== base && !full.startsWith(`${base}${path.sep}`)) return null;
  return full;
}

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function serveStatic(root: string | (() => string), port = 0, host = '127.0.0.1'): Promise<StaticServer> {
  const rootOf = typeof root === 'function' ? root : () => root;
  const server = http.createServer((req, res) => {
    const base = rootOf();
    const send = (status: number, file: string) => {
      res.writeHead(status, { 'Content-Type': contentType(file), 'X-Content-Type-Options': 'nosniff' });
      fs.createReadStream(file).pipe(res);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const target = resolvePath(base, req.url ?? '/');
    if (target) {
      let file = target;
      try {
        if (fs.statSync(file).isDirectory()) {
          if (!(req.url ?? '/').split('?')[0]!.endsWith('/')) {
            res.writeHead(301, { Location: `${(req.url ?? '/').split('?')[0]}/` }).end();
            return;
          }
          file = path.join(file, 'index.html');
        }
        if (fs.statSync(file).isFile()) return send(200, file);
      } catch {
        // fall through to 404
      }
    }
    const notFound = path.join(base, '404.html');
    if (fs.existsSync(notFound)) return send(404, notFound);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Nicht gefunden');
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host}:${actual}`,
        port: actual,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}
