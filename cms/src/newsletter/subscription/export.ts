/**
 * The export of the confirmed addresses for administrators: CSV as German spreadsheet programs open it
 * (UTF-8 with BOM, `;` between cells, CRLF), one header row. A cell that a spreadsheet would read as a
 * formula (starting with = + - @, tab or CR) gets a leading apostrophe; every cell is quoted.
 */

export interface ExportRow {
  email: string;
  confirmedAt: string | null;
  consentVersion: string | null;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised against formulas, quoted, inner quotes doubled. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function subscribersCsv(rows: readonly ExportRow[]): string {
  const lines = [
    ['E-Mail-Adresse', 'Bestätigt am', 'Version der Einwilligung'],
    ...rows.map((r) => [r.email, r.confirmedAt ?? '', r.consentVersion ?? '']),
  ];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** The file name of an export made at `now`: `newsletter-abonnements-2026-12-05.csv`. */
export const exportFileName = (now: Date) => `newsletter-abonnements-${now.toISOString().slice(0, 10)}.csv`;
