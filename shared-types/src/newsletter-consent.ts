/**
 * The consent text of the newsletter sign-up, written once: the site's form shows the current version next to
 * the box, the form sends its version along, and Strapi stores that version with the subscriber as part of the
 * proof of consent (and refuses a version it does not know). A changed text is a new version; old versions
 * stay listed here, so that what a subscriber agreed to can always be printed. Browser-safe.
 */

export interface ConsentVersion {
  version: string;
  /** The text next to the box, exactly as shown; `linkText` inside it links the Datenschutzerklärung. */
  text: string;
  linkText: string;
}

export const NEWSLETTER_CONSENT_VERSIONS: readonly ConsentVersion[] = [
  {
    version: '2026-12-1',
    text:
      'Ja, ich möchte den Newsletter von Interkommunales.NRW per E-Mail erhalten. Die Einwilligung kann ich jederzeit widerrufen, ' +
      'z. B. über den Abmeldelink in jeder Ausgabe. Hinweise in der Datenschutzerklärung.',
    linkText: 'Datenschutzerklärung',
  },
];

/** The version the sign-up form shows today (the last one listed). */
export const NEWSLETTER_CONSENT: ConsentVersion = NEWSLETTER_CONSENT_VERSIONS[NEWSLETTER_CONSENT_VERSIONS.length - 1]!;

/** The consent of a stored version, or null for a version nobody was ever shown. */
export function consentOfVersion(version: string): ConsentVersion | null {
  return NEWSLETTER_CONSENT_VERSIONS.find((c) => c.version === version) ?? null;
}

/** The text split around its link, for rendering: [before, link, after]. */
export function consentParts(consent: ConsentVersion = NEWSLETTER_CONSENT): [string, string, string] {
  const at = consent.text.indexOf(consent.linkText);
  if (at < 0) return [consent.text, '', ''];
  return [consent.text.slice(0, at), consent.linkText, consent.text.slice(at + consent.linkText.length)];
}
