/**
 * A local mail server that delivers nothing: every mail it accepts is written as one `.eml` file into a folder
 * (the envelope recipients in a first header line `X-Ikz-Envelope-To`). `pnpm start` runs it when no SMTP_HOST
 * is configured, so a new user can open the confirmation mail of a newsletter sign-up; the tests run it as the
 * real SMTP server Strapi talks to. Listens on loopback only, without TLS or authentication.
 *
 * `reply` lets a test answer a recipient with an SMTP error (4xx: try again later, 5xx: never), by address and
 * by how often that address was tried.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export type CatcherReply = { code: number; message: string } | null;

export interface MailCatcher {
  host: string;
  port: number;
  dir: string;
  /** How many mails were written so far. */
  count(): number;
  close(): Promise<void>;
}

export type MailCatcherOptions = {
  dir: string;
  port?: number;
  host?: string;
  /** Decides per recipient and attempt (1, 2, …) whether to refuse it; null accepts. */
  reply?: (recipient: string, attempt: number) => CatcherReply;
  /** Largest mail accepted, in bytes (default 30 MB). */
  maxBytes?: number;
};

const smtpError = (reply: { code: number; message: string }) =>
  Object.assign(new Error(reply.message), { responseCode: reply.code });

export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const dir = path.resolve(options.dir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const attempts = new Map<string, number>();
  const maxBytes = options.maxBytes ?? 30 * 1024 * 1024;
  let written = 0;
  let sequence = 0;
  const server = new SMTPServer({
    name: 'localhost',
    banner: 'Interkommunales.NRW mail catcher (delivers nothing)',
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    hideSTARTTLS: true,
    size: maxBytes,
    rejectOversized: true,
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const recipient = address.address.toLowerCase();
      const attempt = (attempts.get(recipient) ?? 0) + 1;
      attempts.set(recipient, attempt);
      const reply = options.reply?.(recipient, attempt) ?? null;
      callback(reply ? smtpError(reply) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError({ code: 552, message: 'Message too large' }));
        const recipients = session.envelope.rcptTo.map((r) => r.address).join(', ');
        const name = `${Date.now()}-${process.pid}-${String(++sequence).padStart(6, '0')}.eml`;
        const temp = path.join(dir, `.${name}.tmp`);
        // Written under a temporary name and renamed: a reader never sees half a mail.
        fs.promises
          .writeFile(temp, Buffer.concat([Buffer.from(`X-Ikz-Envelope-To: ${recipients}\r\n`), ...chunks]), {
            mode: 0o600,
          })
          .then(() => fs.promises.rename(temp, path.join(dir, name)))
          .then(
            () => {
              written += 1;
              callback();
            },
            (error: Error) => callback(smtpError({ code: 451, message: `Cannot store the mail: ${error.message}` })),
          );
      });
    },
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  server.on('error', () => undefined);
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  return {
    host,
    port,
    dir,
    count: () => written,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
