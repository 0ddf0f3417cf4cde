/**
 * An administrator with the role "Redaktion" and nothing else, invited by a super admin and registered through
 * Strapi's admin API – the same two steps as the invitation link in the admin panel.
 */
export interface Editor {
  email: string;
  password: string;
  /** Admin JWT of the editor's first session. */
  token: string;
  roleId: number;
}

export const EDITOR_ROLE_CODE = 'ikz-redaktion';

async function call(
  url: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

export async function inviteEditor(strapiUrl: string, superAdminJwt: string): Promise<Editor> {
  const roles = await call(`${strapiUrl}/admin/roles`, { token: superAdminJwt });
  const role = (roles.body?.data ?? []).find((r: { code: string }) => r.code === EDITOR_ROLE_CODE);
  if (!role) throw new Error(`role ${EDITOR_ROLE_CODE} missing (GET /admin/roles answered ${roles.status})`);
  const email = `redakteurin-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@test.example.org`;
  const password = 'Redaktion-Test-2026';
  const invited = await call(`${strapiUrl}/admin/users`, {
    method: 'POST',
    token: superAdminJwt,
    body: { firstname: 'Erika', lastname: 'Redakteurin', email, roles: [role.id] },
  });
  if (invited.status !== 201)
    throw new Error(`inviting an editor failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const registered = await call(`${strapiUrl}/admin/register`, {
    method: 'POST',
    body: {
      registrationToken: invited.body.data.registrationToken,
      userInfo: { firstname: 'Erika', lastname: 'Redakteurin', password },
    },
  });
  if (registered.status !== 200)
    throw new Error(`registering the editor failed: ${registered.status} ${JSON.stringify(registered.body)}`);
  return { email, password, token: registered.body.data.token, roleId: role.id };
}
