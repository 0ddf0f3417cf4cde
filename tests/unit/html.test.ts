import { describe, expect, it } from 'vitest';
import { escapeHtml, isExternal, safeHref } from '@ikz/shared-types/html';

describe('safeHref: the one check for every editor-supplied link', () => {
  it.each([
    ['https://www.land.nrw/', 'https://www.land.nrw/'],
    ['  https://www.land.nrw/foerderung?x=1#a  ', 'https://www.land.nrw/foerderung?x=1#a'],
    ['HTTP://EXAMPLE.ORG', 'http://example.org/'],
    ['/projekte/bauhof/', '/projekte/bauhof/'],
    ['/suche/?q=Bauhof', '/suche/?q=Bauhof'],
    ['mailto:info@example.org', 'mailto:info@example.org'],
    ['mailto:info@example.org?subject=Anmeldung', 'mailto:info@example.org?subject=Anmeldung'],
  ])('keeps %s', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '//evil.example/',
    '/\\evil.example/',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/%09/evil.example\\',
    'https://evil.example\\@www.land.nrw/',
    'https:\\\\evil.example',
    'https://user:pass@evil.example/',
    'https://www.land.nrw@evil.example/',
    'ftp://example.org/',
    'mailto:',
    'mailto:nobody',
    'projekte/relativ',
    '',
    '   ',
  ])('refuses %j', (input) => {
    expect(safeHref(input)).toBeNull();
  });

  it('tells external links apart', () => {
    expect(isExternal('https://www.land.nrw/')).toBe(true);
    expect(isExternal('/projekte/')).toBe(false);
    expect(isExternal('mailto:a@example.org')).toBe(false);
  });

  it('escapes all five HTML-special characters', () => {
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
});
