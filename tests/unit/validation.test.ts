import { describe, expect, it } from 'vitest';
import {
  controlCharacterProblems,
  isHttpUrl,
  SINGLE_LINE_TEXT_REGEX,
  summarize,
  validateEntry,
} from '@ikz/cms/lib/validation';

const now = new Date('2026-06-01T12:00:00Z');
const draft = { publishing: false, now };
const publish = { publishing: true, now };
const paths = (problems: { path: string[] }[]) => problems.map((p) => p.path.join('.'));

const validProject = {
  title: 'Gemeinsamer Bauhof',
  topics: [{ id: 1 }],
  leadMunicipality: { id: 2 },
  startYear: 2019,
  endYear: null,
  projectStatus: 'in Betrieb',
  contacts: [],
};

describe('project rules', () => {
  it('accepts a complete project', () => {
    expect(validateEntry('api::project.project', validProject, publish)).toEqual([]);
  });

  it('needs a topic and a lead municipality to be published, not to be saved as draft', () => {
    const incomplete = { ...validProject, topics: [], leadMunicipality: null };
    expect(validateEntry('api::project.project', incomplete, draft)).toEqual([]);
    const problems = validateEntry('api::project.project', incomplete, publish);
    expect(paths(problems)).toEqual(['topics', 'leadMunicipality']);
    expect(problems[0]!.message).toBe('Ein Projekt braucht mindestens ein Handlungsfeld.');
  });

  it('rejects implausible years on every save', () => {
    expect(paths(validateEntry('api::project.project', { ...validProject, startYear: 2040 }, draft))).toEqual([
      'startYear',
    ]);
    const reversed = validateEntry('api::project.project', { ...validProject, startYear: 2020, endYear: 2018 }, draft);
    expect(reversed[0]!.message).toContain('liegt vor dem Startjahr');
  });

  it('requires an end year for finished projects and alt text for images', () => {
    expect(
      paths(validateEntry('api::project.project', { ...validProject, projectStatus: 'beendet' }, publish)),
    ).toEqual(['endYear']);
    expect(
      paths(validateEntry('api::project.project', { ...validProject, image: { id: 3 }, imageAlt: ' ' }, draft)),
    ).toEqual(['imageAlt']);
  });

  it('requires a way to reach a consenting contact', () => {
    const contacts = [
      { name: 'A', consent: true, email: null, phone: '' },
      { name: 'B', consent: false },
    ];
    expect(paths(validateEntry('api::project.project', { ...validProject, contacts }, draft))).toEqual([
      'contacts.0.email',
    ]);
  });
});

describe('document rules', () => {
  const doc = { title: 'Satzung', type: 'Satzung', date: '2020-01-01', file: { id: 1 }, externalUrl: null };

  it('needs a file or an external link to be published', () => {
    expect(validateEntry('api::document.document', doc, publish)).toEqual([]);
    expect(paths(validateEntry('api::document.document', { ...doc, file: null }, publish))).toEqual(['file']);
    expect(
      validateEntry(
        'api::document.document',
        { ...doc, file: null, externalUrl: 'https://www.example.org/a.pdf' },
        publish,
      ),
    ).toEqual([]);
  });

  it('checks URLs and court decisions', () => {
    expect(
      paths(validateEntry('api::document.document', { ...doc, externalUrl: 'javascript:alert(1)' }, draft)),
    ).toEqual(['externalUrl']);
    expect(paths(validateEntry('api::document.document', { ...doc, type: 'Gerichtsentscheidung' }, publish))).toEqual([
      'courtDecision',
    ]);
    const court = { court: 'OVG NRW', docketNumber: '15 A 1/20', kind: 'Urteil', sourceUrl: 'ftp://x.de' };
    expect(
      paths(
        validateEntry(
          'api::document.document',
          { ...doc, type: 'Gerichtsentscheidung', courtDecision: court },
          publish,
        ),
      ),
    ).toEqual(['courtDecision.sourceUrl']);
  });
});

describe('event rules', () => {
  const event = {
    format: 'Seminar',
    startsAt: '2026-09-10T08:00:00.000Z',
    endsAt: '2026-09-10T14:00:00.000Z',
    place: { venue: 'Rathaus', city: 'Detmold' },
    online: null,
    registration: { mode: 'per E-Mail', email: 'a@b.de', deadline: '2026-09-01T00:00:00.000Z' },
  };

  it('accepts a valid event', () => {
    expect(validateEntry('api::event.event', event, publish)).toEqual([]);
  });

  it('rejects an event that ends before it starts', () => {
    const problems = validateEntry('api::event.event', { ...event, endsAt: '2026-09-10T07:00:00.000Z' }, draft);
    expect(problems).toEqual([
      { path: ['endsAt'], message: 'Das Ende der Veranstaltung muss nach ihrem Beginn liegen.' },
    ]);
  });

  it('needs place or online access, and the data the registration mode needs', () => {
    expect(paths(validateEntry('api::event.event', { ...event, place: null }, publish))).toEqual(['place']);
    expect(paths(validateEntry('api::event.event', { ...event, format: 'Online-Veranstaltung' }, publish))).toEqual([
      'online',
    ]);
    expect(
      paths(validateEntry('api::event.event', { ...event, registration: { mode: 'per E-Mail', email: '' } }, draft)),
    ).toEqual(['registration.email']);
    expect(
      paths(
        validateEntry('api::event.event', { ...event, registration: { mode: 'Online-Formular', url: null } }, draft),
      ),
    ).toEqual(['registration.url']);
    expect(
      paths(
        validateEntry(
          'api::event.event',
          { ...event, registration: { ...event.registration, deadline: '2026-10-01T00:00:00Z' } },
          draft,
        ),
      ),
    ).toEqual(['registration.deadline']);
  });
});

describe('newsletter rules', () => {
  it('checks the sent date against the year and the section links', () => {
    const issue = {
      year: 2020,
      sentAt: '2020-03-02',
      sections: [{ heading: 'A', links: [{ label: 'x', url: 'https://www.example.org' }] }],
    };
    expect(validateEntry('api::newsletter.newsletter', issue, publish)).toEqual([]);
    expect(paths(validateEntry('api::newsletter.newsletter', { ...issue, sentAt: '2024-03-02' }, draft))).toEqual([
      'sentAt',
    ]);
    const badLink = { ...issue, sections: [{ heading: 'A', links: [{ label: 'x', url: 'www.example' }] }] };
    expect(paths(validateEntry('api::newsletter.newsletter', badLink, draft))).toEqual(['sections.0.links.0.url']);
  });
});

describe('helpers', () => {
  it('isHttpUrl accepts only http(s) URLs with a host', () => {
    expect(isHttpUrl('https://www.land.nrw/')).toBe(true);
    expect(isHttpUrl('http://example.org/a?b=c')).toBe(true);
    for (const bad of ['', 'example.org', 'javascript:alert(1)', 'mailto:a@b.de', 'https://localhost', 42])
      expect(isHttpUrl(bad)).toBe(false);
  });

  it('summarize joins several messages', () => {
    expect(summarize([{ path: ['a'], message: 'Eins.' }])).toBe('Eins.');
    expect(
      summarize([
        { path: ['a'], message: 'Eins.' },
        { path: ['b'], message: 'Zwei.' },
      ]),
    ).toBe('Bitte korrigieren Sie 2 Angaben: Eins. Zwei.');
  });
});

describe('control characters in text fields', () => {
  const attributes = {
    title: { type: 'string' },
    slug: { type: 'uid' },
    summary: { type: 'text' },
    url: { type: 'text', regex: SINGLE_LINE_TEXT_REGEX },
    count: { type: 'integer' },
    contacts: { type: 'component', component: 'shared.contact', repeatable: true },
    place: { type: 'component', component: 'event.place' },
    zone: { type: 'dynamiczone' },
  };
  const components: Record<string, Record<string, { type: string }>> = {
    'shared.contact': { name: { type: 'string' }, email: { type: 'email' } },
    'event.place': { venue: { type: 'string' }, note: { type: 'text' } },
  };
  const check = (data: unknown) =>
    controlCharacterProblems(
      attributes,
      data,
      (uid) => components[uid],
      (path) => path.filter((s) => !/^\d+$/.test(s)).join(' › '),
    );

  it('accepts ordinary text, umlauts and line feeds in multi-line text', () => {
    expect(
      check({
        title: 'Gemeinsamer Bauhof Münster – „Straßen“ 😀',
        slug: 'bauhof',
        summary: 'Zeile 1\nZeile 2',
        count: 3,
      }),
    ).toEqual([]);
  });

  it('refuses CR, LF, tab, NUL, ESC, DEL, C1, line separators and lone surrogates in single-line fields', () => {
    for (const bad of [
      '\r\n',
      '\n',
      '\r',
      '\t',
      '\u0000',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u009b',
      '\u2028',
      '\u2029',
      '\ud800',
      '\udc00x',
      '\uffff',
    ]) {
      const problems = check({ title: `Titel${bad}END:VEVENT` });
      expect(problems, JSON.stringify(bad)).toEqual([
        {
          path: ['title'],
          message: '„title“ darf keine Zeilenumbrüche, Tabulatoren oder anderen Steuerzeichen enthalten.',
        },
      ]);
    }
  });

  it('treats text with the single-line pattern (longer than varchar(255)) as single-line', () => {
    expect(check({ url: `https://example.org/${'a'.repeat(600)}` })).toEqual([]);
    for (const bad of ['\n', '\r', '\t', '\u2028'])
      expect(paths(check({ url: `https://example.org/${bad}x` })), JSON.stringify(bad)).toEqual(['url']);
    // The pattern is the one Strapi applies too: it refuses a line break on its own.
    expect(new RegExp(SINGLE_LINE_TEXT_REGEX).test('a\nb')).toBe(false);
    expect(new RegExp(SINGLE_LINE_TEXT_REGEX).test('a b')).toBe(true);
  });

  it('lets multi-line text keep line feeds only', () => {
    expect(paths(check({ summary: 'a\r\nb' }))).toEqual(['summary']);
    expect(paths(check({ summary: 'a\tb' }))).toEqual(['summary']);
    expect(check({ summary: 'a\u0000b' })[0]!.message).toBe(
      '„summary“ darf außer Zeilenumbrüchen keine Steuerzeichen (etwa Tabulatoren) enthalten.',
    );
  });

  it('looks into components, repeatable ones and dynamic zones', () => {
    const problems = check({
      contacts: [{ name: 'Erika' }, { name: 'Max', email: 'max@example.org\r\nBcc: x@example.org' }],
      place: { venue: 'Rathaus\nSaal', note: 'ok\nok' },
      zone: [
        { __component: 'event.place', venue: 'A\u0085' },
        { __component: 'unbekannt', venue: '\n' },
      ],
    });
    expect(paths(problems)).toEqual(['contacts.1.email', 'place.venue', 'zone.0.venue']);
    expect(problems[0]!.message).toBe(
      '„contacts › email“ darf keine Zeilenumbrüche, Tabulatoren oder anderen Steuerzeichen enthalten.',
    );
  });
});
