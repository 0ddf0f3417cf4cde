/**
 * Which responses of Strapi are stored uploads. Pure; the middleware (src/middlewares/upload-serving.ts)
 * sends every one of them with the headers of the one serving rule (servingHeaders of
 * @ikz/shared-types/file-types), the same as the site's web servers and the preview.
 *
 * Whether a request is for /uploads/ is decided on the path as the static file server reads it, not as the
 * router matches it: Strapi's public-folder route serves `/%75ploads/x`, `//uploads/x` and
 * `/a/../uploads/x` from the uploads folder too (koa-send decodes the path once and resolves it). Here the
 * path is decoded until it no longer changes, backslashes count as slashes, dot segments and repeated
 * slashes are resolved, and case is ignored — broader than any file system it may run on.
 */
import path from 'node:path';

function decodeFully(value: string): string {
  let current = value;
  for (let i = 0; i < 5; i += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      next = current.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
    if (next === current) break;
    current = next;
  }
  return current;
}

/** The path as a file server would resolve it below its root, in lower case. */
export function normalizedRequestPath(rawPath: string): string {
  const decoded = decodeFully(rawPath)
    .replace(/\\/g, '/')
    .replace(/\u0000/g, '');
  return path.posix
    .normalize(`/${decoded}`)
    .replace(/\/{2,}/g, '/')
    .toLowerCase();
}

/** The stored file name a request is for, if it is for anything under /uploads/ (else null). */
export function uploadRequestFile(rawPath: string): string | null {
  const normalized = normalizedRequestPath(rawPath);
  if (normalized !== '/uploads' && !normalized.startsWith('/uploads/')) return null;
  return normalized.slice(normalized.lastIndexOf('/') + 1);
}
