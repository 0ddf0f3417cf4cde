/** Typed access to the collections (the loader validated every entry with the shared schemas). */
import { getCollection } from 'astro:content';
import type { SiteDocument, SiteEvent, SiteMunicipality, SiteNewsletter, SiteProject, SiteTopic } from './types.ts';
import { byDateDesc, byTitle } from './collections.ts';

const data = async <T>(name: 'projects' | 'documents' | 'newsletters' | 'events' | 'topics' | 'municipalities'): Promise<T[]> =>
  (await getCollection(name)).map((entry) => entry.data as T);

let cache: Promise<Site> | null = null;

export interface Site {
  projects: SiteProject[];
  documents: SiteDocument[];
  newsletters: SiteNewsletter[];
  events: SiteEvent[];
  topics: SiteTopic[];
  municipalities: SiteMunicipality[];
}

/** All published content, sorted the way most pages show it; loaded once per build. */
export function site(): Promise<Site> {
  cache ??= (async () => {
    const [projects, documents, newsletters, events, topics, municipalities] = await Promise.all([
      data<SiteProject>('projects'),
      data<SiteDocument>('documents'),
      data<SiteNewsletter>('newsletters'),
      data<SiteEvent>('events'),
      data<SiteTopic>('topics'),
      data<SiteMunicipality>('municipalities'),
    ]);
    return {
      projects: projects.sort(byTitle),
      documents: documents.sort(byDateDesc((d) => d.date)),
      newsletters: newsletters.sort(byDateDesc((n) => n.sentAt)),
      events: events.sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
      topics: topics.sort((a, b) => a.name.localeCompare(b.name, 'de')),
      municipalities: municipalities.sort((a, b) => a.name.localeCompare(b.name, 'de')),
    };
  })();
  return cache;
}
