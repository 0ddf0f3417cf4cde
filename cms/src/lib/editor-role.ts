/**
 * The admin role "Redaktion": editors create, edit and publish the content types with drafts, keep the
 * municipalities (reference data: read and update only) and the media library, and reach no settings,
 * users, roles, API tokens or webhooks. Pure: the permission plan, which the bootstrap turns into Strapi
 * permissions with every field of each content type.
 */
import { CONTENT_TYPES } from '@ikz/shared-types';

export const EDITOR_ROLE = {
  code: 'ikz-redaktion',
  name: 'Redaktion',
  description:
    'Pflegt und veröffentlicht alle Inhalte und Medien, versendet den Newsletter, sieht und löscht Abonnements, bearbeitet Beratungsanfragen, Projektmeldungen und Partnersuchen. Keine Einstellungen, Benutzer oder Rollen.',
} as const;

const explorer = (action: string) => `plugin::content-manager.explorer.${action}`;

/** Content-manager actions on a content type with drafts, and on reference data without drafts. */
export const CONTENT_ACTIONS = {
  withDrafts: ['create', 'read', 'update', 'delete', 'publish'].map(explorer),
  referenceData: ['read', 'update'].map(explorer),
  /** Records the forms write (newsletter subscribers): look one up to answer a request, delete it; never create or edit. */
  formRecords: ['read', 'delete'].map(explorer),
  /** Records of sending newsletter issues (dispatches, deliveries): shown, written only by the code. */
  sendingRecords: ['read'].map(explorer),
  /** Requests the forms write (advisory requests): read, delete, and change the state as they are worked through. */
  formRequests: ['read', 'update', 'delete'].map(explorer),
} as const;

/** Media library: browse, upload, edit/replace/delete, download and copy links; not its settings or view configuration. */
export const MEDIA_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
] as const;

/** Content types the public forms write (no content-API routes, so not in CONTENT_TYPES). */
export const FORM_RECORD_TYPES = ['api::newsletter-subscriber.newsletter-subscriber'] as const;
/** Requests from the public forms that editors work through: only these fields can be changed. */
export const FORM_REQUEST_TYPES = {
  'api::advice-request.advice-request': ['state'],
  'api::project-submission.project-submission': ['state'],
  'api::partner-search-submission.partner-search-submission': ['state'],
} as const;

/** Content types the newsletter sending writes (no content-API routes either). */
export const SENDING_RECORD_TYPES = [
  'api::newsletter-dispatch.newsletter-dispatch',
  'api::newsletter-delivery.newsletter-delivery',
] as const;

export interface PlannedPermission {
  action: string;
  /** Content-type uid, or null for plugin actions. */
  subject: string | null;
  /** The only fields the action may touch (default: every field). */
  fields?: readonly string[];
}

/** Every permission of the role, sorted by action and subject. */
export function editorPermissionPlan(): PlannedPermission[] {
  const content = Object.values(CONTENT_TYPES).flatMap((type) =>
    (type.draftAndPublish ? CONTENT_ACTIONS.withDrafts : CONTENT_ACTIONS.referenceData).map((action) => ({
      action,
      subject: type.uid as string,
    })),
  );
  const records = FORM_RECORD_TYPES.flatMap((uid) =>
    CONTENT_ACTIONS.formRecords.map((action) => ({ action, subject: uid as string })),
  );
  const sending = SENDING_RECORD_TYPES.flatMap((uid) =>
    CONTENT_ACTIONS.sendingRecords.map((action) => ({ action, subject: uid as string })),
  );
  const requests = Object.entries(FORM_REQUEST_TYPES).flatMap(([uid, fields]) =>
    CONTENT_ACTIONS.formRequests.map((action) => ({
      action,
      subject: uid,
      ...(action.endsWith('.update') ? { fields } : {}),
    })),
  );
  const media = MEDIA_ACTIONS.map((action) => ({ action, subject: null }));
  return [...content, ...records, ...sending, ...requests, ...media].sort(
    (a, b) => a.action.localeCompare(b.action) || (a.subject ?? '').localeCompare(b.subject ?? ''),
  );
}
