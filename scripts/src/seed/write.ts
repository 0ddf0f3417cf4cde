/**
 * Writes a seed plan through Strapi's REST API with a full-access token. Idempotent: entries whose slug
 * exists (as draft or published) are skipped, so a second run adds nothing and an interrupted run resumes.
 */
import type { StrapiClient } from '@ikz/shared-types/rest';
import { paragraphs } from './blocks.ts';
import { makePdf, makeProjectImage } from './files.ts';
import type { MunicipalityRef, SeedDocument, SeedEvent, SeedNewsletter, SeedPlan, SeedProject, SeedTopic } from './generate.ts';

export interface Progress {
  start(total: number): void;
  tick(label: string): void;
  stop(): void;
}

export interface WriteResult {
  created: Record<'topics' | 'documents' | 'projects' | 'events' | 'newsletters', number>;
  skipped: number;
}

type IdMap = Map<string, string>;

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

export async function loadMunicipalities(client: StrapiClient): Promise<{ refs: MunicipalityRef[]; ids: IdMap }> {
  const rows = await client.findAll<MunicipalityRef & { documentId: string }>('municipalities', {
    fields: ['ags', 'name', 'kind', 'kreisAgs', 'kreisName', 'regierungsbezirkAgs'],
  });
  return { refs: rows, ids: new Map(rows.map((r) => [r.ags, r.documentId])) };
}

async function existingSlugs(client: StrapiClient, pluralApiId: string): Promise<IdMap> {
  const rows = await client.findAll<{ documentId: string; slug: string }>(pluralApiId, { status: 'draft', fields: ['slug'] });
  return new Map(rows.map((r) => [r.slug, r.documentId]));
}

function resolve(ids: IdMap, slugs: string[], what: string, owner: string): string[] {
  return slugs.map((slug) => {
    const id = ids.get(slug);
    if (!id) throw new Error(`Seed: ${owner} refers to ${what} "${slug}", which does not exist`);
    return id;
  });
}

export async function writePlan(client: StrapiClient, plan: SeedPlan, municipalityIds: IdMap, options: { concurrency: number; progress: Progress }): Promise<WriteResult> {
  const { progress } = options;
  const result: WriteResult = { created: { topics: 0, documents: 0, projects: 0, events: 0, newsletters: 0 }, skipped: 0 };
  const ags = (codes: string[], owner: string) =>
    codes.map((code) => {
      const id = municipalityIds.get(code);
      if (!id) throw new Error(`Seed: ${owner} refers to municipality ${code}, which is not loaded`);
      return id;
    });

  const [topicIds, documentIds, projectIds, eventIds, newsletterIds] = await Promise.all(
    ['topics', 'documents', 'projects', 'events', 'newsletters'].map((p) => existingSlugs(client, p)),
  );
  const todo = {
    topics: plan.topics.filter((t) => !topicIds!.has(t.slug)),
    documents: plan.documents.filter((d) => !documentIds!.has(d.slug)),
    projects: plan.projects.filter((p) => !projectIds!.has(p.slug)),
    events: plan.events.filter((e) => !eventIds!.has(e.slug)),
    newsletters: plan.newsletters.filter((n) => !newsletterIds!.has(n.slug)),
  };
  const total = Object.values(todo).reduce((sum, list) => sum + list.length, 0);
  result.skipped = plan.topics.length + plan.documents.length + plan.projects.length + plan.events.length + plan.newsletters.length - total;
  progress.start(total);

  const done = (kind: keyof WriteResult['created'], ids: IdMap, slug: string, id: string, label: string) => {
    ids.set(slug, id);
    result.created[kind] += 1;
    progress.tick(label);
  };

  const create = async (pluralApiId: string, data: Record<string, unknown>, draft: boolean): Promise<string> => {
    const response = await client.request<{ data: { documentId: string } }>('POST', `/api/${pluralApiId}`, {
      query: draft ? { status: 'draft' } : {},
      body: { data },
    });
    return response.data.documentId;
  };

  await pool(todo.topics, options.concurrency, async (t: SeedTopic) => {
    done('topics', topicIds!, t.slug, await create('topics', { name: t.name, slug: t.slug, description: t.description, focus: t.focus }, false), 'Handlungsfelder');
  });

  await pool(todo.documents, options.concurrency, async (d: SeedDocument) => {
    let file: number | null = null;
    if (d.withFile) {
      const data = await makePdf({ title: d.title, kind: d.type, date: d.date, publisher: d.publisher, body: [d.summary, d.courtDecision?.holding ?? ''] });
      file = (await client.upload({ name: `${d.slug.slice(0, 60)}.pdf`, type: 'application/pdf', data }, { caption: d.title })).id;
    }
    const id = await create('documents', {
      title: d.title,
      slug: d.slug,
      type: d.type,
      date: d.date,
      publisher: d.publisher,
      summary: d.summary,
      file,
      externalUrl: d.externalUrl,
      topics: resolve(topicIds!, d.topicSlugs, 'topic', d.slug),
      municipalities: ags(d.municipalityAgs, d.slug),
      keywords: d.keywords,
      courtDecision: d.courtDecision,
    }, d.draft);
    done('documents', documentIds!, d.slug, id, 'Dokumente');
  });

  await pool(todo.projects, options.concurrency, async (p: SeedProject) => {
    let image: number | null = null;
    if (p.image) {
      const data = await makeProjectImage(p.image.label, p.image.hue);
      image = (await client.upload({ name: `${p.slug.slice(0, 60)}.jpg`, type: 'image/jpeg', data }, { alternativeText: p.imageAlt ?? '' })).id;
    }
    const id = await create('projects', {
      title: p.title,
      slug: p.slug,
      summary: p.summary,
      leadMunicipality: ags([p.leadAgs], p.slug)[0],
      municipalities: ags(p.municipalityAgs, p.slug),
      partners: p.partners,
      topics: resolve(topicIds!, p.topicSlugs, 'topic', p.slug),
      keywords: p.keywords,
      cooperationForm: p.cooperationForm,
      projectStatus: p.projectStatus,
      startYear: p.startYear,
      endYear: p.endYear,
      occasion: p.occasion,
      goal: p.goal,
      implementation: p.implementation,
      results: p.results.length ? p.results : null,
      funding: p.funding,
      bestPractice: p.bestPractice,
      contacts: p.contacts,
      documents: resolve(documentIds!, p.documentSlugs, 'document', p.slug),
      image,
      imageAlt: p.imageAlt,
      reviewedAt: p.reviewedAt,
    }, p.draft);
    done('projects', projectIds!, p.slug, id, 'Projekte');
  });

  await pool(todo.events, options.concurrency, async (e: SeedEvent) => {
    const id = await create('events', {
      title: e.title,
      slug: e.slug,
      format: e.format,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      place: e.place,
      online: e.online,
      summary: e.summary,
      description: e.description,
      registration: e.registration,
      agenda: e.agenda,
      documents: resolve(documentIds!, e.documentSlugs, 'document', e.slug),
      speakers: e.speakers,
      eventStatus: e.eventStatus,
      topics: resolve(topicIds!, e.topicSlugs, 'topic', e.slug),
    }, e.draft);
    done('events', eventIds!, e.slug, id, 'Veranstaltungen');
  });

  await pool(todo.newsletters, options.concurrency, async (n: SeedNewsletter) => {
    let pdf: number | null = null;
    if (n.withPdf) {
      const data = await makePdf({ title: n.title, kind: 'Newsletter', date: n.sentAt, publisher: 'Kommunal Agentur NRW', body: n.sections.map((s) => s.heading) });
      pdf = (await client.upload({ name: `${n.slug}.pdf`, type: 'application/pdf', data }, { caption: n.title })).id;
    }
    const id = await create('newsletters', {
      title: n.title,
      slug: n.slug,
      year: n.year,
      number: n.number,
      sentAt: n.sentAt,
      editorial: n.editorial.length ? n.editorial : paragraphs(n.title),
      sections: n.sections.map((s) => ({
        heading: s.heading,
        text: s.text,
        projects: resolve(projectIds!, s.projectSlugs, 'project', n.slug),
        events: resolve(eventIds!, s.eventSlugs, 'event', n.slug),
        documents: resolve(documentIds!, s.documentSlugs, 'document', n.slug),
        links: s.links,
      })),
      pdf,
    }, n.draft);
    done('newsletters', newsletterIds!, n.slug, id, 'Newsletter');
  });

  for (const edit of plan.draftEdits) {
    const id = projectIds!.get(edit.slug);
    if (!id) throw new Error(`Seed: draft edit for unknown project "${edit.slug}"`);
    await client.request('PUT', `/api/projects/${id}`, { query: { status: 'draft' }, body: { data: { summary: edit.summary } } });
  }
  progress.stop();
  return result;
}
