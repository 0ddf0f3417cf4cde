/**
 * Every way a file enters Strapi's media library ends in the upload service's `upload` or `replace`
 * (admin uploads, the admin's single-file and URL imports, replace, the content API's /api/upload): both
 * are wrapped so that no file is stored unless the upload rules accept it, and then under the extension
 * and MIME type of its content.
 */
import type { Core } from '@strapi/strapi';
import { checkUpload, normalizedDisplayName, type IncomingFile } from './check.ts';

type FileInfo = Record<string, unknown> | undefined;

function withDisplayName(info: FileInfo, ext: string): FileInfo {
  if (!info || typeof info !== 'object') return info;
  return { ...info, name: normalizedDisplayName(info.name, ext) };
}

export function guardUploadService(strapi: Core.Strapi): void {
  strapi.get('services').extend('plugin::upload.upload', (service: any) => ({
    ...service,
    async upload(input: { data: any; files: IncomingFile | IncomingFile[] }, opts: unknown) {
      const files = Array.isArray(input.files) ? input.files : [input.files];
      const decisions: { ext: string }[] = [];
      for (const file of files) decisions.push(await checkUpload(file));
      const data = { ...(input.data ?? {}) };
      if (Array.isArray(data.fileInfo)) data.fileInfo = data.fileInfo.map((info: FileInfo, i: number) => withDisplayName(info, decisions[i]?.ext ?? ''));
      else if (decisions.length === 1) data.fileInfo = withDisplayName(data.fileInfo, decisions[0]!.ext);
      return service.upload({ ...input, data }, opts);
    },
    async replace(id: string | number, input: { data: any; file: IncomingFile }, opts: unknown) {
      const stored = await strapi.db.query('plugin::upload.file').findOne({ where: { id }, select: ['name', 'ext'] });
      if (stored) {
        const decision = await checkUpload(input.file, { name: stored.name, ext: stored.ext ?? '' });
        const data = { ...(input.data ?? {}), fileInfo: withDisplayName(input.data?.fileInfo, decision.ext) };
        return service.replace(id, { ...input, data }, opts);
      }
      return service.replace(id, input, opts);
    },
  }));
}
