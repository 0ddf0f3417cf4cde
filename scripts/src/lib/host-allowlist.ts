/**
 * Which `Host` headers a local service answers: the host names of its public URLs (as nginx passes them on)
 * and the loopback names with the port it listens on. Anything else – a foreign name that a browser sends
 * after DNS rebinding, a name with a trailing dot, a missing header – is refused with 421 before the request
 * is handled.
 */
import type http from 'node:http';

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** The `Host` values a request may carry for these public URLs (undefined ones are ignored) and a local port. */
export function allowedHosts(publicUrls: readonly (string | undefined)[], port: number): Set<string> {
  const hosts = new Set(LOOPBACK.map((name) => `${name}:${port}`));
  for (const url of publicUrls) {
    if (!url) continue;
    const parsed = new URL(url);
    hosts.add(parsed.host.toLowerCase());
    hosts.add(`${parsed.hostname.toLowerCase()}:${parsed.port || DEFAULT_PORT[parsed.protocol]}`);
  }
  return hosts;
}

/** Whether a request's `Host` header is one of `hosts` (compared without case, nothing else normalised). */
export function hostAllowed(host: string | string[] | undefined, hosts: ReadonlySet<string>): boolean {
  return typeof host === 'string' && hosts.has(host.toLowerCase());
}

/**
 * Refuses a request whose Host header is not allowed, or whose target is not a path (absolute-form
 * `GET http://…`): answers 421 with a German text and returns true.
 */
export function refuseForeignHost(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  publicUrls: readonly (string | undefined)[],
): boolean {
  if (hostAllowed(req.headers.host, allowedHosts(publicUrls, req.socket.localPort ?? 0)) && req.url?.startsWith('/'))
    return false;
  res
    .writeHead(421, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    })
    .end('Dieser Dienst antwortet unter diesem Host-Namen nicht.\n');
  return true;
}
