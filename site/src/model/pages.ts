/**
 * Page models: for every HTML route, exactly the data its view shows. The views render nothing else, so a
 * page whose model is unchanged renders to the same HTML – which is what lets a publish re-render only the
 * pages a change affects (their model's fingerprint changed). Pure; the rules that used to sit in page
 * front matter live here and are unit-tested.
 */
import { ENUMS } from '@ikz/shared-types';
import { municipalityChoices, type MunicipalityGroup } from '@ikz/shared-types/municipality-choices';
import { PAGE_SIZES, pageCount, searchBundlePath, searchShard, type RouteKind, type RouteMatch } from '@ikz/shared-types/routes';
import { groupBy, typeSlug } from '../lib/collections.ts';
import { kreisSlugs } from '../lib/kreise.ts';
import type { KreisMap } from '../lib/map.ts';
import type { SiteDocument, SiteEvent, SiteMunicipality, SiteNewsletter, SitePartnerSearch, SiteProject, SiteTopic } from '../lib/types.ts';
import type { Content } from './content.ts';
import { partnerSearchCard, partnerSearchesOf, partnerSearchList, regionOf, regionSlug, type PartnerSearchCardData, type PartnerSearchFilter } from './partner-search.ts';

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
  | { kind: 'home'; projectCount: number; documentCount: number; focus: { slug: string; name: string; description: string | null; projects: number }[]; newest: ProjectCardData[]; upcoming: EventCardData[]; latestNewsletter: { slug: string; title: string; sentAt: string } | null; map: MapData }
  | ({ kind: 'projects'; projects: ProjectCardData[] } & Paging)
  | { kind: 'project'; project: SiteProject }
  | { kind: 'topics'; topics: { slug: string; name: string; focus: boolean; projects: number }[] }
  | ({ kind: 'topic'; topic: SiteTopic; projects: ProjectCardData[]; documents: DocumentRowData[] } & Paging)
  | { kind: 'municipalities'; map: MapData; regions: { name: string; kreise: { slug: string; name: string; kreisfrei: boolean; members: MunicipalityLink[] }[] }[] }
  | ({ kind: 'municipality'; municipality: SiteMunicipality; kreis: MunicipalityLink | null; members: MunicipalityLink[]; own: ProjectCardData[]; ownTotal: number; memberProjects: ProjectCardData[]; memberTotal: number; partnerSearches: PartnerSearchCardData[] } & Paging)
  | { kind: 'documents'; documentCount: number; types: { type: string; slug: string; count: number; courtDecisions: boolean }[]; latest: DocumentRowData[] }
  | { kind: 'document'; document: SiteDocument }
  | ({ kind: 'documentType'; type: string; slug: string; documents: DocumentRowData[] } & Paging)
  | ({ kind: 'courtDecisions'; decisions: (DocumentRowData & { court: string; decidedAt: string | null; docketNumber: string; decisionKind: string; holding: string | null })[] } & Paging)
  | { kind: 'newsletters'; firstYear: number | null; years: { year: number; issues: { slug: string; title: string; sentAt: string }[] }[] }
  | { kind: 'newsletter'; newsletter: SiteNewsletter }
  | { kind: 'newsletterUnsubscribe' }
  | { kind: 'events'; upcoming: EventCardData[]; pastCount: number }
  | ({ kind: 'eventArchive'; years: { year: string; events: { slug: string; title: string; startsAt: string; format: string }[] }[] } & Paging)
  | { kind: 'event'; event: SiteEvent; past: boolean }
  | { kind: 'search'; mergeBundles: string[] }
  | { kind: 'openData'; projectCount: number }
  | { kind: 'infoPage'; id: string; contentDate: string | null; municipalities: MunicipalityGroup[] | null; topics: { slug: string; name: string }[] | null }
  | { kind: 'partnerSearches'; entries: PartnerSearchCardData[]; total: number; filters: { topics: PartnerSearchFilter[]; regions: PartnerSearchFilter[] }; active: { by: 'topic' | 'region'; slug: string; name: string } | null }
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

export const documentRow = (d: SiteDocument): DocumentRowData => ({ slug: d.slug, title: d.title, type: d.type, date: d.date, publisher: d.publisher });

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
    focus: content.topics.filter((t) => t.focus).map((t) => ({ slug: t.slug, name: t.name, description: t.description, projects: content.projectsByTopic.get(t.slug)?.length ?? 0 })),
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
export function municipalityProjects(content: Content, m: SiteMunicipality): { own: SiteProject[]; members: SiteMunicipality[]; memberProjects: SiteProject[] } {
  const own = content.projectsByAgs.get(m.ags) ?? [];
  if (m.kind !== 'Kreis') return { own, members: [], memberProjects: [] };
  const members = content.kreisMembers.get(m.ags) ?? [];
  const ownSet = new Set(own);
  const memberSet = new Set<SiteProject>();
  for (const member of members) for (const p of content.projectsByAgs.get(member.ags) ?? []) if (!ownSet.has(p)) memberSet.add(p);
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
  const parent = m.kind !== 'Kreis' && m.kind !== 'Kreisfreie Stadt' ? content.municipalityByAgs.get(m.kreisAgs) : undefined;
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
  const byRb = groupBy([...content.municipalities].sort((a, b) => a.regierungsbezirkAgs.localeCompare(b.regierungsbezirkAgs)), (m) => m.regierungsbezirkName);
  return {
    kind: 'municipalities',
    map: mapData(content, buildMap),
    regions: [...byRb.entries()].map(([name, list]) => ({
      name,
      kreise: list
        .filter((m) => m.kind === 'Kreis' || m.kind === 'Kreisfreie Stadt')
        .sort((a, b) => a.name.localeCompare(b.name, 'de'))
        .map((k) => ({ slug: k.slug, name: k.name, kreisfrei: k.kind === 'Kreisfreie Stadt', members: k.kind === 'Kreis' ? (content.kreisMembers.get(k.ags) ?? []).map(link) : [] })),
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

/** The search bundles besides the main one (projects), which the search page merges. */
export function searchBundles(content: Content): string[] {
  const shards = new Set(['weitere', ...content.documents.map((d) => searchShard('document', d.date.slice(0, 4), content.now.getUTCFullYear()))]);
  return [...shards].sort().map(searchBundlePath);
}

/** The court decisions, newest first: documents of that type with their court data. */
export const courtDecisionsOf = (content: Content) =>
  (content.documentsByType.get('Gerichtsentscheidung') ?? []).flatMap((document) => (document.courtDecision ? [{ document, decision: document.courtDecision }] : []));

/** The document types that have documents, in the order of the schema. */
export const documentTypesInUse = (content: Content) => ENUMS['document.type'].filter((t) => content.documentsByType.has(t));

/**
 * The model of the page at a matched route, or null when that page does not exist for this content
 * (an unknown slug, a page number past the end, or a route that is a file rather than a page).
 */
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
}

export function pageModel(content: Content, route: RouteMatch, context: ModelContext): PageModel | null {
  const slug = route.params.slug ?? '';
  const page = route.params.page ?? 1;
  switch (route.kind as RouteKind) {
    case 'home':
      return home(content, context.buildMap);
    case 'projects':
    case 'projectsPage': {
      const part = slice(content.projects, PAGE_SIZES.projects, page);
      return part ? { kind: 'projects', projects: part.items.map(projectCard), ...part.paging } : null;
    }
    case 'project': {
      const project = content.bySlug.projects.get(slug);
      return project ? { kind: 'project', project } : null;
    }
    case 'topics':
      return { kind: 'topics', topics: content.topics.map((t) => ({ slug: t.slug, name: t.name, focus: t.focus, projects: content.projectsByTopic.get(t.slug)?.length ?? 0 })) };
    case 'topic':
    case 'topicPage':
      return topic(content, slug, page);
    case 'municipalities':
      return municipalities(content, context.buildMap);
    case 'municipality':
    case 'municipalityPage':
      return municipality(content, slug, page);
    case 'documents':
      return {
        kind: 'documents',
        documentCount: content.documents.length,
        types: documentTypesInUse(content).map((t) => ({ type: t, slug: typeSlug(t), count: content.documentsByType.get(t)!.length, courtDecisions: t === 'Gerichtsentscheidung' })),
        latest: content.documents.slice(0, 15).map(documentRow),
      };
    case 'document': {
      const document = content.bySlug.documents.get(slug);
      return document ? { kind: 'document', document } : null;
    }
    case 'documentType':
    case 'documentTypePage':
      return documentType(content, slug, page);
    case 'courtDecisions':
    case 'courtDecisionsPage': {
      const part = slice(courtDecisionsOf(content), PAGE_SIZES.courtDecisions, page);
      return part
        ? {
            kind: 'courtDecisions',
            decisions: part.items.map(({ document: d, decision }) => ({ ...documentRow(d), court: decision.court, decidedAt: decision.decidedAt, docketNumber: decision.docketNumber, decisionKind: decision.kind, holding: decision.holding })),
            ...part.paging,
          }
        : null;
    }
    case 'newsletters':
      return {
        kind: 'newsletters',
        firstYear: content.newsletters.length ? Math.min(...content.newsletters.map((n) => n.year)) : null,
        years: [...groupBy(content.newsletters, (n) => n.year).entries()].map(([year, issues]) => ({ year, issues: issues.map((n) => ({ slug: n.slug, title: n.title, sentAt: n.sentAt })) })),
      };
    case 'newsletter': {
      const newsletter = content.bySlug.newsletters.get(slug);
      return newsletter ? { kind: 'newsletter', newsletter } : null;
    }
    case 'newsletterUnsubscribe':
      return { kind: 'newsletterUnsubscribe' };
    case 'events':
      return { kind: 'events', upcoming: content.upcoming.map(eventCard), pastCount: content.past.length };
    case 'eventArchive':
    case 'eventArchivePage':
      return eventArchive(content, page);
    case 'event': {
      const event = content.bySlug.events.get(slug);
      return event ? { kind: 'event', event, past: new Date(event.endsAt) < content.now } : null;
    }
    case 'search':
      return { kind: 'search', mergeBundles: searchBundles(content) };
    case 'openData':
      return { kind: 'openData', projectCount: content.projects.length };
    case 'infoPage': {
      const info = context.infoPages.find((p) => p.id === slug);
      return info
        ? { kind: 'infoPage', id: slug, contentDate: info.usesContentDate ? content.contentDate : null, municipalities: info.usesMunicipalities ? municipalityChoices(content.municipalities) : null, topics: info.usesTopics ? content.topics.map((t) => ({ slug: t.slug, name: t.name })) : null }
        : null;
    }
    case 'partnerSearches':
      return partnerSearchList(content.partnerSearches, null);
    case 'partnerSearchTopic':
      return partnerSearchList(content.partnerSearches, { by: 'topic', slug });
    case 'partnerSearchRegion':
      return partnerSearchList(content.partnerSearches, { by: 'region', slug });
    case 'partnerSearch': {
      const entry = content.bySlug.partnerSearches.get(slug);
      const region = entry ? regionOf(entry) : null;
      return entry ? { kind: 'partnerSearch', entry, region: region ? { name: region, slug: regionSlug(region) } : null } : null;
    }
    case 'partnerSearchForm':
      return { kind: 'partnerSearchForm', municipalities: municipalityChoices(content.municipalities), topics: content.topics.map((t) => ({ slug: t.slug, name: t.name })) };
    case 'notFound':
      return { kind: 'notFound' };
    default:
      return null;
  }
}
