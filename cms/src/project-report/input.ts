/**
 * The fields of the project report form (/projekt-melden/) and their German messages. Municipalities are keys
 * (AGS) of the 427 of the reference data; topics are slugs of the site's published topics; cooperation form and
 * status are the project schema's enumerations. Lists (participating municipalities, topics) come from
 * checkboxes and are read by `fieldsWithLists`; everything else is one string per field.
 */
import { z } from 'zod';
import { ENUMS } from '@ikz/shared-types';
import {
  findMunicipality,
  type MunicipalityChoice,
  type MunicipalityGroup,
} from '@ikz/shared-types/municipality-choices';
import { checkboxField, emailField, lineField, textField } from '../forms/index.ts';

export const TEXT_MAX = 5_000;
export const SUMMARY = { min: 20, max: 800 } as const;
export const MAX_MUNICIPALITIES = 50;
export const MAX_TOPICS = 10;
export const LIST_FIELDS = ['municipalities', 'topics'] as const;

export const COOPERATION_FORMS = ENUMS['project.cooperationForm'];
export const PROJECT_STATES = ENUMS['project.projectStatus'];

export const LABELS = {
  title: 'Titel des Projekts',
  lead: 'Federführende Kommune',
  municipalities: 'Beteiligte Kommunen',
  topics: 'Handlungsfelder',
  cooperationForm: 'Kooperationsform',
  projectStatus: 'Stand des Projekts',
  startYear: 'Startjahr (optional)',
  summary: 'Kurzbeschreibung',
  occasion: 'Anlass (optional)',
  goal: 'Ziel (optional)',
  implementation: 'Umsetzung (optional)',
  results: 'Ergebnisse (optional)',
  funding: 'Förderung (optional)',
  name: 'Name der Ansprechperson',
  role: 'Funktion (optional)',
  email: 'E-Mail-Adresse',
  phone: 'Telefon (optional)',
} as const;

export type Topic = { slug: string; name: string };

const CONSENT_MESSAGE =
  'Bitte bestätigen Sie mit dem Kästchen, dass wir Ihre Angaben zur Bearbeitung der Meldung verarbeiten dürfen.';
/** Within the project contact's phone rule (`shared.contact`: 5 to 40 of these characters after an optional +). */
const PHONE = /^\+?[0-9][0-9 ()/-]{4,38}$/;

const optional = <T extends z.ZodType<unknown, string>>(field: T) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .pipe(field.optional());

function choice<T extends string>(values: readonly T[], message: string) {
  return z
    .string({ error: message })
    .refine((v): v is T => (values as readonly string[]).includes(v), message)
    .transform((v) => v as T);
}

/** The lead and the other municipalities, each an AGS of the 427 in the reference data. */
function municipalityFields(municipalities: readonly MunicipalityGroup[]) {
  const municipality = (ags: string) => findMunicipality(municipalities, ags.trim());
  return {
    lead: z
      .string({ error: 'Bitte wählen Sie die federführende Kommune aus.' })
      .transform(municipality)
      .refine(
        (c) => c !== null,
        'Bitte wählen Sie als federführende Kommune eine Kommune aus der Liste der Kommunen in Nordrhein-Westfalen aus.',
      )
      .transform((c) => c!),
    municipalities: z
      .array(z.string())
      .max(MAX_MUNICIPALITIES, `Bitte wählen Sie höchstens ${MAX_MUNICIPALITIES} beteiligte Kommunen aus.`)
      .transform((list) => list.map(municipality))
      .refine(
        (list) => list.every((c) => c !== null),
        'Bitte wählen Sie nur Kommunen aus der Liste der Kommunen in Nordrhein-Westfalen aus.',
      )
      .transform((list) => list as MunicipalityChoice[]),
  };
}

function topicsField(topics: readonly Topic[]) {
  return z
    .array(z.string())
    .min(1, 'Bitte wählen Sie mindestens ein Handlungsfeld aus.')
    .max(MAX_TOPICS, `Bitte wählen Sie höchstens ${MAX_TOPICS} Handlungsfelder aus.`)
    .transform((list) => list.map((slug) => topics.find((t) => t.slug === slug) ?? null))
    .refine((list) => list.every((t) => t !== null), 'Bitte wählen Sie nur Handlungsfelder aus der Liste aus.')
    .transform((list) => list as Topic[]);
}

function startYearField(yearNow: number) {
  return optional(
    z
      .string()
      .regex(
        /^[0-9]{4}$/,
        'Bitte geben Sie als Startjahr eine vierstellige Jahreszahl an, z. B. 2023, oder lassen Sie das Feld leer.',
      )
      .transform(Number)
      .refine(
        (y) => y >= 1950 && y <= yearNow + 5,
        `Bitte geben Sie als Startjahr ein Jahr zwischen 1950 und ${yearNow + 5} an.`,
      ),
  );
}

export function projectReportSchema(municipalities: readonly MunicipalityGroup[], topics: readonly Topic[]) {
  return z
    .object({
      title: lineField(200, LABELS.title).refine(
        (v) => v.length >= 3,
        `„${LABELS.title}“ muss mindestens 3 Zeichen lang sein.`,
      ),
      ...municipalityFields(municipalities),
      topics: topicsField(topics),
      cooperationForm: choice(COOPERATION_FORMS, 'Bitte wählen Sie eine Kooperationsform aus der Liste aus.'),
      projectStatus: choice(PROJECT_STATES, 'Bitte wählen Sie den Stand des Projekts aus der Liste aus.'),
      startYear: startYearField(new Date().getUTCFullYear()),
      summary: textField(SUMMARY.max, 'Kurzbeschreibung').refine(
        (v) => v.length >= SUMMARY.min,
        `Die Kurzbeschreibung muss mindestens ${SUMMARY.min} Zeichen lang sein.`,
      ),
      occasion: optional(textField(TEXT_MAX, 'Anlass')),
      goal: optional(textField(TEXT_MAX, 'Ziel')),
      implementation: optional(textField(TEXT_MAX, 'Umsetzung')),
      results: optional(textField(TEXT_MAX, 'Ergebnisse')),
      funding: optional(lineField(200, 'Förderung')),
      name: lineField(150, LABELS.name),
      role: optional(lineField(150, 'Funktion')),
      email: emailField(LABELS.email),
      phone: optional(
        lineField(40, 'Telefon').refine(
          (v) => PHONE.test(v),
          'Bitte geben Sie unter „Telefon“ eine Telefonnummer an, z. B. 0211 123456, oder lassen Sie das Feld leer.',
        ),
      ),
      publishContact: z
        .string()
        .optional()
        .transform((v) => v !== undefined && ['ja', 'on', 'true', '1'].includes(v)),
      consent: checkboxField(CONSENT_MESSAGE),
    })
    .superRefine((input, ctx) => {
      // Zod runs this also when another field failed: then a value may still be missing.
      const lead = input.lead as MunicipalityChoice | null;
      const others = (input.municipalities ?? []) as (MunicipalityChoice | null)[];
      if (lead && others.some((c) => c?.ags === lead.ags)) {
        ctx.addIssue({
          code: 'custom',
          path: ['municipalities'],
          message:
            'Die federführende Kommune ist bereits gewählt; bitte wählen Sie sie nicht auch als beteiligte Kommune aus.',
        });
      }
    });
}

export type ProjectReportInput = z.output<ReturnType<typeof projectReportSchema>>;
