import { describe, expect, it } from 'vitest';
import { normalizedRequestPath, uploadRequestFile } from '@ikz/cms/lib/upload-serving';
import { servingHeaders } from '@ikz/shared-types/file-types';

describe('which requests are for /uploads/', () => {
  it('sees the path as the static server resolves it, whatever the spelling', () => {
    for (const spelling of [
      '/uploads/x.html',
      '/%75ploads/x.html',
      '/%2575ploads/x.html',
      '//uploads/x.html',
      '/uploads//x.html',
      '/uploads/./x.html',
      '/a/../uploads/x.html',
      '/a/%2e%2e/uploads/x.html',
      '/uploads%2fx.html',
      '/UPLOADS/x.html',
      '/Uploads/X.HTML',
      '/uploads\\x.html',
      '/../uploads/x.html',
      '/uploads/%ZZ/../x.html',
      '/uploads/x.%68tml',
    ]) {
      expect(uploadRequestFile(spelling), spelling).toBe('x.html');
    }
  });

  it('leaves every other path alone', () => {
    for (const other of [
      '/api/uploads/x.html',
      '/uploadsx.html',
      '/admin',
      '/',
      '/upload/files',
      '/uploads-alt/x.html',
    ]) {
      expect(uploadRequestFile(other), other).toBeNull();
    }
    expect(normalizedRequestPath('/a/b/../../c')).toBe('/c');
  });
});

describe('what a stored upload is sent with', () => {
  it('a script or markup file: a download of no particular type, sandboxed', () => {
    expect(servingHeaders('altlast_1a2b.html')).toEqual({
      'Content-Type': 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy':
        "sandbox; default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
      'Content-Disposition': 'attachment',
    });
  });

  it('an image: its type, inline, sandboxed; a PDF or office file: a download', () => {
    expect(servingHeaders('karte_1a2b.png')).toMatchObject({
      'Content-Type': 'image/png',
      'Content-Disposition': 'inline',
    });
    expect(servingHeaders('satzung_1a2b.pdf')).toMatchObject({
      'Content-Type': 'application/pdf',
      'Content-Disposition': 'attachment',
    });
    expect(servingHeaders('daten_1a2b.csv')).toMatchObject({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment',
    });
  });
});
