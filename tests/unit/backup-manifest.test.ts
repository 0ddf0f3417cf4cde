/** The pure rules of a backup archive: manifest, versions, checksum comparison, names and retention. */
import { describe, expect, it } from 'vitest';
import {
  archiveName,
  archivesToDelete,
  compareVersions,
  compareWithManifest,
  FORMAT,
  FORMAT_VERSION,
  parseManifest,
  SCHEMA_VERSION,
  type Manifest,
} from '@ikz/scripts/backup/manifest';
import { postgresConnection } from '@ikz/scripts/backup/installation';

const SHA = 'a'.repeat(64);
const manifest = (over: Record<string, unknown> = {}): Manifest =>
  ({
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    createdAt: '2026-11-01T03:30:00.000Z',
    app: { version: '0.1.0', strapi: '5.54.0' },
    database: { client: 'sqlite', file: 'database/data.db' },
    secrets: { included: ['APP_KEYS'], notIncluded: [] },
    files: [
      { path: 'database/data.db', size: 10, sha256: SHA },
      { path: 'uploads/a.pdf', size: 3, sha256: 'b'.repeat(64) },
    ],
    ...over,
  }) as Manifest;
const code = { formatVersion: FORMAT_VERSION, schemaVersion: SCHEMA_VERSION, strapi: '5.54.0' };

describe('backup manifest', () => {
  it('reads back what a backup writes', () => {
    expect(parseManifest(JSON.stringify(manifest()), code)).toEqual(manifest());
  });

  it('refuses archives from newer code: format, content schema, Strapi', () => {
    expect(() => parseManifest(JSON.stringify(manifest({ formatVersion: FORMAT_VERSION + 1 })), code)).toThrow(
      /newer version of Interkommunales\.NRW \(archive format 2, this code reads up to 1\): update the code/,
    );
    expect(() => parseManifest(JSON.stringify(manifest({ schemaVersion: SCHEMA_VERSION + 1 })), code)).toThrow(
      /newer content schema/,
    );
    expect(() =>
      parseManifest(JSON.stringify(manifest({ app: { version: '0.1.0', strapi: '5.100.0' } })), code),
    ).toThrow(/newer Strapi \(5\.100\.0, this code has 5\.54\.0\)/);
    expect(
      parseManifest(JSON.stringify(manifest({ app: { version: '0.1.0', strapi: '5.53.9' } })), code).app.strapi,
    ).toBe('5.53.9');
  });

  it('refuses a manifest that is not ours, not JSON, or incomplete', () => {
    expect(() => parseManifest('{"format":"other","formatVersion":1}', code)).toThrow(
      /not an Interkommunales\.NRW backup/,
    );
    expect(() => parseManifest('{"format":', code)).toThrow(/not valid JSON/);
    expect(() => parseManifest(JSON.stringify({ ...manifest(), files: undefined }), code)).toThrow(
      /manifest is invalid \(files/,
    );
    expect(() =>
      parseManifest(JSON.stringify(manifest({ files: [{ path: 'uploads/a.pdf', size: 3, sha256: SHA }] })), code),
    ).toThrow(/does not list the database/);
  });

  it('accepts only paths inside the archive folders', () => {
    for (const bad of ['../etc/passwd', '/etc/passwd', 'uploads/../../x', 'other/x', 'uploads//x', 'uploads\\x']) {
      expect(
        () =>
          parseManifest(
            JSON.stringify(manifest({ files: [...manifest().files, { path: bad, size: 1, sha256: SHA }] })),
            code,
          ),
        bad,
      ).toThrow(/manifest is invalid/);
    }
    expect(() =>
      parseManifest(JSON.stringify(manifest({ files: [...manifest().files, manifest().files[1]] })), code),
    ).toThrow(/twice/);
  });

  it('names every difference between the manifest and the archive', () => {
    const m = manifest();
    expect(
      compareWithManifest(
        m,
        new Map([
          ['database/data.db', { size: 10, sha256: SHA }],
          ['uploads/a.pdf', { size: 3, sha256: 'b'.repeat(64) }],
        ]),
      ),
    ).toEqual([]);
    expect(
      compareWithManifest(
        m,
        new Map([
          ['database/data.db', { size: 10, sha256: 'c'.repeat(64) }],
          ['uploads/extra.pdf', { size: 1, sha256: SHA }],
        ]),
      ),
    ).toEqual([
      'database/data.db does not match its checksum',
      'uploads/a.pdf is missing',
      'uploads/extra.pdf is not in the manifest',
    ]);
    expect(
      compareWithManifest(
        m,
        new Map([
          ['database/data.db', { size: 9, sha256: SHA }],
          ['uploads/a.pdf', { size: 3, sha256: 'b'.repeat(64) }],
        ]),
      ),
    ).toEqual(['database/data.db has 9 bytes instead of 10']);
  });

  it('compares versions by number', () => {
    expect(compareVersions('5.54.0', '5.54.0')).toBe(0);
    expect(compareVersions('5.100.0', '5.54.0')).toBe(1);
    expect(compareVersions('5.54', '5.54.1')).toBe(-1);
    expect(compareVersions('6.0.0-beta.1', '5.99.9')).toBe(1);
  });
});

describe('backup retention', () => {
  it('names archives by their UTC time, sortable', () => {
    expect(archiveName(new Date('2026-11-01T03:30:07.123Z'))).toBe('interkommunales-backup-20261101T033007Z.tar.gz');
    expect(archiveName(new Date('2026-11-01T03:30:07.123Z'), 2)).toBe(
      'interkommunales-backup-20261101T033007Z-2.tar.gz',
    );
  });

  it('keeps the newest archives and touches nothing else', () => {
    const names = [
      'interkommunales-backup-20261101T033000Z.tar.gz',
      'interkommunales-backup-20261103T033000Z.tar.gz',
      'interkommunales-backup-20261102T033000Z.tar.gz',
      'interkommunales-backup-20261103T033000Z-2.tar.gz',
      '.interkommunales-backup-20261030T033000Z.tar.gz.partial',
      'interkommunales-backup-20261001T033000Z.tar.gz.copy',
      'mine.tar.gz',
    ];
    expect(archivesToDelete(names, 2)).toEqual([
      'interkommunales-backup-20261102T033000Z.tar.gz',
      'interkommunales-backup-20261101T033000Z.tar.gz',
    ]);
    expect(archivesToDelete(names, 4)).toEqual([]);
    expect(archivesToDelete(names, 1)).toEqual([
      'interkommunales-backup-20261103T033000Z.tar.gz',
      'interkommunales-backup-20261102T033000Z.tar.gz',
      'interkommunales-backup-20261101T033000Z.tar.gz',
    ]);
    expect(() => archivesToDelete(names, 0)).toThrow(/at least 1/);
  });
});

describe('PostgreSQL connection of a backup', () => {
  const parts = {
    DATABASE_URL: undefined,
    DATABASE_HOST: '127.0.0.1',
    DATABASE_PORT: 5432,
    DATABASE_NAME: 'interkommunales',
    DATABASE_USERNAME: 'strapi',
    DATABASE_PASSWORD: undefined,
    DATABASE_SSL: false,
  };

  it('is the one Strapi uses: the URL wins over the parts', () => {
    expect(
      postgresConnection({ ...parts, DATABASE_URL: 'postgres://ikz:p%40ss@db.example:6543/site?sslmode=require' }),
    ).toEqual({ host: 'db.example', port: 6543, database: 'site', user: 'ikz', password: 'p@ss', ssl: true });
    expect(postgresConnection({ ...parts, DATABASE_PASSWORD: 'x', DATABASE_SSL: true })).toEqual({
      host: '127.0.0.1',
      port: 5432,
      database: 'interkommunales',
      user: 'strapi',
      password: 'x',
      ssl: true,
    });
  });
});
