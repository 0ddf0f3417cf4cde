/**
 * Files sent with a project report are not served by Strapi before an editor publishes them (held back:
 * cms/src/project-report/rules.ts `isHeld`): a request for one under /uploads/ – in any spelling the static
 * file server would resolve, see src/lib/upload-serving.ts – is answered 404 like a missing file, and the
 * content API's file list (/api/upload/files, which read-only tokens may call) leaves them out.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { normalizedRequestPath, uploadRequestFile } from '../lib/upload-serving.ts';
import { heldFileIds, isHeldUpload } from '../project-report/held-files.ts';

const FILE_LIST = /^\/api\/upload\/files(?:\/([^/]+))?\/?$/;

type FileEntry = { id?: unknown };

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: any, next: () => Promise<void>) => {
    const name = uploadRequestFile(ctx.path);
    if (name !== null && (await isHeldUpload(strapi, name))) {
      ctx.status = 404;
      ctx.body = 'Not Found';
      return;
    }
    const listing = FILE_LIST.test(normalizedRequestPath(ctx.path));
    await next();
    if (!listing || ctx.status !== 200 || !ctx.body || typeof ctx.body !== 'object') return;
    const entries: FileEntry[] = Array.isArray(ctx.body)
      ? ctx.body
      : Array.isArray(ctx.body.data)
        ? ctx.body.data
        : [ctx.body.data ?? ctx.body];
    const ids = entries.map((entry) => Number(entry?.id)).filter(Number.isInteger);
    const held = ids.length ? await heldFileIds(strapi, { id: { $in: ids } }) : new Set<number>();
    if (held.size === 0) return;
    const visible = (entry: FileEntry) => !held.has(Number(entry?.id));
    if (Array.isArray(ctx.body)) ctx.body = ctx.body.filter(visible);
    else if (Array.isArray(ctx.body.data)) ctx.body = { ...ctx.body, data: ctx.body.data.filter(visible) };
    else throw new errors.NotFoundError('Not Found');
  };
};
