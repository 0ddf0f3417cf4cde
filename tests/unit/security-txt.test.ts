import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_CONTACT, securityTxt, securityTxtOptions } from '@ikz/site/lib/security-txt';

const now = new Date('2026-11-23T10:00:00Z');

describe('security.txt (RFC 9116)', () => {
  it('has a contact, an expiry in the future and the canonical address', () => {
    const text = securityTxt(securityTxtOptions({}, 'https://www.interkommunales.example', now));
    expect(text).toBe(
      [
        `Contact: ${DEFAULT_SECURITY_CONTACT}`,
        'Expires: 2027-05-22T10:00:00Z',
        'Preferred-Languages: de, en',
        'Canonical: https://www.interkommunales.example/.well-known/security.txt',
        '',
      ].join('\n'),
    );
  });

  it('takes contacts, lifetime and policy from configuration', () => {
    const text = securityTxt(
      securityTxtOptions(
        {
          IKZ_SECURITY_CONTACT: 'mailto:it@example.org, https://example.org/melden',
          IKZ_SECURITY_TXT_DAYS: '30',
          IKZ_SECURITY_POLICY_URL: 'https://example.org/policy',
        },
        'https://x.example/',
        now,
      ),
    );
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Contact: mailto:it@example.org',
      'Contact: https://example.org/melden',
      'Expires: 2026-12-23T10:00:00Z',
    ]);
    expect(text).toContain('Policy: https://example.org/policy');
  });

  it('refuses contacts and lifetimes RFC 9116 does not allow', () => {
    expect(() => securityTxtOptions({ IKZ_SECURITY_CONTACT: 'http://example.org' }, 'https://x.example/', now)).toThrow(
      /mailto: nor an https:/,
    );
    expect(() => securityTxtOptions({ IKZ_SECURITY_TXT_DAYS: '400' }, 'https://x.example/', now)).toThrow(
      /between 1 and 365/,
    );
  });
});
