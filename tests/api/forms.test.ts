/** The forms' infrastructure in the real Strapi: the challenge route, and nothing of it (or of mail) open elsewhere. */
import { describe, expect, inject, it } from 'vitest';

const strapiUrl = () => inject('strapiUrl');

describe('forms in Strapi', () => {
  it('hands out a signed proof-of-work challenge under /formulare/, uncached and without a cookie', async () => {
    const response = await fetch(`${strapiUrl()}/formulare/challenge`, { headers: { Accept: 'application/json' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    const challenge = (await response.json()) as {
      parameters: { algorithm: string; cost: number; keyPrefix: string; expiresAt: number; data: { issuedAt: number } };
      signature: string;
    };
    expect(challenge.parameters).toMatchObject({ algorithm: 'SHA-256', keyPrefix: '000' });
    expect(challenge.parameters.data.issuedAt).toBeGreaterThan(Date.now() - 60_000);
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves forms only at their own paths', async () => {
    // (Strapi's router ignores case, so /FORMULARE/ reaches the same route; nginx passes on only /formulare/ on the
    // site's host and none on the admin host – tests/site/nginx.test.ts.)
    for (const target of ['/api/formulare/challenge', '/formulare/unbekannt', '/formulare/challenge/x', '/formulare']) {
      const response = await fetch(`${strapiUrl()}${target}`, { redirect: 'manual' });
      expect(response.headers.get('content-type') ?? '', target).not.toMatch(/json.*parameters/);
      const body = await response.text();
      expect(body, target).not.toContain('"keyPrefix"');
    }
  });

  it('never lets the public send mail through the email plugin', async () => {
    const response = await fetch(`${strapiUrl()}/api/email`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ to: 'x@example.org', subject: 'Spam', text: 'Spam' }),
    });
    expect([401, 403, 404, 405]).toContain(response.status);
  });
});
