/**
 * Driving a newsletter send from outside Strapi, as the admin does (for the restart test and `pnpm bench`):
 * confirmed subscribers through the content manager, a published issue through the REST API, and the admin
 * routes of sending (cms/src/ikz-admin/newsletter-routes.ts).
 */
const SUBSCRIBERS = '/content-manager/collection-types/api::newsletter-subscriber.newsletter-subscriber';

export type DispatchProgress = {
  state: 'none' | 'queued' | 'sending' | 'done';
  total: number;
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
  recipients: number;
  startedAt: string | null;
  finishedAt: string | null;
};

async function call<T>(
  url: string,
  init: RequestInit & { jwt?: string; token?: string; json?: unknown },
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (init.jwt ?? init.token) headers.authorization = `Bearer ${init.jwt ?? init.token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    ...init,
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function adminLogin(strapiUrl: string, email: string, password: string): Promise<string> {
  const login = await call<{ data: { token: string } }>(`${strapiUrl}/admin/login`, {
    method: 'POST',
    json: { email, password },
  });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status}`);
  return login.body.data.token;
}

/** Confirmed subscriptions for these addresses, `concurrency` requests at a time; their documentIds in order. */
export async function createConfirmedSubscribers(
  strapiUrl: string,
  jwt: string,
  emails: string[],
  concurrency = 8,
): Promise<string[]> {
  const ids: string[] = new Array(emails.length);
  let next = 0;
  const now = new Date().toISOString();
  const lane = async () => {
    while (next < emails.length) {
      const i = next++;
      const created = await call<{ data: { documentId: string } }>(`${strapiUrl}${SUBSCRIBERS}`, {
        method: 'POST',
        jwt,
        json: { email: emails[i], state: 'confirmed', requestedAt: now, confirmedAt: now },
      });
      if (created.status !== 201)
        throw new Error(
          `creating the subscriber ${emails[i]} failed: ${created.status} ${JSON.stringify(created.body)}`,
        );
      ids[i] = created.body.data.documentId;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return ids;
}

/** A new published issue (through the REST API with a full-access token). */
export async function createPublishedIssue(
  strapiUrl: string,
  token: string,
  title: string,
): Promise<{ documentId: string; slug: string; title: string }> {
  const created = await call<{ data: { documentId: string; slug: string; title: string } }>(
    `${strapiUrl}/api/newsletters?status=published`,
    {
      method: 'POST',
      token,
      json: {
        data: {
          title,
          year: 2026,
          number: 11,
          sentAt: '2026-12-05',
          editorial: [
            {
              type: 'paragraph',
              children: [
                {
                  type: 'text',
                  text: 'Liebe Leserinnen und Leser, in dieser Ausgabe: Bauhöfe, Klärwerke und größere Zweckverbände.',
                },
              ],
            },
          ],
        },
      },
    },
  );
  if (created.status !== 201)
    throw new Error(`creating the issue failed: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.data;
}

export async function dispatchProgress(strapiUrl: string, jwt: string, issue: string): Promise<DispatchProgress> {
  const progress = await call<DispatchProgress>(`${strapiUrl}/ikz/newsletter/issues/${issue}/dispatch`, { jwt });
  if (progress.status !== 200) throw new Error(`reading the progress failed: ${progress.status}`);
  return progress.body;
}

/** Starts the send after confirming the number of recipients, as the admin's confirmation does. */
export async function startDispatch(strapiUrl: string, jwt: string, issue: string): Promise<DispatchProgress> {
  const { recipients } = await dispatchProgress(strapiUrl, jwt, issue);
  const started = await call<DispatchProgress>(`${strapiUrl}/ikz/newsletter/issues/${issue}/dispatch`, {
    method: 'POST',
    jwt,
    json: { expectedRecipients: recipients },
  });
  if (started.status !== 202)
    throw new Error(`starting the send failed: ${started.status} ${JSON.stringify(started.body)}`);
  return started.body;
}
