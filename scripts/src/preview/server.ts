/**
 * The editors' preview service. Strapi's "Vorschau" panel frames GET /vorschau?token=… – the token (signed,
 * short-lived, bound to type, document and status; see @ikz/shared-types/preview) is checked, the entry is
 * read from Strapi with the preview's own token (which may read drafts, and nothing else), and rendered by
 * the site builder into the published content. Responses are never cached or indexed, may only be framed
 * by the admin, and reload when the editor saves (Strapi posts "strapiUpdate" to the frame).
 */
import http from 'node:http';
import path from 'node:path';
import send from 'send';
import { CONTENT_TYPES } from '@ikz/shared-types';
import { escapeHtml } from '@ikz/shared-types/html';
import { PREVIEW_PATH, verifyPreviewToken, type PreviewClaims } from '@ikz/shared-types/preview';
import { createStrapiClient, StrapiRequestError } from '@ikz/shared-types/rest';
import { ensureBundle, PreviewError, type SiteBuilder } from '@ikz/site/builder';
import { POPULATE } from '@ikz/site/snapshot/populate';
import { refuseForeignHost } from '../lib/host-allowlist.ts';
import { listen as listenOn, type Listening } from '../lib/listen.ts';
import { requestPath } from '../lib/static-server.ts';

export interface PreviewServerOptions {
  builder: SiteBuilder;
  strapiUrl: string;
  /** The API token the preview reads drafts with (STRAPI_PREVIEW_TOKEN). */
  previewToken: string;
  /** The key that signs preview links (PREVIEW_SECRET), shared with Strapi. */
  secret: string;
  /** Origins of the admin that may frame the preview and tell it to reload. */
  adminOrigins: string[];
  siteUrl: string;
  /** Public address of the preview (PREVIEW_URL): its host name is answered besides loopback with the port. */
  publicUrls?: (string | undefined)[];
  log?: (record: Record<string, unknown>) => void;
}

const RELOAD_SCRIPT = `// Reloads the preview when the editor saves in Strapi's admin (which posts {type: "strapiUpdate"}).
const admins = (document.currentScript && document.currentScript.dataset.admin || '').split(' ');
window.addEventListener('message', (event) => {
  if (admins.includes(event.origin) && event.data && event.data.type === 'strapiUpdate') window.location.reload();
});
`;

const MESSAGES: Record<string, string> = {
  missing: 'Diese Vorschau braucht einen gültigen Link aus dem Redaktionssystem.',
  malformed: 'Dieser Vorschau-Link ist ungültig. Bitte öffnen Sie die Vorschau im Redaktionssystem erneut.',
  signature: 'Dieser Vorschau-Link ist ungültig. Bitte öffnen Sie die Vorschau im Redaktionssystem erneut.',
  expired: 'Dieser Vorschau-Link ist abgelaufen. Bitte öffnen Sie die Vorschau im Redaktionssystem erneut.',
};

/** The admin's origins from its public address; on this machine localhost and 127.0.0.1 are the same admin. */
export function adminOriginsOf(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  const twin = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname === '127.0.0.1' ? 'localhost' : null;
  if (!twin) return [url.origin];
  const other = new URL(url.origin);
  other.hostname = twin;
  return [url.origin, other.origin];
}

const IMAGE_FILE = /^(.+)-(\d+)\.(webp|jpg|png)$/;

export function createPreviewServer(options: PreviewServerOptions) {
  const log = options.log ?? ((record) => console.log(JSON.stringify({ time: new Date().toISOString(), service: 'preview', ...record })));
  const client = createStrapiClient({ baseUrl: options.strapiUrl, token: options.previewToken, attempts: 2 });
  const siteOrigin = new URL(options.siteUrl).origin;
  /** Uploads of recently previewed entries (local path or image key → Strapi URL), which the preview serves. */
  const downloads = new Map<string, string>();
  const images = new Map<string, string>();
  const remember = (map: Map<string, string>, entries: [string, string][]) => {
    for (const [k, v] of entries) map.set(k, v);
    while (map.size > 500) map.delete(map.keys().next().value!);
  };

  const headers = (type: string): Record<string, string> => ({
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Robots-Tag': 'noindex, nofollow',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': `default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action ${siteOrigin}; frame-ancestors ${options.adminOrigins.join(' ')}`,
  });

  function page(res: http.ServerResponse, status: number, title: string, text: string): void {
    res.writeHead(status, headers('text/html; charset=utf-8')).end(
      `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${escapeHtml(title)} – Vorschau</title></head><body style="font-family:system-ui,sans-serif;margin:2rem;line-height:1.5"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`,
    );
  }

  async function fetchEntry(claims: PreviewClaims): Promise<unknown | null> {
    const plural = CONTENT_TYPES[claims.type].plural;
    const found = await client.findPage(plural, 1, { filters: { documentId: { $eq: claims.documentId } }, status: claims.status, populate: POPULATE[claims.type] });
    return found.data[0] ?? null;
  }

  async function preview(query: URLSearchParams, res: http.ServerResponse): Promise<void> {
    const started = performance.now();
    const verdict = verifyPreviewToken(query.get('token'), options.secret);
    if (!verdict.ok) {
      log({ msg: 'preview refused', reason: verdict.reason });
      return page(res, 401, 'Keine Vorschau', MESSAGES[verdict.reason]!);
    }
    const { claims } = verdict;
    let entry: unknown;
    try {
      entry = await fetchEntry(claims);
    } catch (error) {
      log({ level: 'error', msg: 'preview: Strapi refused or unreachable', error: String(error), status: error instanceof StrapiRequestError ? error.status : null });
      return page(res, 502, 'Vorschau nicht verfügbar', 'Das Redaktionssystem ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.');
    }
    if (!entry) return page(res, 404, 'Eintrag nicht gefunden', claims.status === 'published' ? 'Von diesem Eintrag gibt es keine veröffentlichte Fassung.' : 'Diesen Eintrag gibt es nicht (mehr).');
    try {
      const result = await options.builder.preview({ type: claims.type, status: claims.status, entry });
      remember(downloads, result.downloads);
      remember(images, result.images);
      const admins = escapeHtml(options.adminOrigins.join(' '));
      const html = result.html.replace('</body>', `<script src="/_vorschau/aktualisieren.js" data-admin="${admins}"></script></body>`);
      res.writeHead(200, headers('text/html; charset=utf-8')).end(html);
      log({ msg: 'preview rendered', type: claims.type, status: claims.status, url: result.url, ms: Math.round(performance.now() - started) });
    } catch (error) {
      if (error instanceof PreviewError) return page(res, 422, 'Vorschau nicht möglich', error.editorMessage);
      throw error;
    }
  }

  const serveFile = (req: http.IncomingMessage, res: http.ServerResponse, file: string) =>
    send(req, path.basename(file), { root: path.dirname(file) }).on('headers', (r) => r.setHeader('Cache-Control', 'no-store')).pipe(res);

  async function asset(req: http.IncomingMessage, pathname: string, res: http.ServerResponse): Promise<boolean> {
    const name = path.posix.basename(pathname);
    if (pathname.startsWith('/dateien/')) {
      const source = downloads.get(pathname) ?? options.builder.store.downloads().get(pathname);
      if (!source) return false;
      serveFile(req, res, await options.builder.assets.download(pathname, source));
      return true;
    }
    const match = pathname.startsWith('/bilder/') ? IMAGE_FILE.exec(name) : null;
    if (match) {
      const [, key, width, ext] = match as unknown as [string, string, string, 'webp' | 'jpg' | 'png'];
      const source = images.get(key) ?? options.builder.store.images().get(key);
      if (!source) return false;
      const format = ext === 'jpg' ? 'jpeg' : ext;
      serveFile(req, res, await options.builder.assets.image({ key, width: Number(width), height: 0, alt: '', fallback: format === 'png' ? 'png' : 'jpeg' }, { path: pathname, width: Number(width), format }, source));
      return true;
    }
    return false;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (refuseForeignHost(req, res, options.publicUrls ?? [])) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname = requestPath(req.url);
    if (pathname === PREVIEW_PATH || pathname === `${PREVIEW_PATH}/`) return preview(new URLSearchParams((req.url ?? '').split('?')[1] ?? ''), res);
    if (pathname === '/_vorschau/aktualisieren.js') {
      res.writeHead(200, { ...headers('text/javascript; charset=utf-8'), 'Cache-Control': 'no-cache' }).end(RELOAD_SCRIPT);
      return;
    }
    if (pathname.startsWith('/_astro/') || pathname === '/favicon.svg') {
      const { clientDir } = await ensureBundle();
      send(req, pathname, { root: clientDir }).on('error', () => page(res, 404, 'Nicht gefunden', 'Diese Datei gibt es nicht.')).pipe(res);
      return;
    }
    if (await asset(req, pathname, res)) return;
    page(res, 404, 'Nicht gefunden', 'Die Vorschau zeigt nur Einträge, die Sie im Redaktionssystem öffnen.');
  }

  function listen(port: number, host = '127.0.0.1'): Promise<Listening> {
    const server = http.createServer((req, res) => {
      handle(req, res).catch((error: unknown) => {
        log({ level: 'error', msg: 'preview failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        if (!res.headersSent) page(res, 500, 'Vorschau fehlgeschlagen', 'Die Vorschau konnte nicht erzeugt werden. Der Betrieb ist über das Protokoll informiert.');
      });
    });
    return listenOn(server, port, host);
  }


  return { handle, listen };
}
