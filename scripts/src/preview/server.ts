/**
 * The editors' preview service. Strapi's "Vorschau" panel frames GET /vorschau?token=… – the token (signed,
 * short-lived, bound to type, document and status; see @ikz/shared-types/preview) is checked, the entry is
 * read from Strapi with the preview's own token (which may read drafts, and nothing else), and rendered by
 * the site builder into the published content. Responses are never cached or indexed, may only be framed
 * by the admin, and reload when the editor saves (Strapi posts "strapiUpdate" to the frame).
 *
 * Downloads and images are served only where the published content uses them, or a draft rendered for a
 * token that is still valid (until it expires) – exactly the files and image widths the page shows, with the
 * headers of @ikz/shared-types/file-types – and only while Strapi still has them: a file Strapi answers 404
 * for is dropped from the cache and answered with 404.
 */
import http from 'node:http';
import path from 'node:path';
import send from 'send';
import { CONTENT_TYPES } from '@ikz/shared-types';
import { servingHeaders } from '@ikz/shared-types/file-types';
import { escapeHtml } from '@ikz/shared-types/html';
import { PREVIEW_PATH, verifyPreviewToken, type PreviewClaims } from '@ikz/shared-types/preview';
import { createStrapiClient, StrapiRequestError, type StrapiClient } from '@ikz/shared-types/rest';
import { ensureBundle, PreviewError, UploadGoneError, type AssetRef, type SiteBuilder } from '@ikz/site/builder';
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

/** How many rendered drafts' files the preview remembers at most. */
const MAX_DRAFTS = 500;

/** A request path as the file system would read it: percent-decoded, or null when that is impossible. */
export function decodedPath(pathname: string): string | null {
  try {
    const decoded = decodeURIComponent(pathname);
    return decoded.includes('\0') || decoded.includes('\\') ? null : path.posix.normalize(decoded);
  } catch {
    return null;
  }
}

/** Files of drafts rendered for a valid token, by entry ("type:documentId"): the latest render's, until its token expires. */
function createDraftFiles() {
  const drafts = new Map<string, { expires: number; assets: Map<string, AssetRef> }>();
  return {
    remember(entry: string, expires: number, assets: [string, AssetRef][]): void {
      drafts.delete(entry);
      drafts.set(entry, { expires, assets: new Map(assets) });
      while (drafts.size > MAX_DRAFTS) drafts.delete(drafts.keys().next().value!);
    },
    /** The file of a draft whose token is still valid at this site path (expired drafts are dropped on the way). */
    find(sitePath: string): AssetRef | undefined {
      const now = Date.now();
      let found: AssetRef | undefined;
      for (const [entry, draft] of drafts) {
        if (draft.expires <= now) drafts.delete(entry);
        else found ??= draft.assets.get(sitePath);
      }
      return found;
    },
    forget(sitePath: string): void {
      for (const draft of drafts.values()) draft.assets.delete(sitePath);
    },
  };
}

/** What the preview's parts share: its options, log, Strapi client, the drafts' files and its response helpers. */
interface PreviewContext {
  options: PreviewServerOptions;
  log: (record: Record<string, unknown>) => void;
  client: StrapiClient;
  drafts: ReturnType<typeof createDraftFiles>;
  /** The headers of every preview response: never cached or indexed, framed only by the admin. */
  headers(type: string): Record<string, string>;
  /** A short German page with a title and one paragraph. */
  page(res: http.ServerResponse, status: number, title: string, text: string): void;
}

function previewContext(options: PreviewServerOptions): PreviewContext {
  const siteOrigin = new URL(options.siteUrl).origin;
  const headers = (type: string): Record<string, string> => ({
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Robots-Tag': 'noindex, nofollow',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': `default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action ${siteOrigin}; frame-ancestors ${options.adminOrigins.join(' ')}`,
  });
  return {
    options,
    log:
      options.log ??
      ((record) => console.log(JSON.stringify({ time: new Date().toISOString(), service: 'preview', ...record }))),
    client: createStrapiClient({ baseUrl: options.strapiUrl, token: options.previewToken, attempts: 2 }),
    drafts: createDraftFiles(),
    headers,
    page(res, status, title, text) {
      res
        .writeHead(status, headers('text/html; charset=utf-8'))
        .end(
          `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${escapeHtml(title)} – Vorschau</title></head><body style="font-family:system-ui,sans-serif;margin:2rem;line-height:1.5"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`,
        );
    },
  };
}

async function fetchEntry(client: StrapiClient, claims: PreviewClaims): Promise<unknown | null> {
  const plural = CONTENT_TYPES[claims.type].plural;
  const found = await client.findPage(plural, 1, {
    filters: { documentId: { $eq: claims.documentId } },
    status: claims.status,
    populate: POPULATE[claims.type],
  });
  return found.data[0] ?? null;
}

/** GET /vorschau?token=…: checks the token, reads the entry with the preview token and renders it. */
async function preview(ctx: PreviewContext, query: URLSearchParams, res: http.ServerResponse): Promise<void> {
  const { options, log, page } = ctx;
  const started = performance.now();
  const verdict = verifyPreviewToken(query.get('token'), options.secret);
  if (!verdict.ok) {
    log({ msg: 'preview refused', reason: verdict.reason });
    return page(res, 401, 'Keine Vorschau', MESSAGES[verdict.reason]!);
  }
  const { claims } = verdict;
  let entry: unknown;
  try {
    entry = await fetchEntry(ctx.client, claims);
  } catch (error) {
    log({
      level: 'error',
      msg: 'preview: Strapi refused or unreachable',
      error: String(error),
      status: error instanceof StrapiRequestError ? error.status : null,
    });
    return page(
      res,
      502,
      'Vorschau nicht verfügbar',
      'Das Redaktionssystem ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
    );
  }
  if (!entry)
    return page(
      res,
      404,
      'Eintrag nicht gefunden',
      claims.status === 'published'
        ? 'Von diesem Eintrag gibt es keine veröffentlichte Fassung.'
        : 'Diesen Eintrag gibt es nicht (mehr).',
    );
  try {
    const result = await options.builder.preview({ type: claims.type, status: claims.status, entry });
    ctx.drafts.remember(`${claims.type}:${claims.documentId}`, claims.exp * 1000, result.assets);
    const admins = escapeHtml(options.adminOrigins.join(' '));
    const html = result.html.replace(
      '</body>',
      `<script src="/_vorschau/aktualisieren.js" data-admin="${admins}"></script></body>`,
    );
    res.writeHead(200, ctx.headers('text/html; charset=utf-8')).end(html);
    log({
      msg: 'preview rendered',
      type: claims.type,
      status: claims.status,
      url: result.url,
      ms: Math.round(performance.now() - started),
    });
  } catch (error) {
    if (error instanceof PreviewError) return page(res, 422, 'Vorschau nicht möglich', error.editorMessage);
    throw error;
  }
}

/** Whether Strapi still has an upload (its own answer; an unreachable Strapi is not taken as "gone"). */
async function stillInStrapi(source: string): Promise<boolean> {
  try {
    const response = await fetch(source, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    return response.status !== 404 && response.status !== 410;
  } catch {
    return true;
  }
}

/** The local copy of an upload the preview may serve at `sitePath`, or null (unknown, or gone from Strapi). */
async function assetFile(ctx: PreviewContext, sitePath: string): Promise<string | null> {
  const { builder } = ctx.options;
  const ref = ctx.drafts.find(sitePath) ?? (await builder.publishedAssets()).get(sitePath);
  if (!ref) return null;
  if (!(await stillInStrapi(ref.source))) {
    builder.assets.forget(ref);
    ctx.drafts.forget(sitePath);
    ctx.log({ msg: 'preview: file no longer in Strapi, forgotten', path: sitePath });
    return null;
  }
  try {
    return await builder.assets.file(ref);
  } catch (error) {
    if (!(error instanceof UploadGoneError)) throw error;
    ctx.drafts.forget(sitePath);
    return null;
  }
}

/** Serves a download or image of /dateien/ or /bilder/; false when the preview does not serve that path. */
async function asset(
  ctx: PreviewContext,
  req: http.IncomingMessage,
  pathname: string,
  res: http.ServerResponse,
): Promise<boolean> {
  const sitePath = decodedPath(pathname);
  const lower = sitePath?.toLowerCase() ?? '';
  if (!sitePath || (!lower.startsWith('/dateien/') && !lower.startsWith('/bilder/'))) return false;
  const file = await assetFile(ctx, sitePath);
  if (!file) return false;
  const fileHeaders = {
    ...servingHeaders(sitePath),
    'Cache-Control': 'no-store',
    'X-Robots-Tag': 'noindex, nofollow',
    'Referrer-Policy': 'no-referrer',
  };
  send(req, path.basename(file), { root: path.dirname(file), dotfiles: 'deny' })
    .on('headers', (response) => {
      for (const [name, value] of Object.entries(fileHeaders)) response.setHeader(name, value);
    })
    .on('error', () => ctx.page(res, 404, 'Nicht gefunden', 'Diese Datei gibt es nicht.'))
    .pipe(res);
  return true;
}

export function createPreviewServer(options: PreviewServerOptions) {
  const ctx = previewContext(options);
  const { log, page } = ctx;

  /** Routing: the preview page, its reload script, the renderer's assets, the uploads; 404 for anything else. */
  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (refuseForeignHost(req, res, options.publicUrls ?? [])) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname = requestPath(req.url);
    if (pathname === PREVIEW_PATH || pathname === `${PREVIEW_PATH}/`)
      return preview(ctx, new URLSearchParams((req.url ?? '').split('?')[1] ?? ''), res);
    if (pathname === '/_vorschau/aktualisieren.js') {
      res
        .writeHead(200, { ...ctx.headers('text/javascript; charset=utf-8'), 'Cache-Control': 'no-cache' })
        .end(RELOAD_SCRIPT);
      return;
    }
    if (pathname.startsWith('/_astro/') || pathname === '/favicon.svg') {
      const { clientDir } = await ensureBundle();
      send(req, pathname, { root: clientDir })
        .on('error', () => page(res, 404, 'Nicht gefunden', 'Diese Datei gibt es nicht.'))
        .pipe(res);
      return;
    }
    if (await asset(ctx, req, pathname, res)) return;
    page(res, 404, 'Nicht gefunden', 'Die Vorschau zeigt nur Einträge, die Sie im Redaktionssystem öffnen.');
  }

  function listen(port: number, host = '127.0.0.1'): Promise<Listening> {
    const server = http.createServer((req, res) => {
      handle(req, res).catch((error: unknown) => {
        log({
          level: 'error',
          msg: 'preview failed',
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        if (!res.headersSent)
          page(
            res,
            500,
            'Vorschau fehlgeschlagen',
            'Die Vorschau konnte nicht erzeugt werden. Der Betrieb ist über das Protokoll informiert.',
          );
      });
    });
    return listenOn(server, port, host);
  }

  return { handle, listen };
}
