/**
 * The fields of the two Partnersuche forms and their German messages: the entry a municipality submits
 * (/partnersuche/eintragen/) and the reply a reader sends from an entry's page. Municipalities are keys (AGS) of
 * the 427 of the reference data; topics are slugs of the site's published topics; `validUntil` is a date from
 * today (Berlin) up to one year ahead. Pure.
 */
import { z } from 'zod';
import {
  findMunicipality,
  type MunicipalityChoice,
  type MunicipalityGroup,
} from '@ikz/shared-types/municipality-choices';
import { isCalendarDate, latestValidUntil } from '@ikz/shared-types/partner-search';
import { checkboxField, emailField, lineField, textField } from '../forms/index.ts';

export const TEXT_MAX = 3_000;
export const TEXT_MIN = 20;
export const MAX_TOPICS = 5;
export const LIST_FIELDS = ['topics'] as const;

export const LABELS = {
  title: 'Titel der Partnersuche',
  municipality: 'Ihre Kommune',
  topics: 'Handlungsfelder',
  offer: 'Wir bieten',
  seek: 'Wir suchen',
  validUntil: 'Gültig bis',
  name: 'Name der Ansprechperson',
  email: 'E-Mail-Adresse',
} as const;

export const REPLY_LABELS = {
  name: 'Ihr Name',
  organisation: 'Kommune oder Organisation (optional)',
  email: 'Ihre E-Mail-Adresse',
  message: 'Ihre Nachricht',
} as const;

export type Topic = { slug: string; name: string };

const formatDay = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

/** A date as the date input sends it (YYYY-MM-DD), or as typed in German (TT.MM.JJJJ) where the browser has no date picker. */
export function parseDay(value: string): string | null {
  const text = value.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const day = german ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` : text;
  return isCalendarDate(day) ? day : null;
}

/** The entry form; `today` is the day in Berlin (YYYY-MM-DD), against which `validUntil` is checked. */
export function partnerSearchSchema(
  municipalities: readonly MunicipalityGroup[],
  topics: readonly Topic[],
  today: string,
) {
  const latest = latestValidUntil(today);
  const text = (label: string) =>
    textField(TEXT_MAX, label).refine(
      (v) => v.length >= TEXT_MIN,
      `„${label}“ muss mindestens ${TEXT_MIN} Zeichen lang sein.`,
    );
  return z.object({
    title: lineField(200, LABELS.title).refine(
      (v) => v.length >= 3,
      `„${LABELS.title}“ muss mindestens 3 Zeichen lang sein.`,
    ),
    municipality: z
      .string({ error: 'Bitte wählen Sie Ihre Kommune aus.' })
      .transform((ags) => findMunicipality(municipalities, ags.trim()))
      .refine((c) => c !== null, 'Bitte wählen Sie eine Kommune aus der Liste der Kommunen in Nordrhein-Westfalen aus.')
      .transform((c) => c as MunicipalityChoice),
    topics: z
      .array(z.string(), { error: 'Bitte wählen Sie mindestens ein Handlungsfeld aus.' })
      .min(1, 'Bitte wählen Sie mindestens ein Handlungsfeld aus.')
      .max(MAX_TOPICS, `Bitte wählen Sie höchstens ${MAX_TOPICS} Handlungsfelder aus.`)
      .transform((list) => list.map((slug) => topics.find((t) => t.slug === slug) ?? null))
      .refine((list) => list.every((t) => t !== null), 'Bitte wählen Sie nur Handlungsfelder aus der Liste aus.')
      .transform((list) => list as Topic[]),
    offer: text(LABELS.offer),
    seek: text(LABELS.seek),
    validUntil: z
      .string({ error: `Bitte geben Sie an, bis wann die Partnersuche gilt (TT.MM.JJJJ).` })
      .transform(parseDay)
      .refine((d) => d !== null, 'Bitte geben Sie unter „Gültig bis“ ein Datum an, z. B. 31.12.2027.')
      .transform((d) => d as string)
      .refine((d) => d >= today, 'Das Datum unter „Gültig bis“ liegt in der Vergangenheit.')
      .refine(
        (d) => d <= latest,
        `Eine Partnersuche kann höchstens ein Jahr gelten, also bis zum ${formatDay(latest)}.`,
      ),
    name: lineField(150, LABELS.name),
    email: emailField(LABELS.email),
    consent: checkboxField(
      'Bitte bestätigen Sie mit dem Kästchen, dass wir Ihre Angaben zur Veröffentlichung der Partnersuche verarbeiten dürfen.',
    ),
  });
}

export type PartnerSearchInput = z.output<ReturnType<typeof partnerSearchSchema>>;

/** An optional one-line field: empty becomes undefined. */
const optionalLine = (max: number, label: string) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .pipe(lineField(max, label).optional());

/** The reply form on an entry's page; `entry` is the entry's documentId (checked against Strapi by the handler). */
export const replySchema = z.object({
  entry: z
    .string({ error: 'Die Partnersuche fehlt in der Anfrage.' })
    .regex(/^[a-z0-9]{10,40}$/, 'Diese Partnersuche gibt es nicht.'),
  name: lineField(150, REPLY_LABELS.name),
  organisation: optionalLine(150, 'Kommune oder Organisation'),
  email: emailField(REPLY_LABELS.email),
  message: textField(TEXT_MAX, REPLY_LABELS.message).refine(
    (v) => v.length >= TEXT_MIN,
    `„${REPLY_LABELS.message}“ muss mindestens ${TEXT_MIN} Zeichen lang sein.`,
  ),
  consent: checkboxField(
    'Bitte bestätigen Sie mit dem Kästchen, dass wir Ihre Nachricht an die suchende Kommune weiterleiten dürfen.',
  ),
});

export type ReplyInput = z.output<typeof replySchema>;
