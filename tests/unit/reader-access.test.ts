import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  privateFieldInQuery,
  privateFields,
  redactPrivate,
  requestsUnpublished,
  type Model,
} from '@ikz/cms/lib/reader-access';

/** The real schema files of cms/, as Strapi's getModel would return them. */
function loadModels(): Map<string, Model> {
  const root = path.resolve(import.meta.dirname, '..', '..', 'cms', 'src');
  const models = new Map<string, Model>();
  for (const api of fs.readdirSync(path.join(root, 'api'))) {
    const schema = JSON.parse(
      fs.readFileSync(path.join(root, 'api', api, 'content-types', api, 'schema.json'), 'utf8'),
    );
    models.set(`api::${api}.${api}`, { uid: `api::${api}.${api}`, attributes: schema.attributes });
  }
  for (const category of fs.readdirSync(path.join(root, 'components'))) {
    for (const file of fs.readdirSync(path.join(root, 'components', category))) {
      const uid = `${category}.${file.replace(/\.json$/, '')}`;
      models.set(uid, {
        uid,
        attributes: JSON.parse(fs.readFileSync(path.join(root, 'components', category, file), 'utf8')).attributes,
      });
    }
  }
  models.set('plugin::upload.file', {
    uid: 'plugin::upload.file',
    attributes: { name: { type: 'string' }, url: { type: 'string' } },
  });
  return models;
}

const models = loadModels();
const getModel = (uid: string) => models.get(uid);
const project = models.get('api::project.project')!;
const document = models.get('api::document.document')!;
const newsletter = models.get('api::newsletter.newsletter')!;

describe('the list of private fields', () => {
  it('is derived from the schema: every field of a contact person is bound to consent', () => {
    const fields = privateFields(models.values());
    expect([...fields.keys()].sort()).toEqual(
      ['consent', 'email', 'name', 'organisation', 'phone', 'role'].map((f) => `shared.contact.${f}`),
    );
    expect(new Set(fields.values())).toEqual(new Set(['consent']));
  });
});

describe('requestsUnpublished', () => {
  it.each([
    [{}, false],
    [{ status: 'published' }, false],
    [{ publicationState: 'live' }, false],
    [{ status: 'draft' }, true],
    [{ status: 'DRAFT' }, true],
    [{ status: ['draft'] }, true],
    [{ status: ['published', 'draft'] }, true],
    [{ status: { 0: 'draft' } }, true],
    [{ status: '' }, true],
    [{ publicationState: 'preview' }, true],
    [{ publicationFilter: 'modified' }, true],
    [{ publicationFilter: 'published' }, true],
    [{ hasPublishedVersion: 'false' }, true],
    [{ hasPublishedVersion: 'true' }, true],
  ])('%j → %s', (query, expected) => {
    expect(requestsUnpublished(query as Record<string, unknown>)).toBe(expected);
  });
});

describe('privateFieldInQuery', () => {
  const refused: [string, Model, Record<string, unknown>, string][] = [
    ['filter on consent', project, { filters: { contacts: { consent: { $eq: false } } } }, 'contacts.consent'],
    [
      'filter on e-mail, another spelling of the attribute',
      project,
      { filters: { Contacts: { EMAIL: { $startsWith: 'a' } } } },
      'contacts.email',
    ],
    [
      'filter inside $or',
      project,
      { filters: { $or: [{ title: { $eq: 'x' } }, { contacts: { phone: { $null: false } } }] } },
      'contacts.phone',
    ],
    [
      'filter inside $or given as an object with numeric keys (long qs arrays)',
      project,
      { filters: { $or: { 25: { contacts: { name: { $eq: 'x' } } } } } },
      'contacts.name',
    ],
    [
      'filter directly inside $not',
      project,
      { filters: { $not: { contacts: { consent: { $eq: true } } } } },
      'contacts.consent',
    ],
    [
      'filter inside $not and $and',
      project,
      { filters: { $not: { $and: [{ contacts: { role: { $eq: 'x' } } }] } } },
      'contacts.role',
    ],
    [
      'filter through a relation',
      document,
      { filters: { projects: { contacts: { email: { $contains: '@' } } } } },
      'projects.contacts.email',
    ],
    [
      'filter through a component relation',
      newsletter,
      { filters: { sections: { projects: { contacts: { consent: true } } } } },
      'sections.projects.contacts.consent',
    ],
    ['sort by a dotted string', project, { sort: 'contacts.email:asc' }, 'contacts.email'],
    ['sort in a comma list', project, { sort: 'title:asc,contacts.name:desc' }, 'contacts.name'],
    ['sort as an array', project, { sort: ['title', 'contacts.consent:desc'] }, 'contacts.consent'],
    ['sort as an object', project, { sort: { contacts: { email: 'asc' } } }, 'contacts.email'],
    [
      'sort as an array of objects',
      project,
      { sort: [{ title: 'asc' }, { contacts: { phone: 'desc' } }] },
      'contacts.phone',
    ],
    [
      'filter inside populate',
      project,
      { populate: { contacts: { filters: { consent: { $eq: false } } } } },
      'contacts.consent',
    ],
    ['sort inside populate', project, { populate: { contacts: { sort: 'email:asc' } } }, 'contacts.email'],
    [
      'filter inside nested populate',
      document,
      { populate: { projects: { populate: { contacts: { filters: { email: { $eq: 'x' } } } } } } },
      'projects.contacts.email',
    ],
    [
      'filter on a related entry inside populate',
      document,
      { populate: { projects: { filters: { contacts: { consent: false } } } } },
      'projects.contacts.consent',
    ],
  ];
  it.each(refused)('refuses %s', (_name, model, query, path) => {
    expect(privateFieldInQuery(query, model, getModel)).toBe(path);
  });

  const allowed: [string, Model, Record<string, unknown>][] = [
    [
      'public filters and sort',
      project,
      { filters: { title: { $contains: 'Bauhof' }, topics: { slug: { $eq: 'x' } } }, sort: ['title:asc'] },
    ],
    ['populating contacts (the response is redacted)', project, { populate: { contacts: true } }],
    ['populate everything', project, { populate: '*' }],
    ['dotted populate strings', document, { populate: ['projects.contacts', 'file'] }],
    ['fields of contacts', project, { populate: { contacts: { fields: ['name', 'email'] } } }],
    ['search on a model without private string fields', project, { _q: 'Bauhof' }],
    ['operators that look like attributes', project, { filters: { title: { $eq: 'contacts' } } }],
  ];
  it.each(allowed)('allows %s', (_name, model, query) => {
    expect(privateFieldInQuery(query, model, getModel)).toBeNull();
  });

  it('refuses search on a model with a private string field', () => {
    const secretive: Model = {
      uid: 'api::x.x',
      attributes: {
        title: { type: 'string' },
        note: { type: 'text', pluginOptions: { ikz: { visibility: 'private' } } },
      },
    };
    expect(privateFieldInQuery({ _q: 'geheim' }, secretive, getModel)).toBe('note');
    expect(privateFieldInQuery({}, secretive, getModel)).toBeNull();
  });
});

describe('redactPrivate', () => {
  it('keeps contact persons with consent only, however deeply populated', () => {
    const data = [
      {
        title: 'Dokument',
        projects: [
          {
            title: 'P1',
            contacts: [{ name: 'Ja', consent: true }, { name: 'Nein', consent: false }, { name: 'Ohne Angabe' }],
          },
          { title: 'P2', contacts: [{ name: 'Auch nein', email: 'x@example.org', consent: false }] },
        ],
      },
    ];
    redactPrivate(data, document, getModel);
    expect(data[0]!.projects.map((p) => p.contacts.map((c) => c.name))).toEqual([['Ja'], []]);
  });

  it('walks newsletter sections into their projects', () => {
    const data = {
      sections: [{ heading: 'A', projects: [{ title: 'P', contacts: [{ name: 'Nein', consent: false }] }] }],
    };
    redactPrivate(data, newsletter, getModel);
    expect(data.sections[0]!.projects[0]!.contacts).toEqual([]);
  });

  it('removes fields marked private, and a single component row without consent', () => {
    const models2 = new Map(models);
    models2.set('api::x.x', {
      uid: 'api::x.x',
      attributes: {
        title: { type: 'string' },
        note: { type: 'text', pluginOptions: { ikz: { visibility: 'private' } } },
        contact: { type: 'component', component: 'shared.contact' },
      },
    });
    const entry = { title: 'T', note: 'intern', contact: { name: 'Nein', consent: false } };
    redactPrivate(entry, models2.get('api::x.x')!, (uid) => models2.get(uid));
    expect(entry).toEqual({ title: 'T', contact: null });
  });
});
