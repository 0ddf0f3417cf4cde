import { describe, expect, it } from 'vitest';
import { REPORT_FILE_CAPTION } from '@ikz/shared-types/form-uploads';
import { fileSizeText, reportFilePath, reportFilesOf } from '@ikz/cms/lib/report-files';

const SUBMISSION = 'api::project-submission.project-submission';
const DOCUMENT = 'api::document.document';

describe('the files the edit view offers for download', () => {
  it('lists a submission’s PDFs and a document’s file only when it came with a report', () => {
    const files = [
      { id: 7, name: 'Satzung.pdf', size: 830.2, caption: REPORT_FILE_CAPTION, url: '/uploads/a.pdf' },
      { id: 8, name: 'Beschluss.pdf', size: null },
      { id: '9', name: 'kein Zahlen-id.pdf' },
      { id: 10 },
      null,
    ];
    expect(reportFilesOf(SUBMISSION, { files })).toEqual([
      { id: 7, name: 'Satzung.pdf', size: 830.2 },
      { id: 8, name: 'Beschluss.pdf', size: null },
    ]);
    expect(reportFilesOf(SUBMISSION, { files: null })).toEqual([]);
    expect(reportFilesOf(DOCUMENT, { file: files[0] })).toEqual([{ id: 7, name: 'Satzung.pdf', size: 830.2 }]);
    expect(reportFilesOf(DOCUMENT, { file: { id: 3, name: 'Jahresbericht.pdf', caption: null } })).toEqual([]);
    expect(reportFilesOf('api::project.project', { files })).toEqual([]);
    expect(reportFilesOf(SUBMISSION, undefined)).toEqual([]);
  });

  it('names the route and the size in German', () => {
    expect(reportFilePath(42)).toBe('/ikz/report-files/42');
    expect(fileSizeText(830.2)).toBe('830 KB');
    expect(fileSizeText(0.2)).toBe('1 KB');
    expect(fileSizeText(2457.6)).toBe('2,4 MB');
    expect(fileSizeText(null)).toBe('');
  });
});
