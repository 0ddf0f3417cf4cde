/** The German status page for editors: is the site up to date, did the last build work, what was skipped. */
import { releaseTime } from '@ikz/shared-types/build-report';
import { ALLOWED_FORMATS_TEXT } from '@ikz/shared-types/file-types';
import { escapeHtml as esc } from '@ikz/shared-types/html';
import { CONTENT_TYPES } from '@ikz/shared-types';
import type { BuildRecord } from './history.ts';

const time = (iso: string) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'medium' }).format(
    new Date(iso),
  );
const STATE: Record<string, string> = {
  idle: 'Bereit – die Website ist aktuell.',
  waiting: 'Änderungen eingegangen – der Neubau startet gleich.',
  building: 'Die Website wird gerade neu gebaut.',
};
const RESULT: Record<BuildRecord['result'], string> = {
  running: 'läuft',
  success: 'erfolgreich',
  failed: 'fehlgeschlagen',
};
const TYPE_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(CONTENT_TYPES).map((t) => [t.plural, t.displayName]),
);
const FIELD_LABELS: Record<string, string> = { file: 'Datei', pdf: 'PDF-Ausgabe', image: 'Bild' };
const DETECTED: Record<string, string> = {
  unbekannt: 'Dateityp nicht erkannt',
  'nicht abrufbar': 'Datei im Redaktionssystem nicht vorhanden',
  'nicht geprüft': 'Datei nicht geprüft',
};
const KIND: Record<NonNullable<BuildRecord['kind']>, string> = { full: 'vollständig', incremental: 'nur Änderungen' };

export function renderStatusPage(status: {
  state: string;
  pending: number;
  live: string | null;
  history: BuildRecord[];
}): string {
  const last = status.history[0];
  const lastSuccess = status.history.find((h) => h.result === 'success');
  const skipped = lastSuccess?.skipped ?? [];
  const withheld = lastSuccess?.withheld ?? [];
  const liveSince = status.live ? releaseTime(status.live) : null;
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="5">
<title>Veröffentlichungsstatus – Interkommunales.NRW</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1f24}table{border-collapse:collapse;width:100%;font-size:.95rem}.scroll{overflow-x:auto}th,td{border-bottom:1px solid #cfd6de;padding:.4rem;text-align:left}.failed{color:#9b1c1c;font-weight:600}.success{color:#1d6b34}</style>
</head><body><main>
<h1>Veröffentlichungsstatus</h1>
<p><strong>${esc(STATE[status.state] ?? status.state)}</strong>${status.pending ? ` (${status.pending} Änderung(en) warten)` : ''}</p>
<p>Live ist die Version vom ${liveSince ? esc(time(liveSince)) : '–'}.</p>
${last?.result === 'failed' ? `<p class="failed">Der letzte Neubau ist fehlgeschlagen. ${esc(last.error ?? '')}</p>` : ''}
${skipped.length ? `<h2>Nicht veröffentlichte Einträge (${skipped.length})</h2><p>Diese Einträge sind fehlerhaft und wurden beim Neubau übersprungen. Bitte korrigieren und erneut veröffentlichen.</p><ul>${skipped.map((s) => `<li>${esc(TYPE_LABELS[s.type] ?? s.type)} „${esc(s.title ?? s.documentId)}“ – zu prüfen: ${esc(s.fields.join(', '))}</li>`).join('')}</ul>` : ''}
${withheld.length ? `<h2>Dateien nicht veröffentlicht (${withheld.length})</h2><p>Diese Einträge sind veröffentlicht, aber ohne ihre Datei: Ihr Inhalt ist keine erlaubte Datei (${esc(ALLOWED_FORMATS_TEXT)}) oder nicht lesbar. Bitte eine erlaubte Datei hochladen und den Eintrag erneut veröffentlichen.</p><ul>${withheld.map((w) => `<li>${esc(TYPE_LABELS[w.type] ?? w.type)} „${esc(w.title ?? w.documentId)}“ – ${esc(FIELD_LABELS[w.field] ?? w.field)}${w.name ? ` „${esc(w.name)}“` : ''}: ${esc(DETECTED[w.detected] ?? `erkannt als ${w.detected}`)}</li>`).join('')}</ul>` : ''}
<h2>Letzte Neubauten</h2>
<div class="scroll" role="region" aria-label="Letzte Neubauten" tabindex="0"><table><thead><tr><th scope="col">Beginn</th><th scope="col">Art</th><th scope="col">Dauer</th><th scope="col">Ergebnis</th><th scope="col">Seiten neu erzeugt</th><th scope="col">Seiten übernommen</th><th scope="col">Suchindex geändert</th><th scope="col">Änderungen</th></tr></thead><tbody>
${status.history.map((h) => `<tr><td>${esc(time(h.startedAt))}</td><td>${h.kind ? `${KIND[h.kind]}${h.reason ? ` (${esc(h.reason)})` : ''}` : '–'}</td><td>${h.seconds === null ? '–' : `${h.seconds.toFixed(1)} s`}</td><td class="${h.result}">${RESULT[h.result]}${h.result === 'failed' && h.error ? `: ${esc(h.error)}` : ''}${h.differences?.length ? ` – Kontrolle: ${h.differences.length} Seite(n) korrigiert` : ''}</td><td>${h.pages?.rendered ?? '–'}</td><td>${h.pages?.reused ?? '–'}</td><td>${h.searchChanged ?? '–'}</td><td>${h.changes}</td></tr>`).join('') || '<tr><td colspan="8">Noch kein Neubau.</td></tr>'}
</tbody></table></div>
</main></body></html>`;
}
