/**
 * The German sentences of the admin's publishing widget, from the summary GET /ikz/status returns.
 * Pure and browser-safe (no imports at run time), so the admin panel and the unit tests share it.
 */
import type { PublisherSummary } from './admin-status.ts';

export interface PublishingText {
  state: string;
  live: string;
  /** The last build: result, time, duration and kind; null before the first build. */
  lastBuild: string | null;
  /** The failed build's message for editors; null unless the last build failed. */
  error: string | null;
  tone: 'success' | 'warning' | 'danger' | 'neutral';
}

const STATE: Record<PublisherSummary['state'], string> = {
  idle: 'Bereit – die Website ist aktuell.',
  waiting: 'Änderungen eingegangen – der Neubau startet gleich.',
  building: 'Die Website wird gerade neu gebaut.',
};
const FAILED_STATE = 'Der letzte Neubau ist fehlgeschlagen – die Website zeigt noch die vorherige Version.';
const RESULT = { running: 'läuft', success: 'erfolgreich', failed: 'fehlgeschlagen' } as const;
const KIND = { full: 'vollständig', incremental: 'nur Änderungen' } as const;

export function formatBerlinTime(iso: string): string {
  return new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

const seconds = (s: number) => `${new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format(s)} s`;

export function publishingText(summary: PublisherSummary): PublishingText {
  const build = summary.lastBuild;
  const details = build
    ? [
        formatBerlinTime(build.startedAt),
        build.seconds === null ? null : seconds(build.seconds),
        build.kind ? KIND[build.kind] : null,
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  return {
    // An idle publisher after a failed build is not "up to date": the site still shows the version before it.
    state: summary.state === 'idle' && build?.result === 'failed' ? FAILED_STATE : STATE[summary.state],
    live: summary.live ? `Live ist die Version vom ${formatBerlinTime(summary.live)}.` : 'Noch keine Version live.',
    lastBuild: build ? `Letzter Neubau ${RESULT[build.result]} (${details}).` : null,
    error: build?.result === 'failed' ? (build.error ?? 'Ohne Angabe des Grundes.') : null,
    tone:
      build?.result === 'failed'
        ? 'danger'
        : summary.state !== 'idle'
          ? 'warning'
          : summary.live
            ? 'success'
            : 'neutral',
  };
}
