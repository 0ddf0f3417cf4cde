/**
 * The content store's pure decisions for a webhook: which entries it reads again, and when the entries
 * that refer to a changed entry must be read again too.
 */
import { describe, expect, it } from 'vitest';
import { entriesToReread, shownChanged, type MediaUse } from '@ikz/site/snapshot/store';
import { referencedFields } from '@ikz/site/snapshot/populate';

const USES: MediaUse[] = [
  { type: 'project', documentId: 'p1', media: [7] },
  { type: 'project', documentId: 'p2', media: [] },
  { type: 'document', documentId: 'd1', media: [7, 9] },
  { type: 'newsletter', documentId: 'n1', media: [9] },
];

const asObject = (pending: Map<string, Set<string>>) =>
  Object.fromEntries([...pending].map(([type, ids]) => [type, [...ids].sort()]));

describe('entriesToReread', () => {
  it('reads a changed entry again, once however often it is reported', () => {
    const pending = entriesToReread(
      [
        { type: 'project', documentId: 'p2' },
        { type: 'project', documentId: 'p2' },
        { type: 'topic', documentId: 't1' },
      ],
      USES,
    );
    expect(asObject(pending)).toEqual({ project: ['p2'], topic: ['t1'] });
  });

  it('reads every entry that uses a changed media file', () => {
    expect(asObject(entriesToReread([{ mediaId: 9 }], USES))).toEqual({ document: ['d1'], newsletter: ['n1'] });
    expect(asObject(entriesToReread([{ mediaId: 7 }, { type: 'event', documentId: 'e1' }], USES))).toEqual({
      project: ['p1'],
      document: ['d1'],
      event: ['e1'],
    });
  });

  it('reads nothing for a change without an entry or a media file the store knows', () => {
    expect(entriesToReread([{ type: 'project' }, { documentId: 'x' }, { mediaId: 1 }], USES).size).toBe(0);
    expect(entriesToReread([], USES).size).toBe(0);
  });
});

describe('shownChanged', () => {
  const fields = referencedFields('topic');

  it('is true when a field other entries show of it changed', () => {
    expect(fields).toContain('slug');
    expect(shownChanged(fields, { slug: 'a', updatedAt: '1' }, { slug: 'b', updatedAt: '1' })).toBe(true);
  });

  it('is false when only fields no other entry shows changed', () => {
    expect(
      shownChanged(['slug'], { slug: 'a', body: 'x', updatedAt: '1' }, { slug: 'a', body: 'y', updatedAt: '2' }),
    ).toBe(false);
  });

  it('is true when the entry appeared or disappeared, false when it was never there', () => {
    expect(shownChanged(fields, undefined, { slug: 'a' })).toBe(true);
    expect(shownChanged(fields, { slug: 'a' }, undefined)).toBe(true);
    expect(shownChanged(fields, undefined, undefined)).toBe(false);
  });
});
