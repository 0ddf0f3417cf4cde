/** The Partnersuche on the site: expired entries in no output, filter pages, the municipality section, the feed, routes. */
import { describe, expect, it } from 'vitest';
import { routes } from '@ikz/shared-types/routes';
import { partnerSearchItems } from '@ikz/site/lib/feeds';
import { buildContent, type Snapshot } from '@ikz/site/model/content';
import { dataFile } from '@ikz/site/model/files';
import { inventory } from '@ikz/site/model/inventory';
import { pageModel, type ModelContext, type PageOf } from '@ikz/site/model/pages';
import type { SiteMunicipality, SitePartnerSearch, SiteTopic } from '@ikz/site/lib/types';

const context: ModelContext = {
  buildMap: () => ({ viewBox: '0 0 1 1', width: 1, height: 1, shapes: [], legend: [] }),
  infoPages: [],
};
const municipality = (ags: string, name: string, rb: string): SiteMunicipality =>
  ({
    id: 1,
    documentId: `m${ags}`,
    ags,
    name,
    slug: name.toLowerCase(),
    kind: 'Kreisfreie Stadt',
    kreisAgs: ags.slice(0, 5),
    regierungsbezirkAgs: '05',
    regierungsbezirkName: rb,
    updatedAt: '2026-01-01T00:00:00.000Z',
  }) as unknown as SiteMunicipality;
const bonn = municipality('05314000', 'Bonn', 'Köln');
const bielefeld = municipality('05711000', 'Bielefeld', 'Detmold');
const topic = (slug: string): SiteTopic =>
  ({
    id: 1,
    documentId: `t-${slug}`,
    name: slug[0]!.toUpperCase() + slug.slice(1),
    slug,
    focus: false,
    updatedAt: '2026-01-01T00:00:00.000Z',
  }) as unknown as SiteTopic;
const entry = (
  slug: string,
  m: SiteMunicipality,
  validUntil: string,
  topics: string[],
  extra: Partial<SitePartnerSearch> = {},
): SitePartnerSearch =>
  ({
    id: 1,
    documentId: `ps-${slug}`,
    title: `Suche ${slug}`,
    slug,
    municipality: {
      documentId: m.documentId,
      name: m.name,
      slug: m.slug,
      ags: m.ags,
      regierungsbezirkName: m.regierungsbezirkName,
    },
    topics: topics.map((t) => ({ documentId: `t-${t}`, name: topic(t).name, slug: t })),
    offer: 'Wir bieten viel.',
    seek: 'Wir suchen Partner.',
    validUntil,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    publishedAt: '2026-11-01T00:00:00.000Z',
    ...extra,
  }) as SitePartnerSearch;

// 23:30 UTC on 5 December is already 6 December in Berlin.
const NOW = new Date('2026-12-05T23:30:00Z');
const snapshot: Snapshot = {
  projects: [],
  documents: [],
  newsletters: [],
  events: [],
  topics: [topic('vergabe'), topic('bauhof')],
  municipalities: [bonn, bielefeld],
  partnerSearches: [
    entry('vergabe-bonn', bonn, '2027-03-01', ['vergabe']),
    entry('bauhof-bielefeld', bielefeld, '2026-12-06', ['bauhof', 'vergabe']),
    entry('abgelaufen', bonn, '2026-12-05', ['bauhof']),
  ],
};
const content = buildContent(snapshot, NOW);
const model = (url: string) => pageModel(content, routes.match(url)!, context);
const list = (url: string) => model(url) as PageOf<'partnerSearches'> | null;

describe('the Partnersuche on the site', () => {
  it('leaves an entry out from the day after its validUntil (Berlin) in every output', async () => {
    expect(content.partnerSearches.map((e) => e.slug)).toEqual(['bauhof-bielefeld', 'vergabe-bonn']);
    expect(model('/partnersuche/abgelaufen/')).toBeNull();
    const list = inventory(content, []);
    expect(list.partnerSearches).toEqual(['bauhof-bielefeld', 'vergabe-bonn']);
    expect(routes.expectedUrls(list)).not.toContain('/partnersuche/abgelaufen/');
    const feed = await dataFile(content, routes.match('/partnersuche/feed.xml')!, {
      siteUrl: 'https://interkommunales.nrw',
      sitemapUrls: [],
      env: {},
    });
    expect(feed!.body).toContain('/partnersuche/vergabe-bonn/');
    expect(feed!.body).not.toContain('abgelaufen');
  });

  it('lists the current entries with filters by topic and Regierungsbezirk as static pages', () => {
    const all = list('/partnersuche/')!;
    expect(all.entries.map((e) => e.slug)).toEqual(['bauhof-bielefeld', 'vergabe-bonn']);
    expect(all.filters.topics).toEqual([
      { slug: 'bauhof', name: 'Bauhof', count: 1 },
      { slug: 'vergabe', name: 'Vergabe', count: 2 },
    ]);
    expect(all.filters.regions).toEqual([
      { slug: 'detmold', name: 'Detmold', count: 1 },
      { slug: 'koeln', name: 'Köln', count: 1 },
    ]);
    expect(list('/partnersuche/thema/bauhof/')!.entries.map((e) => e.slug)).toEqual(['bauhof-bielefeld']);
    expect(model('/partnersuche/regierungsbezirk/koeln/')!).toMatchObject({
      active: { by: 'region', name: 'Köln' },
      entries: [{ slug: 'vergabe-bonn', municipality: 'Bonn' }],
    });
    expect(model('/partnersuche/thema/unbekannt/')).toBeNull();
    const urls = routes.expectedUrls(inventory(content, []));
    for (const url of [
      '/partnersuche/',
      '/partnersuche/eintragen/',
      '/partnersuche/feed.xml',
      '/partnersuche/thema/vergabe/',
      '/partnersuche/regierungsbezirk/detmold/',
    ])
      expect(urls).toContain(url);
  });

  it('shows an entry with its Regierungsbezirk, and a municipality its own entries', () => {
    expect(model('/partnersuche/vergabe-bonn/')).toMatchObject({
      kind: 'partnerSearch',
      region: { name: 'Köln', slug: 'koeln' },
    });
    expect((model('/kommunen/bonn/') as PageOf<'municipality'>).partnerSearches.map((e) => e.slug)).toEqual([
      'vergabe-bonn',
    ]);
  });

  it('keeps the entry form and filter words from being entry slugs', () => {
    expect(routes.reservedSlugs('partner-search')).toEqual(['eintragen', 'feed', 'regierungsbezirk', 'thema']);
  });

  it('puts typed text into the feed as plain text', () => {
    const [item] = partnerSearchItems([
      entry('x', bonn, '2027-01-01', [], { title: 'Titel\u0000 mit\nZeile', seek: '<script>alert(1)</script>' }),
    ]);
    expect(item!.title).toBe('Titel mit Zeile');
    expect(item!.description).toContain('Bonn sucht: <script>alert(1)</script>');
  });
});
