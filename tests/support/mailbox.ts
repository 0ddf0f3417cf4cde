/**
 * Reading what the mail catcher (scripts/src/lib/mail-catcher.ts) received: every `.eml` file of its folder,
 * parsed with mailparser, with its envelope recipients.
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';

export type CaughtMail = ParsedMail & { file: string; envelopeTo: string[]; raw: string };

export async function readMailbox(dir: string): Promise<CaughtMail[]> {
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.eml') && !f.startsWith('.'))
        .sort()
    : [];
  return Promise.all(
    files.map(async (file) => {
      const raw = fs.readFileSync(path.join(dir, file), 'utf8');
      const parsed = await simpleParser(raw);
      const envelope = /^X-Ikz-Envelope-To: (.*)\r?\n/.exec(raw)?.[1] ?? '';
      return Object.assign(parsed, {
        file,
        raw,
        envelopeTo: envelope
          .split(',')
          .map((a) => a.trim().toLowerCase())
          .filter(Boolean),
      });
    }),
  );
}

/** The mails to one address (envelope recipient), oldest first. */
export async function mailsTo(dir: string, address: string): Promise<CaughtMail[]> {
  return (await readMailbox(dir)).filter((m) => m.envelopeTo.includes(address.toLowerCase()));
}

/** Waits until `count` mails to `address` are there (default 1), and returns them. */
export async function waitForMails(dir: string, address: string, count = 1, timeoutMs = 15_000): Promise<CaughtMail[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mails = await mailsTo(dir, address);
    if (mails.length >= count) return mails;
    if (Date.now() > until) throw new Error(`${address}: ${mails.length} of ${count} mails after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A link in a mail's text part that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const text = mail.text ?? '';
  const found = text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!found) throw new Error(`no link starting with ${prefix} in: ${text.slice(0, 400)}`);
  return found.replace(/[>)\].,]+$/, '');
}

/**
 * How the test SMTP server answers recipients, by their local part: `tempfail<N>-…@` is refused with 451 at
 * its first N attempts, `bounce…@` always with 550. Everyone else is accepted.
 */
export function testSmtpReply(recipient: string, attempt: number): { code: number; message: string } | null {
  const local = recipient.split('@')[0] ?? '';
  const temp = /^tempfail(\d+)-/.exec(local);
  if (temp && attempt <= Number(temp[1])) return { code: 451, message: '4.3.0 Try again later' };
  if (local.startsWith('bounce')) return { code: 550, message: '5.1.1 No such user' };
  return null;
}
