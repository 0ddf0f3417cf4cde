/**
 * The page kinds' registry (site/src/model/pages.ts, PAGE_KINDS) and the views' map (site/src/views/index.ts):
 * every page route of the route table has one page kind, every kind a model and a view, and the URLs a
 * build expects render a page of the kind their route has.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isPageRoute,
  projectBundleCount,
  projectBundleName,
  routes,
  SEARCH_MAIN_BUNDLE,
  STATIC_ROUTES,
  type RouteKind,
} from '@ikz/shared-types/routes';
import { buildContent } from '@ikz/site/model/content';
import { inventory } from '@ikz/site/model/inventory';
import {
  PAGE_KIND_OF_ROUTE,
  PAGE_KINDS,
  pageModel,
  projectBundlesOf,
  SEARCHABLE_ROUTES,
  searchBundles,
  searchBundleName,
  bundleKinds,
  type ModelContext,
  type PageKind,
  type PageOf,
} from '@ikz/site/model/pages';
import type {
  SiteDocument,
  SiteEvent,
  SiteMunicipality,
  SiteNewsletter,
  SitePartnerSearch,
  SiteProject,
  SiteTopic,
} from '@ikz/site/lib/types';

const ROUTE_KINDS = Object.keys(routes.patterns) as RouteKind[];
const KINDS = Object.keys(PAGE_KINDS) as PageKind[];
const VIEWS_DIR = path.join(import.meta.dirname, '../../site/src/views');

const context: ModelContext = {
  buildMap: () => ({ viewBox: '0 0 1 1', width: 1, height: 1, shapes: [], legend: [] }),
  infoPages: [{ id: 'impressum', usesContentDate: false }],
};
const stamp = {
  updatedAt: '2026-01-01T00:00:00.000Z',
  publishedAt: '2026-01-01T00:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const municipality = (ags: string, name: string, kind: string): SiteMunicipality =>
  ({
    id: 1,
    documentId: `m${ags}`,
    ags,
    name,
    slug: name.toLowerCase(),
    kind,
    kreisAgs: '05766',
    kreisName: 'Lippe',
    regierungsbezirkAgs: '057',
    regierungsbezirkName: 'Detmold',
    ...stamp,
  }) as unknown as SiteMunicipality;
const lippe = municipality('05766', 'Lippe', 'Kreis');
const detmold = municipality('05766020', 'Detmold', 'Kreisangehörige Stadt');
const ref = {
  documentId: detmold.documentId,
  name: detmold.name,
  slug: detmold.slug,
  ags: detmold.ags,
  kind: detmold.kind,
  kreisAgs: detmold.kreisAgs,
  regierungsbezirkName: 'Detmold',
};
const topicRef = { documentId: 't-bauhof', name: 'Bauhof', slug: 'bauhof' };
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

// Enough entries for a second page of every paginated list.
const content = buildContent(
  {
    topics: [{ id: 1, ...topicRef, description: null, focus: true, ...stamp } as unknown as SiteTopic],
    municipalities: [lippe, detmold],
    projects: range(30).map(
      (i) =>
        ({
          id: i,
          documentId: `p${i}`,
          title: `Projekt ${i}`,
          slug: `projekt-${i}`,
          summary: 'Kurz',
          leadMunicipality: ref,
          municipalities: [],
          topics: [topicRef],
          projectStatus: 'Planung',
          startYear: 2024,
          bestPractice: false,
          ...stamp,
        }) as unknown as SiteProject,
    ),
    documents: range(55).map(
      (i) =>
        ({
          id: i,
          documentId: `d${i}`,
          title: `Urteil ${i}`,
          slug: `urteil-${i}`,
          type: 'Gerichtsentscheidung',
          date: `20${String(10 + (i % 17)).padStart(2, '0')}-03-01`,
          publisher: null,
          topics: [topicRef],
          courtDecision: {
            court: 'OVG NRW',
            decidedAt: null,
            docketNumber: `${i} A 1/20`,
            kind: 'Urteil',
            holding: null,
          },
          ...stamp,
        }) as unknown as SiteDocument,
    ),
    newsletters: [
      {
        id: 1,
        documentId: 'n1',
        title: 'Newsletter 1',
        slug: 'newsletter-1',
        sentAt: '2026-02-01T08:00:00.000Z',
        year: 2026,
        ...stamp,
      } as unknown as SiteNewsletter,
    ],
    events: range(62).map(
      (i) =>
        ({
          id: i,
          documentId: `e${i}`,
          title: `Termin ${i}`,
          slug: `termin-${i}`,
          format: 'Seminar',
          startsAt: `${1950 + i}-05-01T08:00:00.000Z`,
          endsAt: `${1950 + i}-05-01T12:00:00.000Z`,
          summary: 'Termin',
          eventStatus: 'angekündigt',
          place: null,
          ...stamp,
        }) as unknown as SiteEvent,
    ),
    partnerSearches: [
      {
        id: 1,
        documentId: 'ps1',
        title: 'Suche',
        slug: 'suche-bauhof',
        municipality: ref,
        topics: [topicRef],
        offer: 'A',
        seek: 'B',
        validUntil: '2027-03-01',
        ...stamp,
      } as unknown as SitePartnerSearch,
    ],
  },
  new Date('2026-12-01T12:00:00Z'),
);

describe('page kinds', () => {
  it('gives every page route of the route table one page kind, and no data file one', () => {
    for (const route of ROUTE_KINDS) expect(PAGE_KIND_OF_ROUTE.has(route), route).toBe(isPageRoute(route));
    const claims = KINDS.flatMap((kind) => PAGE_KINDS[kind].routes);
    expect(claims.length).toBe(new Set(claims).size);
    expect(new Set(claims)).toEqual(new Set(ROUTE_KINDS.filter(isPageRoute)));
  });

  it('builds for every URL a build expects the page of its route’s kind, and every page route has such URLs', () => {
    const urls = routes.expectedUrls(inventory(content, context.infoPages));
    const seen = new Set<RouteKind>();
    for (const url of urls) {
      const route = routes.match(url)!;
      seen.add(route.kind);
      const page = pageModel(content, route, context);
      if (!isPageRoute(route.kind)) expect(page, url).toBeNull();
      else expect(page?.kind, url).toBe(PAGE_KIND_OF_ROUTE.get(route.kind));
    }
    expect([...seen].sort()).toEqual([...ROUTE_KINDS].sort());
    expect(STATIC_ROUTES.every((kind) => urls.includes(routes.url(kind)))).toBe(true);
  });

  it('has a view for every page kind, and every view belongs to one', () => {
    const source = fs.readFileSync(path.join(VIEWS_DIR, 'index.ts'), 'utf8');
    const imports = new Map(
      [...source.matchAll(/^import (\w+) from '\.\/(\w+)\.astro';$/gm)].map((m) => [m[1]!, m[2]!]),
    );
    const map = source.slice(source.indexOf('export const VIEWS = {'), source.indexOf('} satisfies'));
    const views = new Map([...map.matchAll(/^ {2}(\w+): (\w+),$/gm)].map((m) => [m[1]!, m[2]!]));
    expect([...views.keys()].sort()).toEqual([...KINDS].sort());
    for (const [kind, component] of views) expect(imports.has(component), kind).toBe(true);
    const files = fs
      .readdirSync(VIEWS_DIR)
      .filter((f) => f.endsWith('.astro'))
      .map((f) => f.replace(/\.astro$/, ''));
    expect([...new Set(views.values())].map((c) => imports.get(c)).sort()).toEqual(files.sort());
  });

  it('puts the pages of searchable kinds into their bundles, and the search page merges the others', () => {
    expect([...SEARCHABLE_ROUTES].sort()).toEqual([
      'document',
      'event',
      'infoPage',
      'newsletter',
      'partnerSearch',
      'project',
    ]);
    expect(bundleKinds(SEARCH_MAIN_BUNDLE)).toEqual(['project']);
    expect(bundleKinds('dokumente-archiv')).toEqual(['document']);
    expect([...bundleKinds('weitere')].sort()).toEqual(['event', 'infoPage', 'newsletter', 'partnerSearch']);
    for (const route of SEARCHABLE_ROUTES) expect(bundleKinds(searchBundleName(route, '2026', 2026))).toContain(route);
    expect(() => searchBundleName('topic')).toThrow();
    expect(searchBundles(content)).toEqual([
      '/pagefind-dokumente-aktuell/',
      '/pagefind-dokumente-archiv/',
      '/pagefind-weitere/',
    ]);
    expect(
      searchBundles(
        buildContent(
          { projects: [], documents: [], newsletters: [], events: [], topics: [], municipalities: [] },
          new Date(),
        ),
      ),
    ).toEqual(['/pagefind-weitere/']);
  });

  it('splits the projects over bundles by a hash of their slug once there are more than a bundle holds', () => {
    // 30 projects, 10 per bundle: three parts, every project in one of them, each part used.
    const split = { ...context, projectsPerBundle: 10 };
    const parts = content.projects.map((p) =>
      searchBundleName('project', undefined, 2026, { slug: p.slug, projectBundles: 3 }),
    );
    expect(new Set(parts)).toEqual(new Set([SEARCH_MAIN_BUNDLE, 'projekte-2', 'projekte-3']));
    // The same slug lands in the same part, whatever else changes.
    expect(projectBundleName('projekt-7', 3)).toBe(projectBundleName('projekt-7', 3));
    expect(projectBundleName('projekt-7', 1)).toBe(SEARCH_MAIN_BUNDLE);
    expect(projectBundleCount(4000)).toBe(2);
    expect(projectBundleCount(4001)).toBe(3);
    expect(projectBundleCount(0)).toBe(1);
    for (const part of ['projekte-2', 'projekte-3', 'projekte-12']) expect(bundleKinds(part)).toEqual(['project']);
    for (const other of ['projekte-0', 'projekte-01', 'projekte-x', 'projekte-', 'Projekte-2', 'projekte-2/'])
      expect(bundleKinds(other), other).toEqual([]);
    // The search page merges the further parts; the finder reads every part's file, the main one first.
    expect(searchBundles(content, split)).toEqual([
      '/pagefind-dokumente-aktuell/',
      '/pagefind-dokumente-archiv/',
      '/pagefind-projekte-2/',
      '/pagefind-projekte-3/',
      '/pagefind-weitere/',
    ]);
    const first = pageModel(content, { kind: 'projects', params: {} }, split) as PageOf<'projects'>;
    expect(first.finderBundles).toEqual(['/pagefind/', '/pagefind-projekte-2/', '/pagefind-projekte-3/']);
    const plain = pageModel(content, { kind: 'projects', params: {} }, context) as PageOf<'projects'>;
    expect(plain.finderBundles).toEqual(['/pagefind/']);
    const second = pageModel(content, { kind: 'projectsPage', params: { page: 2 } }, split) as PageOf<'projects'>;
    expect(second.finderBundles).toEqual([]);
  });

  it('splits into fewer parts when no project would fall into the main bundle, which has the scripts', () => {
    const slugs = range(200)
      .map((i) => `vorhaben-${i}`)
      .filter((slug) => projectBundleName(slug, 3) !== SEARCH_MAIN_BUNDLE)
      .slice(0, 9);
    const odd = { ...content, projects: content.projects.slice(0, 9).map((p, i) => ({ ...p, slug: slugs[i]! })) };
    const count = projectBundlesOf(odd, { projectsPerBundle: 3 });
    expect(count).toBeLessThan(3);
    expect(odd.projects.some((p) => projectBundleName(p.slug, count) === SEARCH_MAIN_BUNDLE)).toBe(true);
    expect(projectBundlesOf(content, { projectsPerBundle: 10 })).toBe(3);
  });
});
