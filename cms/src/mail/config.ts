/**
 * The mail setup from the environment contract (SMTP_*, MAIL_*): the options of Strapi's email plugin with its
 * nodemailer provider. Without SMTP_HOST nothing is ever delivered: the provider gets nodemailer's JSON
 * transport (which only serialises), and `sendMail` refuses with a `not-configured` MailError – Strapi's
 * built-in default would otherwise deliver straight to the recipients' mail exchangers on port 25.
 */
import net from 'node:net';
import { readEnv } from '@ikz/shared-types/env';

export type MailSettings = {
  configured: boolean;
  from: string;
  replyTo: string;
  /** Passed unchanged to nodemailer.createTransport. */
  transport: Record<string, unknown>;
  /** Where the mails go, for logs (never the password). */
  describe: string;
};

type SocketCallback = (error: Error | null, socket?: { connection: net.Socket }) => void;

/**
 * Opens the TCP connection to the mail server with Nagle's algorithm off (TCP_NODELAY), for nodemailer's
 * `getSocket`. nodemailer leaves it on, and a mail written in several small pieces then waits for the
 * server's delayed ACK again and again: measured against a local SMTP server, 39 instead of 214 mails per
 * second. nodemailer still does TLS on this socket (SMTP_SECURE) and STARTTLS as usual.
 */
export function connectWithoutDelay(timeoutMs: number) {
  return (options: { host: string; port: number }, callback: SocketCallback): void => {
    const socket = net.connect({ host: options.host, port: options.port, noDelay: true });
    const fail = (error: Error) => {
      socket.destroy();
      callback(error);
    };
    socket.setTimeout(timeoutMs, () =>
      fail(Object.assign(new Error(`Connection timeout to ${options.host}:${options.port}`), { code: 'ETIMEDOUT' })),
    );
    socket.once('error', fail);
    socket.once('connect', () => {
      socket.setTimeout(0);
      socket.removeListener('error', fail);
      socket.setKeepAlive(true);
      callback(null, { connection: socket });
    });
  };
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/i;

export function mailSettings(env?: Record<string, string | undefined>): MailSettings {
  const c = readEnv(
    ['SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'SMTP_USER', 'SMTP_PASSWORD', 'MAIL_FROM', 'MAIL_REPLY_TO'],
    env,
  );
  const replyTo = c.MAIL_REPLY_TO ?? c.MAIL_FROM;
  if (!c.SMTP_HOST)
    return {
      configured: false,
      from: c.MAIL_FROM,
      replyTo,
      transport: { jsonTransport: true },
      describe: 'kein Mailserver (SMTP_HOST fehlt)',
    };
  if (c.SMTP_USER && c.SMTP_PASSWORD === undefined)
    throw new Error('Invalid configuration:\n  SMTP_PASSWORD: must be set together with SMTP_USER');
  const loopback = LOOPBACK.test(c.SMTP_HOST);
  return {
    configured: true,
    from: c.MAIL_FROM,
    replyTo,
    transport: {
      host: c.SMTP_HOST,
      port: c.SMTP_PORT,
      secure: c.SMTP_SECURE,
      // Credentials never cross the network in clear text: STARTTLS is required unless the server is on this machine.
      requireTLS: !c.SMTP_SECURE && !loopback,
      ignoreTLS: !c.SMTP_SECURE && loopback,
      ...(c.SMTP_USER ? { auth: { user: c.SMTP_USER, pass: c.SMTP_PASSWORD } } : {}),
      pool: true,
      maxConnections: 2,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      getSocket: connectWithoutDelay(10_000),
    },
    describe: `${c.SMTP_HOST}:${c.SMTP_PORT}${c.SMTP_SECURE ? ' (TLS)' : ''}`,
  };
}
