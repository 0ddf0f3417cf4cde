/**
 * Posting to a form route of Strapi (/formulare/…) as the site's page does: urlencoded (or another body), from
 * a client address of the caller's choice (X-Forwarded-For; the test Strapi trusts one proxy hop), asking for
 * JSON unless `json: false` (then Strapi answers with its German page).
 */
export type FormAnswer = { status: number; body: any; text: string; type: string };

export async function postForm(
  strapiUrl: string,
  path: string,
  body: string | Record<string, string>,
  options: { client: string; json?: boolean; contentType?: string },
): Promise<FormAnswer> {
  const response = await fetch(`${strapiUrl}/formulare${path}`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      'x-forwarded-for': options.client,
      ...(options.json === false ? {} : { accept: 'application/json' }),
    },
    body: typeof body === 'string' ? body : new URLSearchParams(body).toString(),
  });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // an HTML page
  }
  return { status: response.status, body: parsed, text, type: response.headers.get('content-type') ?? '' };
}
