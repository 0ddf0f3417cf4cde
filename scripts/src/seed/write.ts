/**
 * Writes a seed plan through Strapi's REST API with a full-access token. Idempotent: entries whose slug
 * exists (as draft or published) are skipped, so a second run adds nothing and an interrupted run resumes.
 */
import type { StrapiClient } from '@ikz/shared-types/rest';
import { paragraphs } from './blocks.ts';
import { makePdf, makeProjectImage } from './files.ts';
import type {
  MunicipalityRef,
  SeedDocument,
  SeedEvent,
  SeedNewsletter,
  SeedPlan,
  SeedProject,
  SeedTopic,
} from './generate.ts';

export interface Progress {
  start(total: number): void;
  tick(label: string): void;
  stop(): void;
}

/** The content types the seed writes, by their plural API ids. */
type Kind = 'topics' | 'documents' | 'projects' | 'events' | 'newsletters';

const KINDS: readonly Kind[] = ['topics', 'documents', 'projects', 'events', 'newsletters'];

export interface WriteResult {
  created: Record<Kind, number>;
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

/** What every writer shares: the client, the documentIds by slug of each kind (existing and created), the tally. */
interface WriteContext {
  client: StrapiClient;
  concurrency: number;
  progress: Progress;
  municipalityIds: IdMap;
  ids: Record<Kind, IdMap>;
  result: WriteResult;
}

export async function writePlan(
  client: StrapiClient,
  plan: SeedPlan,
  municipalityIds: IdMap,
  options: { concurrency: number; progress: Progress },
): Promise<WriteResult> {
  const ids = await existingIds(client);
  const todo = entriesToCreate(plan, ids);
  const total = KINDS.reduce((sum, kind) => sum + todo[kind].length, 0);
  const planned = KINDS.reduce((sum, kind) => sum + plan[kind].length, 0);
  const result: WriteResult = {
    created: { topics: 0, documents: 0, projects: 0, events: 0, newsletters: 0 },
    skipped: planned - total,
  };
  const ctx: WriteContext = {
    client,
    concurrency: options.concurrency,
    progress: options.progress,
    municipalityIds,
    ids,
    result,
  };
  ctx.progress.start(total);
  await writeTopics(ctx, todo.topics);
  await writeDocuments(ctx, todo.documents);
  await writeProjects(ctx, todo.projects);
  await writeEvents(ctx, todo.events);
  await writeNewsletters(ctx, todo.newsletters);
  await writeDraftEdits(ctx, plan.draftEdits);
  ctx.progress.stop();
  return result;
}

async function existingIds(client: StrapiClient): Promise<Record<Kind, IdMap>> {
  const maps = await Promise.all(KINDS.map((kind) => existingSlugs(client, kind)));
  return Object.fromEntries(KINDS.map((kind, i) => [kind, maps[i]!])) as Record<Kind, IdMap>;
}

async function existingSlugs(client: StrapiClient, pluralApiId: string): Promise<IdMap> {
  const rows = await client.findAll<{ documentId: string; slug: string }>(pluralApiId, {
    status: 'draft',
    fields: ['slug'],
  });
  return new Map(rows.map((r) => [r.slug, r.documentId]));
}

function entriesToCreate(plan: SeedPlan, ids: Record<Kind, IdMap>): Pick<SeedPlan, Kind> {
  const missing = <T extends { slug: string }>(entries: T[], kind: Kind) =>
    entries.filter((e) => !ids[kind].has(e.slug));
  return {
    topics: missing(plan.topics, 'topics'),
    documents: missing(plan.documents, 'documents'),
    projects: missing(plan.projects, 'projects'),
    events: missing(plan.events, 'events'),
    newsletters: missing(plan.newsletters, 'newsletters'),
  };
}

/** Creates the entries of one kind (its plural API id), a few at a time, and records each one's documentId. */
async function writeEntries<T extends { slug: string; draft?: boolean }>(
  ctx: WriteContext,
  kind: Kind,
  label: string,
  entries: T[],
  data: (entry: T) => Promise<Record<string, unknown>>,
): Promise<void> {
  await pool(entries, ctx.concurrency, async (entry) => {
    const response = await ctx.client.request<{ data: { documentId: string } }>('POST', `/api/${kind}`, {
      query: entry.draft ? { status: 'draft' } : {},
      body: { data: await data(entry) },
    });
    ctx.ids[kind].set(entry.slug, response.data.documentId);
    ctx.result.created[kind] += 1;
    ctx.progress.tick(label);
  });
}

function resolve(ids: IdMap, slugs: string[], what: string, owner: string): string[] {
  return slugs.map((slug) => {
    const id = ids.get(slug);
    if (!id) throw new Error(`Seed: ${owner} refers to ${what} "${slug}", which does not exist`);
    return id;
  });
}

function municipalities(ctx: WriteContext, codes: string[], owner: string): string[] {
  return codes.map((code) => {
    const id = ctx.municipalityIds.get(code);
    if (!id) throw new Error(`Seed: ${owner} refers to municipality ${code}, which is not loaded`);
    return id;
  });
}

async function writeTopics(ctx: WriteContext, topics: SeedTopic[]): Promise<void> {
  await writeEntries(ctx, 'topics', 'Handlungsfelder', topics, async (t) => ({
    name: t.name,
    slug: t.slug,
    description: t.description,
    focus: t.focus,
  }));
}

async function writeDocuments(ctx: WriteContext, documents: SeedDocument[]): Promise<void> {
  await writeEntries(ctx, 'documents', 'Dokumente', documents, async (d) => {
    const file = await uploadDocumentFile(ctx.client, d);
    return {
      title: d.title,
      slug: d.slug,
      type: d.type,
      date: d.date,
      publisher: d.publisher,
      summary: d.summary,
      file,
      externalUrl: d.externalUrl,
      topics: resolve(ctx.ids.topics, d.topicSlugs, 'topic', d.slug),
      municipalities: municipalities(ctx, d.municipalityAgs, d.slug),
      keywords: d.keywords,
      courtDecision: d.courtDecision,
    };
  });
}

/** The PDF of a document that has a file rather than an external link. */
async function uploadDocumentFile(client: StrapiClient, d: SeedDocument): Promise<number | null> {
  if (!d.withFile) return null;
  const data = await makePdf({
    title: d.title,
    kind: d.type,
    date: d.date,
    publisher: d.publisher,
    body: [d.summary, d.courtDecision?.holding ?? ''],
  });
  return (
    await client.upload({ name: `${d.slug.slice(0, 60)}.pdf`, type: 'application/pdf', data }, { caption: d.title })
  ).id;
}

async function writeProjects(ctx: WriteContext, projects: SeedProject[]): Promise<void> {
  await writeEntries(ctx, 'projects', 'Projekte', projects, async (p) => {
    const image = await uploadProjectImage(ctx.client, p);
    return {
      title: p.title,
      slug: p.slug,
      summary: p.summary,
      leadMunicipality: municipalities(ctx, [p.leadAgs], p.slug)[0],
      municipalities: municipalities(ctx, p.municipalityAgs, p.slug),
      partners: p.partners,
      topics: resolve(ctx.ids.topics, p.topicSlugs, 'topic', p.slug),
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
      documents: resolve(ctx.ids.documents, p.documentSlugs, 'document', p.slug),
      image,
      imageAlt: p.imageAlt,
      reviewedAt: p.reviewedAt,
    };
  });
}

async function uploadProjectImage(client: StrapiClient, p: SeedProject): Promise<number | null> {
  if (!p.image) return null;
  const data = await makeProjectImage(p.image.label, p.image.hue);
  return (
    await client.upload(
      { name: `${p.slug.slice(0, 60)}.jpg`, type: 'image/jpeg', data },
      { alternativeText: p.imageAlt ?? '' },
    )
  ).id;
}

async function writeEvents(ctx: WriteContext, events: SeedEvent[]): Promise<void> {
  await writeEntries(ctx, 'events', 'Veranstaltungen', events, async (e) => ({
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
    documents: resolve(ctx.ids.documents, e.documentSlugs, 'document', e.slug),
    speakers: e.speakers,
    eventStatus: e.eventStatus,
    topics: resolve(ctx.ids.topics, e.topicSlugs, 'topic', e.slug),
  }));
}

async function writeNewsletters(ctx: WriteContext, newsletters: SeedNewsletter[]): Promise<void> {
  await writeEntries(ctx, 'newsletters', 'Newsletter', newsletters, async (n) => {
    const pdf = await uploadNewsletterPdf(ctx.client, n);
    return {
      title: n.title,
      slug: n.slug,
      year: n.year,
      number: n.number,
      sentAt: n.sentAt,
      editorial: n.editorial.length ? n.editorial : paragraphs(n.title),
      sections: n.sections.map((s) => ({
        heading: s.heading,
        text: s.text,
        projects: resolve(ctx.ids.projects, s.projectSlugs, 'project', n.slug),
        events: resolve(ctx.ids.events, s.eventSlugs, 'event', n.slug),
        documents: resolve(ctx.ids.documents, s.documentSlugs, 'document', n.slug),
        links: s.links,
      })),
      pdf,
    };
  });
}

/** The PDF of the mailing, for the issues that have one. */
async function uploadNewsletterPdf(client: StrapiClient, n: SeedNewsletter): Promise<number | null> {
  if (!n.withPdf) return null;
  const data = await makePdf({
    title: n.title,
    kind: 'Newsletter',
    date: n.sentAt,
    publisher: 'Kommunal Agentur NRW',
    body: n.sections.map((s) => s.heading),
  });
  return (await client.upload({ name: `${n.slug}.pdf`, type: 'application/pdf', data }, { caption: n.title })).id;
}

/** Saves the newer summaries as drafts over the published projects. */
async function writeDraftEdits(ctx: WriteContext, edits: SeedPlan['draftEdits']): Promise<void> {
  for (const edit of edits) {
    const id = ctx.ids.projects.get(edit.slug);
    if (!id) throw new Error(`Seed: draft edit for unknown project "${edit.slug}"`);
    await ctx.client.request('PUT', `/api/projects/${id}`, {
      query: { status: 'draft' },
      body: { data: { summary: edit.summary } },
    });
  }
}
