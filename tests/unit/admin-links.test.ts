import { describe, expect, it } from 'vitest';
import { entryTypeOf, publicEntryUrl } from '@ikz/cms/lib/admin-links';

describe('links from the admin to the site', () => {
  it('knows the six entry types by their content-type uid', () => {
    for (const type of ['project', 'document', 'newsletter', 'event', 'topic', 'municipality'])
      expect(entryTypeOf(`api::${type}.${type}`)).toBe(type);
    for (const uid of [
      'plugin::users-permissions.user',
      'api::project.document',
      'api::constructor.constructor',
      'project',
    ])
      expect(entryTypeOf(uid)).toBeNull();
  });

  it('builds the public page address from the route table', () => {
    expect(publicEntryUrl('https://interkommunales.nrw/', 'api::project.project', 'gemeinsamer-bauhof')).toBe(
      'https://interkommunales.nrw/projekte/gemeinsamer-bauhof/',
    );
    expect(publicEntryUrl('http://localhost:4321', 'api::municipality.municipality', 'duesseldorf')).toBe(
      'http://localhost:4321/kommunen/duesseldorf/',
    );
    expect(publicEntryUrl('http://localhost:4321', 'api::event.event', 'jahrestagung-2026')).toBe(
      'http://localhost:4321/veranstaltungen/jahrestagung-2026/',
    );
  });

  it('gives no address for other types, a missing slug or one the route table refuses', () => {
    expect(publicEntryUrl('http://localhost:4321', 'plugin::upload.file', 'x')).toBeNull();
    expect(publicEntryUrl('http://localhost:4321', 'api::project.project', null)).toBeNull();
    expect(publicEntryUrl('http://localhost:4321', 'api::project.project', '../admin')).toBeNull();
  });
});
