/**
 * The data files of a build – feeds, calendars, open data, sitemap, robots.txt, security.txt – written from
 * the content snapshot (never from rendered pages), so that a removed entry leaves every one of them at once.
 */
import { getRssString } from '@astrojs/rss';
import { routes, SITEMAP_SIZE, type RouteMatch } from '@ikz/shared-types/routes';
import { escapeHtml } from '@ikz/shared-types/html';
import { calendar } from '../lib/calendar.ts';
import { newsletterItems, partnerSearchItems, projectItems } from '../lib/feeds.ts';
import { xmlText } from '../lib/plain-text.ts';
import { projectRecord, toCsv } from '../lib/open-data.ts';
import { securityTxt, securityTxtOptions } from '../lib/security-txt.ts';
import type { Content } from './content.ts';

export interface DataFile {
  body: string;
  type: string;
}

export interface FileContext {
  siteUrl: string;
  /** The URLs of the build's HTML pages for the sitemap, in order. */
  sitemapUrls: readonly string[];
  env: Record<string, string | undefined>;
}

const absolute = (path: string, siteUrl: string) => new URL(path, siteUrl).href;

function sitemapIndex(count: number, siteUrl: string): string {
  const entries = Array.from(
    { length: count },
    (_, n) => `<sitemap><loc>${escapeHtml(xmlText(absolute(routes.url('sitemap', { n }), siteUrl)))}</loc></sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</sitemapindex>`;
}

function sitemap(urls: readonly string[], siteUrl: string): string {
  const entries = urls.map((url) => `<url><loc>${escapeHtml(xmlText(absolute(url, siteUrl)))}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</urlset>`;
}

const XML = 'application/xml; charset=utf-8';
const CALENDAR = 'text/calendar; charset=utf-8';

/** An RSS 2.0 feed in German. */
async function rssFeed(
  title: string,
  description: string,
  site: string,
  items: Parameters<typeof getRssString>[0]['items'],
): Promise<DataFile> {
  return {
    type: XML,
    body: await getRssString({ title, description, site, items, customData: '<language>de-DE</language>' }),
  };
}

/** The file at a matched route, or null when this content has no such file. */
export async function dataFile(content: Content, route: RouteMatch, context: FileContext): Promise<DataFile | null> {
  const { siteUrl } = context;
  switch (route.kind) {
    case 'projectFeed':
      return rssFeed(
        'Interkommunales.NRW – Neue Projekte',
        'Neu veröffentlichte Kooperationsprojekte von Kommunen in Nordrhein-Westfalen.',
        siteUrl,
        projectItems(content.projects),
      );
    case 'newsletterFeed':
      return rssFeed(
        'Interkommunales.NRW – Newsletter',
        'Alle Ausgaben des Newsletters zur interkommunalen Zusammenarbeit in NRW.',
        siteUrl,
        newsletterItems(content.newsletters),
      );
    case 'partnerSearchFeed':
      return rssFeed(
        'Interkommunales.NRW – Partnersuche',
        'Kommunen in Nordrhein-Westfalen suchen Partner für gemeinsame Aufgaben.',
        siteUrl,
        partnerSearchItems(content.partnerSearches),
      );
    case 'calendar':
      return { type: CALENDAR, body: calendar(content.upcoming, siteUrl, 'Interkommunales.NRW – Veranstaltungen') };
    case 'eventCalendar': {
      const event = content.bySlug.events.get(route.params.slug ?? '');
      return event ? { type: CALENDAR, body: calendar([event], siteUrl, event.title) } : null;
    }
    case 'openDataJson':
      return {
        type: 'application/json; charset=utf-8',
        body: JSON.stringify(
          {
            title: 'Interkommunales.NRW – Kooperationsprojekte',
            license: 'https://www.govdata.de/dl-de/by-2-0',
            count: content.projects.length,
            projects: content.projects.map((p) => projectRecord(p, siteUrl)),
          },
          null,
          1,
        ),
      };
    case 'openDataCsv':
      return { type: 'text/csv; charset=utf-8', body: toCsv(content.projects.map((p) => projectRecord(p, siteUrl))) };
    case 'sitemapIndex':
      return {
        type: XML,
        body: sitemapIndex(Math.max(1, Math.ceil(context.sitemapUrls.length / SITEMAP_SIZE)), siteUrl),
      };
    case 'sitemap': {
      const n = route.params.n ?? 0;
      const urls = context.sitemapUrls.slice(n * SITEMAP_SIZE, (n + 1) * SITEMAP_SIZE);
      return n === 0 || urls.length ? { type: XML, body: sitemap(urls, siteUrl) } : null;
    }
    case 'robots':
      return {
        type: 'text/plain; charset=utf-8',
        body: `User-agent: *\nAllow: /\n\nSitemap: ${absolute(routes.url('sitemapIndex'), siteUrl)}\n`,
      };
    case 'securityTxt':
      return {
        type: 'text/plain; charset=utf-8',
        body: securityTxt(securityTxtOptions(context.env, siteUrl, content.now)),
      };
    default:
      return null;
  }
}
