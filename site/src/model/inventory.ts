/** What a build of this content contains, counted for the route table's list of expected URLs. */
import { PAGE_SIZES, SITEMAP_SIZE, pageCount, routes, type SiteInventory } from '@ikz/shared-types/routes';
import { typeSlug } from '../lib/collections.ts';
import type { Content } from './content.ts';
import { partnerSearchFilters } from './partner-search.ts';
import { courtDecisionsOf, documentTypesInUse, municipalityProjects, type InfoPage } from './pages.ts';

export function inventory(content: Content, infoPages: readonly InfoPage[]): SiteInventory {
  const counted: SiteInventory = {
    projects: content.projects.map((p) => p.slug),
    projectPages: pageCount(content.projects.length, PAGE_SIZES.projects),
    topics: content.topics.map((t) => ({
      slug: t.slug,
      pages: pageCount(content.projectsByTopic.get(t.slug)?.length ?? 0, PAGE_SIZES.topicProjects),
    })),
    municipalities: content.municipalities.map((m) => {
      const { own, memberProjects } = municipalityProjects(content, m);
      return { slug: m.slug, pages: pageCount(own.length + memberProjects.length, PAGE_SIZES.municipalityProjects) };
    }),
    documentTypes: documentTypesInUse(content).map((t) => ({
      slug: typeSlug(t),
      pages: pageCount(content.documentsByType.get(t)!.length, PAGE_SIZES.documentType),
    })),
    courtDecisionPages: pageCount(courtDecisionsOf(content).length, PAGE_SIZES.courtDecisions),
    documents: content.documents.map((d) => d.slug),
    newsletters: content.newsletters.map((n) => n.slug),
    events: content.events.map((e) => e.slug),
    eventArchivePages: pageCount(content.past.length, PAGE_SIZES.eventArchive),
    partnerSearches: content.partnerSearches.map((e) => e.slug),
    partnerSearchTopics: partnerSearchFilters(content.partnerSearches).topics.map((f) => f.slug),
    partnerSearchRegions: partnerSearchFilters(content.partnerSearches).regions.map((f) => f.slug),
    infoPages: infoPages.map((p) => p.id),
    sitemaps: 1,
  };
  const pages = sitemapUrls(routes.expectedUrls(counted)).length;
  return { ...counted, sitemaps: pageCount(pages, SITEMAP_SIZE) };
}

/** The HTML pages of a build that belong in the sitemap (every page URL ends with "/"; the 404 page does not). */
export const sitemapUrls = (urls: readonly string[]) => urls.filter((url) => url.endsWith('/'));
