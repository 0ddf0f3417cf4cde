/**
 * What readers read: the confirmation and unsubscribe mails, and the German pages behind the links in them.
 * Pure. Every value that came from outside (the address, a token) is HTML-escaped here; mails carry no
 * free text anyone typed, only the address they were sent to.
 */
import { html, type SafeHtml } from '../../forms/html.ts';
import { composeMail, type MailText } from '../../mail/compose.ts';
import { FORMS_PATH } from '../links.ts';

export const SIGN_UP_PATH = '/newsletter/anmelden';
export const CONFIRM_PATH = '/newsletter/bestaetigen';
export const UNSUBSCRIBE_PATH = '/newsletter/abmelden';
export const UNSUBSCRIBE_REQUEST_PATH = '/newsletter/abmeldung-anfordern';

/** Where on the site the forms are (for links back). */
export const SITE_SIGN_UP_PAGE = '/newsletter/#anmelden';
export const SITE_UNSUBSCRIBE_PAGE = '/newsletter/abmelden/';

export const confirmUrl = (siteUrl: string, token: string) =>
  `${siteUrl}${FORMS_PATH}${CONFIRM_PATH}?t=${encodeURIComponent(token)}`;

/** The double-opt-in mail: no advertising, only the request to confirm and what happens otherwise. */
export function confirmMail(siteUrl: string, token: string): MailText {
  const link = confirmUrl(siteUrl, token);
  const paragraphs = [
    'Sie haben den Newsletter von Interkommunales.NRW bestellt, oder jemand hat dabei Ihre E-Mail-Adresse angegeben.',
    'Bitte bestätigen Sie die Anmeldung über den folgenden Link. Er öffnet eine Seite mit der Schaltfläche „Anmeldung bestätigen“ und ist 7 Tage gültig.',
    'Falls Sie sich nicht angemeldet haben, ignorieren Sie diese E-Mail bitte; Ihre Adresse wird nach 7 Tagen gelöscht und Sie erhalten keinen Newsletter.',
  ];
  return composeMail('Bitte bestätigen Sie Ihre Newsletter-Anmeldung', [
    paragraphs[0]!,
    paragraphs[1]!,
    { link, label: 'Anmeldung bestätigen' },
    paragraphs[2]!,
  ]);
}

/** The mail with the unsubscribe link, sent when someone asks for it with the form on the site. */
export function unsubscribeLinkMail(link: string): MailText {
  const paragraphs = [
    'Für diese E-Mail-Adresse wurde auf interkommunales.nrw die Abmeldung vom Newsletter angefordert.',
    'Über den folgenden Link gelangen Sie zu einer Seite mit der Schaltfläche „Newsletter abbestellen“.',
    'Falls Sie die Abmeldung nicht angefordert haben, ignorieren Sie diese E-Mail bitte; Sie erhalten den Newsletter dann weiter.',
  ];
  return composeMail('Abmeldung vom Newsletter', [
    paragraphs[0]!,
    paragraphs[1]!,
    { link, label: 'Newsletter abbestellen' },
    paragraphs[2]!,
  ]);
}

export const MESSAGES = {
  signUpDone: {
    title: 'Fast geschafft',
    message:
      'Vielen Dank. Wenn die Adresse noch nicht angemeldet ist, erhalten Sie in wenigen Minuten eine E-Mail mit einem Bestätigungslink. Erst nach der Bestätigung erhalten Sie den Newsletter.',
  },
  signUpUnavailable: {
    title: 'Anmeldung derzeit nicht möglich',
    message: 'Die Anmeldung zum Newsletter ist derzeit nicht möglich. Bitte versuchen Sie es später erneut.',
  },
  invalid: {
    title: 'Bitte prüfen Sie Ihre Angaben',
    message: 'Das Formular enthält Fehler. Bitte korrigieren Sie die markierten Felder.',
  },
  confirmAsk: {
    title: 'Newsletter-Anmeldung bestätigen',
    message:
      'Bitte bestätigen Sie mit der Schaltfläche, dass Sie den Newsletter von Interkommunales.NRW erhalten möchten.',
  },
  confirmed: {
    title: 'Anmeldung bestätigt',
    message: 'Vielen Dank! Ihre Anmeldung ist bestätigt. Sie erhalten den Newsletter ab der nächsten Ausgabe.',
  },
  alreadyConfirmed: {
    title: 'Bereits bestätigt',
    message: 'Diese Anmeldung ist bereits bestätigt. Sie erhalten den Newsletter; Sie müssen nichts weiter tun.',
  },
  confirmExpired: {
    title: 'Link abgelaufen',
    message: 'Dieser Bestätigungslink ist abgelaufen (er gilt 7 Tage). Bitte melden Sie sich erneut an.',
  },
  confirmUnknown: {
    title: 'Link ungültig',
    message:
      'Dieser Bestätigungslink ist ungültig oder nicht mehr gültig. Bitte prüfen Sie, ob Sie den Link vollständig übernommen haben, oder melden Sie sich erneut an.',
  },
  unsubscribeAsk: {
    title: 'Newsletter abbestellen',
    message:
      'Möchten Sie den Newsletter von Interkommunales.NRW abbestellen? Bitte bestätigen Sie mit der Schaltfläche.',
  },
  unsubscribed: {
    title: 'Abgemeldet',
    message:
      'Sie sind vom Newsletter abgemeldet und erhalten keine weiteren Ausgaben. Ihre Einwilligung ist widerrufen.',
  },
  alreadyUnsubscribed: { title: 'Bereits abgemeldet', message: 'Diese Adresse ist bereits vom Newsletter abgemeldet.' },
  unsubscribeUnknown: {
    title: 'Link ungültig',
    message:
      'Dieser Abmeldelink ist ungültig oder nicht mehr gültig. Sie können die Abmeldung über das Formular auf der Website anfordern.',
  },
  unsubscribeRequested: {
    title: 'E-Mail unterwegs',
    message:
      'Wenn diese Adresse den Newsletter erhält, senden wir ihr in wenigen Minuten eine E-Mail mit dem Link zur Abmeldung.',
  },
} as const satisfies Record<string, { title: string; message: string }>;

/**
 * The sign-up form for the answer page of a submission without JavaScript that had errors: the same fields as
 * the site's form (site/src/components/NewsletterSignUp.astro), with the typed address and the messages. The
 * fields' ids are `feld-<name>`, where the answer's list of errors links to.
 */
export function signUpFormHtml(
  consent: { version: string; parts: [string, string, string] },
  fields: Record<string, string>,
  errors: Record<string, string>,
): SafeHtml {
  const error = (name: string) =>
    errors[name] ? html`<p class="field-error" id="feld-${name}-fehler">${errors[name]}</p>` : '';
  const marked = (name: string) =>
    errors[name] ? html` aria-invalid="true" aria-describedby="feld-${name}-fehler"` : '';
  const source =
    fields.source && /^\/(?:[a-z0-9-]+\/)*$/.test(fields.source) && fields.source.length <= 200
      ? fields.source
      : '/newsletter/';
  return html`<form method="post" action="${FORMS_PATH}${SIGN_UP_PATH}">
<label for="feld-email">E-Mail-Adresse</label>${error('email')}
<input id="feld-email" name="email" type="email" autocomplete="email" required maxlength="254" value="${(fields.email ?? '').slice(0, 254)}"${marked('email')}>
${error('consent')}<div class="check"><input id="feld-consent" name="consent" type="checkbox" value="ja" required${marked('consent')}>
<label for="feld-consent">${consent.parts[0]}<a href="/datenschutz/">${consent.parts[1]}</a>${consent.parts[2]}</label></div>
<input type="hidden" name="consentVersion" value="${consent.version}">
<input type="hidden" name="source" value="${source}">
<div class="hp" aria-hidden="true"><label for="feld-website">Bitte leer lassen</label><input id="feld-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
<button type="submit">Newsletter abonnieren</button>
</form>`;
}
