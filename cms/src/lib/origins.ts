/**
 * The browser origins Strapi trusts: the admin itself (PUBLIC_URL, or localhost on PORT), the public site
 * (SITE_URL) and extra ones from IKZ_CORS_ORIGINS (comma-separated). Everything else gets no CORS headers.
 */
export type EnvReader = (name: string) => string | undefined;

function origin(url: string | undefined): string | null {
  if (!url?.trim()) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    throw new Error(`Not a URL: "${url}" (check PUBLIC_URL, SITE_URL, PREVIEW_URL and IKZ_CORS_ORIGINS).`);
  }
}

const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];

export function allowedOrigins(env: EnvReader): string[] {
  const port = env('PORT') ?? '1337';
  const admin = origin(env('PUBLIC_URL'));
  return unique([
    ...(admin ? [admin] : [`http://localhost:${port}`, `http://127.0.0.1:${port}`]),
    origin(env('SITE_URL')),
    ...(env('IKZ_CORS_ORIGINS') ?? '').split(',').map(origin),
  ]);
}

/** Origins the admin may show in a frame: the editors' preview service (PREVIEW_URL). */
export function framingOrigins(env: EnvReader): string[] {
  return unique([origin(env('PREVIEW_URL'))]);
}

/**
 * Whether Strapi runs behind a TLS-terminating proxy and should trust X-Forwarded-* (so that admin cookies
 * are `Secure`): IKZ_BEHIND_PROXY=true/false, by default when PUBLIC_URL is https.
 */
export function behindProxy(env: EnvReader): boolean {
  const explicit = env('IKZ_BEHIND_PROXY');
  if (explicit !== undefined && explicit !== '') return explicit === 'true' || explicit === '1';
  return origin(env('PUBLIC_URL'))?.startsWith('https:') ?? false;
}
