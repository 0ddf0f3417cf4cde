import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { differingUrls, nextCheck } from '@ikz/scripts/publisher/verify';

describe('nightly check schedule (Europe/Berlin)', () => {
  it('runs at the given local time, tomorrow when today’s is past', () => {
    expect(nextCheck(new Date('2026-11-23T01:00:00Z'), '03:30')!.toISOString()).toBe('2026-11-23T02:30:00.000Z');
    expect(nextCheck(new Date('2026-11-23T02:30:00Z'), '03:30')!.toISOString()).toBe('2026-11-24T02:30:00.000Z');
    expect(nextCheck(new Date('2026-07-01T12:00:00Z'), '03:30')!.toISOString()).toBe('2026-07-02T01:30:00.000Z');
  });

  it('keeps the local time across the change to and from summer time', () => {
    expect(nextCheck(new Date('2026-03-28T12:00:00Z'), '04:00')!.toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(nextCheck(new Date('2026-10-24T12:00:00Z'), '04:00')!.toISOString()).toBe('2026-10-25T03:00:00.000Z');
  });

  it('can be switched off, and refuses what is not a time', () => {
    expect(nextCheck(new Date(), 'off')).toBeNull();
    expect(() => nextCheck(new Date(), '3 Uhr')).toThrow(/HH:MM/);
  });
});

describe('comparing the live release with a full build', () => {
  it('names every page that differs or exists on one side only, and ignores the build time in security.txt', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-verify-'));
    const release = (name: string, files: Record<string, string>) => {
      const dir = path.join(root, name);
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
      }
      const urls = Object.keys(files).map((f) => `/${f.replace(/index\.html$/, '')}`);
      return {
        dir,
        manifest: {
          pages: Object.fromEntries(urls.filter((u) => u.endsWith('/')).map((u) => [u, 'x'])),
          files: Object.fromEntries(urls.filter((u) => !u.endsWith('/')).map((u) => [u, 'x'])),
        },
      };
    };
    try {
      const live = release('live', {
        'index.html': 'A',
        'projekte/a/index.html': 'alt',
        'projekte/b/index.html': 'B',
        '.well-known/security.txt': 'Expires: 1',
      });
      const full = release('full', {
        'index.html': 'A',
        'projekte/a/index.html': 'neu',
        'projekte/c/index.html': 'C',
        '.well-known/security.txt': 'Expires: 2',
      });
      expect(differingUrls(full, live)).toEqual(['/projekte/a/', '/projekte/b/', '/projekte/c/']);
      expect(differingUrls(live, live)).toEqual([]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
