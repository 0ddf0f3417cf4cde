import { describe, expect, it } from 'vitest';
import { findMunicipality, municipalityChoices } from '@ikz/shared-types/municipality-choices';
import { readMunicipalityChoices } from '@ikz/shared-types/reference-data';
import { adviceSchema } from '@ikz/cms/advice/input';
import { cleanupCutoffs, confirmedFields, pendingFields } from '@ikz/cms/advice/rules';
import { adviceFormHtml, confirmMail, copyMail, teamMail } from '@ikz/cms/advice/texts';
import { pendingOutcome } from '@ikz/cms/forms/confirmation';
import { parseFields } from '@ikz/cms/forms/fields';

const groups = readMunicipalityChoices();
const schema = adviceSchema(groups);
const valid = {
  municipality: '05314000', // Bonn
  topic: 'Gemeinsamer Bauhof',
  question: 'Wie gründen wir einen Zweckverband?\r\nZweite Zeile.',
  name: 'Erika Mustermann',
  email: 'Erika.Mustermann@Kommune.example',
  phone: '0228 123456',
  consent: 'ja',
};

describe('the municipalities a form offers', () => {
  it('are the 427 of the reference data, once each, in the five Regierungsbezirke', () => {
    const all = groups.flatMap((g) => g.choices);
    expect(all).toHaveLength(427);
    expect(new Set(all.map((c) => c.ags)).size).toBe(427);
    expect(groups.map((g) => g.label)).toEqual([
      'Regierungsbezirk Düsseldorf',
      'Regierungsbezirk Köln',
      'Regierungsbezirk Münster',
      'Regierungsbezirk Detmold',
      'Regierungsbezirk Arnsberg',
    ]);
    expect(findMunicipality(groups, '05154')?.name).toBe('Kreis Kleve');
    expect(findMunicipality(groups, '05314000')?.name).toBe('Bonn');
    expect(findMunicipality(groups, '09162000')).toBeNull();
  });

  it('group rows by Regierungsbezirk in the order of its key, sorted by name as in German (Ä with A)', () => {
    const row = (ags: string, name: string, rb: string) => ({
      ags,
      name,
      regierungsbezirkAgs: rb,
      regierungsbezirkName: rb === '053' ? 'Köln' : 'Düsseldorf',
    });
    expect(
      municipalityChoices([
        row('3', 'Bonn', '053'),
        row('2', 'Zülpich', '053'),
        row('1', 'Ährenstadt', '053'),
        row('4', 'Wesel', '051'),
      ]),
    ).toEqual([
      { label: 'Regierungsbezirk Düsseldorf', choices: [{ ags: '4', name: 'Wesel' }] },
      {
        label: 'Regierungsbezirk Köln',
        choices: [
          { ags: '1', name: 'Ährenstadt' },
          { ags: '3', name: 'Bonn' },
          { ags: '2', name: 'Zülpich' },
        ],
      },
    ]);
  });
});

describe('the advisory request form', () => {
  it('accepts a complete request, normalised: the municipality by its key, the address in lower case, line breaks as \\n', () => {
    const parsed = parseFields(schema, valid);
    expect(parsed).toEqual({
      ok: true,
      data: {
        municipality: { ags: '05314000', name: 'Bonn' },
        topic: 'Gemeinsamer Bauhof',
        question: 'Wie gründen wir einen Zweckverband?\nZweite Zeile.',
        name: 'Erika Mustermann',
        email: 'erika.mustermann@kommune.example',
        phone: '0228 123456',
        consent: true,
      },
    });
    const { phone: _p, ...withoutPhone } = valid;
    expect(parseFields(schema, { ...withoutPhone }).ok).toBe(true);
    expect(parseFields(schema, { ...valid, phone: '  ' })).toMatchObject({ ok: true, data: { phone: undefined } });
  });

  it('names every missing field in German', () => {
    const parsed = parseFields(schema, {});
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual([
      'consent',
      'email',
      'municipality',
      'name',
      'question',
      'topic',
    ]);
    expect(parsed.errors.municipality).toBe('Bitte wählen Sie eine Kommune aus.');
    expect(parsed.errors.question).toBe('Bitte füllen Sie „Ihre Frage“ aus.');
  });

  it('refuses a municipality that does not exist, line breaks in one-line fields, overlong text and a wrong phone number', () => {
    const errors = (fields: Record<string, string>) => {
      const parsed = parseFields(schema, { ...valid, ...fields });
      return parsed.ok ? {} : parsed.errors;
    };
    expect(errors({ municipality: '05999999' }).municipality).toMatch(/Liste der Kommunen in Nordrhein-Westfalen/);
    expect(errors({ municipality: 'Bonn' }).municipality).toMatch(/Liste der Kommunen/);
    for (const field of ['topic', 'name'])
      expect(errors({ [field]: 'a\r\nBcc: x@example.org' })[field]).toMatch(/keine Zeilenumbrüche/);
    expect(errors({ email: 'a@example.org\r\nBcc: b@example.org' }).email).toMatch(/gültige E-Mail-Adresse/);
    expect(errors({ phone: '0228\n1' }).phone).toMatch(/keine Zeilenumbrüche/);
    expect(errors({ phone: 'ruf mich an' }).phone).toMatch(/Telefonnummer/);
    expect(errors({ question: 'x'.repeat(5_001) }).question).toBe(
      '„Ihre Frage“ darf höchstens 5000 Zeichen lang sein.',
    );
    expect(errors({ question: 'x'.repeat(5_000) }).question).toBeUndefined();
    expect(errors({ consent: 'nein' }).consent).toMatch(/Kästchen/);
  });
});

describe('what a request stores and when it goes', () => {
  const now = new Date('2026-12-05T10:00:00Z');
  it('is stored unconfirmed with the token hash and becomes "neu" when confirmed', () => {
    const parsed = parseFields(schema, valid);
    if (!parsed.ok) throw new Error('invalid');
    const fields = pendingFields(parsed.data, {
      tokenHash: 'h'.repeat(64),
      now,
      expiresAt: new Date('2026-12-12T10:00:00Z'),
    });
    expect(fields).toMatchObject({
      state: 'unbestätigt',
      municipality: 'Bonn',
      municipalityAgs: '05314000',
      email: 'erika.mustermann@kommune.example',
      phone: '0228 123456',
      requestedAt: '2026-12-05T10:00:00.000Z',
      confirmExpiresAt: '2026-12-12T10:00:00.000Z',
    });
    expect(confirmedFields(now)).toEqual({ state: 'neu', confirmedAt: '2026-12-05T10:00:00.000Z' });
  });

  it('is confirmed once: then "already"; an expired or missing one is never confirmed', () => {
    expect(pendingOutcome({ confirmedAt: null, confirmExpiresAt: '2026-12-05T10:00:01Z' }, now)).toBe('confirm');
    expect(pendingOutcome({ confirmedAt: null, confirmExpiresAt: '2026-12-05T10:00:00Z' }, now)).toBe('expired');
    expect(pendingOutcome({ confirmedAt: null, confirmExpiresAt: null }, now)).toBe('expired');
    expect(pendingOutcome({ confirmedAt: '2026-12-04T10:00:00Z', confirmExpiresAt: '2026-12-01T10:00:00Z' }, now)).toBe(
      'already',
    );
    expect(pendingOutcome(null, now)).toBe('unknown');
  });

  it('is deleted unconfirmed when its link expired, and in any state after the retention period', () => {
    expect(cleanupCutoffs(now, 365)).toEqual({
      unconfirmedExpiredBefore: now,
      requestedBefore: new Date('2025-12-05T10:00:00Z'),
    });
    expect(cleanupCutoffs(now, 30).requestedBefore).toEqual(new Date('2026-11-05T10:00:00Z'));
  });
});

describe('the mails of a request', () => {
  const request = {
    municipality: 'Bonn',
    topic: 'Bauhof <b>',
    question: 'Zeile 1\nZeile <script>2</script>',
    name: 'Erika & Co',
    email: 'erika@kommune.example',
    phone: null,
  };

  it('asks the unconfirmed address only to confirm, repeating nothing anyone typed', () => {
    const mail = confirmMail('https://interkommunales.example', 'T'.repeat(43));
    expect(mail.subject).toBe('Bitte bestätigen Sie Ihre Anfrage');
    expect(mail.text).toContain(`https://interkommunales.example/formulare/beratung/bestaetigen?t=${'T'.repeat(43)}`);
    expect(mail.text).toMatch(/nach 7 Tagen gelöscht/);
    expect(mail.html).toContain('lang="de"');
  });

  it('gives the team and the requester the whole request, escaped in HTML; the subject holds only the municipality', () => {
    const team = teamMail(request);
    expect(team.subject).toBe('Beratungsanfrage aus Bonn');
    expect(team.text).toContain('Ihre Frage:\nZeile 1\nZeile <script>2</script>');
    expect(team.html).toContain('Zeile 1<br>Zeile &lt;script&gt;2&lt;/script&gt;');
    expect(team.html).toContain('Erika &amp; Co');
    expect(team.html).not.toContain('<script>');
    expect(team.text).not.toContain('Telefon');
    const copy = copyMail({ ...request, phone: '0228 1' });
    expect(copy.subject).toBe('Ihre Beratungsanfrage bei Interkommunales.NRW');
    expect(copy.text).toContain('Telefon:\n0228 1');
  });

  it('shows the form again with the typed values, escaped, the chosen municipality selected and each error linked to its field', () => {
    const form = adviceFormHtml(
      groups,
      { municipality: '05314000', topic: '"><script>', question: '</textarea><b>' },
      { email: 'Bitte geben Sie eine E-Mail-Adresse an.' },
    ).value;
    expect(form).toContain('<option value="05314000" selected>Bonn</option>');
    expect(form).toContain('value="&quot;&gt;&lt;script&gt;"');
    expect(form).toContain('&lt;/textarea&gt;&lt;b&gt;</textarea>');
    expect(form).toContain('<p class="field-error" id="feld-email-fehler">Bitte geben Sie eine E-Mail-Adresse an.</p>');
    expect(form).toMatch(/id="feld-email"[^>]*aria-invalid="true" aria-describedby="feld-email-fehler"/);
    expect(form).toContain('href="/datenschutz/"');
  });
});
