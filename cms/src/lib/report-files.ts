/**
 * Which files of an entry open in the edit view's "Unterlagen aus der Meldung" panel: the PDFs sent with a
 * project report, on the submission ("Eingegangene Meldung", field `files`) and on the draft document made from
 * one (field `file`, marked with the report's caption). Pure; the panel (src/admin/ikz/ReportFilesPanel.tsx)
 * downloads them through the admin route GET /ikz/report-files/:id.
 */
import { REPORT_FILE_CAPTION } from '@ikz/shared-types/form-uploads';

export interface PanelFile {
  id: number;
  name: string;
  size: number | null;
}

const SUBMISSION_UID = 'api::project-submission.project-submission';
const DOCUMENT_UID = 'api::document.document';

const asFile = (value: unknown): (PanelFile & { caption: unknown }) | null => {
  if (!value || typeof value !== 'object') return null;
  const { id, name, size, caption } = value as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || typeof name !== 'string') return null;
  return { id, name, size: typeof size === 'number' ? size : null, caption };
};

export function reportFilesOf(model: string, document: Record<string, unknown> | undefined): PanelFile[] {
  if (!document) return [];
  const strip = ({ id, name, size }: PanelFile): PanelFile => ({ id, name, size });
  if (model === SUBMISSION_UID) {
    const files = Array.isArray(document.files) ? document.files : [];
    return files
      .map(asFile)
      .filter((f): f is NonNullable<typeof f> => f !== null)
      .map(strip);
  }
  if (model === DOCUMENT_UID) {
    const file = asFile(document.file);
    return file && file.caption === REPORT_FILE_CAPTION ? [strip(file)] : [];
  }
  return [];
}

export const reportFilePath = (id: number) => `/ikz/report-files/${id}`;

/** "2,4 MB", "830 KB" – sizes as Strapi stores them (KB). */
export function fileSizeText(kilobytes: number | null): string {
  if (kilobytes === null) return '';
  return kilobytes >= 1024
    ? `${(kilobytes / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(kilobytes)).toLocaleString('de-DE')} KB`;
}
