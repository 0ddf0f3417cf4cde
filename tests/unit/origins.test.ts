import { describe, expect, it } from 'vitest';
import { adminOrigins, allowedOrigins, proxyHops } from '@ikz/cms/lib/origins';

const reader = (values: Record<string, string>) => (name: string) => values[name];

describe('trusted proxy hops', () => {
  it('trusts no forwarded header without a proxy, and exactly one hop behind one by default', () => {
    expect(proxyHops(reader({}))).toBe(0);
    expect(proxyHops(reader({ PUBLIC_URL: 'http://localhost:1337' }))).toBe(0);
    expect(proxyHops(reader({ PUBLIC_URL: 'https://redaktion.example.org' }))).toBe(1);
    expect(proxyHops(reader({ IKZ_BEHIND_PROXY: 'true' }))).toBe(1);
    expect(proxyHops(reader({ IKZ_BEHIND_PROXY: 'false', PUBLIC_URL: 'https://redaktion.example.org' }))).toBe(0);
  });

  it('takes the configured number of hops, which alone also means "behind a proxy"', () => {
    expect(proxyHops(reader({ IKZ_PROXY_HOPS: '2' }))).toBe(2);
    expect(proxyHops(reader({ IKZ_PROXY_HOPS: '2', IKZ_BEHIND_PROXY: 'true' }))).toBe(2);
    expect(proxyHops(reader({ IKZ_PROXY_HOPS: '0', PUBLIC_URL: 'https://redaktion.example.org' }))).toBe(0);
  });

  it('refuses settings that contradict each other or are not numbers', () => {
    // Behind a proxy, 0 hops would be Koa's "no limit": the left-most entry, which the client writes.
    expect(() => proxyHops(reader({ IKZ_BEHIND_PROXY: 'true', IKZ_PROXY_HOPS: '0' }))).toThrow(
      /IKZ_PROXY_HOPS=0 contradicts/,
    );
    expect(() => proxyHops(reader({ IKZ_BEHIND_PROXY: 'false', IKZ_PROXY_HOPS: '1' }))).toThrow(
      /contradicts IKZ_BEHIND_PROXY=false/,
    );
    for (const bad of ['-1', 'eins', '1.5', '11'])
      expect(() => proxyHops(reader({ IKZ_PROXY_HOPS: bad })), bad).toThrow(/IKZ_PROXY_HOPS/);
    expect(() => proxyHops(reader({ IKZ_BEHIND_PROXY: 'yes' }))).toThrow(/IKZ_BEHIND_PROXY/);
  });
});

describe('CORS origins', () => {
  it('names the admin as the only origin with credentials, never the site', () => {
    const env = reader({
      PUBLIC_URL: 'https://redaktion.example.org/admin',
      SITE_URL: 'https://www.example.org',
      IKZ_CORS_ORIGINS: 'https://daten.example.org, https://karte.example.org/pfad',
    });
    expect(adminOrigins(env)).toEqual(['https://redaktion.example.org']);
    expect(allowedOrigins(env)).toEqual([
      'https://redaktion.example.org',
      'https://daten.example.org',
      'https://karte.example.org',
    ]);
    expect(allowedOrigins(env)).not.toContain('https://www.example.org');
  });

  it('falls back to the local admin without PUBLIC_URL', () => {
    expect(adminOrigins(reader({ PORT: '1400' }))).toEqual(['http://localhost:1400', 'http://127.0.0.1:1400']);
    expect(allowedOrigins(reader({ SITE_URL: 'http://localhost:4321' }))).toEqual([
      'http://localhost:1337',
      'http://127.0.0.1:1337',
    ]);
  });
});
