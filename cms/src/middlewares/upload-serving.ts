/**
 * Every response for a stored upload goes out inert, with the headers every server of the project sends for
 * an uploaded file (servingHeaders of @ikz/shared-types/file-types): a type from the allowlist or
 * application/octet-stream, nosniff, a sandboxing CSP, and a download for everything but images. It
 * applies to what the request path resolves to under /uploads/ and, in addition, to any response whose body
 * is a file from the uploads folder, however it was reached; files stored before these rules included.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { servingHeaders } from '@ikz/shared-types/file-types';
import { uploadRequestFile } from '../lib/upload-serving.ts';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const uploadsDir = path.resolve(strapi.dirs.static.public, 'uploads');
  const servedFromUploads = (body: unknown): string | null => {
    if (!(body instanceof fs.ReadStream) || typeof body.path !== 'string') return null;
    const file = path.resolve(body.path);
    return file.startsWith(`${uploadsDir}${path.sep}`) ? path.basename(file) : null;
  };
  return async (ctx: any, next: () => Promise<void>) => {
    const byPath = uploadRequestFile(ctx.path);
    try {
      await next();
    } finally {
      const name = servedFromUploads(ctx.body) ?? byPath;
      if (name !== null) ctx.set(servingHeaders(name));
    }
  };
};
