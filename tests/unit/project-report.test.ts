import { describe, expect, it } from 'vitest';
import { readMunicipalityChoices } from '@ikz/shared-types/reference-data';
import { fieldsWithLists, FormInputError, parseFields, sentFiles, temporaryFiles } from '@ikz/cms/forms/fields';
import { projectReportSchema } from '@ikz/cms/project-report/input';
import {
  draftDocument,
  draftProject,
  isHeld,
  pendingFields,
  REPORT_FILE_CAPTION,
  projectUrl,
  sentFields,
  shouldNotify,
  textBlocks,
} from '@ikz/cms/project-report/rules';
import {
  acknowledgementMail,
  confirmMail,
  editorsMail,
  projectReportFormHtml,
  publishedMail,
} from '@ikz/cms/project-report/texts';

const groups = readMunicipalityChoices();
const topics = [
  { slug: 'digitalisierung', name: 'Digitalisierung' },
  { slug: 'bauhof', name: 'Bauhof und Grünflächen' },
];
const schema = projectReportSchema(groups, topics);
const valid = {
  title: 'Gemeinsamer Bauhof an der Sieg',
  lead: '05314000', // Bonn
  municipalities: ['05382068', '05382056'],
  topics: ['bauhof'],
  cooperationForm: 'Zweckverband',
  projectStatus: 'in Betrieb',
  startYear: '2021',
  summary: 'Drei Kommunen betreiben einen gemeinsamen Bauhof mit Winterdienst.',
  occasion: 'Fachkräftemangel.\r\n\r\nTeure Maschinen.',
  goal: '',
  implementation: 'Öffentlich-rechtliche Vereinbarung <b>2021</b>.',
  results: '',
  funding: 'Förderprogramm IKZ NRW',
  name: 'Erika Mustermann',
  role: 'Kämmerin',
  email: 'Erika.Mustermann@Kommune.example',
  phone: '0228 123456',
  publishContact: 'ja',
  consent: 'ja',
};
const parse = (fields: Record<string, string | string[]>) => parseFields(schema, fields);

describe('the project report input', () => {
  it('accepts a complete report and checks its municipalities, topics and enumerations against the reference data', () => {
    const parsed = parse(valid);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.data.lead).toEqual({ ags: '05314000', name: 'Bonn' });
    expect(parsed.data.municipalities.map((m) => m.ags)).toEqual(['05382068', '05382056']);
    expect(parsed.data.topics).toEqual([{ slug: 'bauhof', name: 'Bauhof und Grünflächen' }]);
    expect(parsed.data).toMatchObject({
      startYear: 2021,
      email: 'erika.mustermann@kommune.example',
      publishContact: true,
      goal: undefined,
      occasion: 'Fachkräftemangel.\n\nTeure Maschinen.',
    });
  });

  it('answers unknown municipalities, topics and enumeration values, CRLF in one-line fields and overlong text in German', () => {
    const errors = (extra: Record<string, string | string[]>) => {
      const parsed = parse({ ...valid, ...extra });
      expect(parsed.ok).toBe(false);
      return parsed.ok ? {} : parsed.errors;
    };
    expect(errors({ lead: '05999999' }).lead).toMatch(/Liste der Kommunen in Nordrhein-Westfalen/);
    expect(errors({ municipalities: ['05382068', '09162000'] }).municipalities).toMatch(/nur Kommunen aus der Liste/);
    expect(errors({ municipalities: ['05314000'] }).municipalities).toMatch(
      /federführende Kommune ist bereits gewählt/,
    );
    expect(errors({ topics: ['erfunden'] }).topics).toMatch(/nur Handlungsfelder aus der Liste/);
    expect(errors({ topics: [] }).topics).toBe('Bitte wählen Sie mindestens ein Handlungsfeld aus.');
    expect(errors({ cooperationForm: 'Geheimbund' }).cooperationForm).toMatch(/Kooperationsform/);
    expect(errors({ projectStatus: 'fertig' }).projectStatus).toMatch(/Stand des Projekts/);
    expect(errors({ title: 'Bauhof\r\nBcc: x@example.org' }).title).toMatch(/keine Zeilenumbrüche/);
    expect(errors({ name: 'Erika\nMustermann' }).name).toMatch(/keine Zeilenumbrüche/);
    expect(errors({ email: 'a@example.org\r\nBcc: b@example.org' }).email).toMatch(/gültige E-Mail-Adresse/);
    expect(errors({ summary: 'x'.repeat(801) }).summary).toMatch(/höchstens 800 Zeichen/);
    expect(errors({ summary: 'zu kurz' }).summary).toMatch(/mindestens 20 Zeichen/);
    expect(errors({ results: 'x'.repeat(5001) }).results).toMatch(/höchstens 5000 Zeichen/);
    expect(errors({ phone: '1234' }).phone).toMatch(/Telefonnummer/);
    expect(errors({ startYear: '21' }).startYear).toMatch(/vierstellige Jahreszahl/);
    expect(errors({ startYear: '1900' }).startYear).toMatch(/zwischen 1950/);
    expect(errors({ consent: '' }).consent).toMatch(/verarbeiten dürfen/);
    expect(parse({ ...valid, publishContact: '' })).toMatchObject({ ok: true, data: { publishContact: false } });
  });

  it('takes lists only for the list fields, refusing duplicates, objects and too many entries', () => {
    expect(fieldsWithLists({ title: 'x', topics: 'bauhof' }, ['topics', 'municipalities'], 50)).toEqual({
      fields: { title: 'x' },
      lists: { topics: ['bauhof'], municipalities: [] },
    });
    expect(() => fieldsWithLists({ title: ['a', 'b'] }, ['topics'], 50)).toThrow(FormInputError);
    expect(() => fieldsWithLists({ topics: ['bauhof', 'bauhof'] }, ['topics'], 50)).toThrow(/mehrfach/);
    expect(() => fieldsWithLists({ topics: { $ne: '' } }, ['topics'], 50)).toThrow(/ungültigen Form/);
    expect(() => fieldsWithLists({ topics: Array.from({ length: 51 }, (_, i) => `t${i}`) }, ['topics'], 50)).toThrow(
      /höchstens 50/,
    );
  });
});

describe('the project report rules', () => {
  const parsed = parse(valid);
  if (!parsed.ok) throw new Error('valid input');
  const input = parsed.data;

  it('stores what was sent, without the spam protection, and waits for the confirmation', () => {
    const sent = sentFields({ title: 'T', website: '', altcha: 'proof' }, { topics: ['bauhof'] }, [
      'website',
      'altcha',
    ]);
    expect(sent).toEqual({ title: 'T', topics: ['bauhof'] });
    const now = new Date('2026-05-01T10:00:00Z');
    expect(
      pendingFields(input, sent, { tokenHash: 'h', now, expiresAt: new Date('2026-05-08T10:00:00Z') }),
    ).toMatchObject({
      state: 'unbestätigt',
      title: valid.title,
      leadMunicipality: 'Bonn',
      email: 'erika.mustermann@kommune.example',
      submitted: sent,
      confirmTokenHash: 'h',
      confirmExpiresAt: '2026-05-08T10:00:00.000Z',
    });
  });

  it('maps the input to the draft project: relations by documentId, texts as paragraphs, the contact with the consent as given', () => {
    const ids = {
      municipalities: new Map([
        ['05314000', 'bonn-doc'],
        ['05382068', 'troisdorf-doc'],
      ]),
      topics: new Map([['bauhof', 'bauhof-doc']]),
    };
    const draft = draftProject(input, ids);
    expect(draft).toEqual({
      title: valid.title,
      summary: valid.summary,
      leadMunicipality: 'bonn-doc',
      municipalities: ['troisdorf-doc'], // the one missing in Strapi is left out
      topics: ['bauhof-doc'],
      cooperationForm: 'Zweckverband',
      projectStatus: 'in Betrieb',
      bestPractice: false,
      startYear: 2021,
      occasion: [
        { type: 'paragraph', children: [{ type: 'text', text: 'Fachkräftemangel.' }] },
        { type: 'paragraph', children: [{ type: 'text', text: 'Teure Maschinen.' }] },
      ],
      implementation: [
        { type: 'paragraph', children: [{ type: 'text', text: 'Öffentlich-rechtliche Vereinbarung <b>2021</b>.' }] },
      ],
      funding: { programme: 'Förderprogramm IKZ NRW' },
      contacts: [
        {
          name: 'Erika Mustermann',
          role: 'Kämmerin',
          organisation: 'Bonn',
          email: 'erika.mustermann@kommune.example',
          phone: '0228 123456',
          consent: true,
        },
      ],
    });
    const minimal = parse({
      ...valid,
      startYear: '',
      occasion: '',
      implementation: '',
      funding: '',
      role: '',
      phone: '',
      publishContact: '',
    });
    if (!minimal.ok) throw new Error('minimal');
    const small = draftProject(minimal.data, ids);
    expect(Object.keys(small).sort()).toEqual([
      'bestPractice',
      'contacts',
      'cooperationForm',
      'leadMunicipality',
      'municipalities',
      'projectStatus',
      'summary',
      'title',
      'topics',
    ]);
    expect(small.contacts).toEqual([
      { name: 'Erika Mustermann', organisation: 'Bonn', email: 'erika.mustermann@kommune.example', consent: false },
    ]);
    expect(textBlocks('  \n\n ')).toEqual([]);
    const tabbed = parse({ ...valid, summary: 'Drei Kommunen\tbetreiben einen gemeinsamen Bauhof.' });
    if (!tabbed.ok) throw new Error('tabbed');
    expect(draftProject(tabbed.data, ids).summary).toBe('Drei Kommunen betreiben einen gemeinsamen Bauhof.');
  });

  it('tells the submitter of the publication once, and only for a confirmed report', () => {
    expect(shouldNotify(null)).toBe(false);
    expect(shouldNotify({ confirmedAt: null, notifiedAt: null })).toBe(false);
    expect(shouldNotify({ confirmedAt: '2026-05-01T10:00:00Z', notifiedAt: null })).toBe(true);
    expect(shouldNotify({ confirmedAt: '2026-05-01T10:00:00Z', notifiedAt: '2026-05-02T10:00:00Z' })).toBe(false);
    expect(projectUrl('https://interkommunales.nrw', 'gemeinsamer-bauhof')).toBe(
      'https://interkommunales.nrw/projekte/gemeinsamer-bauhof/',
    );
  });
});

describe('the project report texts', () => {
  it('sends the unconfirmed address only the link', () => {
    const mail = confirmMail('https://interkommunales.nrw', 'abc');
    expect(mail.text).toContain('https://interkommunales.nrw/formulare/projekt-melden/bestaetigen?t=abc');
    expect(mail.subject).toBe('Bitte bestätigen Sie Ihre Projektmeldung');
  });

  it('escapes what was typed in the mails and the re-shown form', () => {
    const report = { title: '<script>x</script>', leadMunicipality: 'Bonn', name: 'E & M', email: 'e@example.org' };
    expect(editorsMail(report, 'https://cms.example/admin/x').html).not.toContain('<script>');
    expect(acknowledgementMail(report).html).toContain('&lt;script&gt;');
    expect(publishedMail('<i>T</i>', 'https://interkommunales.nrw/projekte/t/').html).toContain('&lt;i&gt;T&lt;/i&gt;');
    const form = String(
      projectReportFormHtml(
        groups,
        topics,
        { title: '"><script>', lead: '05314000' },
        { municipalities: ['05382068'], topics: ['bauhof'] },
        { title: 'Fehler <b>' },
      ),
    );
    expect(form).not.toContain('"><script>');
    expect(form).toContain('id="feld-title-fehler">Fehler &lt;b&gt;');
    expect(form).toMatch(/<option value="05314000" selected>Bonn<\/option>/);
    expect(form).toMatch(/id="kommune-05382068" name="municipalities" type="checkbox" value="05382068" checked/);
    expect(form).toMatch(/id="thema-bauhof" name="topics" type="checkbox" value="bauhof" checked/);
  });
});

describe('files of project reports', () => {
  const SUBMISSION = 'api::project-submission.project-submission';
  it('are held back while only submissions or drafts use them', () => {
    const held = (related: { __type: string; publishedAt?: string | null }[], caption: string | null = null) =>
      isHeld({ caption, related });
    expect(held([{ __type: SUBMISSION, publishedAt: '2026-12-01T00:00:00Z' }])).toBe(true);
    expect(
      held([
        { __type: SUBMISSION, publishedAt: '2026-12-01T00:00:00Z' },
        { __type: 'api::document.document', publishedAt: null },
      ]),
    ).toBe(true);
    expect(
      held([
        { __type: SUBMISSION },
        { __type: 'api::document.document', publishedAt: null },
        { __type: 'api::document.document', publishedAt: '2026-12-02T00:00:00Z' },
      ]),
    ).toBe(false);
    // Marked by its caption from the moment it is stored (before the submission is), and after it was deleted.
    expect(held([], REPORT_FILE_CAPTION)).toBe(true);
    expect(held([{ __type: 'api::document.document', publishedAt: null }], REPORT_FILE_CAPTION)).toBe(true);
    expect(held([{ __type: 'api::document.document', publishedAt: '2026-12-02T00:00:00Z' }], REPORT_FILE_CAPTION)).toBe(
      false,
    );
    // Files editors uploaded themselves are not affected.
    expect(held([])).toBe(false);
    expect(held([{ __type: 'api::document.document', publishedAt: null }], 'Eine Bildunterschrift')).toBe(false);
  });

  it('become draft documents titled after the file, to be checked by the editors', () => {
    const now = new Date('2026-12-05T10:00:00Z');
    expect(draftDocument('Vereinbarung_Bauhof.pdf', 7, now)).toEqual({
      title: 'Vereinbarung Bauhof',
      type: 'Sonstiges',
      date: '2026-12-05',
      summary: expect.stringContaining('Projektmeldung'),
      file: 7,
    });
    expect(draftDocument('A.pdf', 8, now).title).toBe('Dokument A');
  });

  it('have a field on the answer page without JavaScript, with its help text and its error', () => {
    const page = String(
      projectReportFormHtml(
        groups,
        topics,
        {},
        {},
        { documents: 'Die Datei „x.pdf“ wurde nicht angenommen: Die Datei ist leer.' },
      ),
    );
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toContain(
      '<input id="feld-documents" name="documents" type="file" accept="application/pdf,.pdf" multiple aria-invalid="true" aria-describedby="feld-documents-fehler">',
    );
    expect(page).toContain('Bis zu 3 PDF-Dateien, je höchstens 10 MB');
    expect(page).toContain(
      '<p class="field-error" id="feld-documents-fehler">Die Datei „x.pdf“ wurde nicht angenommen: Die Datei ist leer.</p>',
    );
  });
});

describe('files of a multipart form', () => {
  const file = (name: string, size = 10) => ({
    filepath: `/tmp/${name}`,
    originalFilename: name,
    size,
    mimetype: 'application/pdf',
  });
  it('are read from their field only, an empty file input counts as none, more than allowed are refused', () => {
    expect(sentFiles(undefined, 'documents', 3, 'zu viele')).toEqual([]);
    expect(
      sentFiles({ documents: { filepath: '/tmp/leer', originalFilename: '', size: 0 } }, 'documents', 3, 'zu viele'),
    ).toEqual([]);
    expect(
      sentFiles({ documents: [file('a.pdf'), file('b.pdf')] }, 'documents', 3, 'zu viele').map(
        (f) => f.originalFilename,
      ),
    ).toEqual(['a.pdf', 'b.pdf']);
    expect(() =>
      sentFiles({ documents: [file('a'), file('b'), file('c'), file('d')] }, 'documents', 3, 'zu viele'),
    ).toThrow('zu viele');
    expect(() => sentFiles({ summary: file('a.pdf') }, 'documents', 3, 'zu viele')).toThrow(
      'Das Feld „summary“ nimmt keine Dateien an.',
    );
    expect(() => sentFiles({ documents: file('a.pdf') }, null)).toThrow('Dieses Formular nimmt keine Dateien an.');
    expect(temporaryFiles({ documents: [file('a.pdf'), file('b.pdf')], other: file('c.pdf') })).toEqual([
      '/tmp/a.pdf',
      '/tmp/b.pdf',
      '/tmp/c.pdf',
    ]);
  });
});
