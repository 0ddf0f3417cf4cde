/**
 * The content store saved between runs of the publisher: the file is used only for its own code and Strapi,
 * anything else in it is refused with a reason; and the pure decisions of catching up with what Strapi
 * changed meanwhile (changed, added, removed entries, media files, a restored database).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  changedMedia,
  changedSinceFilter,
  countDisagrees,
  listingDifference,
  newestOf,
  storeAhead,
} from '@ikz/site/snapshot/away';
import { readSavedStore, saveStore, savedStoreKey } from '@ikz/site/snapshot/saved';
import type { StoreState } from '@ikz/site/snapshot/store';

const STATE: StoreState = {
  entries: [
    [
      'project',
      [
        {
          entry: { documentId: 'p1', updatedAt: '2026-11-01T10:00:00.000Z', title: 'Gemeinsamer Bauhof „Süd“' },
          downloads: [],
          images: [],
          refs: ['topic:t1'],
          media: [4],
        },
      ],
    ],
    ['topic', []],
  ],
  invalid: [
    [
      'document:d9',
      { type: 'documents', documentId: 'd9', title: null, fields: ['title'], message: 'Pflichtfeld fehlt' },
    ],
  ],
  mediaSince: '2026-11-01T09:00:00.000Z',
};
const VERDICTS = {
  downloads: [['/dateien/satzung-ab12cd34ef.pdf', { ok: true, type: { ext: 'pdf' } }]] as [string, unknown][],
  images: [['bild_ab12', { ok: false, detected: 'svg' }]] as [string, unknown][],
};

describe('saved content store', () => {
  let dir: string;
  let file: string;
  const key = savedStoreKey('0123456789abcdef', 'http://127.0.0.1:1337/');
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-saved-store-'));
    file = path.join(dir, 'site', 'content-store.json');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads back what it saved, for the same code and Strapi, and leaves no temporary file', () => {
    saveStore(file, key, STATE, VERDICTS, new Date('2026-12-05T12:00:00Z'));
    expect(readSavedStore(file, savedStoreKey('0123456789abcdef', 'http://127.0.0.1:1337'))).toEqual({
      state: STATE,
      verdicts: VERDICTS,
      savedAt: '2026-12-05T12:00:00.000Z',
    });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['content-store.json']);
  });

  it('refuses a store of other code, another Strapi, another format, or a file cut short – with a reason', () => {
    expect(readSavedStore(file, key)).toEqual({ state: null, reason: 'no saved content' });
    saveStore(file, key, STATE, VERDICTS);
    for (const other of [
      savedStoreKey('fedcba9876543210', 'http://127.0.0.1:1337'),
      savedStoreKey('0123456789abcdef', 'http://cms:1337'),
    ])
      expect(readSavedStore(file, other)).toEqual({
        state: null,
        reason: 'the saved content is of other code or another Strapi',
      });
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.slice(0, text.length / 2));
    expect(readSavedStore(file, key)).toEqual({ state: null, reason: 'the saved content is not readable JSON' });
    for (const odd of [
      { ...JSON.parse(text), format: 2 },
      { ...JSON.parse(text), state: { ...STATE, entries: { project: [] } } },
      { ...JSON.parse(text), state: { ...STATE, mediaSince: 5 } },
      { ...JSON.parse(text), verdicts: undefined },
      { ...JSON.parse(text), verdicts: { downloads: [], images: {} } },
      null,
      [],
    ]) {
      fs.writeFileSync(file, JSON.stringify(odd));
      expect(readSavedStore(file, key)).toEqual({ state: null, reason: 'the saved content has another format' });
    }
  });
});

describe('catching up with Strapi after a restart', () => {
  it('asks for entries updated, or published, after the newest the store knows', () => {
    expect(newestOf(['2026-01-02T00:00:00.000Z', null, '2026-03-01T00:00:00.000Z', undefined])).toBe(
      '2026-03-01T00:00:00.000Z',
    );
    expect(newestOf([])).toBeNull();
    expect(changedSinceFilter('2026-03-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z')).toEqual({
      $or: [{ updatedAt: { $gt: '2026-03-01T00:00:00.000Z' } }, { publishedAt: { $gt: '2026-02-01T00:00:00.000Z' } }],
    });
    // Municipalities are not drafted: they have no publishedAt.
    expect(changedSinceFilter('2026-03-01T00:00:00.000Z', null)).toEqual({
      updatedAt: { $gt: '2026-03-01T00:00:00.000Z' },
    });
    expect(changedSinceFilter(null, null)).toBeNull();
  });

  it('lists a type only when its count disagrees, and then reads the entries gone and those new', () => {
    const known = new Set(['a', 'b', 'c']);
    expect(countDisagrees(known, [], 3)).toBe(false);
    expect(countDisagrees(known, ['b', 'd'], 4)).toBe(false);
    expect(countDisagrees(known, ['d', 'd'], 4)).toBe(false);
    // One removed, one new one found by its time: 3 + 1 ≠ 3.
    expect(countDisagrees(known, ['d'], 3)).toBe(true);
    expect(countDisagrees(known, [], 2)).toBe(true);
    expect(listingDifference(known, ['a', 'c', 'e'])).toEqual(['b', 'e']);
    expect(listingDifference(known, ['c', 'b', 'a'])).toEqual([]);
  });

  it('reads everything again when the store is newer than Strapi (a restored database)', () => {
    expect(storeAhead('2026-03-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z')).toBe(true);
    expect(storeAhead('2026-03-01T00:00:00.000Z', null)).toBe(true);
    expect(storeAhead('2026-03-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z')).toBe(false);
    expect(storeAhead('2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z')).toBe(false);
    expect(storeAhead(null, '2026-04-01T00:00:00.000Z')).toBe(false);
  });

  it('finds the media files in use that were replaced or deleted meanwhile', () => {
    const files = [
      { id: 1, updatedAt: '2026-01-01T00:00:00.000Z' },
      { id: 2, updatedAt: '2026-05-01T00:00:00.000Z' },
      { id: 5, updatedAt: '2026-06-01T00:00:00.000Z' },
    ];
    // 2 was replaced, 3 was deleted, 5 changed but nothing uses it, 1 is as it was.
    expect(changedMedia([1, 2, 3, 2], files, '2026-04-01T00:00:00.000Z')).toEqual({
      ids: [2, 3],
      newest: '2026-06-01T00:00:00.000Z',
    });
    expect(changedMedia([], [], null)).toEqual({ ids: [], newest: null });
  });
});
