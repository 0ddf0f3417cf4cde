/**
 * What the admin says about a newsletter issue's sending and about the subscribers, in German: one place for the
 * edit view's "Versand" panel and the home page's widgets (and their unit test). Numbers are written as German
 * editors write them: 1.234 for counts, a year as 2026.
 */

/** 'none': the issue was not sent yet. */
export type DispatchState = 'none' | 'queued' | 'sending' | 'done';

export interface DispatchProgress {
  state: DispatchState;
  total: number;
  queued: number;
  /** Handed to the mail server right now. */
  sending?: number;
  sent: number;
  failed: number;
  skipped: number;
  startedAt: string | null;
  finishedAt: string | null;
  startedBy?: string | null;
}

/** The answer of GET /ikz/newsletter/issues/:documentId/dispatch (cms/src/ikz-admin/newsletter-routes.ts). */
export interface IssueDispatch extends DispatchProgress {
  /** Confirmed subscribers now: the number the confirmation names and the send request repeats. */
  recipients: number;
}

/** The answer of GET /ikz/newsletter/dispatches/current (when there is a send to show). */
export interface CurrentDispatch extends DispatchProgress {
  issueTitle: string | null;
  issueDocumentId: string;
}

/** The publishing widget's line about a newsletter send. */
export function currentDispatchText(d: CurrentDispatch): string {
  const text = progressText(d);
  return `Newsletter „${d.issueTitle ?? 'Ausgabe'}“: ${text.headline} – ${text.detail}.`;
}

export interface SubscriberSummary {
  pending: number;
  confirmed: number;
  unsubscribed: number;
  bouncing: number;
}

const count = new Intl.NumberFormat('de-DE', { useGrouping: 'min2' } as unknown as Intl.NumberFormatOptions);
const when = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });

/** 1 → "1", 1234 → "1234", 12345 → "12.345" (German style: four digits need no separator). */
export const formatCount = (n: number): string => count.format(n);

export const recipientsText = (n: number): string =>
  n === 1
    ? '1 bestätigte Abonnentin bzw. 1 bestätigter Abonnent'
    : `${formatCount(n)} bestätigte Abonnentinnen und Abonnenten`;

export function confirmText(title: string, recipients: number): string {
  return `Die Ausgabe „${title}“ wird jetzt an ${recipientsText(recipients)} versendet. Jede Ausgabe kann nur einmal versendet werden; der Versand lässt sich nicht zurücknehmen.`;
}

export function progressText(p: DispatchProgress): {
  headline: string;
  detail: string;
  tone: 'success' | 'warning' | 'neutral';
  percent: number;
} {
  const done = p.sent + p.failed + p.skipped;
  const percent = p.total ? Math.round((done / p.total) * 100) : 100;
  const parts = [`${formatCount(p.sent)} von ${formatCount(p.total)} versendet`];
  const waiting = p.queued + (p.sending ?? 0);
  if (waiting) parts.push(`${formatCount(waiting)} in der Warteschlange`);
  if (p.failed) parts.push(`${formatCount(p.failed)} fehlgeschlagen`);
  if (p.skipped) parts.push(`${formatCount(p.skipped)} übersprungen (inzwischen abgemeldet)`);
  if (p.state === 'done') {
    const at = p.finishedAt ? ` am ${when.format(new Date(p.finishedAt))}` : '';
    return {
      headline: `Versendet${at}`,
      detail: parts.join(', '),
      tone: p.failed ? 'warning' : 'success',
      percent: 100,
    };
  }
  return {
    headline: p.state === 'queued' ? 'Versand wird vorbereitet …' : 'Versand läuft …',
    detail: parts.join(', '),
    tone: 'neutral',
    percent,
  };
}

export function summaryLines(s: SubscriberSummary): string[] {
  return [
    `${formatCount(s.confirmed)} bestätigt`,
    `${formatCount(s.pending)} noch nicht bestätigt`,
    `${formatCount(s.unsubscribed)} abgemeldet`,
    `${formatCount(s.bouncing)} nicht zustellbar`,
  ];
}
