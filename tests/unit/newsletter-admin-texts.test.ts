import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENUM_LABELS_DE, enumLabelDe, enumLegendDe, hasEnumLabels } from '@ikz/cms/lib/admin-enum-labels';
import { CONTENT_TYPE_LAYOUTS } from '@ikz/cms/lib/admin-layout';
import {
  confirmText,
  currentDispatchText,
  formatCount,
  progressText,
  recipientsText,
  summaryLines,
} from '@ikz/cms/lib/newsletter-texts';
import { installGermanGrouping, withGermanGrouping } from '@ikz/cms/lib/german-numbers';

describe('numbers in the admin', () => {
  it('leave a year ungrouped and group five digits and more, as German editors write them', () => {
    const intl = { NumberFormat: Intl.NumberFormat };
    expect(new intl.NumberFormat('de-DE').format(2026)).toBe('2.026');
    installGermanGrouping(intl);
    installGermanGrouping(intl);
    expect(new intl.NumberFormat('de-DE').format(2026)).toBe('2026');
    expect(new intl.NumberFormat('de', { maximumFractionDigits: 0, useGrouping: true }).format(2026)).toBe('2026');
    expect(new intl.NumberFormat('de-DE').format(12345)).toBe('12.345');
    expect(new intl.NumberFormat('de-DE', { useGrouping: false }).format(12345)).toBe('12345');
    expect(intl.NumberFormat.supportedLocalesOf(['de-DE'])).toEqual(['de-DE']);
    expect(new intl.NumberFormat('de-DE')).toBeInstanceOf(Intl.NumberFormat);
    expect(withGermanGrouping({ useGrouping: false })).toEqual({ useGrouping: false });
  });
});

describe('what the admin says about sending', () => {
  it('names the number of recipients in the confirmation', () => {
    expect(confirmText('Newsletter 2/2026', 1234)).toBe(
      'Die Ausgabe „Newsletter 2/2026“ wird jetzt an 1234 bestätigte Abonnentinnen und Abonnenten versendet. Jede Ausgabe kann nur einmal versendet werden; der Versand lässt sich nicht zurücknehmen.',
    );
    expect(recipientsText(1)).toBe('1 bestätigte Abonnentin bzw. 1 bestätigter Abonnent');
    expect(formatCount(12345)).toBe('12.345');
  });

  it('shows progress while sending and the outcome afterwards', () => {
    const running = progressText({
      state: 'sending',
      total: 200,
      queued: 150,
      sent: 48,
      failed: 2,
      skipped: 0,
      startedAt: '2026-12-05T10:00:00Z',
      finishedAt: null,
    });
    expect(running).toEqual({
      headline: 'Versand läuft …',
      detail: '48 von 200 versendet, 150 in der Warteschlange, 2 fehlgeschlagen',
      tone: 'neutral',
      percent: 25,
    });
    const done = progressText({
      state: 'done',
      total: 200,
      queued: 0,
      sent: 197,
      failed: 2,
      skipped: 1,
      startedAt: '2026-12-05T10:00:00Z',
      finishedAt: '2026-12-05T10:05:00Z',
    });
    expect(done).toEqual({
      headline: 'Versendet am 05.12.2026, 11:05',
      detail: '197 von 200 versendet, 2 fehlgeschlagen, 1 übersprungen (inzwischen abgemeldet)',
      tone: 'warning',
      percent: 100,
    });
    expect(
      currentDispatchText({
        issueTitle: 'Newsletter 4/2026',
        issueDocumentId: 'abcdefghij',
        state: 'sending',
        total: 10,
        queued: 4,
        sending: 2,
        sent: 4,
        failed: 0,
        skipped: 0,
        startedAt: null,
        finishedAt: null,
      }),
    ).toBe('Newsletter „Newsletter 4/2026“: Versand läuft … – 4 von 10 versendet, 6 in der Warteschlange.');
    expect(summaryLines({ pending: 3, confirmed: 1500, unsubscribed: 12, bouncing: 0 })).toEqual([
      '1500 bestätigt',
      '3 noch nicht bestätigt',
      '12 abgemeldet',
      '0 nicht zustellbar',
    ]);
  });
});

describe('the German names of the newsletter states in the list view', () => {
  it('name every value of every named enumeration in the schemas, and nothing else', () => {
    for (const [model, fields] of Object.entries(ENUM_LABELS_DE)) {
      const name = model.split('.')[1]!;
      const schema = JSON.parse(
        fs.readFileSync(
          new URL(`../../cms/src/api/${name}/content-types/${name}/schema.json`, import.meta.url),
          'utf8',
        ),
      ) as { attributes: Record<string, { type: string; enum?: string[] }> };
      for (const [field, labels] of Object.entries(fields)) {
        expect(schema.attributes[field]?.type, `${model}.${field}`).toBe('enumeration');
        expect(Object.keys(labels).sort(), `${model}.${field}`).toEqual([...schema.attributes[field]!.enum!].sort());
      }
    }
  });

  it('give a stored value its name, and leave unknown values and other fields alone', () => {
    expect(enumLabelDe('api::newsletter-subscriber.newsletter-subscriber', 'state', 'pending')).toBe(
      'noch nicht bestätigt',
    );
    expect(enumLabelDe('api::newsletter-subscriber.newsletter-subscriber', 'unsubscribeChannel', 'one-click')).toBe(
      'Ein-Klick-Abmeldung (E-Mail-Programm)',
    );
    expect(enumLabelDe('api::newsletter-delivery.newsletter-delivery', 'state', 'skipped')).toBe('übersprungen');
    expect(enumLabelDe('api::advice-request.advice-request', 'state', 'neu')).toBeNull();
    expect(enumLabelDe('api::newsletter-subscriber.newsletter-subscriber', 'state', 'toString')).toBeNull();
    expect(enumLabelDe('api::newsletter-subscriber.newsletter-subscriber', 'state', null)).toBeNull();
    expect(hasEnumLabels('unsubscribeChannel')).toBe(true);
    expect(hasEnumLabels('kind')).toBe(false);
  });
});

describe('the edit view of the newsletter states', () => {
  it('explains every stored value in German in the field description (the select shows the values)', () => {
    expect(enumLegendDe('api::newsletter-dispatch.newsletter-dispatch', 'state')).toBe(
      'wartet (queued), wird versendet (sending), abgeschlossen (done).',
    );
    for (const [model, fields] of Object.entries(ENUM_LABELS_DE)) {
      for (const field of Object.keys(fields)) {
        const description = (CONTENT_TYPE_LAYOUTS as Record<string, { fields: Record<string, [string, string]> }>)[
          model
        ]!.fields[field]![1];
        expect(description, `${model}.${field}`).toBe(enumLegendDe(model, field));
      }
    }
    expect(() => enumLegendDe('api::project.project', 'projectStatus')).toThrow(/no German names/);
  });
});
