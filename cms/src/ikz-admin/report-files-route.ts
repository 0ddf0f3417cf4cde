/**
 * Editors read the PDFs sent with a project report before anything is published: Strapi's /uploads/ holds them
 * back from everyone (src/middlewares/held-uploads.ts), the media library's links included. This admin route
 * hands one such file to a signed-in user who may read submissions (the Redaktion role, super admins), as a
 * download with the headers of every served upload, never cached:
 *   GET /ikz/report-files/:id
 * Only files that came with a report; every other file is answered 404 here (the media library serves those).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { servingHeaders } from '@ikz/shared-types/file-types';
import { isReportFile, type RelatedEntry } from '../project-report/rules.ts';
import { answerError } from './answer.ts';

const SUBMISSION_UID = 'api::project-submission.project-submission';
const FILE_UID = 'plugin::upload.file';
const ID = /^[1-9]\d{0,9}$/;

type Ctx = {
  params: { id?: string };
  state: { userAbility?: { can(action: string, subject?: string): boolean } };
  status: number;
  body: unknown;
  set(name: string | Record<string, string>, value?: string): void;
};

type FileRow = {
  id: number;
  name: string;
  url: string;
  mime: string;
  caption?: string | null;
  related?: RelatedEntry[];
};

/** `attachment` with the stored name, plain ASCII and RFC 5987 UTF-8 (the name was made safe when it was stored). */
function attachment(name: string): string {
  const ascii =
    name
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\;]/g, '_') || 'unterlagen.pdf';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function registerReportFilesRoute(strapi: Core.Strapi): void {
  const uploadsDir = path.resolve(strapi.dirs.static.public, 'uploads');
  const notFound = (ctx: Ctx) => answerError(ctx, 404, 'Diese Datei einer Projektmeldung gibt es nicht.');
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/ikz/report-files/:id',
        handler: async (koa: unknown) => {
          const ctx = koa as Ctx;
          ctx.set('Cache-Control', 'no-store');
          if (ctx.state.userAbility?.can('plugin::content-manager.explorer.read', SUBMISSION_UID) !== true) {
            return answerError(
              ctx,
              403,
              'Dateien aus Projektmeldungen dürfen nur Benutzer öffnen, die Meldungen lesen dürfen (Rolle „Redaktion“).',
            );
          }
          const id = ctx.params.id ?? '';
          if (!ID.test(id)) return notFound(ctx);
          const row = (await strapi.db
            .query(FILE_UID as any)
            .findOne({ where: { id: Number(id) }, populate: { related: true } })) as FileRow | null;
          if (!row || !isReportFile(row) || !row.url.startsWith('/uploads/')) return notFound(ctx);
          const file = path.resolve(uploadsDir, row.url.slice('/uploads/'.length));
          if (!file.startsWith(`${uploadsDir}${path.sep}`) || !fs.existsSync(file)) return notFound(ctx);
          ctx.set({ ...servingHeaders(file), 'Content-Disposition': attachment(row.name) });
          // A buffer, not a stream: the stored name goes into Content-Disposition (PDFs of a report are ≤ 10 MB).
          ctx.body = await fs.promises.readFile(file);
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
        info: { pluginName: 'ikz' },
      },
    ],
  });
}
