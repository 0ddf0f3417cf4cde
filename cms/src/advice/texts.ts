/**
 * What requesters and the advisory team read: the three mails of an advisory request and the German pages of
 * the form. Pure. Every value that came from outside is HTML-escaped (by `html` and `composeMail`). The
 * confirmation mail repeats nothing anyone typed: it goes to an address nobody has confirmed yet.
 */
import type { MunicipalityGroup } from '@ikz/shared-types/municipality-choices';
import { FORMS_PATH, html, type SafeHtml } from '../forms/index.ts';
import { composeMail, type MailBlock, type MailText } from '../mail/compose.ts';
import { LABELS, QUESTION_MAX } from './input.ts';
import type { AdviceRecord } from './rules.ts';

export const SUBMIT_PATH = '/beratung/anfragen';
export const CONFIRM_PATH = '/beratung/bestaetigen';
/** Where on the site the form is (for links back). */
export const SITE_FORM_PAGE = '/beratung/#anfrage';

export const confirmUrl = (siteUrl: string, token: string) =>
  `${siteUrl}${FORMS_PATH}${CONFIRM_PATH}?t=${encodeURIComponent(token)}`;

/** To the requester, before anything else: only the link, nothing of what was typed. */
export function confirmMail(siteUrl: string, token: string): MailText {
  return composeMail('Bitte bestätigen Sie Ihre Anfrage', [
    'über das Formular auf interkommunales.nrw wurde mit dieser E-Mail-Adresse eine Beratungsanfrage gestellt.',
    'Bitte bestätigen Sie die Anfrage über den folgenden Link. Er öffnet eine Seite mit der Schaltfläche „Anfrage bestätigen“ und ist 7 Tage gültig. Erst dann geht Ihre Anfrage an unser Beratungsteam, und Sie erhalten eine Kopie.',
    { link: confirmUrl(siteUrl, token), label: 'Anfrage bestätigen' },
    'Falls Sie keine Anfrage gestellt haben, ignorieren Sie diese E-Mail bitte; die Angaben werden nach 7 Tagen gelöscht.',
  ]);
}

function requestBlocks(
  request: Pick<AdviceRecord, 'municipality' | 'topic' | 'question' | 'name' | 'email' | 'phone'>,
): MailBlock[] {
  return [
    { field: LABELS.municipality, value: request.municipality },
    { field: LABELS.topic, value: request.topic },
    { field: LABELS.name, value: request.name },
    { field: LABELS.email, value: request.email },
    ...(request.phone ? [{ field: 'Telefon', value: request.phone }] : []),
    { field: LABELS.question, value: request.question },
  ];
}

/** To the advisory team once the address is confirmed (sent with the requester as Reply-To). */
export function teamMail(request: Parameters<typeof requestBlocks>[0]): MailText {
  return composeMail(`Beratungsanfrage aus ${request.municipality}`, [
    'über das Formular auf /beratung/ ist eine Beratungsanfrage eingegangen; die E-Mail-Adresse ist bestätigt. Mit „Antworten“ erreichen Sie die anfragende Person. Die Anfrage steht auch in Strapi unter „Beratungsanfrage“.',
    ...requestBlocks(request),
  ]);
}

/** To the requester once the address is confirmed: what was sent. */
export function copyMail(request: Parameters<typeof requestBlocks>[0]): MailText {
  return composeMail('Ihre Beratungsanfrage bei Interkommunales.NRW', [
    'vielen Dank für Ihre Anfrage. Sie ist bei unserem Beratungsteam eingegangen; wir melden uns zeitnah bei Ihnen. Zu Ihren Unterlagen eine Kopie Ihrer Angaben:',
    ...requestBlocks(request),
  ]);
}

export const MESSAGES = {
  submitted: {
    title: 'Bitte bestätigen Sie Ihre Anfrage',
    message:
      'Vielen Dank. Wir haben Ihnen eine E-Mail mit einem Bestätigungslink gesendet. Erst wenn Sie die Anfrage damit bestätigen, geht sie an unser Beratungsteam.',
  },
  unavailable: {
    title: 'Derzeit nicht möglich',
    message:
      'Anfragen über das Formular sind derzeit nicht möglich. Bitte schreiben Sie uns eine E-Mail oder versuchen Sie es später erneut.',
  },
  tooManyMails: {
    title: 'Zu viele Anfragen',
    message:
      'An diese E-Mail-Adresse haben wir heute bereits mehrere Bestätigungslinks gesendet. Bitte bestätigen Sie eine der Anfragen oder versuchen Sie es morgen erneut.',
  },
  invalid: {
    title: 'Bitte prüfen Sie Ihre Angaben',
    message: 'Das Formular enthält Fehler. Bitte korrigieren Sie die markierten Felder.',
  },
  confirmAsk: {
    title: 'Anfrage bestätigen',
    message:
      'Bitte bestätigen Sie mit der Schaltfläche Ihre Beratungsanfrage. Erst dann geht sie an unser Beratungsteam.',
  },
  confirmed: {
    title: 'Anfrage bestätigt',
    message:
      'Vielen Dank! Ihre Anfrage ist bestätigt und an unser Beratungsteam gegangen. Eine Kopie Ihrer Angaben erhalten Sie per E-Mail.',
  },
  alreadyConfirmed: {
    title: 'Bereits bestätigt',
    message: 'Diese Anfrage ist bereits bestätigt. Sie müssen nichts weiter tun; wir melden uns bei Ihnen.',
  },
  confirmExpired: {
    title: 'Link abgelaufen',
    message: 'Dieser Bestätigungslink ist abgelaufen (er gilt 7 Tage). Bitte stellen Sie Ihre Anfrage erneut.',
  },
  confirmUnknown: {
    title: 'Link ungültig',
    message:
      'Dieser Bestätigungslink ist ungültig oder nicht mehr gültig. Bitte prüfen Sie, ob Sie den Link vollständig übernommen haben, oder stellen Sie Ihre Anfrage erneut.',
  },
} as const satisfies Record<string, { title: string; message: string }>;

/**
 * The form for the answer page of a submission without JavaScript that had errors: the same fields as the
 * site's form (site/src/components/AdviceRequestForm.astro), with the typed values and the messages. The
 * fields' ids are `feld-<name>`, where the answer's list of errors links to.
 */
export function adviceFormHtml(
  municipalities: readonly MunicipalityGroup[],
  fields: Record<string, string>,
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
  const selected = fields.municipality ?? '';
  return html`<form method="post" action="${FORMS_PATH}${SUBMIT_PATH}">
<label for="feld-municipality">${LABELS.municipality}</label>${error('municipality')}
<select id="feld-municipality" name="municipality" required${marked('municipality')}><option value="">Bitte wählen</option>${municipalities.map(
    (group) =>
      html`<optgroup label="${group.label}">${group.choices.map((c) => html`<option value="${c.ags}"${c.ags === selected ? html` selected` : ''}>${c.name}</option>`)}</optgroup>`,
  )}</select>
${line('topic', 'text', 200, 'off')}
<label for="feld-question">${LABELS.question}</label>${error('question')}
<textarea id="feld-question" name="question" required maxlength="${QUESTION_MAX}" rows="8"${marked('question')}>${value('question', QUESTION_MAX)}</textarea>
${line('name', 'text', 200, 'name')}
${line('email', 'email', 254, 'email')}
${line('phone', 'tel', 40, 'tel', false)}
${error('consent')}<div class="check"><input id="feld-consent" name="consent" type="checkbox" value="ja" required${fields.consent === 'ja' ? html` checked` : ''}${marked('consent')}>
<label for="feld-consent">Ich bin damit einverstanden, dass Interkommunales.NRW meine Angaben zur Bearbeitung meiner Anfrage verarbeitet. Hinweise in der <a href="/datenschutz/">Datenschutzerklärung</a>.</label></div>
<div class="hp" aria-hidden="true"><label for="feld-website">Bitte leer lassen</label><input id="feld-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
<button type="submit">Anfrage senden</button>
</form>`;
}
