/**
 * The plain German mails the forms send (confirmation links, notifications, copies): the same blocks as a text
 * part and as a simple HTML part (both always given, see ./types.ts). Pure; every value is HTML-escaped here.
 */
import { escapeHtml } from '@ikz/shared-types/html';

export interface MailText {
  subject: string;
  text: string;
  html: string;
}

/** A paragraph, a link on a line of its own, or a labelled value (multi-line values keep their lines). */
export type MailBlock = string | { link: string; label: string } | { field: string; value: string };

export const SIGNATURE = 'Interkommunales.NRW – Portal für interkommunale Zusammenarbeit in Nordrhein-Westfalen';

const P = 'margin:0 0 16px';

function blockText(block: MailBlock): string {
  if (typeof block === 'string') return block;
  if ('link' in block) return block.link;
  return `${block.field}:\n${block.value}`;
}

function blockHtml(block: MailBlock): string {
  if (typeof block === 'string') return `<p style="${P}">${escapeHtml(block)}</p>`;
  if ('link' in block)
    return `<p style="${P}"><a href="${escapeHtml(block.link)}" style="color:#00528a">${escapeHtml(block.label)}</a></p>`;
  const lines = block.value.split('\n').map(escapeHtml).join('<br>');
  return `<p style="${P}"><strong>${escapeHtml(block.field)}:</strong><br>${lines}</p>`;
}

export function composeMail(subject: string, blocks: readonly MailBlock[]): MailText {
  return {
    subject,
    text: `Guten Tag,\n\n${blocks.map(blockText).join('\n\n')}\n\n-- \n${SIGNATURE}\n`,
    html:
      `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
      '<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">' +
      `<p style="${P}">Guten Tag,</p>${blocks.map(blockHtml).join('')}` +
      `<p style="margin:0;font-size:14px;color:#444444">${escapeHtml(SIGNATURE)}</p></body></html>`,
  };
}
