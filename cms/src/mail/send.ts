/**
 * Sends one mail through Strapi's email plugin (nodemailer provider, configured in config/plugins.ts from
 * ./config.ts) and tells a temporary failure (4xx, connection) from a permanent one (5xx).
 */
import type { Core } from '@strapi/strapi';
import { randomUUID } from 'node:crypto';
import { mailSettings } from './config.ts';
import { MailError, type OutgoingMail, type SentMail } from './types.ts';

const HEADER_BREAK = /[\r\n\u0000\u2028\u2029\u0085]/;

/** Refuses header-bound values that could start a new header (CR/LF and their look-alikes). */
export function assertHeaderSafe(mail: OutgoingMail): void {
  const values = [
    mail.to,
    mail.subject,
    mail.replyTo ?? '',
    mail.messageId ?? '',
    ...Object.entries(mail.headers ?? {}).flat(),
  ];
  if (values.some((v) => HEADER_BREAK.test(v)))
    throw new MailError('permanent', 'A header value contains a line break');
}

/** The Message-ID for a mail of this installation: `<random@host of MAIL_FROM>`. */
export function newMessageId(from = mailSettings().from): string {
  const host = /@([^>\s]+)>?$/.exec(from)?.[1] ?? 'localhost';
  return `<${randomUUID()}@${host}>`;
}

type SmtpError = Error & { responseCode?: number; code?: string };

/** A nodemailer failure as a MailError: 5xx replies are permanent, everything else (4xx, network) temporary. */
export function classifyMailError(error: unknown): MailError {
  const e = error as SmtpError;
  const code = typeof e?.responseCode === 'number' ? e.responseCode : undefined;
  const kind = code !== undefined && code >= 500 ? 'permanent' : 'temporary';
  return new MailError(kind, e?.message ?? String(error), code, { cause: error });
}

export async function sendMail(strapi: Core.Strapi, mail: OutgoingMail): Promise<SentMail> {
  const settings = mailSettings();
  if (!settings.configured) throw new MailError('not-configured', 'No mail server is configured (SMTP_HOST)');
  assertHeaderSafe(mail);
  const messageId = mail.messageId ?? newMessageId(settings.from);
  try {
    const info = (await strapi
      .plugin('email')
      .service('email')
      .send({
        from: settings.from,
        replyTo: mail.replyTo ?? settings.replyTo,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId,
        headers: mail.headers,
        list: mail.list,
        attachments: mail.attachments,
      })) as { messageId?: string; response?: string; rejected?: string[] } | undefined;
    if (info?.rejected?.length) throw new MailError('permanent', `Recipient rejected: ${info.response ?? ''}`.trim());
    return { messageId: info?.messageId ?? messageId, response: info?.response ?? '' };
  } catch (error) {
    throw error instanceof MailError ? error : classifyMailError(error);
  }
}
