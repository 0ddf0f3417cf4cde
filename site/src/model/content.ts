/**
 * The published content of one build, sorted and indexed the way the pages read it. Built once per build
 * from a snapshot; pure, so the publisher, the preview and the tests compute the same thing.
 */
import { byDateDesc, byTitle, groupBy, kreiseOfProject, splitEvents } from '../lib/collections.ts';
import { contentDate } from '../lib/content-date.ts';
import type {
  SiteDocument,
  SiteEvent,
  SiteMunicipality,
  SiteNewsletter,
  SitePartnerSearch,
  SiteProject,
  SiteTopic,
} from '../lib/types.ts';
import { currentPartnerSearches } from './partner-search.ts';

/** Everything published, by content type, as the loader validated it. */
export interface Snapshot {
  projects: readonly SiteProject[];
  documents: readonly SiteDocument[];
  newsletters: readonly SiteNewsletter[];
  events: readonly SiteEvent[];
  topics: readonly SiteTopic[];
  municipalities: readonly SiteMunicipality[];
  /** Published Partnersuchen (older snapshots have none). */
  partnerSearches?: readonly SitePartnerSearch[];
}

export interface Content {
  /** The time the build renders for (which events are upcoming). */
  now: Date;
  projects: SiteProject[];
  documents: SiteDocument[];
  newsletters: SiteNewsletter[];
  events: SiteEvent[];
  topics: SiteTopic[];
  municipalities: SiteMunicipality[];
  /** The Partnersuchen not expired on the build's day (Berlin), soonest ending first. */
  partnerSearches: SitePartnerSearch[];
  upcoming: SiteEvent[];
  past: SiteEvent[];
  bySlug: {
    projects: Map<string, SiteProject>;
    documents: Map<string, SiteDocument>;
    newsletters: Map<string, SiteNewsletter>;
    events: Map<string, SiteEvent>;
    topics: Map<string, SiteTopic>;
    municipalities: Map<string, SiteMunicipality>;
    partnerSearches: Map<string, SitePartnerSearch>;
  };
  /** Projects per topic slug, by title. */
  projectsByTopic: Map<string, SiteProject[]>;
  /** Documents per topic slug, newest first. */
  documentsByTopic: Map<string, SiteDocument[]>;
  /** Projects in which a municipality (by AGS) leads or takes part, by title. */
  projectsByAgs: Map<string, SiteProject[]>;
  /** Projects per Kreis-level key (Kreis or kreisfreie Stadt), for the map. */
  projectsPerKreis: Map<string, number>;
  /** Documents per type, newest first. */
  documentsByType: Map<string, SiteDocument[]>;
  /** The Gemeinden of each Kreis (by the Kreis's AGS), by name. */
  kreisMembers: Map<string, SiteMunicipality[]>;
  municipalityByAgs: Map<string, SiteMunicipality>;
  /** The day (YYYY-MM-DD) of the newest change to the published content. */
  contentDate: string;
}

const bySlug = <T extends { slug: string }>(items: readonly T[]) => new Map(items.map((item) => [item.slug, item]));

function index<T, K>(items: readonly T[], keys: (item: T) => Iterable<K>): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
  }
  return map;
}

const agsOf = (p: SiteProject) =>
  [p.leadMunicipality, ...(p.municipalities ?? [])].flatMap((m) => (m?.ags ? [m.ags] : []));

export function buildContent(snapshot: Snapshot, now: Date): Content {
  const projects = [...snapshot.projects].sort(byTitle);
  const documents = [...snapshot.documents].sort(byDateDesc((d) => d.date));
  const newsletters = [...snapshot.newsletters].sort(byDateDesc((n) => n.sentAt));
  const events = [...snapshot.events].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const topics = [...snapshot.topics].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const municipalities = [...snapshot.municipalities].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const partnerSearches = currentPartnerSearches(snapshot.partnerSearches ?? [], now);
  const { upcoming, past } = splitEvents(events, now);
  const projectsPerKreis = new Map<string, number>();
  for (const p of projects)
    for (const key of kreiseOfProject(p)) projectsPerKreis.set(key, (projectsPerKreis.get(key) ?? 0) + 1);
  return {
    now,
    projects,
    documents,
    newsletters,
    events,
    topics,
    municipalities,
    partnerSearches,
    upcoming,
    past,
    bySlug: {
      projects: bySlug(projects),
      documents: bySlug(documents),
      newsletters: bySlug(newsletters),
      events: bySlug(events),
      topics: bySlug(topics),
      municipalities: bySlug(municipalities),
      partnerSearches: bySlug(partnerSearches),
    },
    projectsByTopic: index(projects, (p) => (p.topics ?? []).map((t) => t.slug ?? '')),
    documentsByTopic: index(documents, (d) => (d.topics ?? []).map((t) => t.slug ?? '')),
    projectsByAgs: index(projects, agsOf),
    projectsPerKreis,
    documentsByType: groupBy(documents, (d) => d.type),
    kreisMembers: index(
      municipalities.filter((m) => m.kind !== 'Kreis' && m.kind !== 'Kreisfreie Stadt'),
      (m) => [m.kreisAgs],
    ),
    municipalityByAgs: new Map(municipalities.map((m) => [m.ags, m])),
    contentDate: contentDate([...projects, ...documents, ...newsletters, ...events, ...topics], now),
  };
}
