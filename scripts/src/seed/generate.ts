/**
 * Deterministic demo content for Interkommunales.NRW: the same seed, scale and reference date always
 * give the same plan. Pure – it knows nothing of Strapi; `seed.ts` writes the plan through the REST API.
 */
import { Random } from '../lib/prng.ts';
import { berlinTime, formatDateDe, isoDate } from '@ikz/shared-types/time';
import { MAX_SLUG_LENGTH, slugify } from '@ikz/shared-types/slug';
import { heading, list, paragraphs, type Block } from './blocks.ts';
import * as corpus from './corpus.ts';

export interface MunicipalityRef {
  ags: string;
  name: string;
  kind: string;
  kreisAgs: string;
  kreisName: string;
  regierungsbezirkAgs: string;
}

export interface SeedOptions {
  scale: number;
  seed: string;
  /** Events before this day are past, after it upcoming; years of content end here. */
  referenceDate: Date;
}

export interface SeedTopic {
  slug: string;
  name: string;
  description: string;
  focus: boolean;
}

export interface SeedContact {
  name: string;
  role: string;
  organisation: string;
  email: string;
  phone: string;
  consent: boolean;
}

export interface SeedProject {
  slug: string;
  title: string;
  summary: string;
  leadAgs: string;
  municipalityAgs: string[];
  partners: { name: string; role: string }[];
  topicSlugs: string[];
  keywords: string;
  cooperationForm: string;
  projectStatus: string;
  startYear: number;
  endYear: number | null;
  occasion: Block[];
  goal: Block[];
  implementation: Block[];
  results: Block[];
  funding: { programme: string; amount: number; authority: string; year: number } | null;
  bestPractice: boolean;
  contacts: SeedContact[];
  documentSlugs: string[];
  image: { label: string; hue: number } | null;
  imageAlt: string | null;
  reviewedAt: string;
  draft: boolean;
}

export interface SeedDocument {
  slug: string;
  title: string;
  type: corpus.DocumentType;
  date: string;
  publisher: string;
  summary: string;
  withFile: boolean;
  externalUrl: string | null;
  topicSlugs: string[];
  municipalityAgs: string[];
  keywords: string;
  courtDecision: {
    court: string;
    docketNumber: string;
    kind: 'Urteil' | 'Beschluss';
    decidedAt: string;
    holding: string;
    sourceUrl: string;
  } | null;
  draft: boolean;
}

export interface SeedEvent {
  slug: string;
  title: string;
  format: corpus.EventFormat;
  startsAt: string;
  endsAt: string;
  place: { venue: string; street: string; postalCode: string; city: string } | null;
  online: { platform: string; url: string } | null;
  summary: string;
  description: Block[];
  registration: {
    mode: string;
    email: string | null;
    url: string | null;
    deadline: string | null;
    capacity: number | null;
    cost: string;
  } | null;
  agenda: Block[];
  documentSlugs: string[];
  speakers: { name: string; role: string; organisation: string }[];
  eventStatus: string;
  topicSlugs: string[];
  draft: boolean;
}

export interface SeedNewsletter {
  slug: string;
  title: string;
  year: number;
  number: number;
  sentAt: string;
  editorial: Block[];
  sections: {
    heading: string;
    text: Block[];
    projectSlugs: string[];
    eventSlugs: string[];
    documentSlugs: string[];
    links: { label: string; url: string }[];
  }[];
  withPdf: boolean;
  draft: boolean;
}

export interface SeedPlan {
  topics: SeedTopic[];
  documents: SeedDocument[];
  projects: SeedProject[];
  events: SeedEvent[];
  newsletters: SeedNewsletter[];
  /** Newer unpublished edits of published entries: their text must never reach readers. */
  draftEdits: { kind: 'project'; slug: string; summary: string }[];
}

/** A marker that only drafts contain; the build tests search the output for it. */
export const DRAFT_MARKER = 'UNVEROEFFENTLICHT';

const BASE_COUNTS = { projects: 500, documents: 3000, events: 80, newsletters: 30 } as const;

function scaledCount(base: number, scale: number, minimum: number): number {
  return Math.max(minimum, Math.round(base * scale));
}

const DAY_MS = 86400000;

/** The newsletter archive and the annual conferences (Jahrestagungen) begin in this year. */
const FIRST_YEAR = 2017;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\bim \{kreis\}/g, '{inKreis}').replace(/\{(\w+)\}/g, (match, key: string) => {
    if (!(key in values)) throw new Error(`Seed corpus: unknown placeholder ${match} in "${template}"`);
    return String(values[key]);
  });
}

/** "im Kreis Lippe", "in der Städteregion Aachen", "in Düsseldorf". */
export function inRegion(kreisName: string, isKreis: boolean): string {
  if (!isKreis) return `in ${kreisName}`;
  if (kreisName.startsWith('Städteregion')) return `in der ${kreisName}`;
  return `im ${kreisName.replace(/er Kreis$/, 'en Kreis')}`;
}

/** "Stadt Detmold", "Gemeinde Wettringen", "Kreis Lippe". */
function organisationName(m: MunicipalityRef): string {
  if (m.kind === 'Kreis') return m.name;
  return `${m.kind === 'Kreisangehörige Gemeinde' ? 'Gemeinde' : 'Stadt'} ${m.name}`;
}

const NUMBER_WORDS = [
  'null',
  'eine',
  'zwei',
  'drei',
  'vier',
  'fünf',
  'sechs',
  'sieben',
  'acht',
  'neun',
  'zehn',
  'elf',
  'zwölf',
];

/** Counts in running text: "Zwei Kommunen", "13 Kommunen". */
export function countWord(n: number, capitalise = false): string {
  const word = NUMBER_WORDS[n] ?? String(n);
  return capitalise ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** What every step draws on: the options and the reference data, sorted by key so that the input order does not matter. */
interface PlanContext {
  scale: number;
  referenceDate: Date;
  refYear: number;
  gemeinden: MunicipalityRef[];
  kreise: MunicipalityRef[];
  kreisByAgs: Map<string, MunicipalityRef>;
  gemeindenByKreis: Map<string, MunicipalityRef[]>;
}

function placeValues(ctx: PlanContext, lead: MunicipalityRef, partner: MunicipalityRef) {
  const kreisName = lead.kind === 'Kreis' ? lead.name : lead.kreisName;
  const isKreis = lead.kind === 'Kreis' || ctx.kreisByAgs.has(lead.kreisAgs);
  return {
    lead: lead.name,
    partner: partner.name,
    kreis: kreisName,
    inKreis: inRegion(kreisName, isKreis),
    leadOrg: organisationName(lead),
    partnerOrg: organisationName(partner),
  };
}

/** Makes titles unique, so that slugs are stable across runs and never depend on the server's suffixes. */
class TitleRegistry {
  private readonly slugs = new Set<string>();

  claim(title: string, alternatives: () => string[]): { title: string; slug: string } {
    for (const candidate of [title, ...alternatives()]) {
      const slug = slugify(candidate);
      if (!this.slugs.has(slug)) {
        this.slugs.add(slug);
        return { title: candidate, slug };
      }
    }
    const base = slugify(title);
    for (let n = 2; ; n += 1) {
      const suffix = `-${n}`;
      const slug = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
      if (!this.slugs.has(slug)) {
        this.slugs.add(slug);
        return { title: `${title} (${n})`, slug };
      }
    }
  }
}

function randomDay(random: Random, year: number, last: Date): Date {
  const start = Date.UTC(year, 0, 1);
  const end = Math.min(Date.UTC(year, 11, 31), last.getTime());
  return new Date(start + Math.floor((random.next() * Math.max(1, end - start)) / DAY_MS) * DAY_MS);
}

function citizenName(random: Random): string {
  return `${random.pick(corpus.CONTACT_FIRST_NAMES)} ${random.pick(corpus.CONTACT_LAST_NAMES)}`;
}

function mailLocal(name: string): string {
  return slugify(name).replace(/-/g, '.');
}

export function generatePlan(municipalities: MunicipalityRef[], options: SeedOptions): SeedPlan {
  if (municipalities.length === 0)
    throw new Error('generatePlan: no municipalities given (load the reference data first)');
  const ctx = planContext(municipalities, options);
  const root = new Random(options.seed);
  const documents = generateDocuments(ctx, root.fork('documents'));
  const projects = generateProjects(ctx, root.fork('projects'), documents);
  const events = generateEvents(ctx, root.fork('events'), documents);
  const newsletters = generateNewsletters(ctx, root.fork('newsletters'), { documents, projects, events });
  const drafts = generateDrafts(root.fork('drafts'), { documents, projects, events, newsletters });
  return {
    topics: generateTopics(),
    documents: [...documents, ...drafts.documents],
    projects: [...projects, ...drafts.projects],
    events: [...events, ...drafts.events],
    newsletters: [...newsletters, ...drafts.newsletters],
    draftEdits: generateDraftEdits(projects),
  };
}

function planContext(municipalities: MunicipalityRef[], options: SeedOptions): PlanContext {
  const sorted = [...municipalities].sort((a, b) => a.ags.localeCompare(b.ags));
  const gemeinden = sorted.filter((m) => m.kind !== 'Kreis');
  const kreise = sorted.filter((m) => m.kind === 'Kreis');
  const gemeindenByKreis = new Map<string, MunicipalityRef[]>();
  for (const g of gemeinden) appendTo(gemeindenByKreis, g.kreisAgs, g);
  return {
    scale: options.scale,
    referenceDate: options.referenceDate,
    refYear: options.referenceDate.getUTCFullYear(),
    gemeinden,
    kreise,
    kreisByAgs: new Map(kreise.map((k) => [k.ags, k])),
    gemeindenByKreis,
  };
}

function appendTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** `count` partners of a lead: mostly from its own Kreis, otherwise also from the rest of its Regierungsbezirk. */
function partnersOf(ctx: PlanContext, r: Random, lead: MunicipalityRef, count: number): MunicipalityRef[] {
  const sameKreis = (ctx.gemeindenByKreis.get(lead.kreisAgs) ?? []).filter((g) => g.ags !== lead.ags);
  const sameRegion = ctx.gemeinden.filter(
    (g) => g.regierungsbezirkAgs === lead.regierungsbezirkAgs && g.ags !== lead.ags && g.kreisAgs !== lead.kreisAgs,
  );
  const pool = sameKreis.length >= count && r.chance(0.75) ? sameKreis : [...sameKreis, ...sameRegion];
  return r.sample(pool, count);
}

const TOPIC_NAMES = new Set(corpus.TOPICS.map((t) => t.name));
const FOCUS_TOPIC_NAMES = corpus.TOPICS.filter((t) => t.focus).map((t) => t.name);

function slugOfTopic(name: string): string {
  if (!TOPIC_NAMES.has(name)) throw new Error(`Seed corpus: unknown topic "${name}"`);
  return slugify(name);
}

/** A topic for a document or an event: the focus topics come up six times as often as the others. */
function pickTopicName(r: Random): string {
  return r.weighted(corpus.TOPICS, (t) => (t.focus ? 6 : 1)).name;
}

function generateTopics(): SeedTopic[] {
  return corpus.TOPICS.map((t) => ({
    slug: slugOfTopic(t.name),
    name: t.name,
    description: t.description,
    focus: t.focus,
  }));
}

function generateDocuments(ctx: PlanContext, r: Random): SeedDocument[] {
  if (!corpus.DOCUMENT_TEMPLATES.some((t) => t.type === 'Gerichtsentscheidung'))
    throw new Error('Seed corpus: no template for Gerichtsentscheidung');
  const titles = new TitleRegistry();
  return Array.from({ length: scaledCount(BASE_COUNTS.documents, ctx.scale, 20) }, (_, i) => {
    // Every type appears even at small scale; after that they follow their weights.
    const template =
      i < corpus.DOCUMENT_TEMPLATES.length
        ? corpus.DOCUMENT_TEMPLATES[i]!
        : r.weighted(corpus.DOCUMENT_TEMPLATES, (t) => t.weight);
    return generateDocument(ctx, r, template, titles);
  });
}

function generateDocument(
  ctx: PlanContext,
  r: Random,
  template: corpus.DocumentTemplate,
  titles: TitleRegistry,
): SeedDocument {
  const lead = r.chance(0.15) && ctx.kreise.length ? r.pick(ctx.kreise) : r.pick(ctx.gemeinden);
  const partner =
    partnersOf(
      ctx,
      r,
      lead.kind === 'Kreis' ? r.pick(ctx.gemeindenByKreis.get(lead.kreisAgs) ?? ctx.gemeinden) : lead,
      1,
    )[0] ?? r.pick(ctx.gemeinden);
  const topicName = pickTopicName(r);
  const year = r.int(Math.max(2005, ctx.refYear - 18), ctx.refYear);
  const date = randomDay(r, year, ctx.referenceDate);
  const values = { ...placeValues(ctx, lead, partner), topic: topicName, year, count: 'zwei', Count: 'Zwei', task: '' };
  // Drawn for court decisions too, which are titled after their case: skipping it would change every later document.
  const templateTitle = fill(r.pick(template.titles), values);
  const court = template.type === 'Gerichtsentscheidung' ? generateCourtDecision(r, date, year) : null;
  const title = court?.title ?? templateTitle;
  const claimed = titles.claim(title, () => [
    `${title} vom ${formatDateDe(date)}`,
    `${title} – ${lead.name}, ${formatDateDe(date)}`,
  ]);
  const withFile = r.chance(0.45);
  const secondTopic = r.chance(0.3) ? pickTopicName(r) : topicName;
  return {
    slug: claimed.slug,
    title: claimed.title,
    type: template.type,
    date: isoDate(date),
    publisher: fill(r.pick(template.publishers), values),
    summary: fill(r.pick(template.summaries), values),
    withFile,
    externalUrl: withFile ? null : `https://dokumente.example.org/ikz/${year}/${claimed.slug}.pdf`,
    topicSlugs: [...new Set([slugOfTopic(topicName), slugOfTopic(secondTopic)])],
    municipalityAgs: [...new Set([lead.ags, partner.ags])],
    keywords: [template.type, topicName, lead.name].join(', '),
    courtDecision: court?.decision ?? null,
    draft: false,
  };
}

function generateCourtDecision(
  r: Random,
  date: Date,
  year: number,
): { title: string; decision: NonNullable<SeedDocument['courtDecision']> } {
  const court = r.pick(corpus.COURTS);
  const courtCase = r.pick(corpus.COURT_CASES);
  const kind = r.chance(0.6) ? 'Urteil' : 'Beschluss';
  const docketNumber = `${r.pick(court.docketPrefix)} ${r.int(10, 2999)}/${String(year - r.int(0, 2)).slice(2)}`;
  return {
    title: `${courtCase.subject} (${kind} vom ${formatDateDe(date)}, ${docketNumber})`,
    decision: {
      court: court.court,
      docketNumber,
      kind,
      decidedAt: isoDate(date),
      holding: courtCase.holding,
      sourceUrl: `https://rechtsprechung.example.org/${slugify(docketNumber)}`,
    },
  };
}

const COOPERATION_FORMS = [
  ['öffentlich-rechtliche Vereinbarung', 30],
  ['Zweckverband', 10],
  ['gemeinsames Kommunalunternehmen (AöR)', 6],
  ['Arbeitsgemeinschaft', 14],
  ['öffentlich-rechtlicher Vertrag', 12],
  ['privatrechtliche Gesellschaft', 6],
  ['informelle Kooperation', 18],
  ['Sonstige', 4],
] as const;

const PROJECT_STATUSES = [
  ['Idee/Partnersuche', 6],
  ['Planung', 14],
  ['Umsetzung', 22],
  ['in Betrieb', 45],
  ['beendet', 13],
] as const;

function generateProjects(ctx: PlanContext, r: Random, documents: SeedDocument[]): SeedProject[] {
  const titles = new TitleRegistry();
  const documentsOfTopic = documentsByTopic(documents);
  return Array.from({ length: scaledCount(BASE_COUNTS.projects, ctx.scale, 10) }, (_, i) => {
    // Every topic gets a project first; after that the focus topics come up five times as often as the others.
    const theme = i < corpus.TOPICS.length ? corpus.TOPICS[i]! : r.weighted(corpus.TOPICS, (t) => (t.focus ? 5 : 1));
    return generateProject(ctx, r, theme, titles, documentsOfTopic);
  });
}

function documentsByTopic(documents: SeedDocument[]): Map<string, SeedDocument[]> {
  const byTopic = new Map<string, SeedDocument[]>();
  for (const d of documents) for (const t of d.topicSlugs) appendTo(byTopic, t, d);
  return byTopic;
}

function generateProject(
  ctx: PlanContext,
  r: Random,
  theme: corpus.TopicSeed,
  titles: TitleRegistry,
  documentsOfTopic: Map<string, SeedDocument[]>,
): SeedProject {
  const { lead, partners, partner } = projectPartners(ctx, r);
  const values = {
    ...placeValues(ctx, lead, partner),
    count: countWord(partners.length + 1),
    Count: countWord(partners.length + 1, true),
    topic: theme.name,
    year: ctx.refYear,
    task: theme.task,
  };
  const { status, startYear, endYear } = projectTimeline(ctx, r);
  const title = fill(r.pick(theme.titles), values);
  const claimed = titles.claim(title, () => [`${title} (seit ${startYear})`, `${title} – ${partner.name}`]);
  const programme = r.chance(0.35)
    ? r.weighted(corpus.FUNDING_PROGRAMMES, (p) => (p.programme.includes('IKZ NRW') ? 4 : 1))
    : null;
  const topicSlugs = [...new Set([theme.name, ...r.sample(theme.related, r.int(0, 2))].map(slugOfTopic))];
  const documentSlugs = r.sample(documentsOfTopic.get(topicSlugs[0]!) ?? [], r.int(0, 4)).map((d) => d.slug);
  const contacts = generateContacts(r, lead);
  const hasImage = r.chance(0.15);
  const reviewed = new Date(ctx.referenceDate.getTime() - r.int(0, 700) * DAY_MS);
  return {
    slug: claimed.slug,
    title: claimed.title,
    summary: fill(r.pick(corpus.PROJECT_TEXTS.summary), values),
    leadAgs: lead.ags,
    municipalityAgs: partners.map((p) => p.ags),
    partners: r.sample(corpus.PARTNERS, r.int(0, 2)),
    topicSlugs,
    keywords: theme.keywords.join(', '),
    cooperationForm: r.weighted(COOPERATION_FORMS, ([, w]) => w)[0],
    projectStatus: status,
    startYear,
    endYear,
    ...projectSections(r, values, status),
    funding: programme
      ? {
          programme: programme.programme,
          authority: programme.authority,
          amount: r.int(40, 800) * 500,
          year: Math.max(startYear, 2010),
        }
      : null,
    bestPractice: status === 'in Betrieb' && r.chance(0.2),
    contacts,
    documentSlugs,
    image: hasImage ? { label: theme.name, hue: r.int(0, 359) } : null,
    imageAlt: hasImage
      ? `Symbolbild zum Handlungsfeld ${theme.name}: farbige Fläche mit dem Namen des Handlungsfelds`
      : null,
    reviewedAt: isoDate(reviewed),
    draft: false,
  };
}

/** A lead (a Kreis in one project of five) and its partner municipalities: up to four, up to six for a Kreis. */
function projectPartners(
  ctx: PlanContext,
  r: Random,
): { lead: MunicipalityRef; partners: MunicipalityRef[]; partner: MunicipalityRef } {
  const kreisLed = r.chance(0.2);
  const lead = kreisLed ? r.pick(ctx.kreise) : r.pick(ctx.gemeinden);
  const partners = partnersOf(
    ctx,
    r,
    kreisLed ? r.pick(ctx.gemeindenByKreis.get(lead.kreisAgs) ?? ctx.gemeinden) : lead,
    r.int(1, kreisLed ? 6 : 4),
  );
  return { lead, partners, partner: partners[0] ?? r.pick(ctx.gemeinden) };
}

/** Ideas and plans start around the reference year; running and finished projects since 2006. */
function projectTimeline(
  ctx: PlanContext,
  r: Random,
): { status: (typeof PROJECT_STATUSES)[number][0]; startYear: number; endYear: number | null } {
  const status = r.weighted(PROJECT_STATUSES, ([, w]) => w)[0];
  const startYear = isPlanned(status) ? r.int(ctx.refYear - 1, ctx.refYear + 1) : r.int(2006, ctx.refYear);
  const endYear = status === 'beendet' ? Math.min(ctx.refYear, startYear + r.int(1, 6)) : null;
  return { status, startYear, endYear };
}

function isPlanned(status: string): boolean {
  return status === 'Idee/Partnersuche' || status === 'Planung';
}

/** Anlass, Ziel, Umsetzung and, once a project has started, Ergebnisse. */
function projectSections(
  r: Random,
  values: Record<string, string | number>,
  status: string,
): Pick<SeedProject, 'occasion' | 'goal' | 'implementation' | 'results'> {
  return {
    occasion: paragraphs(fill(r.pick(corpus.PROJECT_TEXTS.occasion), values)),
    goal: paragraphs(fill(r.pick(corpus.PROJECT_TEXTS.goal), values)),
    implementation: paragraphs(fill(r.pick(corpus.PROJECT_TEXTS.implementation), values)),
    results: isPlanned(status) ? [] : paragraphs(fill(r.pick(corpus.PROJECT_TEXTS.results), values)),
  };
}

function generateContacts(r: Random, lead: MunicipalityRef): SeedContact[] {
  return Array.from({ length: r.int(1, 2) }, () => {
    const name = citizenName(r);
    return {
      name,
      role: r.pick(corpus.CONTACT_ROLES),
      organisation: organisationName(lead),
      email: `${mailLocal(name)}@${slugify(lead.name)}.example.org`,
      phone: `+49 ${r.int(2000, 5999)} ${r.int(10000, 999999)}`,
      consent: r.chance(0.7),
    };
  });
}

function generateEvents(ctx: PlanContext, r: Random, documents: SeedDocument[]): SeedEvent[] {
  const annual = corpus.EVENT_TEMPLATES.find((t) => t.format === 'Jahrestagung');
  if (!annual) throw new Error('Seed corpus: no template for Jahrestagung');
  const others = corpus.EVENT_TEMPLATES.filter((t) => t.format !== 'Jahrestagung');
  const conferenceMaterials = documents.filter((doc) => doc.type === 'Tagungsunterlage');
  const titles = new TitleRegistry();
  const count = scaledCount(BASE_COUNTS.events, ctx.scale, 4);
  const annualYears = annualConferenceYears(ctx, count);
  return Array.from({ length: count }, (_, i) => {
    const annualYear = annualYears[i];
    const template = annualYear !== undefined ? annual : r.weighted(others, (t) => t.weight);
    const day = eventDay(ctx, r, i, annualYear);
    return generateEvent(ctx, r, { template, day, isAnnual: annualYear !== undefined }, titles, conferenceMaterials);
  });
}

/** The latest years up to next year, one for about every eighth event, at least two. */
function annualConferenceYears(ctx: PlanContext, eventCount: number): number[] {
  const years = Array.from({ length: ctx.refYear + 2 - FIRST_YEAR }, (_, k) => FIRST_YEAR + k);
  const count = Math.min(years.length, Math.max(2, Math.round(eventCount / 8)));
  return years.slice(years.length - count);
}

/** A weekday: the Jahrestagung in September; a quarter of the other events within 300 days after the reference date, the rest before it. */
function eventDay(ctx: PlanContext, r: Random, index: number, annualYear: number | undefined): Date {
  let day: Date;
  if (annualYear !== undefined) {
    day = new Date(Date.UTC(annualYear, 8, 10 + r.int(0, 20)));
  } else {
    const upcoming = index % 4 === 0;
    const from = upcoming ? ctx.referenceDate.getTime() + DAY_MS : Date.UTC(FIRST_YEAR, 0, 1);
    const to = upcoming ? ctx.referenceDate.getTime() + 300 * DAY_MS : ctx.referenceDate.getTime() - DAY_MS;
    day = new Date(from + Math.floor((r.next() * (to - from)) / DAY_MS) * DAY_MS);
  }
  const weekday = day.getUTCDay();
  return weekday === 0 || weekday === 6 ? new Date(day.getTime() + (weekday === 6 ? 2 : 1) * DAY_MS) : day;
}

interface EventFrame {
  template: corpus.EventTemplate;
  day: Date;
  isAnnual: boolean;
}

function generateEvent(
  ctx: PlanContext,
  r: Random,
  { template, day, isAnnual }: EventFrame,
  titles: TitleRegistry,
  conferenceMaterials: SeedDocument[],
): SeedEvent {
  const topicName = pickTopicName(r);
  const values = { year: day.getUTCFullYear(), topic: topicName };
  const online =
    template.format === 'Online-Veranstaltung' ||
    template.format === 'Sprechstunde' ||
    (template.format === 'Spotlight' && r.chance(0.7));
  const { start, end } = eventTimes(r, day, isAnnual, online);
  const past = end.getTime() < ctx.referenceDate.getTime();
  const title = fill(r.pick(template.titles), values);
  const claimed = titles.claim(title, () => [`${title} am ${formatDateDe(start)}`]);
  const place = online ? null : r.pick(corpus.VENUES);
  const status = eventStatus(r, past);
  const registrationMode =
    template.format === 'externe Veranstaltung'
      ? 'keine Anmeldung erforderlich'
      : online
        ? 'Online-Formular'
        : r.pick(['Online-Formular', 'per E-Mail'] as const);
  const agendaLines = r.pick(template.agenda);
  const followUp = past ? r.sample(conferenceMaterials, r.int(0, 3)).map((doc) => doc.slug) : [];
  return {
    slug: claimed.slug,
    title: claimed.title,
    format: template.format,
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    place,
    online: online
      ? {
          platform: r.pick(['Webex', 'BigBlueButton', 'Microsoft Teams']),
          url: `https://meet.example.org/ikz-${claimed.slug.slice(0, 40)}`,
        }
      : null,
    summary: fill(r.pick(template.summaries), values),
    description: paragraphs(fill(r.pick(template.descriptions), values)),
    registration: eventRegistration(r, registrationMode, { slug: claimed.slug, start, isAnnual, online }),
    agenda: [heading('Programm'), list(agendaLines)],
    documentSlugs: followUp,
    speakers: r.sample(corpus.SPEAKERS, isAnnual ? r.int(4, 7) : r.int(1, 3)),
    eventStatus: status,
    topicSlugs: [...new Set([slugOfTopic(topicName), ...(isAnnual ? FOCUS_TOPIC_NAMES.map(slugOfTopic) : [])])],
    draft: false,
  };
}

/** Start and end in Berlin time: the Jahrestagung all day, online events short, others half a day. */
function eventTimes(r: Random, day: Date, isAnnual: boolean, online: boolean): { start: Date; end: Date } {
  const [startHour, durationHours] = isAnnual
    ? [10, 6.5]
    : online
      ? [r.pick([10, 14, 15]), r.pick([1, 1.5, 2])]
      : [r.pick([9, 10, 13]), r.pick([3, 4, 6])];
  const start = berlinTime(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), startHour, 0);
  return { start, end: new Date(start.getTime() + durationHours * 3600000) };
}

/** Past events stay "angekündigt"; a few upcoming ones are cancelled, most are open for registration. */
function eventStatus(r: Random, past: boolean): string {
  const cancelled = !past && r.chance(0.05);
  if (cancelled) return 'abgesagt';
  if (past) return 'angekündigt';
  return r.weighted(
    [
      ['Anmeldung offen', 7],
      ['angekündigt', 2],
      ['ausgebucht', 1],
    ] as const,
    ([, w]) => w,
  )[0];
}

function eventRegistration(
  r: Random,
  mode: string,
  event: { slug: string; start: Date; isAnnual: boolean; online: boolean },
): SeedEvent['registration'] {
  if (mode === 'keine Anmeldung erforderlich')
    return { mode, email: null, url: null, deadline: null, capacity: null, cost: 'kostenfrei' };
  return {
    mode,
    email: mode === 'per E-Mail' ? 'veranstaltungen@kommunal-agentur.example.org' : null,
    url: mode === 'Online-Formular' ? `https://anmeldung.example.org/${event.slug.slice(0, 60)}` : null,
    deadline: new Date(event.start.getTime() - 7 * DAY_MS).toISOString(),
    capacity: event.isAnnual ? 250 : event.online ? 100 : r.pick([25, 30, 40, 60]),
    cost: event.isAnnual ? r.pick(['kostenfrei', '45 Euro inkl. Verpflegung']) : 'kostenfrei',
  };
}

interface NewsletterCandidates {
  documents: SeedDocument[];
  projects: SeedProject[];
  events: SeedEvent[];
}

function generateNewsletters(ctx: PlanContext, r: Random, content: NewsletterCandidates): SeedNewsletter[] {
  const count = scaledCount(BASE_COUNTS.newsletters, ctx.scale, 2);
  const perYear = Math.min(12, Math.max(3, Math.ceil(count / Math.max(1, ctx.refYear - FIRST_YEAR + 1))));
  return newsletterIssues(ctx, count, perYear).map((issue) => generateNewsletter(r, issue, perYear, content));
}

/** The latest `count` issues, oldest first, numbered within their year; the reference year only up to its month. */
function newsletterIssues(ctx: PlanContext, count: number, perYear: number): { year: number; number: number }[] {
  const issues: { year: number; number: number }[] = [];
  for (let year = ctx.refYear; issues.length < count && year >= 2000; year -= 1) {
    const possible =
      year === ctx.refYear ? Math.max(1, Math.floor((ctx.referenceDate.getUTCMonth() + 1) / (12 / perYear))) : perYear;
    for (let n = possible; n >= 1 && issues.length < count; n -= 1) issues.push({ year, number: n });
  }
  return issues.reverse();
}

function generateNewsletter(
  r: Random,
  { year, number }: { year: number; number: number },
  perYear: number,
  content: NewsletterCandidates,
): SeedNewsletter {
  const month = Math.min(12, Math.floor(((number - 1) * 12) / perYear) + 2);
  const sentAt = isoDate(new Date(Date.UTC(year, month - 1, r.int(5, 25))));
  const title = `Newsletter ${ROMAN[number - 1]} / ${year}`;
  const sectionSeeds = r.sample(corpus.NEWSLETTER_SECTIONS, r.int(3, 5));
  const earlier: NewsletterCandidates = {
    documents: content.documents.filter((doc) => doc.date <= sentAt),
    projects: content.projects.filter((p) => p.startYear <= year),
    events: content.events.filter((e) => e.startsAt.slice(0, 10) <= sentAt),
  };
  return {
    slug: slugify(title),
    title,
    year,
    number,
    sentAt,
    editorial: paragraphs(fill(r.pick(corpus.NEWSLETTER_EDITORIALS), { year })),
    sections: sectionSeeds.map((seed, k) => newsletterSection(r, seed, k, year, earlier)),
    withPdf: r.chance(0.5),
    draft: false,
  };
}

/** Sections take turns linking projects, events and documents from before the issue. */
function newsletterSection(
  r: Random,
  seed: (typeof corpus.NEWSLETTER_SECTIONS)[number],
  k: number,
  year: number,
  earlier: NewsletterCandidates,
): SeedNewsletter['sections'][number] {
  return {
    heading: seed.heading,
    text: paragraphs(fill(r.pick(seed.texts), { year })),
    projectSlugs: k % 3 === 0 ? r.sample(earlier.projects, r.int(1, 3)).map((p) => p.slug) : [],
    eventSlugs: k % 3 === 1 ? r.sample(earlier.events, r.int(1, 2)).map((e) => e.slug) : [],
    documentSlugs: k % 3 === 2 ? r.sample(earlier.documents, r.int(1, 3)).map((doc) => doc.slug) : [],
    links: r.chance(0.4)
      ? [{ label: 'Förderrichtlinie IKZ NRW im Überblick', url: 'https://foerderung.example.org/ikz-nrw' }]
      : [],
  };
}

interface PlanEntries {
  documents: SeedDocument[];
  projects: SeedProject[];
  events: SeedEvent[];
  newsletters: SeedNewsletter[];
}

/** Unpublished entries, copies of published ones marked with DRAFT_MARKER: none of them may ever reach readers. */
function generateDrafts(r: Random, published: PlanEntries): PlanEntries {
  return {
    documents: [1, 2].map((n) => draftDocument(published.documents, n)),
    projects: [1, 2, 3].map((n) => draftProject(published.projects, n)),
    events: [draftEvent(r, published.events)],
    newsletters: [draftNewsletter(published.newsletters)],
  };
}

function draftDocument(documents: SeedDocument[], n: number): SeedDocument {
  const base = documents[(n * 11) % documents.length]!;
  const title = `Entwurf ${n}: ${base.title} – ${DRAFT_MARKER}`;
  return {
    ...base,
    slug: slugify(title),
    title,
    summary: `${DRAFT_MARKER}: Interner Entwurf, nicht zur Veröffentlichung (Nr. ${n}).`,
    draft: true,
  };
}

function draftProject(projects: SeedProject[], n: number): SeedProject {
  const base = projects[(n * 7) % projects.length]!;
  const title = `Entwurf ${n}: ${base.title} – ${DRAFT_MARKER}`;
  return {
    ...base,
    slug: slugify(title),
    title,
    summary: `${DRAFT_MARKER}: Dieser Projektentwurf ist noch in Abstimmung und darf nicht veröffentlicht werden (Nr. ${n}).`,
    documentSlugs: [],
    image: null,
    imageAlt: null,
    draft: true,
  };
}

function draftEvent(r: Random, events: SeedEvent[]): SeedEvent {
  const base = events[r.int(0, events.length - 1)]!;
  const title = `Entwurf: ${base.title} – ${DRAFT_MARKER}`;
  return {
    ...base,
    slug: slugify(title),
    title,
    summary: `${DRAFT_MARKER}: Termin noch nicht bestätigt.`,
    documentSlugs: [],
    draft: true,
  };
}

function draftNewsletter(newsletters: SeedNewsletter[]): SeedNewsletter {
  const lastIssue = newsletters[newsletters.length - 1]!;
  const title = `Newsletter-Entwurf ${lastIssue.year} – ${DRAFT_MARKER}`;
  return {
    ...lastIssue,
    slug: slugify(title),
    title,
    number: Math.min(12, lastIssue.number + 1),
    editorial: paragraphs(`${DRAFT_MARKER}: Diese Ausgabe ist noch nicht verschickt.`),
    draft: true,
  };
}

/** A newer, unpublished summary for a published project. */
function generateDraftEdits(projects: SeedProject[]): SeedPlan['draftEdits'] {
  return [
    {
      kind: 'project',
      slug: projects[0]!.slug,
      summary: `${DRAFT_MARKER}: Überarbeitete Kurzbeschreibung, noch nicht freigegeben.`,
    },
  ];
}
