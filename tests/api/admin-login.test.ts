/**
 * The admin login behind a proxy: Strapi takes the client address the proxy saw (IKZ_PROXY_HOPS from the
 * right of X-Forwarded-For), so its own rate limit cannot be walked around with a forged header; and an
 * unknown address is answered as slowly as a wrong password. The API tests' Strapi runs with
 * IKZ_BEHIND_PROXY=true (one hop): this test is its proxy and appends the "real" address itself.
 */
import { describe, expect, inject, it } from 'vitest';

const login = (email: string, password: string, forwardedFor: string) =>
  fetch(`${inject('strapiUrl')}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email, password }),
  });

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
};

describe('admin login behind a proxy', () => {
  it('counts wrong logins by the address the proxy saw, whatever the client writes into X-Forwarded-For', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      // The client's own (forged) entries come first; the proxy appends the address it saw.
      const forged = [
        `10.${i}.0.1`,
        `192.0.2.${i + 1}, 10.0.${i}.9`,
        `unknown`,
        `2001:db8::${i + 1}`,
        ` ${i} `,
        `198.51.100.${i}`,
      ][i]!;
      statuses.push((await login('angreifer-xff@example.org', `falsch-${i}`, `${forged}, 203.0.113.7`)).status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    // Another real address is a different client.
    expect((await login('angreifer-xff@example.org', 'falsch', '203.0.113.8')).status).toBe(400);
  });

  it('answers an unknown address as slowly as a wrong password for an existing account', async () => {
    const rounds = 15;
    const unknown: number[] = [];
    const wrong: number[] = [];
    const timed = async (email: string, address: string) => {
      const started = performance.now();
      const response = await login(email, 'Falsches-Passwort-123', address);
      const ms = performance.now() - started;
      expect(response.status, `${email} from ${address}`).toBe(400);
      return ms;
    };
    // Warm up both paths once; every attempt comes from its own address, so Strapi's limiter stays out of it.
    await timed('warmup-unbekannt@example.org', '198.18.0.1');
    await timed(inject('adminEmail'), '198.18.0.2');
    for (let i = 0; i < rounds; i++) {
      unknown.push(await timed(`unbekannt-${i}@example.org`, `198.18.1.${i + 1}`));
      wrong.push(await timed(inject('adminEmail'), `198.18.2.${i + 1}`));
    }
    const ratio = median(unknown) / median(wrong);
    console.log(
      `admin login: unknown address ${median(unknown).toFixed(1)} ms, wrong password ${median(wrong).toFixed(1)} ms (median of ${rounds}), ratio ${ratio.toFixed(2)}`,
    );
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.45);
  });
});
