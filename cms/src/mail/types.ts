/**
 * What the system's mail code sends and what can go wrong with it. Every mail goes through `sendMail`
 * (./send.ts): confirmation mails, notifications, newsletter issues.
 */

export type OutgoingMail = {
  /** One recipient address (already validated, never a list). */
  to: string;
  subject: string;
  /** The plain-text part; always given (the provider would otherwise fill it with the HTML). */
  text: string;
  html?: string;
  /** A validated address; user input never goes into From. */
  replyTo?: string;
  /** Message-ID to use (`<…@host>`); generated when missing. */
  messageId?: string;
  /** Further headers, e.g. List-Unsubscribe-Post. Values are checked for CR/LF before sending. */
  headers?: Record<string, string>;
  /** nodemailer's list headers: `{ unsubscribe: [url, mailto], id: { url, comment } }`. */
  list?: Record<string, unknown>;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
};

export type SentMail = { messageId: string; response: string };

/** Why a mail was not sent: retry later, never retry for this address, or mail is not set up at all. */
export type MailErrorKind = 'temporary' | 'permanent' | 'not-configured';

export class MailError extends Error {
  readonly kind: MailErrorKind;
  /** The SMTP reply code, when the server gave one. */
  readonly responseCode: number | undefined;
  constructor(kind: MailErrorKind, message: string, responseCode?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MailError';
    this.kind = kind;
    this.responseCode = responseCode;
  }
}
