/** The route table: one place for every URL, followed by matching, expected URLs and the release checks. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createRoutes,
  outputPath,
  routes,
  SEARCH_MAIN_BUNDLE,
  searchBundlePath,
  SEGMENTS,
  STATIC_ROUTES,
  type RouteKind,
  type SiteInventory,
} from '@ikz/shared-types/routes';
import { searchBundleName } from '@ikz/site/model/pages';
import { checkFiles, checkSearch } from '@ikz/site/builder/checks';
import { encodeFinderFile, FINDER_FILE } from '@ikz/site/lib/finder-data';

const checkRelease = (
  dir: string,
  urls: readonly string[],
  searchable: Readonly<Record<string, string>>,
  assets: readonly string[],
) => [...checkFiles(dir, urls, searchable, assets), ...checkSearch(dir, searchable)];
import { sitemapUrls } from '@ikz/site/model/inventory';

const inventory: SiteInventory = {
  projects: ['bauhof', 'seite-zwei'],
  projectPages: 3,
  topics: [{ slug: 'digitalisierung', pages: 2 }],
  municipalities: [
    { slug: 'kreis-lippe', pages: 2 },
    { slug: 'detmold', pages: 1 },
  ],
  documentTypes: [{ slug: 'satzung', pages: 2 }],
  courtDecisionPages: 2,
  documents: ['satzung-zweckverband'],
  newsletters: ['newsletter-i-2026'],
  events: ['jahrestagung-2026'],
  eventArchivePages: 2,
  infoPages: ['impressum'],
  sitemaps: 1,
};

describe('route table', () => {
  it('reads every URL it builds back to its kind and parameters', () => {
    const urls = routes.expectedUrls(inventory);
    expect(new Set(urls).size).toBe(urls.length);
    for (const url of urls) {
      const match = routes.match(url);
      expect(match, url).not.toBeNull();
      const rebuilt = routes.url(match!.kind as 'project', match!.params as { slug: string });
      expect(rebuilt, url).toBe(url);
    }
    expect(routes.match('/dokumente/rechtsprechung/')?.kind).toBe('courtDecisions');
    expect(routes.match('/veranstaltungen/archiv/')?.kind).toBe('eventArchive');
    expect(routes.match('/veranstaltungen/kalender.ics')?.kind).toBe('calendar');
    expect(routes.match('/projekte/seite/1/')).toBeNull();
    expect(routes.match('/projekte/Bauhof/')).toBeNull();
    expect(routes.match('/projekte/../etc/')).toBeNull();
  });

  it('keeps page 1 of a list at the list URL (links stay stable when lists grow)', () => {
    expect(routes.paged.topic('digitalisierung', 1)).toBe('/themen/digitalisierung/');
    expect(routes.paged.topic('digitalisierung', 2)).toBe('/themen/digitalisierung/seite/2/');
    expect(routes.paged.municipality('kreis-lippe', 3)).toBe('/kommunen/kreis-lippe/seite/3/');
    expect(routes.paged.documentType('satzung', 2)).toBe('/dokumente/typ/satzung/2/');
    expect(routes.paged.courtDecisions(1)).toBe('/dokumente/rechtsprechung/');
    expect(routes.paged.eventArchive(2)).toBe('/veranstaltungen/archiv/seite/2/');
    expect(routes.paged.courtDecisions(2)).toBe('/dokumente/rechtsprechung/seite/2/');
    expect(routes.expectedUrls(inventory).filter((u) => u.startsWith('/dokumente/rechtsprechung/'))).toEqual([
      '/dokumente/rechtsprechung/',
      '/dokumente/rechtsprechung/seite/2/',
    ]);
    expect(() => routes.url('project', { slug: 'Nicht erlaubt' })).toThrow(/not a valid slug/);
  });

  it('reserves the slugs that would be another route', () => {
    expect(routes.reservedSlugs('event')).toEqual(['archiv', 'kalender']);
    expect(routes.reservedSlugs('document')).toEqual(['rechtsprechung', 'typ']);
    expect(routes.reservedSlugs('newsletter')).toEqual(['abmelden', 'feed']);
    // Without the reservation these entries would take another route's URL.
    const collides = (type: 'event' | 'document', slug: string) => {
      const urls = routes.expectedUrls({ ...inventory, [`${type}s`]: [slug] });
      return new Set(urls).size !== urls.length || routes.match(routes.url(type, { slug }))?.kind !== type;
    };
    expect(collides('event', 'archiv')).toBe(true);
    expect(collides('event', 'kalender')).toBe(true);
    expect(collides('document', 'rechtsprechung')).toBe(true);
    expect(collides('event', 'jahrestagung-2026')).toBe(false);
  });

  it('follows a renamed URL segment everywhere: URLs, matching, expected URLs and the release checks', () => {
    const renamed = createRoutes({ ...SEGMENTS, projects: 'vorhaben', page: 'blatt', events: 'termine' });
    expect(renamed.url('project', { slug: 'bauhof' })).toBe('/vorhaben/bauhof/');
    expect(renamed.paged.projects(2)).toBe('/vorhaben/blatt/2/');
    expect(renamed.url('eventCalendar', { slug: 'jahrestagung-2026' })).toBe('/termine/jahrestagung-2026.ics');
    expect(renamed.match('/vorhaben/bauhof/')).toEqual({ kind: 'project', params: { slug: 'bauhof' } });
    expect(renamed.match('/projekte/bauhof/')).toBeNull();
    const urls = renamed.expectedUrls(inventory);
    expect(urls.filter((u) => u.includes('/projekte/'))).toEqual([]);
    expect(urls).toContain('/vorhaben/blatt/3/');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-routes-'));
    try {
      for (const url of urls) {
        const file = path.join(dir, outputPath(url));
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, url);
      }
      const pages = sitemapUrls(urls);
      fs.writeFileSync(
        path.join(dir, 'sitemap-0.xml'),
        pages.map((u) => `<url><loc>https://x.example${u}</loc></url>`).join(''),
      );
      const searchable = Object.fromEntries(
        urls
          .filter((u) =>
            ['project', 'document', 'newsletter', 'event', 'infoPage'].includes(renamed.match(u)!.kind as RouteKind),
          )
          .map((u) => [u, searchBundleName(renamed.match(u)!.kind, '2026')]),
      );
      for (const bundleName of new Set(Object.values(searchable))) {
        const bundle = path.join(dir, searchBundlePath(bundleName));
        fs.mkdirSync(bundle, { recursive: true });
        fs.writeFileSync(
          path.join(bundle, 'pagefind-entry.json'),
          JSON.stringify({
            languages: { de: { page_count: Object.values(searchable).filter((s) => s === bundleName).length } },
          }),
        );
        for (const file of ['pagefind.js', 'pagefind-worker.js']) fs.writeFileSync(path.join(bundle, file), '');
      }
      const projectPages = Object.keys(searchable).filter((u) => renamed.match(u)!.kind === 'project');
      const finderFile = path.join(dir, searchBundlePath(SEARCH_MAIN_BUNDLE), FINDER_FILE);
      const writeFinder = (pages: string[]) =>
        fs.writeFileSync(
          finderFile,
          encodeFinderFile(pages.map((url, i) => ({ id: `de_${i}`, url, title: url, date: '', facets: {} }))),
        );
      writeFinder(projectPages);
      const assets = ['/dateien/satzung-ab12.pdf', '/bilder/cd34-800.webp'];
      for (const file of assets) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), file);
      }
      expect(checkRelease(dir, urls, searchable, assets)).toEqual([]);
      fs.rmSync(path.join(dir, 'vorhaben', 'blatt', '3'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'projekte', 'bauhof'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'projekte', 'bauhof', 'index.html'), 'alt');
      fs.writeFileSync(path.join(dir, 'dateien', 'alt-ef56.pdf'), 'alt');
      const problems = checkRelease(dir, urls, searchable, [...assets, '/bilder/gh78-400.webp']);
      expect(problems.join('\n')).toMatch(/1 expected file\(s\) missing, e\.g\. \/vorhaben\/blatt\/3\//);
      expect(problems.join('\n')).toMatch(
        /1 page\(s\) that the content does not have, e\.g\. projekte\/bauhof\/index\.html/,
      );
      expect(problems.join('\n')).toMatch(/1 download\(s\) or image\(s\) missing, e\.g\. \/bilder\/gh78-400\.webp/);
      expect(problems.join('\n')).toMatch(
        /1 download\(s\) or image\(s\) the content does not use, e\.g\. \/dateien\/alt-ef56\.pdf/,
      );
      writeFinder(projectPages.slice(1));
      expect(checkRelease(dir, urls, searchable, assets).join('\n')).toMatch(
        new RegExp(
          `the finder file of /pagefind/ lists ${projectPages.length - 1} projects, the bundle has ${projectPages.length}`,
        ),
      );
      writeFinder([...projectPages.slice(1), projectPages[1]!]);
      expect(checkRelease(dir, urls, searchable, assets).join('\n')).toMatch(/the finder file of \/pagefind\/ lists/);
      fs.writeFileSync(finderFile, '{"format":1');
      expect(checkRelease(dir, urls, searchable, assets).join('\n')).toMatch(
        /the finder file of \/pagefind\/ cannot be read/,
      );
      writeFinder(projectPages);
      fs.rmSync(path.join(dir, searchBundlePath(SEARCH_MAIN_BUNDLE), 'pagefind-worker.js'));
      expect(checkRelease(dir, urls, searchable, assets).join('\n')).toMatch(
        /the main search bundle has no pagefind-worker\.js/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('puts documents into two search bundles by how recent they are, and the other pages into theirs', () => {
    expect(searchBundleName('document', '2026', 2026)).toBe('dokumente-aktuell');
    expect(searchBundleName('document', '2025', 2026)).toBe('dokumente-aktuell');
    expect(searchBundleName('document', '2027', 2026)).toBe('dokumente-aktuell');
    expect(searchBundleName('document', '2024', 2026)).toBe('dokumente-archiv');
    expect(searchBundleName('document', '2008', 2026)).toBe('dokumente-archiv');
    expect(searchBundleName('document', undefined, 2026)).toBe('dokumente-archiv');
    // At the turn of the year the year before last moves into the archive.
    expect(searchBundleName('document', '2025', 2027)).toBe('dokumente-archiv');
    expect(searchBundleName('project')).toBe(SEARCH_MAIN_BUNDLE);
    expect(searchBundleName('event', '2026', 2026)).toBe('weitere');
    expect(searchBundlePath(searchBundleName('document', '2026', 2026))).toBe('/pagefind-dokumente-aktuell/');
  });

  it('lists every static page and file once', () => {
    expect(new Set(STATIC_ROUTES).size).toBe(STATIC_ROUTES.length);
    expect(routes.expectedUrls(inventory).filter((u) => u === '/')).toHaveLength(1);
  });
});
