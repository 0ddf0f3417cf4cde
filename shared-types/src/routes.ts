/**
 * The route table: the URL of every page and file the site has, written once. Pages, views, sitemap,
 * feeds, the publisher's release checks, the preview and the admin's "Auf der Website ansehen" link all
 * build URLs here, and the renderer resolves an URL back to its kind and parameters here.
 *
 * A pattern is a path with parameters: `:slug` (ASCII slug), `:page` (a page number ≥ 2), `:n` (a number
 * ≥ 0). Renaming a URL segment is a change to SEGMENTS only. Browser-safe: no Node imports.
 */

export const SEGMENTS = {
  projects: 'projekte',
  topics: 'themen',
  municipalities: 'kommunen',
  documents: 'dokumente',
  documentType: 'typ',
  courtDecisions: 'rechtsprechung',
  newsletters: 'newsletter',
  newsletterUnsubscribe: 'abmelden',
  events: 'veranstaltungen',
  eventArchive: 'archiv',
  partnerSearches: 'partnersuche',
  partnerSearchForm: 'eintragen',
  partnerSearchTopic: 'thema',
  partnerSearchRegion: 'regierungsbezirk',
  search: 'suche',
  openData: 'daten',
  page: 'seite',
} as const;

export type Segments = { [K in keyof typeof SEGMENTS]: string };

/** Entries per page of the paginated lists. */
export const PAGE_SIZES = {
  projects: 24,
  topicProjects: 24,
  municipalityProjects: 24,
  documentType: 50,
  courtDecisions: 25,
  eventArchive: 60,
} as const;

function patternsFor(s: Segments) {
  return {
    home: '/',
    projects: `/${s.projects}/`,
    projectsPage: `/${s.projects}/${s.page}/:page/`,
    project: `/${s.projects}/:slug/`,
    projectFeed: `/${s.projects}/feed.xml`,
    topics: `/${s.topics}/`,
    topic: `/${s.topics}/:slug/`,
    topicPage: `/${s.topics}/:slug/${s.page}/:page/`,
    municipalities: `/${s.municipalities}/`,
    municipality: `/${s.municipalities}/:slug/`,
    municipalityPage: `/${s.municipalities}/:slug/${s.page}/:page/`,
    documents: `/${s.documents}/`,
    document: `/${s.documents}/:slug/`,
    documentType: `/${s.documents}/${s.documentType}/:slug/`,
    documentTypePage: `/${s.documents}/${s.documentType}/:slug/:page/`,
    courtDecisions: `/${s.documents}/${s.courtDecisions}/`,
    courtDecisionsPage: `/${s.documents}/${s.courtDecisions}/${s.page}/:page/`,
    newsletters: `/${s.newsletters}/`,
    newsletter: `/${s.newsletters}/:slug/`,
    newsletterFeed: `/${s.newsletters}/feed.xml`,
    newsletterUnsubscribe: `/${s.newsletters}/${s.newsletterUnsubscribe}/`,
    events: `/${s.events}/`,
    eventArchive: `/${s.events}/${s.eventArchive}/`,
    eventArchivePage: `/${s.events}/${s.eventArchive}/${s.page}/:page/`,
    event: `/${s.events}/:slug/`,
    eventCalendar: `/${s.events}/:slug.ics`,
    calendar: `/${s.events}/kalender.ics`,
    partnerSearches: `/${s.partnerSearches}/`,
    partnerSearchForm: `/${s.partnerSearches}/${s.partnerSearchForm}/`,
    partnerSearchFeed: `/${s.partnerSearches}/feed.xml`,
    partnerSearchTopic: `/${s.partnerSearches}/${s.partnerSearchTopic}/:slug/`,
    partnerSearchRegion: `/${s.partnerSearches}/${s.partnerSearchRegion}/:slug/`,
    partnerSearch: `/${s.partnerSearches}/:slug/`,
    search: `/${s.search}/`,
    openData: `/${s.openData}/`,
    openDataJson: `/${s.openData}/projekte.json`,
    openDataCsv: `/${s.openData}/projekte.csv`,
    sitemapIndex: '/sitemap-index.xml',
    sitemap: '/sitemap-:n.xml',
    robots: '/robots.txt',
    securityTxt: '/.well-known/security.txt',
    notFound: '/404.html',
    infoPage: '/:slug/',
  } as const;
}

type Patterns = ReturnType<typeof patternsFor>;
export type RouteKind = keyof Patterns;

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}.${string}`
    ? Name
    : never;
type ParamValue<N extends string> = N extends 'page' | 'n' ? number : string;
export type RouteParams<K extends RouteKind> = { [N in ParamNames<Patterns[K]>]: ParamValue<N> };

/** Routes whose URL carries no parameter. */
export type StaticRouteKind = { [K in RouteKind]: ParamNames<Patterns[K]> extends never ? K : never }[RouteKind];

export interface RouteMatch {
  kind: RouteKind;
  params: { slug?: string; page?: number; n?: number };
}

const PARAM_PATTERNS: Record<string, string> = {
  slug: '([a-z0-9]+(?:-[a-z0-9]+)*)',
  page: '([2-9]|[1-9][0-9]+)',
  n: '(0|[1-9][0-9]*)',
};
const NUMERIC = new Set(['page', 'n']);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(pattern: string): { regex: RegExp; names: string[]; literal: number } {
  const names: string[] = [];
  const source = pattern
    .split(/(:[a-z]+)/)
    .map((part) => {
      if (!part.startsWith(':')) return escapeRegExp(part);
      names.push(part.slice(1));
      return PARAM_PATTERNS[part.slice(1)]!;
    })
    .join('');
  return { regex: new RegExp(`^${source}$`), names, literal: pattern.replace(/:[a-z]+/g, '').length };
}

/** A route table for the given URL segments (the site uses SEGMENTS; tests rename them). */
export function createRoutes(segments: Segments = SEGMENTS) {
  const patterns = patternsFor(segments);
  const compiled = (Object.entries(patterns) as [RouteKind, string][])
    .map(([kind, pattern]) => ({ kind, ...compile(pattern) }))
    // Literal text wins over parameters: /dokumente/rechtsprechung/ before /dokumente/:slug/.
    .sort((a, b) => b.literal - a.literal || a.names.length - b.names.length);

  /** The URL of a route: `url('project', { slug })`; a page number 1 gives the list's first page. */
  function url<K extends RouteKind>(
    kind: K,
    ...args: ParamNames<Patterns[K]> extends never ? [] : [RouteParams<K>]
  ): string {
    const params = (args[0] ?? {}) as Record<string, string | number>;
    const pattern: string = patterns[kind];
    return pattern.replace(/:([a-z]+)/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined || value === '') throw new Error(`Route ${kind} needs the parameter ${name}.`);
      const text = String(value);
      if (!new RegExp(`^${PARAM_PATTERNS[name]}$`).test(text))
        throw new Error(`Route ${kind}: "${text}" is not a valid ${name}.`);
      return text;
    });
  }

  /** Kind and parameters of an URL path, or null when no route has that shape. */
  function match(pathname: string): RouteMatch | null {
    for (const route of compiled) {
      const found = route.regex.exec(pathname);
      if (!found) continue;
      const params: RouteMatch['params'] = {};
      route.names.forEach((name, i) => {
        const raw = found[i + 1]!;
        (params as Record<string, string | number>)[name] = NUMERIC.has(name) ? Number(raw) : raw;
      });
      return { kind: route.kind, params };
    }
    return null;
  }

  /** Page n of a paginated list: page 1 is the list's own URL. */
  const paged = {
    projects: (page: number) => (page === 1 ? url('projects') : url('projectsPage', { page })),
    topic: (slug: string, page = 1) => (page === 1 ? url('topic', { slug }) : url('topicPage', { slug, page })),
    municipality: (slug: string, page = 1) =>
      page === 1 ? url('municipality', { slug }) : url('municipalityPage', { slug, page }),
    documentType: (slug: string, page = 1) =>
      page === 1 ? url('documentType', { slug }) : url('documentTypePage', { slug, page }),
    courtDecisions: (page: number) => (page === 1 ? url('courtDecisions') : url('courtDecisionsPage', { page })),
    eventArchive: (page: number) => (page === 1 ? url('eventArchive') : url('eventArchivePage', { page })),
  };

  /** The public page of an entry of a content type. */
  function entryUrl(type: EntryType, entry: { slug: string }): string {
    return url(ENTRY_ROUTES[type], { slug: entry.slug });
  }

  /** Every URL a complete build of this content contains (pages and files), in a stable order (the sitemap's). */
  function expectedUrls(inventory: SiteInventory): string[] {
    const made = { url, paged };
    return (Object.entries(URL_LISTS) as [RouteKind, UrlList][]).flatMap(([kind, list]) =>
      list === 'once' ? [url(kind as StaticRouteKind)] : typeof list === 'function' ? list(inventory, made) : [],
    );
  }

  /**
   * Slugs an entry of a type must not have, because the URL would be another route's: an event called
   * "archiv" would be the event archive, one called "kalender" the calendar file.
   */
  function reservedSlugs(type: EntryType): string[] {
    const own: string = patterns[ENTRY_ROUTES[type]];
    const prefix = own.slice(0, own.indexOf(':slug'));
    const reserved = new Set<string>();
    for (const pattern of Object.values(patterns) as string[]) {
      if (pattern === own || !pattern.startsWith(prefix)) continue;
      const next = pattern
        .slice(prefix.length)
        .split('/')[0]!
        .replace(/\.[a-z]+$/, '');
      if (next && !next.includes(':')) reserved.add(next);
    }
    return [...reserved].sort();
  }

  return { patterns, url, match, paged, entryUrl, expectedUrls, reservedSlugs };
}

export type Routes = ReturnType<typeof createRoutes>;

/** The entry types with a page of their own, and the route of that page. */
export const ENTRY_ROUTES = {
  project: 'project',
  document: 'document',
  newsletter: 'newsletter',
  event: 'event',
  topic: 'topic',
  municipality: 'municipality',
  'partner-search': 'partnerSearch',
} as const satisfies Record<string, RouteKind>;
export type EntryType = keyof typeof ENTRY_ROUTES;

type UrlList = 'once' | RouteKind | ((inventory: SiteInventory, routes: Pick<Routes, 'url' | 'paged'>) => string[]);
const pages = (n: number) => Array.from({ length: Math.max(1, n) }, (_, i) => i + 1);

/**
 * The URLs of every route kind in a build, in the order a build lists them (the sitemap's): `once` for a route
 * without parameters that every build has, the URLs for a content's inventory, or the route kind whose line
 * lists them too (a list's further pages, an event's calendar file). A route kind without a line is a type error.
 */
const URL_LISTS: {
  [K in RouteKind]: (K extends StaticRouteKind ? 'once' : never) | RouteKind | Exclude<UrlList, string>;
} = {
  home: 'once',
  projectFeed: 'once',
  topics: 'once',
  municipalities: 'once',
  documents: 'once',
  courtDecisions: 'once',
  newsletters: 'once',
  newsletterFeed: 'once',
  newsletterUnsubscribe: 'once',
  events: 'once',
  eventArchive: 'once',
  calendar: 'once',
  search: 'once',
  openData: 'once',
  openDataJson: 'once',
  openDataCsv: 'once',
  sitemapIndex: 'once',
  robots: 'once',
  securityTxt: 'once',
  notFound: 'once',
  partnerSearches: 'once',
  partnerSearchForm: 'once',
  partnerSearchFeed: 'once',
  projects: (inv, r) => pages(inv.projectPages).map(r.paged.projects),
  projectsPage: 'projects',
  project: (inv, r) => inv.projects.map((slug) => r.url('project', { slug })),
  topic: (inv, r) => inv.topics.flatMap((t) => pages(t.pages).map((p) => r.paged.topic(t.slug, p))),
  topicPage: 'topic',
  municipality: (inv, r) =>
    inv.municipalities.flatMap((m) => pages(m.pages).map((p) => r.paged.municipality(m.slug, p))),
  municipalityPage: 'municipality',
  documentType: (inv, r) =>
    inv.documentTypes.flatMap((t) => pages(t.pages).map((p) => r.paged.documentType(t.slug, p))),
  documentTypePage: 'documentType',
  courtDecisionsPage: (inv, r) => pages(inv.courtDecisionPages).slice(1).map(r.paged.courtDecisions),
  document: (inv, r) => inv.documents.map((slug) => r.url('document', { slug })),
  newsletter: (inv, r) => inv.newsletters.map((slug) => r.url('newsletter', { slug })),
  event: (inv, r) => inv.events.flatMap((slug) => [r.url('event', { slug }), r.url('eventCalendar', { slug })]),
  eventCalendar: 'event',
  partnerSearch: (inv, r) => (inv.partnerSearches ?? []).map((slug) => r.url('partnerSearch', { slug })),
  partnerSearchTopic: (inv, r) => (inv.partnerSearchTopics ?? []).map((slug) => r.url('partnerSearchTopic', { slug })),
  partnerSearchRegion: (inv, r) =>
    (inv.partnerSearchRegions ?? []).map((slug) => r.url('partnerSearchRegion', { slug })),
  eventArchivePage: (inv, r) => pages(inv.eventArchivePages).slice(1).map(r.paged.eventArchive),
  infoPage: (inv, r) => inv.infoPages.map((slug) => r.url('infoPage', { slug })),
  sitemap: (inv, r) => pages(inv.sitemaps).map((n) => r.url('sitemap', { n: n - 1 })),
};

/** Routes without parameters that every build contains. */
export const STATIC_ROUTES = (Object.keys(URL_LISTS) as RouteKind[]).filter(
  (kind): kind is StaticRouteKind => URL_LISTS[kind] === 'once',
);

/** Routes whose URL is an HTML page rendered by a view (paths ending in "/", and the 404 page), not a data file. */
export type PageRouteKind = { [K in RouteKind]: Patterns[K] extends `${string}/` ? K : never }[RouteKind] | 'notFound';

/** What a build contains, counted from its content: enough to list every URL. */
export interface SiteInventory {
  projects: string[];
  projectPages: number;
  topics: { slug: string; pages: number }[];
  municipalities: { slug: string; pages: number }[];
  documentTypes: { slug: string; pages: number }[];
  /** Pages of the court decisions' list (its first page is a static route). */
  courtDecisionPages: number;
  documents: string[];
  newsletters: string[];
  events: string[];
  /** Pages of the event archive (its first page is a static route). */
  eventArchivePages: number;
  /** Published Partnersuchen that have not expired. */
  partnerSearches?: string[];
  /** Topics and Regierungsbezirke (slugs) that current Partnersuchen have: each a filter page. */
  partnerSearchTopics?: string[];
  partnerSearchRegions?: string[];
  infoPages: string[];
  sitemaps: number;
}

/** Number of pages for `count` entries at `size` per page (at least one page). */
export const pageCount = (count: number, size: number) => Math.max(1, Math.ceil(count / size));

/** Where the file of an URL lives in a build: "/projekte/x/" → "projekte/x/index.html", "/robots.txt" → "robots.txt". */
export function outputPath(url: string): string {
  const path = url.replace(/^\/+/, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** Whether a route is an HTML page (rendered by the site's views) rather than a data file. */
export const isPageRoute = (kind: RouteKind): kind is PageRouteKind =>
  kind === 'notFound' || (patternsFor(SEGMENTS)[kind] as string).endsWith('/');

/**
 * The search index is split into bundles, so that a publish rewrites only the bundles whose pages changed:
 * projects in the main bundle /pagefind/ – split into parts of about PROJECTS_PER_BUNDLE by a hash of their slug
 * when there are more (/pagefind-projekte-2/, …) –, documents by how often they change – those of this and the
 * last year (new ones, corrections) and the archive of older ones –, and the other searchable pages together.
 * The search page merges them all (few bundles: each costs a reader requests).
 * Which page kind goes into which bundle is the page kinds' registry's (site/src/model/pages.ts, PAGE_KINDS).
 */
export const SEARCH_MAIN_BUNDLE = 'projekte';
/**
 * Projects per search bundle before they are split. Pagefind writes an index only whole (about 1 ms per page,
 * and as long again to add its pages after a restart): a publish that changes a project writes its part only.
 * Each further part costs a reader of /suche/ three requests.
 */
export const PROJECTS_PER_BUNDLE = 2000;
/** How many bundles `projects` projects are split into. */
export const projectBundleCount = (projects: number, perBundle = PROJECTS_PER_BUNDLE) =>
  Math.max(1, Math.ceil(projects / Math.max(1, perBundle)));
/** The bundle of a project's page: by a hash of its slug (FNV-1a), which no edit but a new slug changes. */
export function projectBundleName(slug: string, bundles: number): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) hash = Math.imul(hash ^ slug.charCodeAt(i), 0x01000193) >>> 0;
  const part = hash % Math.max(1, bundles);
  return part === 0 ? SEARCH_MAIN_BUNDLE : `${SEARCH_MAIN_BUNDLE}-${part + 1}`;
}
/** Whether a bundle is (a part of) the projects'. */
export const isProjectBundle = (bundleName: string) =>
  bundleName === SEARCH_MAIN_BUNDLE || /^projekte-[1-9][0-9]*$/.test(bundleName);
/** The bundle of the searchable pages that are neither projects nor documents. */
export const SEARCH_OTHER_BUNDLE = 'weitere';
/** Documents dated in this many recent years (this year included) are in the recent documents' bundle. */
export const RECENT_DOCUMENT_YEARS = 2;
export const searchBundlePath = (bundleName: string) =>
  bundleName === SEARCH_MAIN_BUNDLE ? '/pagefind/' : `/pagefind-${bundleName}/`;
/** The bundle of a document dated in `documentYear`, compared with `currentYear` (the build's). */
export const documentBundleName = (documentYear: string | undefined, currentYear: number) =>
  Number(documentYear) > currentYear - RECENT_DOCUMENT_YEARS ? 'dokumente-aktuell' : 'dokumente-archiv';
export const DOCUMENT_BUNDLE_NAMES = ['dokumente-aktuell', 'dokumente-archiv'] as const;

/** URLs per sitemap file (the protocol allows 50,000). */
export const SITEMAP_SIZE = 45_000;

/** The site's route table. */
export const routes = createRoutes();
