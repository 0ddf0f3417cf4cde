/**
 * The plan of a release build, on made-up fingerprints and manifests: which release a build starts from,
 * which pages are rendered, linked or kept, what a recycled release loses, which search bundles are written.
 */
import { describe, expect, it } from 'vitest';
import {
  bundlesOfChanges,
  chooseBase,
  MANIFEST_VERSION,
  planAssets,
  planRelease,
  type PageFingerprint,
  type ReleaseManifest,
} from '@ikz/site/builder/plan';

const CODE = 'code-1';
const SITE = 'https://ikz.example';

const PAGES: PageFingerprint[] = [
  { url: '/', kind: 'home', fingerprint: 'h1', bundleName: null },
  { url: '/projekte/a/', kind: 'project', fingerprint: 'a1', bundleName: 'projekte' },
  { url: '/projekte/b/', kind: 'project', fingerprint: 'b1', bundleName: 'projekte' },
  { url: '/dokumente/x/', kind: 'document', fingerprint: 'x1', bundleName: 'dokumente-aktuell' },
  { url: '/veranstaltungen/e/', kind: 'event', fingerprint: 'e1', bundleName: 'weitere' },
  { url: '/ueber-uns/', kind: 'infoPage', fingerprint: 'u1', bundleName: 'weitere' },
];
const FILES = [{ url: '/sitemap.xml', hash: 's1' }];

/** The manifest of a release built from these pages and files, its bundles at the given version. */
function manifestOf(pages: readonly PageFingerprint[], files = FILES, bundleVersion = 'v1'): ReleaseManifest {
  const searchable = Object.fromEntries(pages.flatMap((p) => (p.bundleName ? [[p.url, p.bundleName]] : [])));
  return {
    version: MANIFEST_VERSION,
    codeHash: CODE,
    siteUrl: SITE,
    builtAt: '2026-01-01T00:00:00.000Z',
    pages: Object.fromEntries(pages.map((p) => [p.url, p.fingerprint])),
    files: Object.fromEntries(files.map((f) => [f.url, f.hash])),
    searchable,
    bundles: Object.fromEntries(
      [...new Set(Object.values(searchable))].map((bundleName) => [bundleName, bundleVersion]),
    ),
    assets: [],
  };
}

const changed = (url: string, fingerprint: string, bundleName?: string) =>
  PAGES.map((p) => (p.url === url ? { ...p, fingerprint, ...(bundleName ? { bundleName } : {}) } : p));
const actions = (plan: ReturnType<typeof planRelease>) => Object.fromEntries(plan.pages.map((p) => [p.url, p.action]));
const base = { dir: '/releases/1', manifest: manifestOf(PAGES) };

describe('chooseBase: which release a build starts from', () => {
  const choose = (over: Partial<Parameters<typeof chooseBase>[0]>) =>
    chooseBase({ base, recycle: null, codeHash: CODE, siteUrl: SITE, full: false, ...over });

  it('starts from the live release when its manifest fits this code and site', () => {
    expect(choose({})).toEqual({ base, recycled: null, fullReason: null });
  });

  it('builds in full without a release to start from (first build, or a missing or unreadable manifest)', () => {
    expect(choose({ base: null })).toEqual({ base: null, recycled: null, fullReason: 'erster Bau' });
  });

  it('builds in full when the release has a manifest of another format or a corrupt one', () => {
    const old = { dir: base.dir, manifest: { ...base.manifest, version: 1 } as unknown as ReleaseManifest };
    expect(choose({ base: old })).toMatchObject({ base: null, fullReason: 'neues Format der Veröffentlichung' });
    const corrupt = { dir: base.dir, manifest: { codeHash: CODE, siteUrl: SITE } as unknown as ReleaseManifest };
    expect(choose({ base: corrupt })).toMatchObject({ base: null, fullReason: 'neues Format der Veröffentlichung' });
  });

  it('builds in full when the code or the site address changed, or when asked to', () => {
    expect(choose({ codeHash: 'code-2' })).toMatchObject({
      base: null,
      fullReason: 'Code der Website oder Referenzdaten geändert',
    });
    expect(choose({ siteUrl: 'https://anders.example' })).toMatchObject({
      base: null,
      fullReason: 'Adresse der Website geändert',
    });
    expect(choose({ full: true, reason: 'nächtliche Prüfung' })).toMatchObject({
      base: null,
      fullReason: 'nächtliche Prüfung',
    });
    expect(choose({ full: true })).toMatchObject({ base: null, fullReason: 'Neubau aller Seiten angefordert' });
  });

  it('recycles an old release only in an incremental build, and only one built by this code', () => {
    const recycle = { dir: '/releases/0', manifest: manifestOf(PAGES), claim: () => {} };
    expect(choose({ recycle }).recycled).toBe(recycle);
    expect(choose({ recycle, full: true }).recycled).toBeNull();
    expect(choose({ recycle, base: null }).recycled).toBeNull();
    expect(
      choose({ recycle: { ...recycle, manifest: { ...recycle.manifest, codeHash: 'code-0' } } }).recycled,
    ).toBeNull();
  });
});

describe('planRelease', () => {
  it('first build: renders and indexes every page, writes every file and bundle', () => {
    const plan = planRelease({ pages: PAGES, files: FILES, base: null, recycled: null });
    expect(plan.fresh).toBe(true);
    expect(plan.pages.every((p) => p.action === 'render' && p.index === (p.bundleName !== null))).toBe(true);
    expect(plan.files.map((f) => f.action)).toEqual(['write']);
    expect(plan.bundles).toEqual({ projekte: 'write', 'dokumente-aktuell': 'write', weitere: 'write' });
    expect(plan.remove).toEqual([]);
    expect(plan.unindex).toEqual([]);
    expect(plan.manifest).toEqual({
      pages: base.manifest.pages,
      files: base.manifest.files,
      searchable: base.manifest.searchable,
    });
  });

  it('nothing changed: links every page, file and bundle from the base, re-indexes nothing', () => {
    const plan = planRelease({ pages: PAGES, files: FILES, base: base.manifest, recycled: null });
    expect(plan.fresh).toBe(false);
    expect(new Set(Object.values(actions(plan)))).toEqual(new Set(['link']));
    expect(plan.pages.some((p) => p.index || p.searchChanged || p.leaves)).toBe(false);
    expect(plan.files.map((f) => f.action)).toEqual(['link']);
    expect(plan.reindex).toEqual([]);
    expect(plan.bundles).toEqual({ projekte: 'link', 'dokumente-aktuell': 'link', weitere: 'link' });
  });

  it('one page changed: renders it, re-indexes its bundle only', () => {
    const plan = planRelease({
      pages: changed('/projekte/a/', 'a2'),
      files: FILES,
      base: base.manifest,
      recycled: null,
    });
    expect(actions(plan)).toMatchObject({ '/projekte/a/': 'render', '/projekte/b/': 'link', '/': 'link' });
    expect(plan.pages.filter((p) => p.index).map((p) => p.url)).toEqual(['/projekte/a/']);
    expect(plan.pages.filter((p) => p.searchChanged).map((p) => p.url)).toEqual(['/projekte/a/']);
    expect(plan.reindex).toEqual(['projekte']);
    expect(plan.bundles).toEqual({ projekte: 'write', 'dokumente-aktuell': 'link', weitere: 'link' });
  });

  it('a changed data file is written again, an unchanged one linked', () => {
    const plan = planRelease({
      pages: PAGES,
      files: [
        { url: '/sitemap.xml', hash: 's2' },
        { url: '/feed.xml', hash: 'f1' },
      ],
      base: base.manifest,
      recycled: null,
    });
    expect(plan.files.map((f) => f.action)).toEqual(['write', 'write']);
    expect(
      planRelease({
        pages: PAGES,
        files: [...FILES, { url: '/feed.xml', hash: 'f1' }],
        base: base.manifest,
        recycled: null,
      }).files.map((f) => f.action),
    ).toEqual(['link', 'write']);
  });

  it('a page removed: leaves its bundle, which is written again without it', () => {
    const plan = planRelease({
      pages: PAGES.filter((p) => p.url !== '/veranstaltungen/e/'),
      files: FILES,
      base: base.manifest,
      recycled: null,
    });
    expect(plan.unindex).toEqual([{ url: '/veranstaltungen/e/', bundleName: 'weitere' }]);
    expect(plan.reindex).toEqual(['weitere']);
    expect(plan.bundles).toEqual({ projekte: 'link', 'dokumente-aktuell': 'link', weitere: 'write' });
    expect(plan.manifest.searchable).not.toHaveProperty('/veranstaltungen/e/');
  });

  it('the last page of a bundle removed: the bundle is re-indexed (empty) and no longer in the release', () => {
    const plan = planRelease({
      pages: PAGES.filter((p) => p.url !== '/dokumente/x/'),
      files: FILES,
      base: base.manifest,
      recycled: null,
    });
    expect(plan.reindex).toEqual(['dokumente-aktuell']);
    expect(plan.bundles).not.toHaveProperty('dokumente-aktuell');
  });

  it('a page added: rendered and indexed, its bundle written, the rest linked', () => {
    const added: PageFingerprint = { url: '/projekte/c/', kind: 'project', fingerprint: 'c1', bundleName: 'projekte' };
    const plan = planRelease({
      pages: [...PAGES.slice(0, 3), added, ...PAGES.slice(3)],
      files: FILES,
      base: base.manifest,
      recycled: null,
    });
    expect(actions(plan)['/projekte/c/']).toBe('render');
    expect(plan.pages.filter((p) => p.action !== 'link').map((p) => p.url)).toEqual(['/projekte/c/']);
    expect(plan.bundles).toEqual({ projekte: 'write', 'dokumente-aktuell': 'link', weitere: 'link' });
  });

  it('a search bundle is written only when its own pages change', () => {
    // The home page is not searchable: rendered again, but no bundle touched.
    const home = planRelease({ pages: changed('/', 'h2'), files: FILES, base: base.manifest, recycled: null });
    expect(actions(home)['/']).toBe('render');
    expect(home.reindex).toEqual([]);
    expect(Object.values(home.bundles)).toEqual(['link', 'link', 'link']);
    // A document moving to the archive leaves one bundle and enters another.
    const moved = planRelease({
      pages: changed('/dokumente/x/', 'x2', 'dokumente-archiv'),
      files: FILES,
      base: base.manifest,
      recycled: null,
    });
    expect(moved.pages.find((p) => p.url === '/dokumente/x/')).toMatchObject({
      action: 'render',
      index: true,
      leaves: 'dokumente-aktuell',
    });
    expect(new Set(moved.reindex)).toEqual(new Set(['dokumente-aktuell', 'dokumente-archiv']));
    expect(moved.bundles).toEqual({ projekte: 'link', 'dokumente-archiv': 'write', weitere: 'link' });
  });

  it('a page whose bundle changed but whose model did not is linked and indexed again', () => {
    const plan = planRelease({
      pages: changed('/dokumente/x/', 'x1', 'dokumente-archiv'),
      files: FILES,
      base: base.manifest,
      recycled: null,
    });
    expect(plan.pages.find((p) => p.url === '/dokumente/x/')).toMatchObject({
      action: 'link',
      index: true,
      leaves: 'dokumente-aktuell',
      searchChanged: false,
    });
  });

  describe('into a recycled release', () => {
    // The recycled release is older: it has a page the base no longer has, and page a as it is again now.
    const older = [
      ...changed('/projekte/b/', 'b0'),
      { url: '/projekte/alt/', kind: 'project' as const, fingerprint: 'z', bundleName: 'projekte' },
    ];
    const recycled = manifestOf(
      older,
      [
        { url: '/sitemap.xml', hash: 's0' },
        { url: '/alt.xml', hash: 'z' },
      ],
      'v0',
    );
    recycled.bundles.weitere = 'v1';

    it('keeps what it holds as it is now, links what the base holds, removes the rest', () => {
      const plan = planRelease({ pages: PAGES, files: FILES, base: base.manifest, recycled });
      expect(actions(plan)).toMatchObject({ '/': 'keep', '/projekte/a/': 'keep', '/projekte/b/': 'link' });
      expect(plan.files.map((f) => f.action)).toEqual(['link']);
      expect(plan.remove).toEqual(['/projekte/alt/', '/alt.xml']);
      // Unchanged bundles: kept where the recycled release has the base's version, linked where not.
      expect(plan.bundles).toEqual({ projekte: 'link', 'dokumente-aktuell': 'link', weitere: 'keep' });
      expect(plan.discard).toEqual([]);
    });

    it('a page back to an earlier state stays in place but is indexed again', () => {
      const plan = planRelease({ pages: changed('/projekte/b/', 'b0'), files: FILES, base: base.manifest, recycled });
      expect(plan.pages.find((p) => p.url === '/projekte/b/')).toMatchObject({
        action: 'keep',
        index: true,
        searchChanged: true,
      });
      expect(plan.bundles.projekte).toBe('write');
    });

    it('a bundle the new release has not is discarded', () => {
      const plan = planRelease({
        pages: PAGES.filter((p) => p.bundleName !== 'weitere'),
        files: FILES,
        base: base.manifest,
        recycled,
      });
      expect(plan.discard).toEqual(['weitere']);
    });

    it('never without a base', () => {
      expect(() => planRelease({ pages: PAGES, files: FILES, base: null, recycled })).toThrow(/base release/);
    });
  });
});

describe('planAssets', () => {
  it('links only what the recycled release lacks and removes what is no longer used', () => {
    const recycled = { ...manifestOf(PAGES), assets: ['/dateien/a.pdf', '/dateien/alt.pdf'] };
    expect(planAssets(['/dateien/b.pdf', '/dateien/a.pdf'], recycled)).toEqual({
      link: ['/dateien/b.pdf'],
      remove: ['/dateien/alt.pdf'],
      all: ['/dateien/a.pdf', '/dateien/b.pdf'],
    });
    expect(planAssets(['/dateien/b.pdf', '/dateien/a.pdf'], null)).toEqual({
      link: ['/dateien/b.pdf', '/dateien/a.pdf'],
      remove: [],
      all: ['/dateien/a.pdf', '/dateien/b.pdf'],
    });
  });
});

describe('the bundles loaded ahead for the entries a build publishes', () => {
  const base = {
    searchable: {
      '/projekte/a/': 'projekte',
      '/projekte/b/': 'projekte-2',
      '/dokumente/x/': 'dokumente-aktuell',
      '/partnersuche/p/': 'weitere',
    },
  };
  const entries = {
    project: [
      { documentId: 'pa', slug: 'a' },
      { documentId: 'pb', slug: 'b' },
      { documentId: 'pn', slug: 'neu' },
    ],
    document: [{ documentId: 'dx', slug: 'x' }],
    'partner-search': [{ documentId: 'ps', slug: 'p' }],
    topic: [{ documentId: 't', slug: 'abwasser' }],
  };

  it("names the base release's bundle of each changed entry's page, once", () => {
    expect(
      bundlesOfChanges(
        [
          { type: 'project', documentId: 'pb' },
          { type: 'document', documentId: 'dx' },
          { type: 'project', documentId: 'pb' },
          { type: 'partner-search', documentId: 'ps' },
        ],
        entries,
        base,
      ),
    ).toEqual(['projekte-2', 'dokumente-aktuell', 'weitere']);
  });

  it('names none for a new entry, an entry gone, one without a searchable page, a media change or a bare event', () => {
    expect(
      bundlesOfChanges(
        [
          { type: 'project', documentId: 'pn' },
          { type: 'project', documentId: 'weg' },
          { type: 'topic', documentId: 't' },
          { type: 'document' },
          { documentId: 'pa' },
          {},
        ],
        entries,
        base,
      ),
    ).toEqual([]);
  });
});
