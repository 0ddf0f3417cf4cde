import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { allowedHosts, hostAllowed, refuseForeignHost } from '@ikz/scripts/lib/host-allowlist';

describe('host allowlist', () => {
  const hosts = allowedHosts(
    [
      'https://redaktion.interkommunales.example/veroeffentlichung/',
      'http://127.0.0.1:4320/status',
      undefined,
      'https://vorschau.example:8443',
    ],
    4320,
  );

  it('allows the public host names (with and without their port) and loopback with the local port', () => {
    for (const host of [
      'redaktion.interkommunales.example',
      'REDAKTION.interkommunales.example',
      'redaktion.interkommunales.example:443',
      'vorschau.example:8443',
      'localhost:4320',
      '127.0.0.1:4320',
      '[::1]:4320',
    ]) {
      expect(hostAllowed(host, hosts), host).toBe(true);
    }
  });

  it('refuses what an attacker tries', () => {
    for (const host of [
      undefined,
      '',
      'evil.example',
      'redaktion.interkommunales.example.',
      'redaktion.interkommunales.example:80',
      'redaktion.interkommunales.example.evil.example',
      'evil.example#redaktion.interkommunales.example',
      'user@redaktion.interkommunales.example',
      ' redaktion.interkommunales.example',
      'redaktion.interkommunales.example, evil.example',
      'vorschau.example',
      'localhost',
      '127.0.0.1',
      'localhost:1337',
      '127.0.0.2:4320',
      '0.0.0.0:4320',
      '[::ffff:127.0.0.1]:4320',
    ]) {
      expect(hostAllowed(host, hosts), String(host)).toBe(false);
    }
    expect(hostAllowed(['localhost:4320', 'localhost:4320'], hosts)).toBe(false);
  });

  it('answers a foreign host or an absolute request target with 421 and a German text, on a real socket', async () => {
    const server = http.createServer((req, res) => {
      if (!refuseForeignHost(req, res, ['https://status.example'])) res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const get = (host: string, path = '/') =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
            let body = '';
            res.on('data', (c) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode!, body }));
          })
          .on('error', reject);
      });
    try {
      expect(await get('status.example')).toEqual({ status: 200, body: 'ok' });
      expect(await get(`localhost:${port}`)).toEqual({ status: 200, body: 'ok' });
      const refused = await get('evil.example');
      expect(refused.status).toBe(421);
      expect(refused.body).toMatch(/Host-Namen nicht/);
      expect((await get('status.example', 'http://evil.example/')).status).toBe(421);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
