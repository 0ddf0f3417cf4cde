import type { Core } from '@strapi/strapi';
import { EDITOR_ROLE, editorPermissionPlan } from '../lib/editor-role.ts';

interface ActionDefinition {
  actionId: string;
  subjects?: string[];
}

/**
 * Creates the admin role "Redaktion" once and sets its permissions at every start to exactly the plan in
 * lib/editor-role.ts, with every field of each content type – so a field added to a schema is editable
 * at once, and a permission added by hand in the admin is removed again. Name and description are only
 * set on creation. Users and the Super Admin role are not touched.
 */
export async function ensureEditorRole(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role') as any;
  const role = await findOrCreateRole(strapi, roles);
  await roles.assignPermissions(role.id, editorPermissions(strapi));
}

async function findOrCreateRole(strapi: Core.Strapi, roles: any): Promise<{ id: number }> {
  const existing = await roles.findOne({ code: EDITOR_ROLE.code });
  if (existing) return existing;
  // A role of that name made by hand becomes this role instead of blocking the start (names are unique).
  const sameName = await roles.findOne({ name: EDITOR_ROLE.name });
  if (sameName) {
    strapi.log.info(
      `[ikz] existing admin role "${EDITOR_ROLE.name}" is now the editors' role; its permissions are set from the code`,
    );
    return strapi.db.query('admin::role').update({ where: { id: sameName.id }, data: { code: EDITOR_ROLE.code } });
  }
  const created = await roles.create({ ...EDITOR_ROLE });
  strapi.log.info(`[ikz] admin role "${EDITOR_ROLE.name}" created`);
  return created;
}

function editorPermissions(strapi: Core.Strapi): unknown[] {
  const { actionProvider } = strapi.service('admin::permission') as any;
  const contentTypes = strapi.service('admin::content-type') as any;
  const definition = (action: string, subject: string | null): ActionDefinition => {
    const found = actionProvider.get(action) as ActionDefinition | undefined;
    if (!found)
      throw new Error(
        `Cannot set up the role "${EDITOR_ROLE.name}": Strapi has no permission action ${action} (Strapi changed?).`,
      );
    if (subject && !found.subjects?.includes(subject)) {
      throw new Error(
        `Cannot set up the role "${EDITOR_ROLE.name}": ${action} does not apply to ${subject} (is it hidden from the content manager?).`,
      );
    }
    return found;
  };
  const plan = editorPermissionPlan();
  // Strapi's own shape for content permissions: one per action and subject, with properties.fields listing
  // every (nested) field where the action has fields.
  // …except where the plan names the only fields an action may touch (a request's state).
  const restricted = new Map(plan.filter((p) => p.fields).map((p) => [`${p.action} ${p.subject}`, [...p.fields!]]));
  const content = (
    contentTypes.getPermissionsWithNestedFields(
      plan
        .filter((p) => p.subject !== null)
        .map((p) => ({ ...definition(p.action, p.subject), subjects: [p.subject] })),
    ) as { action: string; subject: string; properties?: Record<string, unknown> }[]
  ).map((permission) => {
    const fields = restricted.get(`${permission.action} ${permission.subject}`);
    return fields ? { ...permission, properties: { ...permission.properties, fields } } : permission;
  });
  const plugins = plan
    .filter((p) => p.subject === null)
    .map((p) => ({ action: definition(p.action, null).actionId, subject: null, properties: {}, conditions: [] }));
  return [...content, ...plugins];
}
