/**
 * The fields of the advisory request form (/beratung/) and their German messages. Everything the public sends
 * is read by `readFields` (one string per field, no arrays or objects) and checked here before anything is
 * stored. The municipality is one of the 427 of the reference data, sent as its key (AGS).
 */
import { z } from 'zod';
import { findMunicipality, type MunicipalityGroup } from '@ikz/shared-types/municipality-choices';
import { checkboxField, emailField, lineField, textField } from '../forms/index.ts';

export const QUESTION_MAX = 5_000;

export const LABELS = {
  municipality: 'Kommune',
  topic: 'Thema',
  question: 'Ihre Frage',
  name: 'Name',
  email: 'E-Mail-Adresse',
  phone: 'Telefon (optional)',
} as const;

const CONSENT_MESSAGE =
  'Bitte bestätigen Sie mit dem Kästchen, dass wir Ihre Angaben zur Bearbeitung der Anfrage verarbeiten dürfen.';
const PHONE = /^\+?[0-9][0-9 ()/-]{3,38}$/;

export function adviceSchema(municipalities: readonly MunicipalityGroup[]) {
  return z.object({
    municipality: z
      .string({ error: 'Bitte wählen Sie eine Kommune aus.' })
      .transform((ags) => findMunicipality(municipalities, ags.trim()))
      .refine(
        (choice) => choice !== null,
        'Bitte wählen Sie eine Kommune aus der Liste der Kommunen in Nordrhein-Westfalen aus.',
      )
      .transform((choice) => choice!),
    topic: lineField(200, LABELS.topic),
    question: textField(QUESTION_MAX, LABELS.question),
    name: lineField(200, LABELS.name),
    email: emailField(LABELS.email),
    phone: z
      .string()
      .optional()
      .transform((v) => v?.trim() || undefined)
      .pipe(
        lineField(40, 'Telefon')
          .refine(
            (v) => PHONE.test(v),
            'Bitte geben Sie unter „Telefon“ eine Telefonnummer an, z. B. 0211 123456, oder lassen Sie das Feld leer.',
          )
          .optional(),
      ),
    consent: checkboxField(CONSENT_MESSAGE),
  });
}

export type AdviceInput = z.output<ReturnType<typeof adviceSchema>>;
