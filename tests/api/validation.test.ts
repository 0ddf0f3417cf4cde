import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminJwt, api, client, tokens } from './helpers.ts';

/** The display names of the content types in cms/src/api, as their schema files give them. */
function schemaDisplayNames(): string[] {
  const apiDir = path.resolve(import.meta.dirname, '..', '..', 'cms', 'src', 'api');
  return fs
    .readdirSync(apiDir)
    .flatMap((name) =>
      fs
        .readdirSync(path.join(apiDir, name, 'content-types'))
        .map((ct) => path.join(apiDir, name, 'content-types', ct, 'schema.json')),
    )
    .map((file) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { info: { displayName: string } }).info.displayName)
    .sort();
}

async function someIds() {
  const [topic] = (await client().findPage<{ documentId: string }>('topics', 1)).data;
  const [municipality] = (await client().findPage<{ documentId: string }>('municipalities', 1)).data;
  return { topic: topic!.documentId, municipality: municipality!.documentId };
}

async function draftsWithTitle(plural: string, title: string) {
  const response = await api(`/api/${plural}`, {
    token: tokens.seed,
    query: { status: 'draft', filters: { title: { $eq: title } } },
  });
  expect(response.status).toBe(200);
  return response.body.data as unknown[];
}

const project = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  summary: 'Zwei Nachbarkommunen betreiben ihren Bauhof gemeinsam und teilen Fahrzeuge.',
  cooperationForm: 'öffentlich-rechtliche Vereinbarung',
  projectStatus: 'in Betrieb',
  bestPractice: false,
  startYear: 2020,
  ...extra,
});

describe('back-end validation through the REST API', () => {
  it('rejects a project without topic and lead municipality, in German, and leaves no row', async () => {
    const title = 'Testprojekt ohne Handlungsfeld';
    const response = await api('/api/projects', { method: 'POST', token: tokens.seed, body: { data: project(title) } });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('Ein Projekt braucht mindestens ein Handlungsfeld.');
    expect(response.body.error.message).toContain('federführende Kommune');
    expect(response.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual([
      'topics',
      'leadMunicipality',
    ]);
    expect(await draftsWithTitle('projects', title)).toEqual([]);
  });

  it('accepts the same project as a draft, and publishes it once it is complete', async () => {
    const { topic, municipality } = await someIds();
    const title = 'Testprojekt Entwurf zuerst';
    const draft = await api('/api/projects', {
      method: 'POST',
      token: tokens.seed,
      query: { status: 'draft' },
      body: { data: project(title) },
    });
    expect(draft.status).toBe(201);
    const id = draft.body.data.documentId;
    const incomplete = await api(`/api/projects/${id}`, {
      method: 'PUT',
      token: tokens.seed,
      body: { data: { startYear: 2021 } },
    });
    expect(incomplete.status).toBe(400);
    expect((await api(`/api/projects/${id}`)).status).toBe(404);
    const complete = await api(`/api/projects/${id}`, {
      method: 'PUT',
      token: tokens.seed,
      body: { data: { topics: [topic], leadMunicipality: municipality } },
    });
    expect(complete.status).toBe(200);
    expect((await api(`/api/projects/${id}`)).body.data.title).toBe(title);
    expect((await api(`/api/projects/${id}`, { method: 'DELETE', token: tokens.seed })).status).toBe(204);
  });

  it('rejects implausible years and reversed year ranges', async () => {
    const { topic, municipality } = await someIds();
    for (const [extra, message] of [
      [{ startYear: 1800 }, /„Startjahr“ muss mindestens 1950 sein\./],
      [{ startYear: 2022, endYear: 2019 }, /Das Endjahr \(2019\) liegt vor dem Startjahr \(2022\)/],
      [{ projectStatus: 'fertig' }, /„Projektstatus“ hat keinen zulässigen Wert\./],
    ] as const) {
      const title = `Testprojekt Jahre ${JSON.stringify(extra)}`;
      const response = await api('/api/projects', {
        method: 'POST',
        token: tokens.seed,
        body: { data: project(title, { ...extra, topics: [topic], leadMunicipality: municipality }) },
      });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.error)).toMatch(message);
      expect(await draftsWithTitle('projects', title)).toEqual([]);
    }
  });

  it('rejects an event that ends before it starts and a contact with a malformed e-mail', async () => {
    const title = 'Testveranstaltung rückwärts';
    const event = await api('/api/events', {
      method: 'POST',
      token: tokens.seed,
      body: {
        data: {
          title,
          format: 'Seminar',
          startsAt: '2027-03-10T10:00:00Z',
          endsAt: '2027-03-10T09:00:00Z',
          summary: 'Kurz.',
          eventStatus: 'angekündigt',
          place: { venue: 'Rathaus', city: 'Detmold' },
        },
      },
    });
    expect(event.status).toBe(400);
    expect(event.body.error.message).toBe('Das Ende der Veranstaltung muss nach ihrem Beginn liegen.');
    expect(await draftsWithTitle('events', title)).toEqual([]);

    const { topic, municipality } = await someIds();
    const badMail = 'Testprojekt mit falscher E-Mail';
    const response = await api('/api/projects', {
      method: 'POST',
      token: tokens.seed,
      body: {
        data: project(badMail, {
          topics: [topic],
          leadMunicipality: municipality,
          contacts: [{ name: 'A. Muster', email: 'keine-mail', consent: true }],
        }),
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('„Ansprechpersonen › E-Mail“ ist keine gültige E-Mail-Adresse.');
    expect(await draftsWithTitle('projects', badMail)).toEqual([]);
  });

  it('rejects a document link that is not a web address', async () => {
    const title = 'Testdokument mit Skript-Link';
    const response = await api('/api/documents', {
      method: 'POST',
      token: tokens.seed,
      body: { data: { title, type: 'Leitfaden', date: '2024-05-01', externalUrl: 'javascript:alert(1)' } },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/keine gültige Internetadresse/);
    expect(await draftsWithTitle('documents', title)).toEqual([]);
  });

  it('derives unique ASCII slugs from German titles', async () => {
    const { topic, municipality } = await someIds();
    const title = 'Grünflächenpflege für Köln & Hürth';
    const ids: string[] = [];
    for (const expected of [
      'gruenflaechenpflege-fuer-koeln-und-huerth',
      'gruenflaechenpflege-fuer-koeln-und-huerth-2',
    ]) {
      const response = await api('/api/projects', {
        method: 'POST',
        token: tokens.seed,
        body: { data: project(title, { topics: [topic], leadMunicipality: municipality }) },
      });
      expect(response.status).toBe(201);
      expect(response.body.data.slug).toBe(expected);
      ids.push(response.body.data.documentId);
    }
    for (const id of ids) await api(`/api/projects/${id}`, { method: 'DELETE', token: tokens.seed });
  });

  it('never gives an entry a slug that is another route of the site (an event "Archiv", a document "Rechtsprechung")', async () => {
    const event = await api('/api/events', {
      method: 'POST',
      token: tokens.seed,
      body: {
        data: {
          title: 'Archiv',
          format: 'Seminar',
          startsAt: '2027-03-01T09:00:00.000Z',
          endsAt: '2027-03-01T12:00:00.000Z',
          summary: 'Ein Seminar, das genauso heißt wie das Veranstaltungsarchiv.',
          place: { venue: 'Rathaus', city: 'Hamm' },
        },
      },
    });
    expect(event.status).toBe(201);
    expect(event.body.data.slug).toBe('archiv-2');
    const document = await api('/api/documents', {
      method: 'POST',
      token: tokens.seed,
      body: {
        data: {
          title: 'Rechtsprechung',
          type: 'Fachbeitrag',
          date: '2024-05-01',
          externalUrl: 'https://www.land.nrw/',
        },
      },
    });
    expect(document.status).toBe(201);
    expect(document.body.data.slug).toBe('rechtsprechung-2');
    await api(`/api/events/${event.body.data.documentId}`, { method: 'DELETE', token: tokens.seed });
    await api(`/api/documents/${document.body.data.documentId}`, { method: 'DELETE', token: tokens.seed });
  });
});

describe('the admin panel (same API the editors use)', () => {
  it('shows German labels, field help and list columns', async () => {
    const jwt = await adminJwt();
    const response = await api('/content-manager/content-types/api::project.project/configuration', {
      headers: { authorization: `Bearer ${jwt}` },
    });
    expect(response.status).toBe(200);
    const { metadatas, layouts, settings } = response.body.data.contentType;
    expect(metadatas.summary.edit.label).toBe('Kurzbeschreibung');
    expect(metadatas.topics.edit.description).toMatch(/mindestens ein Handlungsfeld/);
    expect(layouts.list).toEqual([
      'title',
      'leadMunicipality',
      'topics',
      'projectStatus',
      'cooperationForm',
      'updatedAt',
    ]);
    expect(settings.mainField).toBe('title');
    const types = await api('/content-manager/content-types', { headers: { authorization: `Bearer ${jwt}` } });
    const names = types.body.data
      .filter((t: { uid: string }) => t.uid.startsWith('api::'))
      .map((t: { info: { displayName: string } }) => t.info.displayName);
    // Every content type of cms/src/api, each with its German name (the schemas' list is checked by the unit tests).
    expect(names.sort()).toEqual(schemaDisplayNames());
    expect(names).toEqual(
      expect.arrayContaining([
        'Dokument',
        'Projekt',
        'Newsletter-Abonnement',
        'Beratungsanfrage',
        'Eingegangene Meldung',
      ]),
    );
  });

  it('refuses to publish an incomplete project from the admin, with the German message, and leaves no published row', async () => {
    const jwt = await adminJwt();
    const headers = { authorization: `Bearer ${jwt}` };
    const title = 'Admin-Testprojekt unvollständig';
    const created = await api('/content-manager/collection-types/api::project.project', {
      method: 'POST',
      headers,
      body: project(title),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.documentId;
    const publish = await api(`/content-manager/collection-types/api::project.project/${id}/actions/publish`, {
      method: 'POST',
      headers,
      body: {},
    });
    expect(publish.status).toBe(400);
    expect(publish.body.error.message).toContain('Ein Projekt braucht mindestens ein Handlungsfeld.');
    expect((await api(`/api/projects/${id}`)).status).toBe(404);
    await api(`/content-manager/collection-types/api::project.project/${id}`, { method: 'DELETE', headers });
  });
});
