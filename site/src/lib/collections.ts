/** Pure grouping and sorting of content for the pages. */
import { slugify } from '@ikz/shared-types/slug';

interface Titled {
  title: string;
}

export const byTitle = (a: Titled, b: Titled) => a.title.localeCompare(b.title, 'de');
export const byDateDesc =
  <T>(date: (item: T) => string | null) =>
  (a: T, b: T) =>
    (date(b) ?? '').localeCompare(date(a) ?? '');

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Events that have not ended at `now`, soonest first; and past ones, newest first. */
export function splitEvents<T extends { startsAt: string; endsAt: string }>(
  events: readonly T[],
  now: Date,
): { upcoming: T[]; past: T[] } {
  const iso = now.toISOString();
  const upcoming = events.filter((e) => e.endsAt >= iso).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = events.filter((e) => e.endsAt < iso).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { upcoming, past };
}

export interface MunicipalityRef {
  ags?: string | undefined;
  kreisAgs?: string | null;
  kind?: string | null;
}

/** The Kreis-level keys a project touches: its lead's and its participants' Kreise (kreisfreie Städte are their own). */
export function kreiseOfProject(project: {
  leadMunicipality?: MunicipalityRef | null;
  municipalities?: MunicipalityRef[];
}): Set<string> {
  const keys = new Set<string>();
  for (const m of [project.leadMunicipality, ...(project.municipalities ?? [])]) {
    if (!m?.ags) continue;
    const key = m.kind === 'Kreis' ? m.ags : (m.kreisAgs ?? m.ags.slice(0, 5));
    keys.add(key);
  }
  return keys;
}

/** Projects per Kreis-level key, for the map. */
export function projectsPerKreis(
  projects: readonly { leadMunicipality?: MunicipalityRef | null; municipalities?: MunicipalityRef[] }[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of projects) for (const key of kreiseOfProject(p)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** URL segment of a document type: "Beschlussvorlage/Ratsbeschluss" → "beschlussvorlage-ratsbeschluss". */
export const typeSlug = (type: string) => slugify(type);
