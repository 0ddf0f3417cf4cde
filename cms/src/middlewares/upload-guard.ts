/**
 * Checks every file of every multipart request, whatever its path, before any route sees it: a refused file
 * is answered with the German message at once, ahead of Strapi's own check (whose messages are English).
 * The upload service checks again (src/uploads/service.ts) for the ways in without a multipart body.
 * The forms under /formulare/ (however spelled) check their files themselves and answer with their own page
 * (src/forms/); whatever they store goes through the upload service and its check.
 */
import type { Core } from '@strapi/strapi';
import { FORMS_PATH } from '../newsletter/links.ts';
import { normalizedRequestPath } from '../lib/upload-serving.ts';
import { checkUpload, type IncomingFile } from '../uploads/check.ts';

const isFormPath = (rawPath: string) => normalizedRequestPath(rawPath).startsWith(`${FORMS_PATH.toLowerCase()}/`);

export default (_config: unknown, _ctx: { strapi: Core.Strapi }) => {
  return async (ctx: any, next: () => Promise<void>) => {
    const files = ctx.request?.files as Record<string, IncomingFile | IncomingFile[]> | undefined;
    if (files && typeof files === 'object' && !isFormPath(ctx.path)) {
      for (const value of Object.values(files)) {
        for (const file of Array.isArray(value) ? value : [value]) {
          const original = file.originalFilename;
          await checkUpload(file);
          // The admin matches files to their fileInfo by the original name; the service renames them.
          file.originalFilename = original;
        }
      }
    }
    await next();
  };
};
