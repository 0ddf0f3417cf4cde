/**
 * The fields of the newsletter forms and their German messages. Everything the public sends is read by
 * `readFields` (one string per field, no arrays or objects) and checked here before anything is looked up.
 */
import { z } from 'zod';
import { consentOfVersion } from '@ikz/shared-types/newsletter-consent';
import { emailField, lineField } from '../../forms/index.ts';

/** A page of this site, as the form's hidden `source` field names it: `/newsletter/`, `/`, `/projekte/x/`. */
export const isSitePath = (value: string) => value.length <= 200 && /^\/(?:[a-z0-9-]+\/)*$/.test(value);

export const DEFAULT_SOURCE = '/newsletter/';

export const signUpSchema = z.object({
  email: emailField(),
  // The box's value is `ja`; nothing else counts as the consent the stored version describes.
  consent: z
    .string({ error: 'Bitte bestätigen Sie mit dem Kästchen, dass Sie den Newsletter erhalten möchten.' })
    .refine((v) => v === 'ja', 'Bitte bestätigen Sie mit dem Kästchen, dass Sie den Newsletter erhalten möchten.'),
  consentVersion: z
    .string({
      error: 'Die Fassung der Einwilligung fehlt. Bitte laden Sie die Seite neu und senden Sie das Formular erneut.',
    })
    .pipe(lineField(40, 'Fassung der Einwilligung'))
    .refine(
      (v) => consentOfVersion(v) !== null,
      'Diese Fassung der Einwilligung ist unbekannt. Bitte laden Sie die Seite neu und senden Sie das Formular erneut.',
    ),
  source: lineField(200, 'Seite der Anmeldung')
    .refine(isSitePath, 'Die Seite der Anmeldung ist ungültig. Bitte laden Sie die Seite neu.')
    .optional(),
});

export const unsubscribeRequestSchema = z.object({ email: emailField() });
