/**
 * What posters, repliers and editors read: the mails of the Partnersuche and the German pages of its forms.
 * Pure. Every value that came from outside is HTML-escaped (by `html` and `composeMail`) and made one line
 * where it goes into a header. A confirmation mail repeats nothing anyone typed: it goes to an address nobody
 * has confirmed yet. The relayed reply goes to the poster's stored address with the replier's confirmed address
 * as Reply-To; nothing the replier receives names the poster's address.
 */
import type { MunicipalityGroup } from '@ikz/shared-types/municipality-choices';
import { FORMS_PATH, html, type SafeHtml } from '../forms/index.ts';
import { composeMail, type MailBlock, type MailText } from '../mail/compose.ts';
import { LABELS, REPLY_LABELS, TEXT_MAX, type Topic } from './input.ts';

export const SUBMIT_PATH = '/partnersuche/senden';
export const CONFIRM_PATH = '/partnersuche/bestaetigen';
export const REPLY_PATH = '/partnersuche/antworten';
export const REPLY_CONFIRM_PATH = '/partnersuche/antwort-bestaetigen';
/** Where on the site the entry form is (for links back). */
export const SITE_FORM_PAGE = '/partnersuche/eintragen/#eintrag';
export const SITE_LIST_PAGE = '/partnersuche/';

export const confirmUrl = (siteUrl: string, path: string, token: string) =>
  `${siteUrl}${FORMS_PATH}${path}?t=${encodeURIComponent(token)}`;
export const adminEntryUrl = (adminBase: string, documentId: string) =>
  `${adminBase}/admin/content-manager/collection-types/api::partner-search.partner-search/${encodeURIComponent(documentId)}`;
export const entryUrl = (siteUrl: string, slug: string) => `${siteUrl}/partnersuche/${encodeURIComponent(slug)}/`;

/** A value for a mail header: control characters and line breaks (also U+2028/2029/0085) become spaces. */
export const headerText = (value: string): string =>
  value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** To the poster, before anything else: only the link. */
export function confirmMail(siteUrl: string, token: string): MailText {
  return composeMail('Bitte bestätigen Sie Ihre Partnersuche', [
    'über das Formular auf interkommunales.nrw wurde mit dieser E-Mail-Adresse eine Partnersuche eingetragen.',
    'Bitte bestätigen Sie den Eintrag über den folgenden Link. Er öffnet eine Seite mit der Schaltfläche „Partnersuche bestätigen“ und ist 7 Tage gültig. Erst dann geht der Eintrag an unsere Redaktion, die ihn prüft und veröffentlicht.',
    { link: confirmUrl(siteUrl, CONFIRM_PATH, token), label: 'Partnersuche bestätigen' },
    'Falls Sie keine Partnersuche eingetragen haben, ignorieren Sie diese E-Mail bitte; die Angaben werden nach 7 Tagen gelöscht.',
  ]);
}

/** To the editors once the poster's address is confirmed. */
export function editorsMail(
  entry: { title: string; municipality: string; name: string; email: string },
  adminLink: string,
): MailText {
  return composeMail(`Neue Partnersuche: ${headerText(entry.title)}`, [
    'über das Formular auf /partnersuche/eintragen/ ist eine Partnersuche eingetragen worden; die E-Mail-Adresse ist bestätigt. Sie ist als Entwurf unter „Partnersuche“ angelegt (nicht veröffentlicht). Bitte prüfen und veröffentlichen Sie sie. Die Adresse der eintragenden Person steht nur unter „Eingegangene Partnersuche“ und erscheint nie auf der Website.',
    { field: 'Partnersuche', value: entry.title },
    { field: LABELS.municipality, value: entry.municipality },
    { field: 'Eingetragen von', value: `${entry.name} <${entry.email}>` },
    { link: adminLink, label: 'Entwurf in Strapi öffnen' },
  ]);
}

/** To the poster once the address is confirmed. */
export function acknowledgementMail(entry: { title: string }): MailText {
  return composeMail('Ihre Partnersuche bei Interkommunales.NRW', [
    `vielen Dank für Ihre Partnersuche „${entry.title}“. Sie ist bei unserer Redaktion eingegangen und wird nach einer Prüfung auf interkommunales.nrw veröffentlicht.`,
    'Antworten von Leserinnen und Lesern leiten wir Ihnen per E-Mail weiter; Ihre Adresse erscheint dabei nirgends auf der Website. Nach dem Datum unter „Gültig bis“ verschwindet die Partnersuche von der Website.',
  ]);
}

/** To the replier, before the reply goes anywhere: only the link. */
export function replyConfirmMail(siteUrl: string, token: string): MailText {
  return composeMail('Bitte bestätigen Sie Ihre Nachricht zu einer Partnersuche', [
    'über das Formular einer Partnersuche auf interkommunales.nrw wurde mit dieser E-Mail-Adresse eine Nachricht an eine suchende Kommune geschrieben.',
    'Bitte bestätigen Sie die Nachricht über den folgenden Link. Er öffnet eine Seite mit der Schaltfläche „Nachricht weiterleiten“ und ist 7 Tage gültig. Erst dann leiten wir die Nachricht weiter.',
    { link: confirmUrl(siteUrl, REPLY_CONFIRM_PATH, token), label: 'Nachricht weiterleiten' },
    'Falls Sie keine Nachricht geschrieben haben, ignorieren Sie diese E-Mail bitte; die Angaben werden nach 7 Tagen gelöscht.',
  ]);
}

export interface Relay {
  entry: { title: string; slug: string };
  reply: { name: string; email: string; organisation: string | null; message: string };
  posterEmail: string;
  siteUrl: string;
}

/**
 * The reply as relayed to the poster: To the poster's stored address, Reply-To the replier's confirmed one, the
 * entry's title in the subject (one line). The replier's text is the body's field, never a header.
 */
export function relayMail(relay: Relay): MailText & { to: string; replyTo: string } {
  const blocks: MailBlock[] = [
    `auf Ihre Partnersuche „${relay.entry.title}“ auf interkommunales.nrw hat jemand geantwortet. Die Absenderin oder der Absender hat ihre bzw. seine E-Mail-Adresse bestätigt. Wenn Sie auf diese E-Mail antworten, geht Ihre Antwort direkt an sie oder ihn.`,
    { field: 'Von', value: `${relay.reply.name} <${relay.reply.email}>` },
    ...(relay.reply.organisation ? [{ field: 'Kommune oder Organisation', value: relay.reply.organisation }] : []),
    { field: 'Nachricht', value: relay.reply.message },
    { link: entryUrl(relay.siteUrl, relay.entry.slug), label: 'Ihre Partnersuche auf der Website' },
    'Ihre eigene E-Mail-Adresse hat die antwortende Person nicht erhalten. Sie erfährt sie erst, wenn Sie antworten.',
  ];
  return {
    to: relay.posterEmail,
    replyTo: relay.reply.email,
    ...composeMail(`Antwort auf Ihre Partnersuche: ${headerText(relay.entry.title)}`, blocks),
  };
}

/** To the replier once the reply was relayed (the address is confirmed then); nothing of the poster. */
export function relayedNoticeMail(entry: { title: string; slug: string }, siteUrl: string): MailText {
  return composeMail('Ihre Nachricht wurde weitergeleitet', [
    `Ihre Nachricht zur Partnersuche „${entry.title}“ ist an die suchende Kommune weitergeleitet worden. Antwortet sie, erhalten Sie ihre Antwort direkt von ihr.`,
    { link: entryUrl(siteUrl, entry.slug), label: 'Zur Partnersuche' },
  ]);
}

export const MESSAGES = {
  submitted: {
    title: 'Bitte bestätigen Sie Ihre Partnersuche',
    message:
      'Vielen Dank. Wir haben Ihnen eine E-Mail mit einem Bestätigungslink gesendet. Erst wenn Sie die Partnersuche damit bestätigen, geht sie an unsere Redaktion.',
  },
  replySubmitted: {
    title: 'Bitte bestätigen Sie Ihre Nachricht',
    message:
      'Vielen Dank. Wir haben Ihnen eine E-Mail mit einem Bestätigungslink gesendet. Erst wenn Sie die Nachricht damit bestätigen, leiten wir sie an die suchende Kommune weiter.',
  },
  unavailable: {
    title: 'Derzeit nicht möglich',
    message:
      'Die Partnersuche über das Formular ist derzeit nicht möglich. Bitte schreiben Sie uns eine E-Mail oder versuchen Sie es später erneut.',
  },
  tooManyMails: {
    title: 'Zu viele Nachrichten',
    message:
      'An diese E-Mail-Adresse haben wir heute bereits mehrere Bestätigungslinks gesendet. Bitte bestätigen Sie eine davon oder versuchen Sie es morgen erneut.',
  },
  posterBusy: {
    title: 'Derzeit nicht möglich',
    message:
      'Die suchende Kommune hat heute bereits sehr viele Nachrichten erhalten. Bitte versuchen Sie es morgen erneut.',
  },
  invalid: {
    title: 'Bitte prüfen Sie Ihre Angaben',
    message: 'Das Formular enthält Fehler. Bitte korrigieren Sie die markierten Felder.',
  },
  noEntry: {
    title: 'Partnersuche nicht gefunden',
    message:
      'Diese Partnersuche gibt es nicht oder nicht mehr (sie ist abgelaufen oder zurückgezogen). Ihre Nachricht wurde nicht gespeichert.',
  },
  confirmAsk: {
    title: 'Partnersuche bestätigen',
    message: 'Bitte bestätigen Sie mit der Schaltfläche Ihre Partnersuche. Erst dann geht sie an unsere Redaktion.',
  },
  confirmed: {
    title: 'Partnersuche bestätigt',
    message:
      'Vielen Dank! Ihre Partnersuche ist bestätigt und an unsere Redaktion gegangen. Eine Eingangsbestätigung erhalten Sie per E-Mail.',
  },
  alreadyConfirmed: {
    title: 'Bereits bestätigt',
    message: 'Diese Partnersuche ist bereits bestätigt. Sie müssen nichts weiter tun.',
  },
  confirmExpired: {
    title: 'Link abgelaufen',
    message: 'Dieser Bestätigungslink ist abgelaufen (er gilt 7 Tage). Bitte tragen Sie die Partnersuche erneut ein.',
  },
  confirmUnknown: {
    title: 'Link ungültig',
    message:
      'Dieser Bestätigungslink ist ungültig oder nicht mehr gültig. Bitte prüfen Sie, ob Sie den Link vollständig übernommen haben, oder tragen Sie die Partnersuche erneut ein.',
  },
  replyAsk: {
    title: 'Nachricht weiterleiten',
    message: 'Bitte bestätigen Sie mit der Schaltfläche, dass wir Ihre Nachricht an die suchende Kommune weiterleiten.',
  },
  replyRelayed: {
    title: 'Nachricht weitergeleitet',
    message:
      'Vielen Dank! Ihre Nachricht ist an die suchende Kommune weitergeleitet worden. Antwortet sie, erhalten Sie ihre Antwort direkt per E-Mail.',
  },
  replyAlready: {
    title: 'Bereits weitergeleitet',
    message: 'Diese Nachricht ist bereits weitergeleitet worden. Sie müssen nichts weiter tun.',
  },
  replyExpired: {
    title: 'Link abgelaufen',
    message: 'Dieser Bestätigungslink ist abgelaufen (er gilt 7 Tage). Bitte schreiben Sie Ihre Nachricht erneut.',
  },
  replyUnknown: {
    title: 'Link ungültig',
    message:
      'Dieser Bestätigungslink ist ungültig oder die Partnersuche ist nicht mehr online. Bitte prüfen Sie, ob Sie den Link vollständig übernommen haben.',
  },
} as const satisfies Record<string, { title: string; message: string }>;

type Errors = Record<string, string>;

function fieldHelpers(fields: Record<string, string>, errors: Errors) {
  const error = (name: string) =>
    errors[name] ? html`<p class="field-error" id="feld-${name}-fehler">${errors[name]}</p>` : '';
  const marked = (name: string) =>
    errors[name] ? html` aria-invalid="true" aria-describedby="feld-${name}-fehler"` : '';
  const value = (name: string, max: number) => (fields[name] ?? '').slice(0, max);
  const line = (name: string, label: string, type: string, max: number, autocomplete: string, required = true) =>
    html`<label for="feld-${name}">${label}</label>${error(name)}
<input id="feld-${name}" name="${name}" type="${type}" autocomplete="${autocomplete}" maxlength="${max}"${required ? html` required` : ''} value="${value(name, max)}"${marked(name)}>`;
  const text = (name: string, label: string, rows: number) =>
    html`<label for="feld-${name}">${label}</label>${error(name)}
<textarea id="feld-${name}" name="${name}" maxlength="${TEXT_MAX}" rows="${rows}" required${marked(name)}>${value(name, TEXT_MAX)}</textarea>`;
  const consent = (label: string) =>
    html`${error('consent')}<div class="check"><input id="feld-consent" name="consent" type="checkbox" value="ja" required${fields.consent === 'ja' ? html` checked` : ''}${marked('consent')}>
<label for="feld-consent">${label} Hinweise in der <a href="/datenschutz/">Datenschutzerklärung</a>.</label></div>
<div class="hp" aria-hidden="true"><label for="feld-website">Bitte leer lassen</label><input id="feld-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>`;
  return { error, marked, line, text, consent };
}

/** The entry form again on the answer page of a submission without JavaScript that had errors (same fields as site/src/components/PartnerSearchForm.astro). */
export function partnerSearchFormHtml(
  municipalities: readonly MunicipalityGroup[],
  topics: readonly Topic[],
  fields: Record<string, string>,
  lists: Record<string, string[]>,
  errors: Errors,
): SafeHtml {
  const { error, marked, line, text, consent } = fieldHelpers(fields, errors);
  const selected = fields.municipality ?? '';
  const checked = (slug: string) => ((lists.topics ?? []).includes(slug) ? html` checked` : '');
  return html`<form method="post" action="${FORMS_PATH}${SUBMIT_PATH}">
${line('title', LABELS.title, 'text', 200, 'off')}
<label for="feld-municipality">${LABELS.municipality}</label>${error('municipality')}
<select id="feld-municipality" name="municipality" required${marked('municipality')}><option value="">Bitte wählen</option>${municipalities.map(
    (group) =>
      html`<optgroup label="${group.label}">${group.choices.map((c) => html`<option value="${c.ags}"${c.ags === selected ? html` selected` : ''}>${c.name}</option>`)}</optgroup>`,
  )}</select>
<fieldset id="feld-topics"${marked('topics')}><legend>${LABELS.topics}</legend>${error('topics')}<ul class="choices">${topics.map(
    (t) =>
      html`<li><input id="thema-${t.slug}" name="topics" type="checkbox" value="${t.slug}"${checked(t.slug)}><label for="thema-${t.slug}">${t.name}</label></li>`,
  )}</ul></fieldset>
${text('offer', LABELS.offer, 6)}
${text('seek', LABELS.seek, 6)}
${line('validUntil', `${LABELS.validUntil} (TT.MM.JJJJ)`, 'text', 10, 'off')}
${line('name', LABELS.name, 'text', 150, 'name')}
${line('email', LABELS.email, 'email', 254, 'email')}
${consent('Ich bin damit einverstanden, dass Interkommunales.NRW meine Angaben verarbeitet, die Partnersuche (ohne Name und E-Mail-Adresse) veröffentlicht und mir Antworten darauf weiterleitet.')}
<button type="submit">Partnersuche eintragen</button>
</form>`;
}

/** The reply form again on the answer page (same fields as site/src/components/PartnerSearchReplyForm.astro). */
export function replyFormHtml(fields: Record<string, string>, errors: Errors): SafeHtml {
  const { line, text, consent } = fieldHelpers(fields, errors);
  return html`<form method="post" action="${FORMS_PATH}${REPLY_PATH}">
<input type="hidden" name="entry" value="${(fields.entry ?? '').slice(0, 40)}">
${line('name', REPLY_LABELS.name, 'text', 150, 'name')}
${line('organisation', REPLY_LABELS.organisation, 'text', 150, 'organization', false)}
${line('email', REPLY_LABELS.email, 'email', 254, 'email')}
${text('message', REPLY_LABELS.message, 8)}
${consent('Ich bin damit einverstanden, dass Interkommunales.NRW meine Nachricht mit Name, Organisation und E-Mail-Adresse an die suchende Kommune weiterleitet.')}
<button type="submit">Nachricht senden</button>
</form>`;
}
