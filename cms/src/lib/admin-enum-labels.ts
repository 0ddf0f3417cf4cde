/**
 * German names for the values of the newsletter's internal enumerations, which the code keeps in English
 * (`pending`, `one-click`, …). The admin's list view shows these names instead of the stored values
 * (cms/src/admin/app.tsx, content manager hook "inject-column-in-table"); a value without a name shows as it is.
 */
export const ENUM_LABELS_DE: Record<string, Record<string, Record<string, string>>> = {
  'api::newsletter-subscriber.newsletter-subscriber': {
    state: {
      pending: 'noch nicht bestätigt',
      confirmed: 'bestätigt',
      unsubscribed: 'abgemeldet',
      bouncing: 'nicht zustellbar',
    },
    unsubscribeChannel: {
      link: 'Abmeldelink',
      'one-click': 'Ein-Klick-Abmeldung (E-Mail-Programm)',
      'site-form': 'Formular der Website',
      editor: 'Redaktion',
    },
  },
  'api::newsletter-dispatch.newsletter-dispatch': {
    state: { queued: 'wartet', sending: 'wird versendet', done: 'abgeschlossen' },
  },
  'api::newsletter-delivery.newsletter-delivery': {
    state: {
      queued: 'wartet',
      sending: 'wird gesendet',
      sent: 'gesendet',
      failed: 'fehlgeschlagen',
      skipped: 'übersprungen',
    },
  },
};

/** The German name of a stored value, or null when the field has none. */
export function enumLabelDe(model: string, field: string, value: unknown): string | null {
  const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
    record && Object.hasOwn(record, key) ? record[key] : undefined;
  if (typeof value !== 'string') return null;
  return own(own(own(ENUM_LABELS_DE, model), field), value) ?? null;
}

/** Whether a list column of any model shows named values (the hook adds its cell formatter only to those). */
export const hasEnumLabels = (field: string) =>
  Object.values(ENUM_LABELS_DE).some((fields) => Object.hasOwn(fields, field));

/**
 * The edit view's select shows the stored values (Strapi has no labels for them): the field's description
 * names each in German, e.g. "wartet (queued), wird versendet (sending), abgeschlossen (done)".
 */
export function enumLegendDe(model: string, field: string): string {
  const labels = ENUM_LABELS_DE[model]?.[field];
  if (!labels) throw new Error(`no German names for ${model}.${field}`);
  return `${Object.entries(labels)
    .map(([value, label]) => `${label} (${value})`)
    .join(', ')}.`;
}
