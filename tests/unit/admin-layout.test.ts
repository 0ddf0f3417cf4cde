import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyLayout, COMPONENT_LAYOUTS, CONTENT_TYPE_LAYOUTS } from '@ikz/cms/lib/admin-layout';
import { CMS_DIR } from '@ikz/scripts/lib/strapi-process';

const apiDir = path.join(CMS_DIR, 'src', 'api');
const componentDir = path.join(CMS_DIR, 'src', 'components');
const schemas = fs.readdirSync(apiDir).map((name) => ({
  uid: `api::${name}.${name}`,
  schema: JSON.parse(fs.readFileSync(path.join(apiDir, name, 'content-types', name, 'schema.json'), 'utf8')),
}));
const components = fs.readdirSync(componentDir).flatMap((category) =>
  fs.readdirSync(path.join(componentDir, category)).map((file) => ({
    uid: `${category}.${file.replace(/\.json$/, '')}`,
    schema: JSON.parse(fs.readFileSync(path.join(componentDir, category, file), 'utf8')),
  })),
);

describe('German admin layout', () => {
  it('labels every attribute of every content type and component', () => {
    const missing: string[] = [];
    for (const { uid, schema } of schemas) {
      for (const attr of Object.keys(schema.attributes))
        if (!CONTENT_TYPE_LAYOUTS[uid]?.fields[attr]) missing.push(`${uid}.${attr}`);
    }
    for (const { uid, schema } of components) {
      for (const attr of Object.keys(schema.attributes))
        if (!COMPONENT_LAYOUTS[uid]?.fields[attr]) missing.push(`${uid}.${attr}`);
    }
    expect(missing).toEqual([]);
    expect(schemas).toHaveLength(14);
  });

  it('lists only existing attributes as columns', () => {
    for (const { uid, schema } of schemas) {
      for (const column of CONTENT_TYPE_LAYOUTS[uid]?.list ?? []) {
        expect([...Object.keys(schema.attributes), 'updatedAt', 'createdAt', 'publishedAt']).toContain(column);
      }
    }
  });

  it('has German display names', () => {
    expect(schemas.map((s) => s.schema.info.displayName).sort()).toEqual(
      [
        'Beratungsanfrage',
        'Dokument',
        'Eingegangene Meldung',
        'Handlungsfeld',
        'Kommune',
        'Newsletter-Abonnement',
        'Newsletter-Ausgabe',
        'Newsletter-Versand',
        'Newsletter-Zustellung',
        'Partnersuche',
        'Projekt',
        'Veranstaltung',
        'Antwort auf Partnersuche',
        'Eingegangene Partnersuche',
      ].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });

  it('keeps draft & publish on for all content types but municipality and the records of the forms and of sending', () => {
    const without = [
      'api::municipality.municipality',
      'api::newsletter-subscriber.newsletter-subscriber',
      'api::newsletter-dispatch.newsletter-dispatch',
      'api::newsletter-delivery.newsletter-delivery',
      'api::advice-request.advice-request',
      'api::project-submission.project-submission',
      'api::partner-search-submission.partner-search-submission',
      'api::partner-search-reply.partner-search-reply',
    ];
    for (const { uid, schema } of schemas) expect(schema.options.draftAndPublish).toBe(!without.includes(uid));
  });

  it('shows the records of sending newsletter issues read-only', () => {
    for (const uid of ['api::newsletter-dispatch.newsletter-dispatch', 'api::newsletter-delivery.newsletter-delivery'])
      expect(CONTENT_TYPE_LAYOUTS[uid]?.readOnly).toBe(true);
  });

  it('lets editors change only the state of an advisory request', () => {
    const stored = { metadatas: { state: { edit: {} }, question: { edit: {} } } };
    const applied = applyLayout(stored, CONTENT_TYPE_LAYOUTS['api::advice-request.advice-request']!) as any;
    expect(applied.metadatas.state.edit.editable).toBeUndefined();
    expect(applied.metadatas.question.edit.editable).toBe(false);
  });

  it('merges labels into a stored configuration and is idempotent', () => {
    const stored = {
      settings: { pageSize: 10, mainField: 'id' },
      metadatas: { title: { edit: { label: 'title', visible: true }, list: { label: 'title', sortable: true } } },
      layouts: { list: ['id'], edit: [] },
    };
    const once = applyLayout(stored, CONTENT_TYPE_LAYOUTS['api::project.project']!);
    expect(once.settings).toMatchObject({ pageSize: 10, mainField: 'title', defaultSortBy: 'updatedAt' });
    expect(once.metadatas?.title).toEqual({
      edit: { label: 'Titel', description: expect.any(String), visible: true },
      list: { label: 'Titel', sortable: true },
    });
    expect(once.layouts?.list).toContain('leadMunicipality');
    expect(applyLayout(once, CONTENT_TYPE_LAYOUTS['api::project.project']!)).toEqual(once);
  });

  it('labels the timestamps Strapi adds, where the configuration has them', () => {
    const stored = {
      metadatas: {
        updatedAt: { edit: { label: 'updatedAt', visible: false }, list: { label: 'updatedAt', searchable: true } },
      },
    };
    const config = applyLayout(stored, CONTENT_TYPE_LAYOUTS['api::project.project']!);
    expect(config.metadatas?.updatedAt).toEqual({
      edit: { label: 'Zuletzt geändert', visible: false },
      list: { label: 'Zuletzt geändert', searchable: true },
    });
    expect(config.metadatas?.createdAt).toBeUndefined();
  });

  it('makes reference data read-only', () => {
    const config = applyLayout({}, CONTENT_TYPE_LAYOUTS['api::municipality.municipality']!);
    expect(config.metadatas?.ags?.edit?.editable).toBe(false);
  });
});
