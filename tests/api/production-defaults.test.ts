/** Production-safe defaults of the Strapi server: admin registration, CORS, cookies behind a proxy, file modes. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { api } from './helpers.ts';

const base = () => inject('strapiUrl');

describe('production defaults', () => {
  it('refuses to register an administrator through the web, with a German message', async () => {
    for (const prefix of ['/admin', '/ADMIN', '/Admin']) {
      const response = await api(`${prefix}/register-admin`, {
        method: 'POST',
        body: { email: 'angreifer@example.org', password: 'Angriff-Passwort-123', firstname: 'A', lastname: 'B' },
      });
      expect(response.status, prefix).toBe(403);
      expect(response.body.error.message).toMatch(/ersten Administratorkontos über die Website ist geschlossen/);
    }
    const login = await api('/admin/login', {
      method: 'POST',
      body: { email: 'angreifer@example.org', password: 'Angriff-Passwort-123' },
    });
    expect(login.status).toBe(400);
  });

  it('answers CORS requests from its own origin only – not even from the site, which never needs them', async () => {
    const own = new URL(base()).origin;
    const site = inject('siteUrl');
    for (const origin of [
      site,
      `${site}/`,
      site.replace('https:', 'http:'),
      site.toUpperCase(),
      'https://evil.example',
      'null',
      `${own}.evil.example`,
      `${own}/`,
      'http://localhost:1',
    ]) {
      for (const url of ['/api/topics', '/admin/users/me', '/admin/login']) {
        const response = await fetch(`${base()}${url}`, { headers: { Origin: origin } });
        expect(response.headers.get('access-control-allow-origin'), `${origin} ${url}`).toBeNull();
        expect(response.headers.get('access-control-allow-credentials'), `${origin} ${url}`).toBeNull();
        const preflight = await fetch(`${base()}${url}`, {
          method: 'OPTIONS',
          headers: {
            Origin: origin,
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'authorization,content-type',
          },
        });
        expect(preflight.headers.get('access-control-allow-origin'), `preflight ${origin} ${url}`).toBeNull();
        expect(preflight.headers.get('access-control-allow-credentials'), `preflight ${origin} ${url}`).toBeNull();
      }
    }
    const allowed = await fetch(`${base()}/api/topics`, { headers: { Origin: own } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(own);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const preflight = await fetch(`${base()}/admin/login`, {
      method: 'OPTIONS',
      headers: { Origin: own, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(own);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('marks the admin session cookie Secure for requests that came through the TLS proxy', async () => {
    const login = (headers: Record<string, string>) =>
      fetch(`${base()}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ email: inject('adminEmail'), password: inject('adminPassword') }),
      });
    const proxied = await login({ 'X-Forwarded-Proto': 'https' });
    expect(proxied.status).toBe(200);
    const cookie = proxied.headers.getSetCookie().find((c) => c.startsWith('strapi_admin_refresh='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*secure/i);
    expect(cookie).toMatch(/;\s*httponly/i);
  });

  it('answers the browser favicon request with the portal icon, not an error', async () => {
    const response = await fetch(`${base()}/favicon.ico`);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  });

  it.skipIf(inject('database') !== 'sqlite')('keeps the SQLite database readable by its owner only', () => {
    const file = path.join(inject('strapiTmp'), 'data.db');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o077).toBe(0);
  });
});
