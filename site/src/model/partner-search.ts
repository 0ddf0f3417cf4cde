/**
 * The Partnersuche on the site: which entries are current (not expired on the build's day in Berlin), their
 * cards, the filters (topic, Regierungsbezirk) as static pages, and the entries of a municipality. Pure; the
 * content model uses `currentPartnerSearches` so that an expired entry is in no page, list, feed or bundle.
 */
import { berlinDay, partnerSearchExpired } from '@ikz/shared-types/partner-search';
import { slugify } from '@ikz/shared-types/slug';
import type { SitePartnerSearch } from '../lib/types.ts';

export interface PartnerSearchCardData {
  slug: string;
  title: string;
  municipality: string | null;
  region: string | null;
  topics: string[];
  validUntil: string;
}

export interface PartnerSearchFilter {
  slug: string;
  name: string;
  count: number;
}

/** The entries shown on `now`'s day (Berlin), soonest ending first, then by title. */
export function currentPartnerSearches(entries: readonly SitePartnerSearch[], now: Date): SitePartnerSearch[] {
  const today = berlinDay(now);
  return entries
    .filter((e) => !partnerSearchExpired(e.validUntil, today))
    .sort((a, b) => a.validUntil.localeCompare(b.validUntil) || a.title.localeCompare(b.title, 'de'));
}

export const regionOf = (e: SitePartnerSearch): string | null => e.municipality?.regierungsbezirkName ?? null;
export const regionSlug = (name: string) => slugify(name);

export const partnerSearchCard = (e: SitePartnerSearch): PartnerSearchCardData => ({
  slug: e.slug,
  title: e.title,
  municipality: e.municipality?.name ?? null,
  region: regionOf(e),
  topics: (e.topics ?? []).map((t) => t.name ?? '').filter(Boolean),
  validUntil: e.validUntil,
});

/** The filter values in use, by name, with their counts. */
export function partnerSearchFilters(entries: readonly SitePartnerSearch[]): {
  topics: PartnerSearchFilter[];
  regions: PartnerSearchFilter[];
} {
  const count = (values: { slug: string; name: string }[][]) => {
    const found = new Map<string, PartnerSearchFilter>();
    for (const list of values)
      for (const v of list) found.set(v.slug, { ...v, count: (found.get(v.slug)?.count ?? 0) + 1 });
    return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  };
  return {
    topics: count(
      entries.map((e) =>
        (e.topics ?? []).filter((t) => t.slug && t.name).map((t) => ({ slug: t.slug!, name: t.name! })),
      ),
    ),
    regions: count(entries.map((e) => (regionOf(e) ? [{ slug: regionSlug(regionOf(e)!), name: regionOf(e)! }] : []))),
  };
}

/** The entries with a topic or in a Regierungsbezirk (by slug). */
export function filterPartnerSearches(
  entries: readonly SitePartnerSearch[],
  by: 'topic' | 'region',
  slug: string,
): SitePartnerSearch[] {
  return entries.filter((e) =>
    by === 'topic'
      ? (e.topics ?? []).some((t) => t.slug === slug)
      : regionOf(e) !== null && regionSlug(regionOf(e)!) === slug,
  );
}

/** The entries of a municipality (by AGS). */
export const partnerSearchesOf = (entries: readonly SitePartnerSearch[], ags: string) =>
  entries.filter((e) => e.municipality?.ags === ags);

/** The list at /partnersuche/ (no filter) or one of its filter pages; null for a filter value no current entry has. */
export function partnerSearchList(
  entries: readonly SitePartnerSearch[],
  filter: { by: 'topic' | 'region'; slug: string } | null,
) {
  const filters = partnerSearchFilters(entries);
  const active = filter
    ? (filter.by === 'topic' ? filters.topics : filters.regions).find((f) => f.slug === filter.slug)
    : undefined;
  if (filter && !active) return null;
  const shown = filter ? filterPartnerSearches(entries, filter.by, filter.slug) : entries;
  return {
    kind: 'partnerSearches' as const,
    entries: shown.map(partnerSearchCard),
    total: entries.length,
    filters,
    active: filter && active ? { by: filter.by, slug: active.slug, name: active.name } : null,
  };
}
