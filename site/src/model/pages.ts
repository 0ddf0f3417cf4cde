/**
 * Page models: for every HTML route, exactly the data its view shows. The views render nothing else, so a
 * page whose model is unchanged renders to the same HTML – which is what lets a publish re-render only the
 * pages a change affects (their model's fingerprint changed). Pure; the rules that used to sit in page
 * front matter live here and are unit-tested.
 */
import { ENUMS } from '@ikz/shared-types';
import { municipalityChoices, type MunicipalityGroup } from '@ikz/shared-types/municipality-choices';
import {
  DOCUMENT_BUNDLE_NAMES,
  documentBundleName,
  isPageRoute,
  isProjectBundle,
  projectBundleCount,
  projectBundleName,
  PROJECTS_PER_BUNDLE,
  PAGE_SIZES,
  pageCount,
  SEARCH_MAIN_BUNDLE,
  SEARCH_OTHER_BUNDLE,
  searchBundlePath,
  type PageRouteKind,
  type RouteKind,
  type RouteMatch,
} from '@ikz/shared-types/routes';
import { groupBy, typeSlug } from '../lib/collections.ts';
import { kreisSlugs } from '../lib/kreise.ts';
import type { KreisMap } from '../lib/map.ts';
import type {
  SiteDocument,
  SiteEvent,
  SiteMunicipality,
  SiteNewsletter,
  SitePartnerSearch,
  SiteProject,
  SiteTopic,
} from '../lib/types.ts';
import type { Content } from './content.ts';
import {
  partnerSearchCard,
  partnerSearchesOf,
  partnerSearchList,
  regionOf,
  regionSlug,
  type PartnerSearchCardData,
  type PartnerSearchFilter,
} from './partner-search.ts';

export interface ProjectCardData {
  slug: string;
  title: string;
  summary: string;
  leadName: string | null;
  startYear: number | null;
  projectStatus: string;
  bestPractice: boolean;
}

export interface EventCardData {
  slug: string;
  title: string;
  summary: string;
  startsAt: string;
  endsAt: string;
  format: string;
  city: string | null;
  eventStatus: string;
}

export interface DocumentRowData {
  slug: string;
  title: string;
  type: string;
  date: string;
  publisher: string | null;
}

export interface MunicipalityLink {
  slug: string;
  name: string;
}

export interface Paging {
  page: number;
  pages: number;
  total: number;
}

/** The NRW map: Kreis shapes shaded by project counts, and the page of each Kreis. */
export interface MapData {
  map: KreisMap;
  slugs: [string, string][];
}

export type PageModel =
  | {
      kind: 'home';
      projectCount: number;
      documentCount: number;
      focus: { slug: string; name: string; description: string | null; projects: number }[];
      newest: ProjectCardData[];
      upcoming: EventCardData[];
      latestNewsletter: { slug: string; title: string; sentAt: string } | null;
      map: MapData;
    }
  | ({
      kind: 'projects';
      projects: ProjectCardData[];
      /** The projects' search bundles, each with the finder's file (first page only: the finder is there). */
      finderBundles: string[];
    } & Paging)
  | { kind: 'project'; project: SiteProject }
  | { kind: 'topics'; topics: { slug: string; name: string; focus: boolean; projects: number }[] }
  | ({ kind: 'topic'; topic: SiteTopic; projects: ProjectCardData[]; documents: DocumentRowData[] } & Paging)
  | {
      kind: 'municipalities';
      map: MapData;
      regions: {
        name: string;
        kreise: { slug: string; name: string; kreisfrei: boolean; members: MunicipalityLink[] }[];
      }[];
    }
  | ({
      kind: 'municipality';
      municipality: SiteMunicipality;
      kreis: MunicipalityLink | null;
      members: MunicipalityLink[];
      own: ProjectCardData[];
      ownTotal: number;
      memberProjects: ProjectCardData[];
      memberTotal: number;
      partnerSearches: PartnerSearchCardData[];
    } & Paging)
  | {
      kind: 'documents';
      documentCount: number;
      types: { type: string; slug: string; count: number; courtDecisions: boolean }[];
      latest: DocumentRowData[];
    }
  | { kind: 'document'; document: SiteDocument }
  | ({ kind: 'documentType'; type: string; slug: string; documents: DocumentRowData[] } & Paging)
  | ({
      kind: 'courtDecisions';
      decisions: (DocumentRowData & {
        court: string;
        decidedAt: string | null;
        docketNumber: string;
        decisionKind: string;
        holding: string | null;
      })[];
    } & Paging)
  | {
      kind: 'newsletters';
      firstYear: number | null;
      years: { year: number; issues: { slug: string; title: string; sentAt: string }[] }[];
    }
  | { kind: 'newsletter'; newsletter: SiteNewsletter }
  | { kind: 'newsletterUnsubscribe' }
  | { kind: 'events'; upcoming: EventCardData[]; pastCount: number }
  | ({
      kind: 'eventArchive';
      years: { year: string; events: { slug: string; title: string; startsAt: string; format: string }[] }[];
    } & Paging)
  | { kind: 'event'; event: SiteEvent; past: boolean }
  | { kind: 'search'; mergeBundles: string[] }
  | { kind: 'openData'; projectCount: number }
  | {
      kind: 'infoPage';
      id: string;
      contentDate: string | null;
      municipalities: MunicipalityGroup[] | null;
      topics: { slug: string; name: string }[] | null;
    }
  | {
      kind: 'partnerSearches';
      entries: PartnerSearchCardData[];
      total: number;
      filters: { topics: PartnerSearchFilter[]; regions: PartnerSearchFilter[] };
      active: { by: 'topic' | 'region'; slug: string; name: string } | null;
    }
  | { kind: 'partnerSearch'; entry: SitePartnerSearch; region: { name: string; slug: string } | null }
  | { kind: 'partnerSearchForm'; municipalities: MunicipalityGroup[]; topics: { slug: string; name: string }[] }
  | { kind: 'notFound' };

export type PageKind = PageModel['kind'];
export type PageOf<K extends PageKind> = Extract<PageModel, { kind: K }>;

export const projectCard = (p: SiteProject): ProjectCardData => ({
  slug: p.slug,
  title: p.title,
  summary: p.summary,
  leadName: p.leadMunicipality?.name ?? null,
  startYear: p.startYear,
  projectStatus: p.projectStatus,
  bestPractice: p.bestPractice,
});

export const eventCard = (e: SiteEvent): EventCardData => ({
  slug: e.slug,
  title: e.title,
  summary: e.summary,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  format: e.format,
  city: e.place ? e.place.city : null,
  eventStatus: e.eventStatus,
});

export const documentRow = (d: SiteDocument): DocumentRowData => ({
  slug: d.slug,
  title: d.title,
  type: d.type,
  date: d.date,
  publisher: d.publisher,
});

const link = (m: SiteMunicipality): MunicipalityLink => ({ slug: m.slug, name: m.name });

/** Page `page` (1-based) of a list; null when the list has no such page. */
function slice<T>(items: readonly T[], size: number, page: number): { items: T[]; paging: Paging } | null {
  const pages = pageCount(items.length, size);
  if (page < 1 || page > pages) return null;
  return { items: items.slice((page - 1) * size, page * size), paging: { page, pages, total: items.length } };
}

/** The map of project counts per Kreis; computed by the caller once per build (it needs the reference data). */
export type MapBuilder = (counts: ReadonlyMap<string, number>) => KreisMap;

function mapData(content: Content, buildMap: MapBuilder): MapData {
  return { map: buildMap(content.projectsPerKreis), slugs: [...kreisSlugs(content.municipalities)] };
}

function home(content: Content, buildMap: MapBuilder): PageOf<'home'> {
  const newest = [...content.projects]
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || a.title.localeCompare(b.title, 'de'))
    .slice(0, 6)
    .map(projectCard);
  const latest = content.newsletters[0];
  return {
    kind: 'home',
    projectCount: content.projects.length,
    documentCount: content.documents.length,
    focus: content.topics
      .filter((t) => t.focus)
      .map((t) => ({
        slug: t.slug,
        name: t.name,
        description: t.description,
        projects: content.projectsByTopic.get(t.slug)?.length ?? 0,
      })),
    newest,
    upcoming: content.upcoming.slice(0, 3).map(eventCard),
    latestNewsletter: latest ? { slug: latest.slug, title: latest.title, sentAt: latest.sentAt } : null,
    map: mapData(content, buildMap),
  };
}

function topic(content: Content, slug: string, page: number): PageOf<'topic'> | null {
  const t = content.bySlug.topics.get(slug);
  if (!t) return null;
  const own = slice(content.projectsByTopic.get(slug) ?? [], PAGE_SIZES.topicProjects, page);
  if (!own) return null;
  const documents = page === 1 ? (content.documentsByTopic.get(slug) ?? []).slice(0, 20).map(documentRow) : [];
  return { kind: 'topic', topic: t, projects: own.items.map(projectCard), documents, ...own.paging };
}

/** Projects of a municipality: its own; for a Kreis also those of its Gemeinden, paginated as one list. */
export function municipalityProjects(
  content: Content,
  m: SiteMunicipality,
): { own: SiteProject[]; members: SiteMunicipality[]; memberProjects: SiteProject[] } {
  const own = content.projectsByAgs.get(m.ags) ?? [];
  if (m.kind !== 'Kreis') return { own, members: [], memberProjects: [] };
  const members = content.kreisMembers.get(m.ags) ?? [];
  const ownSet = new Set(own);
  const memberSet = new Set<SiteProject>();
  for (const member of members)
    for (const p of content.projectsByAgs.get(member.ags) ?? []) if (!ownSet.has(p)) memberSet.add(p);
  const memberProjects = content.projects.filter((p) => memberSet.has(p));
  return { own, members, memberProjects };
}

function municipality(content: Content, slug: string, page: number): PageOf<'municipality'> | null {
  const m = content.bySlug.municipalities.get(slug);
  if (!m) return null;
  const { own, members, memberProjects } = municipalityProjects(content, m);
  const all = [...own.map((p) => ({ p, own: true })), ...memberProjects.map((p) => ({ p, own: false }))];
  const part = slice(all, PAGE_SIZES.municipalityProjects, page);
  if (!part) return null;
  const parent =
    m.kind !== 'Kreis' && m.kind !== 'Kreisfreie Stadt' ? content.municipalityByAgs.get(m.kreisAgs) : undefined;
  return {
    kind: 'municipality',
    municipality: m,
    kreis: parent?.kind === 'Kreis' ? link(parent) : null,
    members: page === 1 ? members.map(link) : [],
    own: part.items.filter((x) => x.own).map((x) => projectCard(x.p)),
    ownTotal: own.length,
    memberProjects: part.items.filter((x) => !x.own).map((x) => projectCard(x.p)),
    memberTotal: memberProjects.length,
    partnerSearches: page === 1 ? partnerSearchesOf(content.partnerSearches, m.ags).map(partnerSearchCard) : [],
    ...part.paging,
  };
}

function municipalities(content: Content, buildMap: MapBuilder): PageOf<'municipalities'> {
  const byRb = groupBy(
    [...content.municipalities].sort((a, b) => a.regierungsbezirkAgs.localeCompare(b.regierungsbezirkAgs)),
    (m) => m.regierungsbezirkName,
  );
  return {
    kind: 'municipalities',
    map: mapData(content, buildMap),
    regions: [...byRb.entries()].map(([name, list]) => ({
      name,
      kreise: list
        .filter((m) => m.kind === 'Kreis' || m.kind === 'Kreisfreie Stadt')
        .sort((a, b) => a.name.localeCompare(b.name, 'de'))
        .map((k) => ({
          slug: k.slug,
          name: k.name,
          kreisfrei: k.kind === 'Kreisfreie Stadt',
          members: k.kind === 'Kreis' ? (content.kreisMembers.get(k.ags) ?? []).map(link) : [],
        })),
    })),
  };
}

function documentType(content: Content, slug: string, page: number): PageOf<'documentType'> | null {
  const type = ENUMS['document.type'].find((t) => typeSlug(t) === slug);
  const list = type ? content.documentsByType.get(type) : undefined;
  if (!type || !list) return null;
  const part = slice(list, PAGE_SIZES.documentType, page);
  return part ? { kind: 'documentType', type, slug, documents: part.items.map(documentRow), ...part.paging } : null;
}

function eventArchive(content: Content, page: number): PageOf<'eventArchive'> | null {
  const part = slice(content.past, PAGE_SIZES.eventArchive, page);
  if (!part) return null;
  return {
    kind: 'eventArchive',
    years: [...groupBy(part.items, (e) => e.startsAt.slice(0, 4)).entries()].map(([year, list]) => ({
      year,
      events: list.map((e) => ({ slug: e.slug, title: e.title, startsAt: e.startsAt, format: e.format })),
    })),
    ...part.paging,
  };
}

/** The court decisions, newest first: documents of that type with their court data. */
export const courtDecisionsOf = (content: Content) =>
  (content.documentsByType.get('Gerichtsentscheidung') ?? []).flatMap((document) =>
    document.courtDecision ? [{ document, decision: document.courtDecision }] : [],
  );

/** The document types that have documents, in the order of the schema. */
export const documentTypesInUse = (content: Content) =>
  ENUMS['document.type'].filter((t) => content.documentsByType.has(t));

/** An MDX page of the site (src/content/pages); `usesContentDate` when it shows the build's content date. */
export interface InfoPage {
  id: string;
  usesContentDate: boolean;
  /** Whether it has a form that offers the municipalities (the advisory request, the project report). */
  usesMunicipalities?: boolean;
  /** Whether it has a form that offers the topics (the project report). */
  usesTopics?: boolean;
}

export interface ModelContext {
  buildMap: MapBuilder;
  infoPages: readonly InfoPage[];
  /** Projects per search bundle before they are split (default PROJECTS_PER_BUNDLE; tests split small content). */
  projectsPerBundle?: number | undefined;
}

/** What a page kind's model is built from: the content, the matched route and its parameters, the build's context. */
export interface ModelInput {
  content: Content;
  route: PageRouteKind;
  /** The route's `:slug` ('' when it has none). */
  slug: string;
  /** The route's `:page` (1 when it has none). */
  page: number;
  context: ModelContext;
}

/** Where a page goes in the search index: its slug, a document's year, the build's year, the projects' bundles. */
export interface BundlePlace {
  slug: string;
  documentYear?: string | undefined;
  currentYear: number;
  /** How many bundles the projects are split into (projectBundleCount). */
  projectBundles: number;
}

/** The search bundles a kind's pages can go into, and the one a page goes into. */
export interface SearchBundle {
  holds: (bundleName: string) => boolean;
  of: (place: BundlePlace) => string;
}
const bundle = (name: string): SearchBundle => ({ holds: (b) => b === name, of: () => name });

/**
 * The number of bundles this content's projects are split into. The main bundle holds Pagefind's scripts, which
 * the search page and the finder load, so it must have a page: in the rare case that no slug falls into it
 * (few projects per bundle), the projects are split into fewer parts.
 */
export function projectBundlesOf(content: Content, context: Pick<ModelContext, 'projectsPerBundle'>): number {
  let count = projectBundleCount(content.projects.length, context.projectsPerBundle ?? PROJECTS_PER_BUNDLE);
  while (count > 1 && !content.projects.some((p) => projectBundleName(p.slug, count) === SEARCH_MAIN_BUNDLE))
    count -= 1;
  return count;
}

/** The projects' bundles that hold a page of this content (the main one always: it has Pagefind's scripts). */
export function projectBundles(content: Content, context: Pick<ModelContext, 'projectsPerBundle'>): string[] {
  const count = projectBundlesOf(content, context);
  const names = new Set([SEARCH_MAIN_BUNDLE, ...content.projects.map((p) => projectBundleName(p.slug, count))]);
  return [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** One page kind: the routes whose pages it is, how its model is built, and where its pages are searched. */
export interface PageKindSpec<K extends PageKind> {
  /** The route kinds (the route table, shared-types/src/routes.ts) whose pages are of this kind. */
  routes: readonly PageRouteKind[];
  /** The page's model, or null when this content has no such page (an unknown slug, a page number past the end). */
  model: (input: ModelInput) => PageOf<K> | null;
  /** The search bundle of its pages; null: its pages are not in the search index. */
  search: SearchBundle | null;
}

const topicLinks = (content: Content) => content.topics.map((t) => ({ slug: t.slug, name: t.name }));

function projects({ content, page, context }: ModelInput): PageOf<'projects'> | null {
  const part = slice(content.projects, PAGE_SIZES.projects, page);
  if (!part) return null;
  const finderBundles = page === 1 ? projectBundles(content, context).map(searchBundlePath) : [];
  return { kind: 'projects', projects: part.items.map(projectCard), finderBundles, ...part.paging };
}

function documents({ content }: ModelInput): PageOf<'documents'> {
  return {
    kind: 'documents',
    documentCount: content.documents.length,
    types: documentTypesInUse(content).map((t) => ({
      type: t,
      slug: typeSlug(t),
      count: content.documentsByType.get(t)!.length,
      courtDecisions: t === 'Gerichtsentscheidung',
    })),
    latest: content.documents.slice(0, 15).map(documentRow),
  };
}

function courtDecisions({ content, page }: ModelInput): PageOf<'courtDecisions'> | null {
  const part = slice(courtDecisionsOf(content), PAGE_SIZES.courtDecisions, page);
  if (!part) return null;
  return {
    kind: 'courtDecisions',
    decisions: part.items.map(({ document: d, decision }) => ({
      ...documentRow(d),
      court: decision.court,
      decidedAt: decision.decidedAt,
      docketNumber: decision.docketNumber,
      decisionKind: decision.kind,
      holding: decision.holding,
    })),
    ...part.paging,
  };
}

function newsletters({ content }: ModelInput): PageOf<'newsletters'> {
  return {
    kind: 'newsletters',
    firstYear: content.newsletters.length ? Math.min(...content.newsletters.map((n) => n.year)) : null,
    years: [...groupBy(content.newsletters, (n) => n.year).entries()].map(([year, issues]) => ({
      year,
      issues: issues.map((n) => ({ slug: n.slug, title: n.title, sentAt: n.sentAt })),
    })),
  };
}

function infoPage({ content, slug, context }: ModelInput): PageOf<'infoPage'> | null {
  const info = context.infoPages.find((p) => p.id === slug);
  if (!info) return null;
  return {
    kind: 'infoPage',
    id: slug,
    contentDate: info.usesContentDate ? content.contentDate : null,
    municipalities: info.usesMunicipalities ? municipalityChoices(content.municipalities) : null,
    topics: info.usesTopics ? topicLinks(content) : null,
  };
}

function partnerSearches({ content, route, slug }: ModelInput): PageOf<'partnerSearches'> | null {
  const by = route === 'partnerSearchTopic' ? 'topic' : route === 'partnerSearchRegion' ? 'region' : null;
  return partnerSearchList(content.partnerSearches, by ? { by, slug } : null);
}

function partnerSearch({ content, slug }: ModelInput): PageOf<'partnerSearch'> | null {
  const entry = content.bySlug.partnerSearches.get(slug);
  if (!entry) return null;
  const region = regionOf(entry);
  return { kind: 'partnerSearch', entry, region: region ? { name: region, slug: regionSlug(region) } : null };
}

/**
 * The page kinds: for each, its routes, its model and its search bundle (its view: src/views/index.ts).
 * A kind missing here, or one without its model, is a type error; a page route of the route table that no
 * kind claims is one too (PAGE_ROUTES_CLAIMED below).
 */
export const PAGE_KINDS = {
  home: { routes: ['home'], model: ({ content, context }) => home(content, context.buildMap), search: null },
  projects: { routes: ['projects', 'projectsPage'], model: projects, search: null },
  project: {
    routes: ['project'],
    model: ({ content, slug }) => {
      const project = content.bySlug.projects.get(slug);
      return project ? { kind: 'project', project } : null;
    },
    search: {
      holds: isProjectBundle,
      of: ({ slug, projectBundles: count }) => projectBundleName(slug, count),
    },
  },
  topics: {
    routes: ['topics'],
    model: ({ content }) => ({
      kind: 'topics',
      topics: content.topics.map((t) => ({
        slug: t.slug,
        name: t.name,
        focus: t.focus,
        projects: content.projectsByTopic.get(t.slug)?.length ?? 0,
      })),
    }),
    search: null,
  },
  topic: {
    routes: ['topic', 'topicPage'],
    model: ({ content, slug, page }) => topic(content, slug, page),
    search: null,
  },
  municipalities: {
    routes: ['municipalities'],
    model: ({ content, context }) => municipalities(content, context.buildMap),
    search: null,
  },
  municipality: {
    routes: ['municipality', 'municipalityPage'],
    model: ({ content, slug, page }) => municipality(content, slug, page),
    search: null,
  },
  documents: { routes: ['documents'], model: documents, search: null },
  document: {
    routes: ['document'],
    model: ({ content, slug }) => {
      const document = content.bySlug.documents.get(slug);
      return document ? { kind: 'document', document } : null;
    },
    search: {
      holds: (b) => (DOCUMENT_BUNDLE_NAMES as readonly string[]).includes(b),
      of: ({ documentYear, currentYear }) => documentBundleName(documentYear, currentYear),
    },
  },
  documentType: {
    routes: ['documentType', 'documentTypePage'],
    model: ({ content, slug, page }) => documentType(content, slug, page),
    search: null,
  },
  courtDecisions: { routes: ['courtDecisions', 'courtDecisionsPage'], model: courtDecisions, search: null },
  newsletters: { routes: ['newsletters'], model: newsletters, search: null },
  newsletter: {
    routes: ['newsletter'],
    model: ({ content, slug }) => {
      const newsletter = content.bySlug.newsletters.get(slug);
      return newsletter ? { kind: 'newsletter', newsletter } : null;
    },
    search: bundle(SEARCH_OTHER_BUNDLE),
  },
  newsletterUnsubscribe: {
    routes: ['newsletterUnsubscribe'],
    model: () => ({ kind: 'newsletterUnsubscribe' }),
    search: null,
  },
  events: {
    routes: ['events'],
    model: ({ content }) => ({
      kind: 'events',
      upcoming: content.upcoming.map(eventCard),
      pastCount: content.past.length,
    }),
    search: null,
  },
  eventArchive: {
    routes: ['eventArchive', 'eventArchivePage'],
    model: ({ content, page }) => eventArchive(content, page),
    search: null,
  },
  event: {
    routes: ['event'],
    model: ({ content, slug }) => {
      const event = content.bySlug.events.get(slug);
      return event ? { kind: 'event', event, past: new Date(event.endsAt) < content.now } : null;
    },
    search: bundle(SEARCH_OTHER_BUNDLE),
  },
  search: {
    routes: ['search'],
    model: ({ content, context }) => ({ kind: 'search', mergeBundles: searchBundles(content, context) }),
    search: null,
  },
  openData: {
    routes: ['openData'],
    model: ({ content }) => ({ kind: 'openData', projectCount: content.projects.length }),
    search: null,
  },
  infoPage: { routes: ['infoPage'], model: infoPage, search: bundle(SEARCH_OTHER_BUNDLE) },
  partnerSearches: {
    routes: ['partnerSearches', 'partnerSearchTopic', 'partnerSearchRegion'],
    model: partnerSearches,
    search: null,
  },
  partnerSearch: { routes: ['partnerSearch'], model: partnerSearch, search: bundle(SEARCH_OTHER_BUNDLE) },
  partnerSearchForm: {
    routes: ['partnerSearchForm'],
    model: ({ content }) => ({
      kind: 'partnerSearchForm',
      municipalities: municipalityChoices(content.municipalities),
      topics: topicLinks(content),
    }),
    search: null,
  },
  notFound: { routes: ['notFound'], model: () => ({ kind: 'notFound' }), search: null },
} satisfies { [K in PageKind]: PageKindSpec<K> };

type ClaimedRoute = (typeof PAGE_KINDS)[PageKind]['routes'][number];
/** Type check: every page route of the route table belongs to a page kind (else this names the ones that do not). */
export const PAGE_ROUTES_CLAIMED: [Exclude<PageRouteKind, ClaimedRoute>] extends [never]
  ? true
  : { unclaimed: Exclude<PageRouteKind, ClaimedRoute> } = true;

/** The page kind of each page route; a route claimed by two kinds stops the site at its start. */
export const PAGE_KIND_OF_ROUTE: ReadonlyMap<RouteKind, PageKind> = (() => {
  const kinds = new Map<RouteKind, PageKind>();
  for (const [kind, spec] of Object.entries(PAGE_KINDS) as [PageKind, PageKindSpec<PageKind>][]) {
    for (const route of spec.routes) {
      if (kinds.has(route))
        throw new Error(`The route ${route} is claimed by the page kinds ${kinds.get(route)} and ${kind}.`);
      kinds.set(route, kind);
    }
  }
  return kinds;
})();

/**
 * The model of the page at a matched route, or null when that page does not exist for this content
 * (an unknown slug, a page number past the end, or a route that is a file rather than a page).
 */
export function pageModel(content: Content, route: RouteMatch, context: ModelContext): PageModel | null {
  if (!isPageRoute(route.kind)) return null;
  const kind = PAGE_KIND_OF_ROUTE.get(route.kind);
  if (!kind) throw new Error(`No page kind has the route ${route.kind}.`);
  return PAGE_KINDS[kind].model({
    content,
    route: route.kind,
    slug: route.params.slug ?? '',
    page: route.params.page ?? 1,
    context,
  });
}

const searchOf = (kind: PageKind): SearchBundle | null => (PAGE_KINDS[kind] as PageKindSpec<PageKind>).search;

/** Routes whose pages go into the search index. */
export const SEARCHABLE_ROUTES: readonly RouteKind[] = [...PAGE_KIND_OF_ROUTE]
  .filter(([, kind]) => searchOf(kind))
  .map(([route]) => route);

/** The search bundle of a page at a route; a document's by its year compared with `currentYear` (the build's). */
export function searchBundleName(
  kind: RouteKind,
  documentYear?: string,
  currentYear = new Date().getUTCFullYear(),
  place: { slug?: string; projectBundles?: number } = {},
): string {
  const pageKind = PAGE_KIND_OF_ROUTE.get(kind);
  const search = pageKind ? searchOf(pageKind) : null;
  if (!search) throw new Error(`Pages of the route ${kind} are not in the search index.`);
  return search.of({ slug: place.slug ?? '', documentYear, currentYear, projectBundles: place.projectBundles ?? 1 });
}

/** The routes whose pages a bundle can hold (the inverse of searchBundleName). */
export const bundleKinds = (bundleName: string): RouteKind[] =>
  SEARCHABLE_ROUTES.filter((route) => searchOf(PAGE_KIND_OF_ROUTE.get(route)!)!.holds(bundleName));

/**
 * The search bundles besides the main one, which the search page merges: the projects' further parts, the
 * documents' bundles their dates fall into, and the other pages' (there are always information pages).
 */
export function searchBundles(content: Content, context: Pick<ModelContext, 'projectsPerBundle'> = {}): string[] {
  const year = content.now.getUTCFullYear();
  const bundleNames = new Set<string>([SEARCH_OTHER_BUNDLE, ...projectBundles(content, context)]);
  for (const d of content.documents) bundleNames.add(documentBundleName(d.date.slice(0, 4), year));
  bundleNames.delete(SEARCH_MAIN_BUNDLE);
  return [...bundleNames].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map(searchBundlePath);
}
