/**
 * The browser origins Strapi answers: the admin itself (PUBLIC_URL, or localhost on PORT) – the only origin
 * that may send credentials – and extra ones from IKZ_CORS_ORIGINS (comma-separated), which may read without
 * credentials. The static site (SITE_URL) never calls Strapi from a browser and gets no CORS headers;
 * neither does anything else.
 */
import { readEnv } from '@ikz/shared-types/env';

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

/** The admin's own origin(s): the only ones allowed to call Strapi from a browser with cookies or credentials. */
export function adminOrigins(env: EnvReader): string[] {
  const port = env('PORT') ?? '1337';
  const admin = origin(env('PUBLIC_URL'));
  return admin ? [admin] : [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
}

/** Every origin that gets CORS headers: the admin's and those of IKZ_CORS_ORIGINS. */
export function allowedOrigins(env: EnvReader): string[] {
  return unique([...adminOrigins(env), ...(env('IKZ_CORS_ORIGINS') ?? '').split(',').map(origin)]);
}

/** Origins the admin may show in a frame: the editors' preview service (PREVIEW_URL). */
export function framingOrigins(env: EnvReader): string[] {
  return unique([origin(env('PREVIEW_URL'))]);
}

/**
 * How many proxies in front of Strapi append to X-Forwarded-For (IKZ_PROXY_HOPS). Strapi (Koa's
 * `maxIpsCount`) then takes the client address that many entries from the right – the one the nearest
 * proxy saw – so whatever a client writes into the header itself is never used. 0 means: no proxy, trust no
 * X-Forwarded-* header at all. Default: 1 behind a proxy (IKZ_BEHIND_PROXY, or PUBLIC_URL https), else 0.
 */
export function proxyHops(env: EnvReader): number {
  const { IKZ_BEHIND_PROXY: explicit, IKZ_PROXY_HOPS: hops } = readEnv(['IKZ_BEHIND_PROXY', 'IKZ_PROXY_HOPS'], {
    IKZ_BEHIND_PROXY: env('IKZ_BEHIND_PROXY'),
    IKZ_PROXY_HOPS: env('IKZ_PROXY_HOPS'),
  });
  const behind = explicit
    ? explicit === 'true'
    : hops !== undefined
      ? hops > 0
      : (origin(env('PUBLIC_URL'))?.startsWith('https:') ?? false);
  if (!behind) {
    if (hops) throw new Error(`IKZ_PROXY_HOPS=${hops} contradicts IKZ_BEHIND_PROXY=false: set one of them only.`);
    return 0;
  }
  if (hops === 0)
    throw new Error(
      'IKZ_PROXY_HOPS=0 contradicts IKZ_BEHIND_PROXY=true: behind a proxy at least one hop adds the client address.',
    );
  return hops ?? 1;
}
