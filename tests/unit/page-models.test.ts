/** The page models: the rules that decide what each page shows, tested without Strapi or Astro. */
import { describe, expect, it } from 'vitest';
import { PAGE_SIZES, routes } from '@ikz/shared-types/routes';
import { buildContent, type Snapshot } from '@ikz/site/model/content';
import { inventory } from '@ikz/site/model/inventory';
import { pageModel, type ModelContext, type PageModel, type PageOf } from '@ikz/site/model/pages';
import type { SiteDocument, SiteEvent, SiteMunicipality, SiteProject, SiteTopic } from '@ikz/site/lib/types';

const context: ModelContext = {
  buildMap: () => ({ viewBox: '0 0 1 1', width: 1, height: 1, shapes: [], legend: [] }),
  infoPages: [
    { id: 'impressum', usesContentDate: false },
    { id: 'barrierefreiheit', usesContentDate: true },
    { id: 'beratung', usesContentDate: false, usesMunicipalities: true },
    { id: 'projekt-melden', usesContentDate: false, usesMunicipalities: true, usesTopics: true },
  ],
};

const municipality = (ags: string, name: string, kind: SiteMunicipality['kind'], kreisAgs: string): SiteMunicipality =>
  ({
    id: 1,
    documentId: `m${ags}`,
    ags,
    name,
    slug: name.toLowerCase(),
    kind,
    kreisAgs,
    kreisName: 'Kreis Lippe',
    regierungsbezirkAgs: '057',
    regierungsbezirkName: 'Detmold',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  }) as unknown as SiteMunicipality;

const lippe = municipality('05766', 'Lippe', 'Kreis', '05766');
const detmold = municipality('05766020', 'Detmold', 'Kreisangehörige Stadt', '05766');
const lage = municipality('05766040', 'Lage', 'Kreisangehörige Stadt', '05766');
const bielefeld = municipality('05711000', 'Bielefeld', 'Kreisfreie Stadt', '05711');
const topic = (slug: string, focus = false): SiteTopic =>
  ({
    id: 1,
    documentId: `t-${slug}`,
    name: slug,
    slug,
    description: null,
    focus,
    createdAt: '',
    updatedAt: '2026-01-01T00:00:00.000Z',
    publishedAt: '2026-01-01T00:00:00.000Z',
  }) as unknown as SiteTopic;

let n = 0;
function project(
  title: string,
  lead: SiteMunicipality,
  others: SiteMunicipality[] = [],
  topics = ['digitalisierung'],
  publishedAt = '2026-01-01T00:00:00.000Z',
): SiteProject {
  n += 1;
  const ref = (m: SiteMunicipality) => ({
    documentId: m.documentId,
    name: m.name,
    slug: m.slug,
    ags: m.ags,
    kind: m.kind,
    kreisAgs: m.kreisAgs,
  });
  return {
    id: n,
    documentId: `p${n}`,
    title,
    slug: `p${n}`,
    summary: `Kurzbeschreibung ${title}`,
    leadMunicipality: ref(lead),
    municipalities: others.map(ref),
    topics: topics.map((t) => ({ documentId: `t-${t}`, name: t, slug: t })),
    cooperationForm: 'Sonstige',
    projectStatus: 'Planung',
    startYear: 2024,
    endYear: null,
    bestPractice: false,
    image: null,
    updatedAt: publishedAt,
    publishedAt,
    createdAt: publishedAt,
  } as unknown as SiteProject;
}

function event(slug: string, startsAt: string, endsAt: string): SiteEvent {
  return {
    id: 1,
    documentId: `e-${slug}`,
    title: slug,
    slug,
    format: 'Seminar',
    startsAt,
    endsAt,
    summary: 'Termin',
    eventStatus: 'angekündigt',
    place: { venue: 'Rathaus', city: 'Lage', street: null, postalCode: null },
    online: null,
    updatedAt: startsAt,
    publishedAt: startsAt,
    createdAt: startsAt,
  } as unknown as SiteEvent;
}

function snapshot(partial: Partial<Snapshot>): Snapshot {
  return {
    projects: [],
    documents: [],
    newsletters: [],
    events: [],
    topics: [topic('digitalisierung', true), topic('bauhof')],
    municipalities: [lippe, detmold, lage, bielefeld],
    ...partial,
  };
}

const model = <K extends PageModel['kind']>(
  content: ReturnType<typeof buildContent>,
  url: string,
  kind: K,
): PageOf<K> => {
  const page = pageModel(content, routes.match(url)!, context);
  expect(page?.kind).toBe(kind);
  return page as PageOf<K>;
};

describe('municipality and Kreis pages', () => {
  const projects = [
    project('Kreisprojekt', lippe),
    project('Detmolder Projekt', detmold, [lage]),
    project('Lager Projekt', lage),
    project('Bielefelder Projekt', bielefeld, [detmold]),
  ];
  const content = buildContent(snapshot({ projects }), new Date('2026-11-23T12:00:00Z'));

  it('shows a Kreis its own projects, then those of its Gemeinden (each once), and its Gemeinden', () => {
    const page = model(content, '/kommunen/lippe/', 'municipality');
    expect(page.own.map((p) => p.title)).toEqual(['Kreisprojekt']);
    expect(page.memberProjects.map((p) => p.title)).toEqual([
      'Bielefelder Projekt',
      'Detmolder Projekt',
      'Lager Projekt',
    ]);
    expect(page.members.map((m) => m.name)).toEqual(['Detmold', 'Lage']);
    expect(page.kreis).toBeNull();
  });

  it('links a Gemeinde to its Kreis and lists projects it leads or joins', () => {
    const page = model(content, '/kommunen/detmold/', 'municipality');
    expect(page.kreis).toEqual({ slug: 'lippe', name: 'Lippe' });
    expect(page.own.map((p) => p.title)).toEqual(['Bielefelder Projekt', 'Detmolder Projekt']);
    expect(model(content, '/kommunen/bielefeld/', 'municipality').kreis).toBeNull();
  });

  it('paginates a Kreis with many projects and keeps page 1 at the Kreis URL', () => {
    const many = Array.from({ length: PAGE_SIZES.municipalityProjects + 5 }, (_, i) =>
      project(`Gemeindeprojekt ${String(i).padStart(2, '0')}`, lage),
    );
    const big = buildContent(snapshot({ projects: [project('Kreisprojekt', lippe), ...many] }), new Date());
    const first = model(big, '/kommunen/lippe/', 'municipality');
    expect([first.page, first.pages, first.ownTotal, first.memberTotal]).toEqual([1, 2, 1, many.length]);
    expect(first.own.length + first.memberProjects.length).toBe(PAGE_SIZES.municipalityProjects);
    const second = model(big, routes.paged.municipality('lippe', 2), 'municipality');
    expect(second.memberProjects).toHaveLength(6);
    expect(second.members).toEqual([]);
    expect(pageModel(big, routes.match('/kommunen/lippe/seite/3/')!, context)).toBeNull();
    expect(inventory(big, context.infoPages).municipalities.find((m) => m.slug === 'lippe')?.pages).toBe(2);
  });
});

describe('home, topics and events', () => {
  it('shows the six newest projects, the focus topics with counts and the next three events', () => {
    const projects = Array.from({ length: 8 }, (_, i) =>
      project(`Projekt ${i}`, lage, [], i % 2 ? ['bauhof'] : ['digitalisierung'], `2026-0${i + 1}-01T00:00:00.000Z`),
    );
    const events = [
      event('vorbei', '2026-01-01T09:00:00Z', '2026-01-01T12:00:00Z'),
      ...['a', 'b', 'c', 'd'].map((s, i) => event(s, `2026-12-0${i + 1}T09:00:00Z`, `2026-12-0${i + 1}T12:00:00Z`)),
    ];
    const home = model(buildContent(snapshot({ projects, events }), new Date('2026-11-23T12:00:00Z')), '/', 'home');
    expect(home.newest.map((p) => p.title)).toEqual([
      'Projekt 7',
      'Projekt 6',
      'Projekt 5',
      'Projekt 4',
      'Projekt 3',
      'Projekt 2',
    ]);
    expect(home.focus).toEqual([{ slug: 'digitalisierung', name: 'digitalisierung', description: null, projects: 4 }]);
    expect(home.upcoming.map((e) => e.slug)).toEqual(['a', 'b', 'c']);
  });

  it('marks an event as past once it ended, and moves it to the archive', () => {
    const content = buildContent(
      snapshot({ events: [event('heute', '2026-11-23T08:00:00Z', '2026-11-23T11:00:00Z')] }),
      new Date('2026-11-23T12:00:00Z'),
    );
    expect(model(content, '/veranstaltungen/heute/', 'event').past).toBe(true);
    expect(model(content, '/veranstaltungen/', 'events')).toMatchObject({ upcoming: [], pastCount: 1 });
    expect(model(content, '/veranstaltungen/archiv/', 'eventArchive').years).toEqual([
      {
        year: '2026',
        events: [{ slug: 'heute', title: 'heute', startsAt: '2026-11-23T08:00:00Z', format: 'Seminar' }],
      },
    ]);
  });

  it('paginates a topic, with the newest documents on its first page only', () => {
    const projects = Array.from({ length: PAGE_SIZES.topicProjects + 1 }, (_, i) =>
      project(`T${String(i).padStart(2, '0')}`, lage),
    );
    const content = buildContent(snapshot({ projects }), new Date());
    const first = model(content, '/themen/digitalisierung/', 'topic');
    expect([first.page, first.pages, first.total, first.projects.length]).toEqual([
      1,
      2,
      PAGE_SIZES.topicProjects + 1,
      PAGE_SIZES.topicProjects,
    ]);
    expect(model(content, '/themen/digitalisierung/seite/2/', 'topic').projects.map((p) => p.title)).toEqual([
      `T${PAGE_SIZES.topicProjects}`,
    ]);
    expect(pageModel(content, routes.match('/themen/gibt-es-nicht/')!, context)).toBeNull();
  });

  it('paginates the event archive, newest first, grouped by year on each page', () => {
    const events = Array.from({ length: PAGE_SIZES.eventArchive + 2 }, (_, i) => {
      const start = new Date(Date.UTC(2020, 0, 1 + i * 20)).toISOString();
      return event(`e${i}`, start, start);
    });
    const content = buildContent(snapshot({ events }), new Date('2026-11-23T12:00:00Z'));
    const first = model(content, '/veranstaltungen/archiv/', 'eventArchive');
    expect([first.page, first.pages, first.total]).toEqual([1, 2, PAGE_SIZES.eventArchive + 2]);
    expect(first.years.flatMap((y) => y.events)).toHaveLength(PAGE_SIZES.eventArchive);
    expect(first.years[0]!.events[0]!.slug).toBe(`e${PAGE_SIZES.eventArchive + 1}`);
    const second = model(content, '/veranstaltungen/archiv/seite/2/', 'eventArchive');
    expect(second.years).toEqual([
      { year: '2020', events: [expect.objectContaining({ slug: 'e1' }), expect.objectContaining({ slug: 'e0' })] },
    ]);
    expect(pageModel(content, routes.match('/veranstaltungen/archiv/seite/3/')!, context)).toBeNull();
    expect(inventory(content, context.infoPages).eventArchivePages).toBe(2);
  });

  it('paginates the court decisions and leaves out decisions without court data', () => {
    const decision = (i: number, withCourt = true) =>
      ({
        id: i,
        documentId: `d${i}`,
        slug: `urteil-${i}`,
        title: `Urteil ${i}`,
        type: 'Gerichtsentscheidung',
        date: new Date(Date.UTC(2010, 0, 1 + i)).toISOString().slice(0, 10),
        publisher: null,
        courtDecision: withCourt
          ? { court: 'OVG NRW', decidedAt: null, docketNumber: `15 A ${i}/20`, kind: 'Urteil', holding: null }
          : null,
      }) as unknown as SiteDocument;
    const documents = [
      ...Array.from({ length: PAGE_SIZES.courtDecisions + 1 }, (_, i) => decision(i)),
      decision(999, false),
    ];
    const content = buildContent(snapshot({ documents }), new Date('2026-11-23T12:00:00Z'));
    const first = model(content, '/dokumente/rechtsprechung/', 'courtDecisions');
    expect([first.page, first.pages, first.total, first.decisions.length]).toEqual([
      1,
      2,
      PAGE_SIZES.courtDecisions + 1,
      PAGE_SIZES.courtDecisions,
    ]);
    expect(
      model(content, '/dokumente/rechtsprechung/seite/2/', 'courtDecisions').decisions.map((d) => d.docketNumber),
    ).toEqual(['15 A 0/20']);
    expect(inventory(content, context.infoPages).courtDecisionPages).toBe(2);
  });

  it('gives the accessibility statement the content date, and other MDX pages none', () => {
    const content = buildContent(
      snapshot({ projects: [project('Neu', lage, [], ['bauhof'], '2026-11-20T10:00:00.000Z')] }),
      new Date('2026-11-23T12:00:00Z'),
    );
    expect(model(content, '/barrierefreiheit/', 'infoPage').contentDate).toBe('2026-11-20');
    expect(model(content, '/impressum/', 'infoPage').contentDate).toBeNull();
    expect(pageModel(content, routes.match('/unbekannt/')!, context)).toBeNull();
  });

  it('gives the page with the advisory request form the municipalities, grouped by Regierungsbezirk, and other MDX pages none', () => {
    const content = buildContent(snapshot({ projects: [project('Neu', lage)] }), new Date('2026-11-23T12:00:00Z'));
    expect(model(content, '/beratung/', 'infoPage').municipalities).toEqual([
      {
        label: 'Regierungsbezirk Detmold',
        choices: ['Bielefeld', 'Detmold', 'Lage', 'Lippe'].map((name) => ({
          ags: content.municipalities.find((m) => m.name === name)!.ags,
          name,
        })),
      },
    ]);
    expect(model(content, '/impressum/', 'infoPage').municipalities).toBeNull();
  });

  it('gives the page with the project report form the municipalities and the topics, and other MDX pages no topics', () => {
    const content = buildContent(
      snapshot({ projects: [project('Neu', lage, [], ['bauhof'])] }),
      new Date('2026-11-23T12:00:00Z'),
    );
    const page = model(content, '/projekt-melden/', 'infoPage');
    expect(page.municipalities?.[0]?.choices.map((c) => c.name)).toEqual(['Bielefeld', 'Detmold', 'Lage', 'Lippe']);
    expect(page.topics).toEqual(content.topics.map((t) => ({ slug: t.slug, name: t.name })));
    expect(page.topics!.map((t) => t.slug)).toContain('bauhof');
    expect(model(content, '/beratung/', 'infoPage').topics).toBeNull();
  });
});
