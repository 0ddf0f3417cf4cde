import { describe, expect, it } from 'vitest';
import { typeForExtension } from '@ikz/shared-types/file-types';
import type { SiteDocument, SiteNewsletter, SiteProject } from '@ikz/site/lib/types';
import type { Snapshot } from '@ikz/site/model/content';
import { publishedFiles, publishedPath, type FileVerdicts } from '@ikz/site/model/published-files';

const download = (url: string, name: string) => ({
  url,
  name,
  mime: 'application/octet-stream',
  bytes: 1200,
  label: 'HTML',
});
const doc = (documentId: string, file: ReturnType<typeof download> | null) =>
  ({ documentId, title: `Dokument ${documentId}`, slug: documentId, file }) as unknown as SiteDocument;
const project = (documentId: string, key: string | null) =>
  ({
    documentId,
    title: `Projekt ${documentId}`,
    slug: documentId,
    image: key ? { key, width: 4000, height: 3000, alt: 'Bild', fallback: 'jpeg' } : null,
  }) as unknown as SiteProject;
const snapshot = (over: Partial<Snapshot>): Snapshot => ({
  projects: [],
  documents: [],
  newsletters: [],
  events: [],
  topics: [],
  municipalities: [],
  ...over,
});
const pdf = typeForExtension('pdf')!;
const png = typeForExtension('png')!;

describe('publishedFiles', () => {
  const verdicts: FileVerdicts = {
    downloads: new Map([
      ['/dateien/protokoll-abc.html', { ok: true, type: pdf }],
      ['/dateien/skript-def.pdf', { ok: false, detected: 'unbekannt' }],
    ]),
    images: new Map([
      ['bild1', { ok: true, width: 640, height: 480, type: png }],
      ['bild2', { ok: false, detected: 'xml' }],
    ]),
  };
  const sources = {
    downloads: new Map([
      ['/dateien/protokoll-abc.html', 'http://cms/uploads/protokoll_abc.html'],
      ['/dateien/skript-def.pdf', 'http://cms/uploads/skript_def.pdf'],
      ['/dateien/neu-ghi.pdf', 'http://cms/uploads/neu_ghi.pdf'],
    ]),
    images: new Map([
      ['bild1', 'http://cms/uploads/bild1.png'],
      ['bild2', 'http://cms/uploads/bild2.png'],
    ]),
  };
  const result = publishedFiles(
    snapshot({
      documents: [
        doc('a', download('/dateien/protokoll-abc.html', 'protokoll.html')),
        doc('b', download('/dateien/skript-def.pdf', 'skript.pdf')),
        doc('c', null),
        doc('d', download('/dateien/neu-ghi.pdf', 'neu.pdf')),
      ],
      newsletters: [
        {
          documentId: 'n',
          title: 'Newsletter',
          pdf: download('/dateien/skript-def.pdf', 'skript.pdf'),
        } as unknown as SiteNewsletter,
      ],
      projects: [project('p1', 'bild1'), project('p2', 'bild2'), project('p3', null)],
    }),
    verdicts,
    sources,
  );

  it('publishes an allowed file under the extension of the type its bytes have', () => {
    expect(result.snapshot.documents[0]!.file).toEqual({
      url: '/dateien/protokoll-abc.pdf',
      name: 'protokoll.html',
      mime: 'application/pdf',
      bytes: 1200,
      label: 'PDF',
    });
    expect(result.assets.get('/dateien/protokoll-abc.pdf')).toEqual({
      kind: 'download',
      local: '/dateien/protokoll-abc.html',
      source: 'http://cms/uploads/protokoll_abc.html',
    });
    expect(result.snapshot.documents[2]).toBe(result.snapshot.documents[2]);
  });

  it('publishes the entry of a refused or unchecked file without it, and lists it', () => {
    expect(result.snapshot.documents[1]).toMatchObject({ file: null, fileWithheld: true });
    expect(result.snapshot.documents[3]).toMatchObject({ file: null, fileWithheld: true });
    expect(result.snapshot.newsletters[0]).toMatchObject({ pdf: null, pdfWithheld: true });
    expect(result.snapshot.projects[1]!.image).toBeNull();
    expect(result.withheld).toEqual([
      {
        type: 'documents',
        documentId: 'b',
        title: 'Dokument b',
        field: 'file',
        name: 'skript.pdf',
        detected: 'unbekannt',
      },
      {
        type: 'documents',
        documentId: 'd',
        title: 'Dokument d',
        field: 'file',
        name: 'neu.pdf',
        detected: 'nicht geprüft',
      },
      {
        type: 'newsletters',
        documentId: 'n',
        title: 'Newsletter',
        field: 'pdf',
        name: 'skript.pdf',
        detected: 'unbekannt',
      },
      { type: 'projects', documentId: 'p2', title: 'Projekt p2', field: 'image', name: null, detected: 'xml' },
    ]);
    expect(
      [...result.assets.keys()].filter((p) => p.includes('skript') || p.includes('neu') || p.includes('bild2')),
    ).toEqual([]);
  });

  it('sizes an image by what sharp read and offers exactly its variants', () => {
    expect(result.snapshot.projects[0]!.image).toEqual({
      key: 'bild1',
      width: 640,
      height: 480,
      alt: 'Bild',
      fallback: 'png',
    });
    expect([...result.assets.keys()].filter((p) => p.startsWith('/bilder/'))).toEqual([
      '/bilder/bild1-480.webp',
      '/bilder/bild1-480.png',
    ]);
    expect(result.snapshot.projects[2]).toEqual(project('p3', null));
  });

  it('replaces only the last extension of a path', () => {
    expect(publishedPath('/dateien/a.b-c.html', pdf)).toBe('/dateien/a.b-c.pdf');
    expect(publishedPath('/dateien/ohne', pdf)).toBe('/dateien/ohne.pdf');
  });
});
