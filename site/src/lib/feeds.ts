/**
 * RSS items for new projects and newsletter issues (@astrojs/rss renders and escapes them); titles on one
 * line, and no character that XML forbids (one would make the whole feed unreadable).
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { multiLine, singleLine } from './plain-text.ts';
import type { SiteNewsletter, SitePartnerSearch, SiteProject } from './types.ts';
import { routes } from '@ikz/shared-types/routes';

export function projectItems(projects: readonly SiteProject[], limit = 50): RSSFeedItem[] {
  return [...projects]
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
    .slice(0, limit)
    .map((p) => ({
      title: singleLine(p.title),
      link: routes.url('project', { slug: p.slug }),
      pubDate: new Date(p.publishedAt ?? p.updatedAt),
      description: multiLine(p.summary),
      categories: (p.topics ?? []).map((t) => singleLine(t.name ?? '')).filter(Boolean),
    }));
}

export function newsletterItems(newsletters: readonly SiteNewsletter[]): RSSFeedItem[] {
  return [...newsletters]
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt))
    .map((n) => ({
      title: singleLine(n.title),
      link: routes.url('newsletter', { slug: n.slug }),
      pubDate: new Date(`${n.sentAt}T08:00:00Z`),
      description: (n.sections ?? []).map((s) => singleLine(s.heading)).join(' · '),
    }));
}

/** The current Partnersuchen, newest first: title, municipality, what is sought; plain text (the feed escapes it). */
export function partnerSearchItems(entries: readonly SitePartnerSearch[]): RSSFeedItem[] {
  return [...entries]
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
    .map((e) => ({
      title: singleLine(e.title),
      link: routes.url('partnerSearch', { slug: e.slug }),
      pubDate: new Date(e.publishedAt ?? e.updatedAt),
      description: multiLine(`${e.municipality?.name ? `${e.municipality.name} sucht: ` : ''}${e.seek}`),
      categories: (e.topics ?? []).map((t) => singleLine(t.name ?? '')).filter(Boolean),
    }));
}
