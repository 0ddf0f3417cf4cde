import { describe, expect, it } from 'vitest';
import { EDITOR_ROLE, editorPermissionPlan } from '@ikz/cms/lib/editor-role';

describe("the editors' role plan", () => {
  const plan = editorPermissionPlan();
  const actionsOn = (subject: string | null) =>
    plan
      .filter((p) => p.subject === subject)
      .map((p) => p.action.split('.').pop())
      .sort();

  it('lets editors create, edit, delete and publish the content types with drafts', () => {
    for (const type of ['project', 'document', 'newsletter', 'event', 'topic'])
      expect(actionsOn(`api::${type}.${type}`)).toEqual(['create', 'delete', 'publish', 'read', 'update']);
  });

  it('lets them read and update municipalities, the reference data, but not create or delete them', () => {
    expect(actionsOn('api::municipality.municipality')).toEqual(['read', 'update']);
  });

  it('lets them find and delete newsletter subscribers, but not create or change them (the record is the proof of consent)', () => {
    expect(actionsOn('api::newsletter-subscriber.newsletter-subscriber')).toEqual(['delete', 'read']);
  });

  it('lets them read, but not change, the records of sending newsletter issues', () => {
    for (const type of ['newsletter-dispatch', 'newsletter-delivery'])
      expect(actionsOn(`api::${type}.${type}`)).toEqual(['read']);
  });

  it('lets them read, delete and set the state of advisory requests, and change nothing else of them', () => {
    expect(actionsOn('api::advice-request.advice-request')).toEqual(['delete', 'read', 'update']);
    const update = plan.find((p) => p.subject === 'api::advice-request.advice-request' && p.action.endsWith('.update'));
    expect(update?.fields).toEqual(['state']);
    expect(plan.filter((p) => p.fields).length).toBe(3);
  });

  it('lets them read, delete and set the state of incoming project reports, and change nothing else of them', () => {
    expect(actionsOn('api::project-submission.project-submission')).toEqual(['delete', 'read', 'update']);
    const update = plan.find(
      (p) => p.subject === 'api::project-submission.project-submission' && p.action.endsWith('.update'),
    );
    expect(update?.fields).toEqual(['state']);
  });

  it('lets them read, delete and set the state of incoming Partnersuchen, and change nothing else of them', () => {
    expect(actionsOn('api::partner-search-submission.partner-search-submission')).toEqual(['delete', 'read', 'update']);
    expect(
      plan.find(
        (p) => p.subject === 'api::partner-search-submission.partner-search-submission' && p.action.endsWith('.update'),
      )?.fields,
    ).toEqual(['state']);
    expect(actionsOn('api::partner-search-reply.partner-search-reply')).toEqual([]);
  });

  it('gives the media library without its settings and nothing else', () => {
    expect(plan.filter((p) => p.subject === null).map((p) => p.action)).toEqual([
      'plugin::upload.assets.copy-link',
      'plugin::upload.assets.create',
      'plugin::upload.assets.download',
      'plugin::upload.assets.update',
      'plugin::upload.read',
    ]);
    expect(
      plan.every(
        (p) => p.action.startsWith('plugin::content-manager.explorer.') || p.action.startsWith('plugin::upload.'),
      ),
    ).toBe(true);
    expect(plan).toHaveLength(6 * 5 + 2 + 2 + 2 + 3 + 3 + 3 + 5);
  });

  it('is named and described in German', () => {
    expect(EDITOR_ROLE).toMatchObject({ code: 'ikz-redaktion', name: 'Redaktion' });
    expect(EDITOR_ROLE.description).toMatch(/Keine Einstellungen, Benutzer oder Rollen/);
    // Strapi stores it in a varchar(255) on PostgreSQL.
    expect(EDITOR_ROLE.description.length).toBeLessThanOrEqual(255);
    expect(EDITOR_ROLE.name.length).toBeLessThanOrEqual(255);
  });
});
