/**
 * The admin for editors: the "Redaktion" role and what an editor with it may and may not do, the hidden
 * user collection, and GET /ikz/status with a stand-in publisher.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { CMS_DIR } from '@ikz/scripts/lib/strapi-process';
import { inviteEditor } from '../support/editor.ts';
import { adminJwt, api } from './helpers.ts';

const DRAFT_TYPES = [
  'api::document.document',
  'api::event.event',
  'api::newsletter.newsletter',
  'api::partner-search.partner-search',
  'api::project.project',
  'api::topic.topic',
];
const explorer = (action: string) => `plugin::content-manager.explorer.${action}`;
/** Records of sending newsletter issues: editors see them, the code writes them. */
const SENDING_TYPES = ['api::newsletter-dispatch.newsletter-dispatch', 'api::newsletter-delivery.newsletter-delivery'];
const EXPECTED_PERMISSIONS = [
  ...DRAFT_TYPES.flatMap((uid) =>
    ['create', 'read', 'update', 'delete', 'publish'].map((a) => `${explorer(a)} ${uid}`),
  ),
  `${explorer('read')} api::municipality.municipality`,
  `${explorer('update')} api::municipality.municipality`,
  `${explorer('read')} api::newsletter-subscriber.newsletter-subscriber`,
  `${explorer('delete')} api::newsletter-subscriber.newsletter-subscriber`,
  ...SENDING_TYPES.map((uid) => `${explorer('read')} ${uid}`),
  ...['read', 'update', 'delete'].map((a) => `${explorer(a)} api::advice-request.advice-request`),
  ...['read', 'update', 'delete'].map((a) => `${explorer(a)} api::project-submission.project-submission`),
  ...['read', 'update', 'delete'].map((a) => `${explorer(a)} api::partner-search-submission.partner-search-submission`),
  'plugin::upload.read null',
  'plugin::upload.assets.create null',
  'plugin::upload.assets.update null',
  'plugin::upload.assets.download null',
  'plugin::upload.assets.copy-link null',
].sort();

interface Permission {
  action: string;
  subject: string | null;
  properties: { fields?: string[] };
  conditions: string[];
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const cm = (uid: string, rest = '') => `/content-manager/collection-types/${uid}${rest}`;

function schemaAttributes(uid: string): string[] {
  const name = uid.replace(/^api::([a-z-]+)\..*$/, '$1');
  const schema = JSON.parse(
    fs.readFileSync(path.join(CMS_DIR, 'src', 'api', name, 'content-types', name, 'schema.json'), 'utf8'),
  );
  return Object.keys(schema.attributes);
}

async function editorRole(jwt: string): Promise<{ id: number; name: string; description: string; code: string }> {
  const roles = await api('/admin/roles', { headers: auth(jwt) });
  expect(roles.status).toBe(200);
  const role = roles.body.data.find((r: { code: string }) => r.code === 'ikz-redaktion');
  expect(role, 'role ikz-redaktion').toBeDefined();
  return role;
}

describe('the role "Redaktion"', () => {
  it('exists with a German name and description and exactly the intended permissions, on every field', async () => {
    const jwt = await adminJwt();
    const role = await editorRole(jwt);
    expect(role.name).toBe('Redaktion');
    expect(role.description).toMatch(/veröffentlicht .*Keine Einstellungen, Benutzer oder Rollen/);
    const response = await api<{ data: Permission[] }>(`/admin/roles/${role.id}/permissions`, { headers: auth(jwt) });
    expect(response.status).toBe(200);
    const permissions = response.body.data;
    expect(permissions.map((p) => `${p.action} ${p.subject}`).sort()).toEqual(EXPECTED_PERMISSIONS);
    for (const p of permissions) {
      expect(p.conditions, `${p.action} ${p.subject}`).toEqual([]);
      if (!p.subject || !['create', 'read', 'update'].some((a) => p.action === explorer(a))) continue;
      const fields = p.properties.fields ?? [];
      // Editors work through advisory requests and project reports: of them they change the state only.
      if (
        [
          'api::advice-request.advice-request',
          'api::project-submission.project-submission',
          'api::partner-search-submission.partner-search-submission',
        ].includes(p.subject) &&
        p.action === explorer('update')
      ) {
        expect(fields).toEqual(['state']);
        continue;
      }
      for (const attribute of schemaAttributes(p.subject)) {
        expect(
          fields.some((f) => f === attribute || f.startsWith(`${attribute}.`)),
          `${p.action} ${p.subject}: ${attribute}`,
        ).toBe(true);
      }
    }
  });
});

describe('an editor with the role "Redaktion"', () => {
  let editor = '';
  let superAdmin = '';

  beforeAll(async () => {
    superAdmin = await adminJwt();
    editor = (await inviteEditor(inject('strapiUrl'), superAdmin)).token;
  });

  it('has that role only', async () => {
    const me = await api('/admin/users/me', { headers: auth(editor) });
    expect(me.status).toBe(200);
    expect(me.body.data.roles.map((r: { code: string }) => r.code)).toEqual(['ikz-redaktion']);
  });

  it('creates, updates and publishes a project, and deletes it again', async () => {
    const headers = auth(editor);
    const [topic] = (await api(cm('api::topic.topic', '?page=1&pageSize=1'), { headers })).body.results;
    const [municipality] = (await api(cm('api::municipality.municipality', '?page=1&pageSize=1'), { headers })).body
      .results;
    expect(topic?.documentId).toBeTruthy();
    expect(municipality?.documentId).toBeTruthy();
    const created = await api(cm('api::project.project'), {
      method: 'POST',
      headers,
      body: {
        title: 'Redaktionstest Gemeinsamer Bauhof',
        summary: 'Zwei Nachbarkommunen betreiben ihren Bauhof gemeinsam und teilen Fahrzeuge.',
        cooperationForm: 'öffentlich-rechtliche Vereinbarung',
        projectStatus: 'in Betrieb',
        bestPractice: false,
        topics: { connect: [{ documentId: topic.documentId }] },
        leadMunicipality: { connect: [{ documentId: municipality.documentId }] },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.documentId;
    try {
      const updated = await api(cm('api::project.project', `/${id}`), {
        method: 'PUT',
        headers,
        body: { title: 'Redaktionstest Gemeinsamer Bauhof (geändert)' },
      });
      expect(updated.status, JSON.stringify(updated.body)).toBe(200);
      const published = await api(cm('api::project.project', `/${id}/actions/publish`), {
        method: 'POST',
        headers,
        body: {},
      });
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      const live = await api(`/api/projects/${id}`);
      expect(live.status).toBe(200);
      expect(live.body.data.title).toBe('Redaktionstest Gemeinsamer Bauhof (geändert)');
    } finally {
      expect((await api(cm('api::project.project', `/${id}`), { method: 'DELETE', headers })).status).toBe(200);
    }
  });

  it('edits municipalities but neither creates nor deletes them', async () => {
    const headers = auth(editor);
    const [municipality] = (await api(cm('api::municipality.municipality', '?page=1&pageSize=1'), { headers })).body
      .results;
    expect((await api(cm('api::municipality.municipality', `/${municipality.documentId}`), { headers })).status).toBe(
      200,
    );
    expect(
      (await api(cm('api::municipality.municipality'), { method: 'POST', headers, body: { name: 'Neustadt' } })).status,
    ).toBe(403);
    expect(
      (await api(cm('api::municipality.municipality', `/${municipality.documentId}`), { method: 'DELETE', headers }))
        .status,
    ).toBe(403);
  });

  it('uploads a file to the media library and deletes it', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const form = new FormData();
    form.append('files', new Blob([png], { type: 'image/png' }), 'redaktionstest.png');
    const response = await fetch(`${inject('strapiUrl')}/upload`, {
      method: 'POST',
      headers: auth(editor),
      body: form,
    });
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(201);
    const file = Array.isArray(body) ? body[0] : body.data?.[0];
    expect(file?.id).toBeTruthy();
    expect((await api(`/upload/files/${file.id}`, { method: 'DELETE', headers: auth(editor) })).status).toBe(200);
  });

  it('reaches no settings, users, roles, API tokens or webhooks', async () => {
    const headers = auth(editor);
    const role = await editorRole(superAdmin);
    const refused: [string, string, unknown?][] = [
      ['GET', '/admin/roles'],
      ['PUT', `/admin/roles/${role.id}/permissions`, { permissions: [] }],
      ['GET', '/admin/users'],
      ['POST', '/admin/users', { firstname: 'X', lastname: 'Y', email: 'x@test.example.org', roles: [role.id] }],
      ['GET', '/admin/webhooks'],
      ['POST', '/admin/webhooks', { name: 'x', url: 'https://example.org', events: [] }],
      ['GET', '/admin/api-tokens'],
      ['POST', '/admin/api-tokens', { name: 'x', type: 'full-access', lifespan: null }],
      ['GET', '/admin/transfer/tokens'],
      ['GET', '/upload/settings'],
      ['PUT', '/content-manager/content-types/api::project.project/configuration', { layouts: {} }],
      ['GET', '/users-permissions/roles'],
      ['GET', cm('plugin::users-permissions.user')],
    ];
    for (const [method, url, body] of refused) {
      const response = await api(url, { method, headers, ...(body === undefined ? {} : { body }) });
      expect(response.status, `${method} ${url}`).toBe(403);
    }
  });

  it('leaves the first administrator a super admin', async () => {
    const me = await api('/admin/users/me', { headers: auth(superAdmin) });
    expect(me.body.data.email).toBe(inject('adminEmail'));
    expect(me.body.data.roles.map((r: { code: string }) => r.code)).toEqual(['strapi-super-admin']);
  });
});

describe('the users-permissions user collection', () => {
  it('is not shown in the content manager', async () => {
    const types = await api('/content-manager/content-types', { headers: auth(await adminJwt()) });
    expect(types.status).toBe(200);
    const user = types.body.data.find((t: { uid: string }) => t.uid === 'plugin::users-permissions.user');
    expect(user?.isDisplayed).toBe(false);
    const shown = types.body.data
      .filter((t: { isDisplayed: boolean }) => t.isDisplayed)
      .map((t: { uid: string }) => t.uid);
    expect(shown.sort()).toEqual(
      [
        ...DRAFT_TYPES,
        'api::municipality.municipality',
        'api::newsletter-subscriber.newsletter-subscriber',
        ...SENDING_TYPES,
        'api::advice-request.advice-request',
        'api::project-submission.project-submission',
        'api::partner-search-submission.partner-search-submission',
      ].sort(),
    );
  });
});

describe('GET /ikz/status', () => {
  let server: http.Server | null = null;

  /** A stand-in for the publisher on the port Strapi was told (PUBLISHER_STATUS_URL). */
  async function publisher(handler: http.RequestListener): Promise<void> {
    server = http.createServer(handler);
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(inject('publisherStatusPort'), '127.0.0.1', () => resolve());
    });
  }

  afterEach(async () => {
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
    server = null;
  });

  const status = async () => api('/ikz/status', { headers: auth(await adminJwt()) });

  const publisherStatus = {
    state: 'idle',
    pending: 0,
    building: false,
    builds: 7,
    live: '20261122T021800123Z-ab12',
    releases: ['20261121T090000000Z-0001', '20261122T021800123Z-ab12'],
    lastBuild: {
      id: '20261122T031500000Z-cd34',
      startedAt: '2026-11-22T03:15:00.000Z',
      seconds: 4.2,
      result: 'failed',
      kind: 'incremental',
      reason: null,
      error: 'Die Website konnte nicht gebaut werden: Strapi antwortet nicht.',
      pages: null,
      searchChanged: null,
      differences: null,
      changes: 2,
      skipped: [{ type: 'projects', documentId: 'abc', title: 'Geheimer Entwurf', fields: ['topics'], message: 'x' }],
    },
    history: [{ id: 'x', error: 'ECONNREFUSED http://10.0.0.5:1337 at /srv/ikz/scripts/build.ts:12' }],
  };

  it('needs an admin login', async () => {
    expect((await api('/ikz/status')).status).toBe(401);
    expect((await api('/ikz/status', { headers: { authorization: 'Bearer nicht-gueltig' } })).status).toBe(401);
  });

  it('tells the admin the site address, the status page and a summary of the publisher, nothing more', async () => {
    let asked = '';
    await publisher((req, res) => {
      asked = req.url ?? '';
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(publisherStatus));
    });
    const response = await status();
    expect(response.status).toBe(200);
    expect(asked).toBe('/status');
    expect(response.body).toEqual({
      siteUrl: inject('siteUrl'),
      statusPageUrl: inject('statusPageUrl'),
      publisher: {
        state: 'idle',
        live: '2026-11-22T02:18:00.123Z',
        lastBuild: {
          startedAt: '2026-11-22T03:15:00.000Z',
          seconds: 4.2,
          result: 'failed',
          kind: 'incremental',
          error: 'Die Website konnte nicht gebaut werden: Strapi antwortet nicht.',
        },
      },
      publisherUnavailable: null,
    });
    const text = JSON.stringify(response.body);
    for (const internal of [
      '127.0.0.1',
      String(inject('publisherStatusPort')),
      '10.0.0.5',
      '/srv/',
      'Geheimer Entwurf',
      'releases',
      'history',
    ])
      expect(text).not.toContain(internal);
  });

  it('says in German when the publisher is unreachable, answers with an error or does not answer in time', async () => {
    const unreachable = await status();
    expect(unreachable.status).toBe(200);
    expect(unreachable.body).toEqual({
      siteUrl: inject('siteUrl'),
      statusPageUrl: inject('statusPageUrl'),
      publisher: null,
      publisherUnavailable: 'Der Veröffentlichungsdienst ist nicht erreichbar.',
    });

    await publisher((_req, res) => res.writeHead(500).end('Internal error at /srv/ikz'));
    expect((await status()).body).toMatchObject({
      publisher: null,
      publisherUnavailable: 'Der Veröffentlichungsdienst meldet einen Fehler (HTTP 500).',
    });
    server!.removeAllListeners('request');

    server!.on('request', () => {});
    const started = Date.now();
    const silent = await status();
    expect(silent.body).toMatchObject({
      publisher: null,
      publisherUnavailable: 'Der Veröffentlichungsdienst antwortet nicht.',
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
