/**
 * Every way a file enters Strapi's media library ends in the upload service's `upload` or `replace`
 * (admin uploads, the admin's single-file and URL imports, replace, the content API's /api/upload): both
 * are wrapped so that no file is stored unless the upload rules accept it, and then under the extension
 * and MIME type of its content. Its name, alternative text and caption refuse control characters, and a
 * renamed file keeps the extension it is stored with.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { controlCharacterProblems, summarize, type Attributes } from '../lib/validation.ts';
import { checkUpload, normalizedDisplayName, type IncomingFile } from './check.ts';

type FileInfo = Record<string, unknown> | undefined;

/** The media library's own text fields, as the control-character rule treats them (alt text is one line). */
const FILE_INFO_ATTRIBUTES: Attributes = {
  name: { type: 'string' },
  alternativeText: { type: 'string' },
  caption: { type: 'text' },
};
const FILE_INFO_LABELS: Record<string, string> = {
  name: 'Dateiname',
  alternativeText: 'Alternativtext',
  caption: 'Bildunterschrift',
};

function checkFileInfoText(info: unknown): void {
  const problems = controlCharacterProblems(
    FILE_INFO_ATTRIBUTES,
    info,
    () => undefined,
    (path) => FILE_INFO_LABELS[path[0] ?? ''] ?? path.join('.'),
  );
  if (problems.length === 0) return;
  throw new errors.ValidationError(summarize(problems), {
    errors: problems.map((p) => ({ path: ['fileInfo', ...p.path], message: p.message, name: 'ValidationError' })),
  });
}

function withDisplayName(info: FileInfo, ext: string): FileInfo {
  if (!info || typeof info !== 'object') return info;
  return { ...info, name: normalizedDisplayName(info.name, ext) };
}

export function guardUploadService(strapi: Core.Strapi): void {
  strapi.get('services').extend('plugin::upload.upload', (service: any) => ({
    ...service,
    async upload(input: { data: any; files: IncomingFile | IncomingFile[] }, opts: unknown) {
      const infos = input.data?.fileInfo;
      for (const info of Array.isArray(infos) ? infos : [infos]) checkFileInfoText(info);
      const files = Array.isArray(input.files) ? input.files : [input.files];
      const decisions: { ext: string }[] = [];
      for (const file of files) decisions.push(await checkUpload(file));
      const data = { ...(input.data ?? {}) };
      if (Array.isArray(data.fileInfo))
        data.fileInfo = data.fileInfo.map((info: FileInfo, i: number) =>
          withDisplayName(info, decisions[i]?.ext ?? ''),
        );
      else if (decisions.length === 1) data.fileInfo = withDisplayName(data.fileInfo, decisions[0]!.ext);
      return service.upload({ ...input, data }, opts);
    },
    async replace(id: string | number, input: { data: any; file: IncomingFile }, opts: unknown) {
      checkFileInfoText(input.data?.fileInfo);
      const stored = await strapi.db.query('plugin::upload.file').findOne({ where: { id }, select: ['name', 'ext'] });
      if (stored) {
        const decision = await checkUpload(input.file, { name: stored.name, ext: stored.ext ?? '' });
        const data = { ...(input.data ?? {}), fileInfo: withDisplayName(input.data?.fileInfo, decision.ext) };
        return service.replace(id, { ...input, data }, opts);
      }
      return service.replace(id, input, opts);
    },
    async updateFileInfo(id: string | number, info: FileInfo, opts: unknown) {
      checkFileInfoText(info);
      const stored = await strapi.db.query('plugin::upload.file').findOne({ where: { id }, select: ['ext'] });
      return service.updateFileInfo(
        id,
        stored?.ext ? withDisplayName(info, String(stored.ext).toLowerCase()) : info,
        opts,
      );
    },
  }));
}
