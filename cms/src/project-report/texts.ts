/**
 * What submitters and editors read: the mails of a project report and the German pages of the form. Pure.
 * Every value that came from outside is HTML-escaped (by `html` and `composeMail`). The confirmation mail
 * repeats nothing anyone typed: it goes to an address nobody has confirmed yet.
 */
import type { MunicipalityGroup } from '@ikz/shared-types/municipality-choices';
import { FORM_FILES_HINT } from '@ikz/shared-types/form-uploads';
import { FORMS_PATH, html, type SafeHtml } from '../forms/index.ts';
import { composeMail, type MailText } from '../mail/compose.ts';
import { COOPERATION_FORMS, LABELS, PROJECT_STATES, SUMMARY, TEXT_MAX, type Topic } from './input.ts';

/** The label of the file field (form page and answer page). */
export const FILES_LABEL = 'Unterlagen als PDF (optional)';

export const SUBMIT_PATH = '/projekt-melden/senden';
export const CONFIRM_PATH = '/projekt-melden/bestaetigen';
/** Where on the site the form is (for links back). */
export const SITE_FORM_PAGE = '/projekt-melden/#meldung';

export const confirmUrl = (siteUrl: string, token: string) =>
  `${siteUrl}${FORMS_PATH}${CONFIRM_PATH}?t=${encodeURIComponent(token)}`;
export const adminProjectUrl = (adminBase: string, documentId: string) =>
  `${adminBase}/admin/content-manager/collection-types/api::project.project/${encodeURIComponent(documentId)}`;

/** To the submitter, before anything else: only the link, nothing of what was typed. */
export function confirmMail(siteUrl: string, token: string): MailText {
  return composeMail('Bitte bestätigen Sie Ihre Projektmeldung', [
    'über das Formular auf interkommunales.nrw wurde mit dieser E-Mail-Adresse ein Projekt gemeldet.',
    'Bitte bestätigen Sie die Meldung über den folgenden Link. Er öffnet eine Seite mit der Schaltfläche „Meldung bestätigen“ und ist 7 Tage gültig. Erst dann geht Ihre Meldung an unsere Redaktion.',
    { link: confirmUrl(siteUrl, token), label: 'Meldung bestätigen' },
    'Falls Sie kein Projekt gemeldet haben, ignorieren Sie diese E-Mail bitte; die Angaben werden nach 7 Tagen gelöscht.',
  ]);
}

/** To the editors once the address is confirmed: the project's title and where its draft is. */
export function editorsMail(
  report: { title: string; leadMunicipality: string; name: string; email: string },
  adminLink: string,
): MailText {
  return composeMail(`Neue Projektmeldung: ${report.title}`, [
    'über das Formular auf /projekt-melden/ ist ein Projekt gemeldet worden; die E-Mail-Adresse ist bestätigt. Aus der Meldung ist ein Entwurf unter „Projekt“ angelegt (nicht veröffentlicht). Die gesendeten Angaben stehen in Strapi unter „Eingegangene Meldungen“.',
    { field: 'Projekt', value: report.title },
    { field: LABELS.lead, value: report.leadMunicipality },
    { field: 'Gemeldet von', value: `${report.name} <${report.email}>` },
    { link: adminLink, label: 'Entwurf in Strapi öffnen' },
  ]);
}

/** To the submitter once the address is confirmed. */
export function acknowledgementMail(report: { title: string }): MailText {
  return composeMail('Ihre Projektmeldung bei Interkommunales.NRW', [
    `vielen Dank für Ihre Meldung des Projekts „${report.title}“. Sie ist bei unserer Redaktion eingegangen. Wir prüfen die Angaben, melden uns bei Rückfragen und schreiben Ihnen, sobald das Projekt auf interkommunales.nrw veröffentlicht ist.`,
    'Weitere Unterlagen zum Projekt (z. B. die Vereinbarung oder einen Ratsbeschluss als PDF) können Sie uns als Antwort auf diese E-Mail senden.',
  ]);
}

/** To the submitter when the project made from the report is published for the first time. */
export function publishedMail(title: string, url: string): MailText {
  return composeMail('Ihr Projekt ist veröffentlicht', [
    `das von Ihnen gemeldete Projekt „${title}“ ist jetzt auf interkommunales.nrw veröffentlicht:`,
    { link: url, label: url },
    'Vielen Dank für Ihre Meldung. Wenn sich etwas am Projekt ändert, schreiben Sie uns gern.',
  ]);
}

/** On the file field when a submission with files was refused for another field. */
export const FILES_AGAIN =
  'Aus Sicherheitsgründen speichern wir keine Dateien einer fehlerhaften Meldung. Bitte wählen Sie Ihre PDF-Dateien erneut aus.';

export const MESSAGES = {
  submitted: {
    title: 'Bitte bestätigen Sie Ihre Meldung',
    message:
      'Vielen Dank. Wir haben Ihnen eine E-Mail mit einem Bestätigungslink gesendet. Erst wenn Sie die Meldung damit bestätigen, geht sie an unsere Redaktion.',
  },
  unavailable: {
    title: 'Derzeit nicht möglich',
    message:
      'Projektmeldungen über das Formular sind derzeit nicht möglich. Bitte schreiben Sie uns eine E-Mail oder versuchen Sie es später erneut.',
  },
  tooManyMails: {
    title: 'Zu viele Meldungen',
    message:
      'An diese E-Mail-Adresse haben wir heute bereits mehrere Bestätigungslinks gesendet. Bitte bestätigen Sie eine der Meldungen oder versuchen Sie es morgen erneut.',
  },
  invalid: {
    title: 'Bitte prüfen Sie Ihre Angaben',
    message: 'Das Formular enthält Fehler. Bitte korrigieren Sie die markierten Felder.',
  },
  confirmAsk: {
    title: 'Meldung bestätigen',
    message: 'Bitte bestätigen Sie mit der Schaltfläche Ihre Projektmeldung. Erst dann geht sie an unsere Redaktion.',
  },
  confirmed: {
    title: 'Meldung bestätigt',
    message:
      'Vielen Dank! Ihre Meldung ist bestätigt und an unsere Redaktion gegangen. Eine Eingangsbestätigung erhalten Sie per E-Mail; sobald das Projekt veröffentlicht ist, schreiben wir Ihnen.',
  },
  alreadyConfirmed: {
    title: 'Bereits bestätigt',
    message: 'Diese Meldung ist bereits bestätigt. Sie müssen nichts weiter tun.',
  },
  confirmExpired: {
    title: 'Link abgelaufen',
    message: 'Dieser Bestätigungslink ist abgelaufen (er gilt 7 Tage). Bitte melden Sie das Projekt erneut.',
  },
  confirmUnknown: {
    title: 'Link ungültig',
    message:
      'Dieser Bestätigungslink ist ungültig oder nicht mehr gültig. Bitte prüfen Sie, ob Sie den Link vollständig übernommen haben, oder melden Sie das Projekt erneut.',
  },
} as const satisfies Record<string, { title: string; message: string }>;

/**
 * The form for the answer page of a submission without JavaScript that had errors: the same fields as the
 * site's form (site/src/components/ProjectReportForm.astro), with the typed values and the messages. The
 * fields' ids are `feld-<name>`, where the answer's list of errors links to.
 */
export function projectReportFormHtml(
  municipalities: readonly MunicipalityGroup[],
  topics: readonly Topic[],
  fields: Record<string, string>,
  lists: Record<string, string[]>,
  errors: Record<string, string>,
): SafeHtml {
  const error = (name: string) =>
    errors[name] ? html`<p class="field-error" id="feld-${name}-fehler">${errors[name]}</p>` : '';
  const marked = (name: string) =>
    errors[name] ? html` aria-invalid="true" aria-describedby="feld-${name}-fehler"` : '';
  const value = (name: string, max: number) => (fields[name] ?? '').slice(0, max);
  const line = (name: keyof typeof LABELS, type: string, max: number, autocomplete: string, required = true) =>
    html`<label for="feld-${name}">${LABELS[name]}</label>${error(name)}
<input id="feld-${name}" name="${name}" type="${type}" autocomplete="${autocomplete}" maxlength="${max}"${required ? html` required` : ''} value="${value(name, max)}"${marked(name)}>`;
  const text = (name: keyof typeof LABELS, max: number, rows: number, required = false) =>
    html`<label for="feld-${name}">${LABELS[name]}</label>${error(name)}
<textarea id="feld-${name}" name="${name}" maxlength="${max}" rows="${rows}"${required ? html` required` : ''}${marked(name)}>${value(name, max)}</textarea>`;
  const select = (name: 'cooperationForm' | 'projectStatus', values: readonly string[]) =>
    html`<label for="feld-${name}">${LABELS[name]}</label>${error(name)}
<select id="feld-${name}" name="${name}" required${marked(name)}><option value="">Bitte wählen</option>${values.map((v) => html`<option value="${v}"${fields[name] === v ? html` selected` : ''}>${v}</option>`)}</select>`;
  const checked = (list: string, key: string) => ((lists[list] ?? []).includes(key) ? html` checked` : '');
  const lead = fields.lead ?? '';
  return html`<form method="post" action="${FORMS_PATH}${SUBMIT_PATH}" enctype="multipart/form-data">
${line('title', 'text', 200, 'off')}
<label for="feld-lead">${LABELS.lead}</label>${error('lead')}
<select id="feld-lead" name="lead" required${marked('lead')}><option value="">Bitte wählen</option>${municipalities.map(
    (group) =>
      html`<optgroup label="${group.label}">${group.choices.map((c) => html`<option value="${c.ags}"${c.ags === lead ? html` selected` : ''}>${c.name}</option>`)}</optgroup>`,
  )}</select>
<fieldset id="feld-municipalities"${marked('municipalities')}><legend>${LABELS.municipalities} (optional)</legend>${error('municipalities')}${municipalities.map(
    (group) =>
      html`<details${group.choices.some((c) => (lists.municipalities ?? []).includes(c.ags)) ? html` open` : ''}><summary>${group.label}</summary><ul class="choices">${group.choices.map(
        (c) =>
          html`<li><input id="kommune-${c.ags}" name="municipalities" type="checkbox" value="${c.ags}"${checked('municipalities', c.ags)}><label for="kommune-${c.ags}">${c.name}</label></li>`,
      )}</ul></details>`,
  )}</fieldset>
<fieldset id="feld-topics"${marked('topics')}><legend>${LABELS.topics}</legend>${error('topics')}<ul class="choices">${topics.map(
    (t) =>
      html`<li><input id="thema-${t.slug}" name="topics" type="checkbox" value="${t.slug}"${checked('topics', t.slug)}><label for="thema-${t.slug}">${t.name}</label></li>`,
  )}</ul></fieldset>
${select('cooperationForm', COOPERATION_FORMS)}
${select('projectStatus', PROJECT_STATES)}
${line('startYear', 'text', 4, 'off', false)}
${text('summary', SUMMARY.max, 4, true)}
${text('occasion', TEXT_MAX, 4)}
${text('goal', TEXT_MAX, 4)}
${text('implementation', TEXT_MAX, 4)}
${text('results', TEXT_MAX, 4)}
${line('funding', 'text', 200, 'off', false)}
<label for="feld-documents">${FILES_LABEL}</label><p class="hint" id="feld-documents-hinweis">${FORM_FILES_HINT}</p>${error('documents')}
<input id="feld-documents" name="documents" type="file" accept="application/pdf,.pdf" multiple${errors.documents ? html` aria-invalid="true" aria-describedby="feld-documents-fehler"` : html` aria-describedby="feld-documents-hinweis"`}>
${line('name', 'text', 150, 'name')}
${line('role', 'text', 150, 'organization-title', false)}
${line('email', 'email', 254, 'email')}
${line('phone', 'tel', 40, 'tel', false)}
<div class="check"><input id="feld-publishContact" name="publishContact" type="checkbox" value="ja"${fields.publishContact === 'ja' ? html` checked` : ''}>
<label for="feld-publishContact">Die Ansprechperson darf mit Name, Funktion, E-Mail-Adresse und Telefon beim Projekt veröffentlicht werden (freiwillig).</label></div>
${error('consent')}<div class="check"><input id="feld-consent" name="consent" type="checkbox" value="ja" required${fields.consent === 'ja' ? html` checked` : ''}${marked('consent')}>
<label for="feld-consent">Ich bin damit einverstanden, dass Interkommunales.NRW meine Angaben zur Bearbeitung der Meldung verarbeitet. Hinweise in der <a href="/datenschutz/">Datenschutzerklärung</a>.</label></div>
<div class="hp" aria-hidden="true"><label for="feld-website">Bitte leer lassen</label><input id="feld-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
<button type="submit">Projekt melden</button>
</form>`;
}
