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

export interface SeedTopic { slug: string; name: string; description: string; focus: boolean }

export interface SeedContact { name: string; role: string; organisation: string; email: string; phone: string; consent: boolean }

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
  courtDecision: { court: string; docketNumber: string; kind: 'Urteil' | 'Beschluss'; decidedAt: string; holding: string; sourceUrl: string } | null;
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
  registration: { mode: string; email: string | null; url: string | null; deadline: string | null; capacity: number | null; cost: string } | null;
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
  sections: { heading: string; text: Block[]; projectSlugs: string[]; eventSlugs: string[]; documentSlugs: string[]; links: { label: string; url: string }[] }[];
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

export const BASE_COUNTS = { projects: 500, documents: 3000, events: 80, newsletters: 30 } as const;

export function scaledCount(base: number, scale: number, minimum: number): number {
  return Math.max(minimum, Math.round(base * scale));
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

function fill(template: string, values: Record<string, string | number>): string {
  return template
    .replace(/\bim \{kreis\}/g, '{inKreis}')
    .replace(/\{(\w+)\}/g, (match, key: string) => {
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
export function organisationName(m: MunicipalityRef): string {
  if (m.kind === 'Kreis') return m.name;
  return `${m.kind === 'Kreisangehörige Gemeinde' ? 'Gemeinde' : 'Stadt'} ${m.name}`;
}

const NUMBER_WORDS = ['null', 'eine', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'];

/** Counts in running text: "Zwei Kommunen", "13 Kommunen". */
export function countWord(n: number, capitalise = false): string {
  const word = NUMBER_WORDS[n] ?? String(n);
  return capitalise ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

function placeValues(lead: MunicipalityRef, partner: MunicipalityRef, kreise: Map<string, MunicipalityRef>) {
  const kreisName = lead.kind === 'Kreis' ? lead.name : lead.kreisName;
  const isKreis = lead.kind === 'Kreis' || kreise.has(lead.kreisAgs);
  return { lead: lead.name, partner: partner.name, kreis: kreisName, inKreis: inRegion(kreisName, isKreis), leadOrg: organisationName(lead), partnerOrg: organisationName(partner) };
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
  return new Date(start + Math.floor(random.next() * Math.max(1, end - start) / 86400000) * 86400000);
}

function citizenName(random: Random): string {
  return `${random.pick(corpus.CONTACT_FIRST_NAMES)} ${random.pick(corpus.CONTACT_LAST_NAMES)}`;
}

function mailLocal(name: string): string {
  return slugify(name).replace(/-/g, '.');
}

export function generatePlan(municipalities: MunicipalityRef[], options: SeedOptions): SeedPlan {
  if (municipalities.length === 0) throw new Error('generatePlan: no municipalities given (load the reference data first)');
  const root = new Random(options.seed);
  const refYear = options.referenceDate.getUTCFullYear();
  const sorted = [...municipalities].sort((a, b) => a.ags.localeCompare(b.ags));
  const gemeinden = sorted.filter((m) => m.kind !== 'Kreis');
  const kreise = sorted.filter((m) => m.kind === 'Kreis');
  const byKreis = new Map<string, MunicipalityRef[]>();
  for (const g of gemeinden) byKreis.set(g.kreisAgs, [...(byKreis.get(g.kreisAgs) ?? []), g]);

  const topics: SeedTopic[] = corpus.TOPICS.map((t) => ({ slug: slugify(t.name), name: t.name, description: t.description, focus: t.focus }));
  const topicSlug = new Map(topics.map((t) => [t.name, t.slug]));
  const slugOfTopic = (name: string) => {
    const slug = topicSlug.get(name);
    if (!slug) throw new Error(`Seed corpus: unknown topic "${name}"`);
    return slug;
  };
  const focusNames = new Set(corpus.TOPICS.filter((t) => t.focus).map((t) => t.name));
  const pickTopicName = (r: Random) => r.weighted(corpus.TOPICS, (t) => (t.focus ? 6 : 1)).name;

  const partnersOf = (r: Random, lead: MunicipalityRef, count: number): MunicipalityRef[] => {
    const sameKreis = (byKreis.get(lead.kreisAgs) ?? []).filter((g) => g.ags !== lead.ags);
    const sameRegion = gemeinden.filter((g) => g.regierungsbezirkAgs === lead.regierungsbezirkAgs && g.ags !== lead.ags && g.kreisAgs !== lead.kreisAgs);
    const pool = sameKreis.length >= count && r.chance(0.75) ? sameKreis : [...sameKreis, ...sameRegion];
    return r.sample(pool, count);
  };
  const kreisByAgs = new Map(kreise.map((k) => [k.ags, k]));

  // ---- documents -------------------------------------------------------------------------------
  const docRandom = root.fork('documents');
  const docTitles = new TitleRegistry();
  const documentCount = scaledCount(BASE_COUNTS.documents, options.scale, 20);
  const documents: SeedDocument[] = [];
  const courtTemplate = corpus.DOCUMENT_TEMPLATES.find((t) => t.type === 'Gerichtsentscheidung');
  for (let i = 0; i < documentCount; i += 1) {
    const r = docRandom;
    // Every type appears even at small scale; after that they follow their weights.
    const template = i < corpus.DOCUMENT_TEMPLATES.length ? corpus.DOCUMENT_TEMPLATES[i]! : r.weighted(corpus.DOCUMENT_TEMPLATES, (t) => t.weight);
    const lead = r.chance(0.15) && kreise.length ? r.pick(kreise) : r.pick(gemeinden);
    const partner = partnersOf(r, lead.kind === 'Kreis' ? r.pick(byKreis.get(lead.kreisAgs) ?? gemeinden) : lead, 1)[0] ?? r.pick(gemeinden);
    const topicName = pickTopicName(r);
    const year = r.int(Math.max(2005, refYear - 18), refYear);
    const date = randomDay(r, year, options.referenceDate);
    const values = { ...placeValues(lead, partner, kreisByAgs), topic: topicName, year, count: 'zwei', Count: 'Zwei', task: '' };
    let title = fill(r.pick(template.titles), values);
    let courtDecision: SeedDocument['courtDecision'] = null;
    if (template.type === 'Gerichtsentscheidung') {
      const court = r.pick(corpus.COURTS);
      const courtCase = r.pick(corpus.COURT_CASES);
      const kind = r.chance(0.6) ? 'Urteil' : 'Beschluss';
      const docketNumber = `${r.pick(court.docketPrefix)} ${r.int(10, 2999)}/${String(year - r.int(0, 2)).slice(2)}`;
      title = `${courtCase.subject} (${kind} vom ${formatDateDe(date)}, ${docketNumber})`;
      courtDecision = {
        court: court.court,
        docketNumber,
        kind,
        decidedAt: isoDate(date),
        holding: courtCase.holding,
        sourceUrl: `https://rechtsprechung.example.org/${slugify(docketNumber)}`,
      };
    }
    const claimed = docTitles.claim(title, () => [`${title} vom ${formatDateDe(date)}`, `${title} – ${lead.name}, ${formatDateDe(date)}`]);
    const withFile = r.chance(0.45);
    const secondTopic = r.chance(0.3) ? pickTopicName(r) : topicName;
    documents.push({
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
      courtDecision,
      draft: false,
    });
  }
  if (!courtTemplate) throw new Error('Seed corpus: no template for Gerichtsentscheidung');
  const docsByTopic = new Map<string, SeedDocument[]>();
  for (const d of documents) for (const t of d.topicSlugs) docsByTopic.set(t, [...(docsByTopic.get(t) ?? []), d]);

  // ---- projects --------------------------------------------------------------------------------
  const projRandom = root.fork('projects');
  const projTitles = new TitleRegistry();
  const projectCount = scaledCount(BASE_COUNTS.projects, options.scale, 10);
  const projects: SeedProject[] = [];
  const cooperationForms = [
    ['öffentlich-rechtliche Vereinbarung', 30], ['Zweckverband', 10], ['gemeinsames Kommunalunternehmen (AöR)', 6],
    ['Arbeitsgemeinschaft', 14], ['öffentlich-rechtlicher Vertrag', 12], ['privatrechtliche Gesellschaft', 6],
    ['informelle Kooperation', 18], ['Sonstige', 4],
  ] as const;
  const statuses = [['Idee/Partnersuche', 6], ['Planung', 14], ['Umsetzung', 22], ['in Betrieb', 45], ['beendet', 13]] as const;
  for (let i = 0; i < projectCount; i += 1) {
    const r = projRandom;
    const theme = i < corpus.TOPICS.length ? corpus.TOPICS[i]! : r.weighted(corpus.TOPICS, (t) => (t.focus ? 5 : 1));
    const kreisLed = r.chance(0.2);
    const lead = kreisLed ? r.pick(kreise) : r.pick(gemeinden);
    const partners = partnersOf(r, kreisLed ? r.pick(byKreis.get(lead.kreisAgs) ?? gemeinden) : lead, r.int(1, kreisLed ? 6 : 4));
    const partner = partners[0] ?? r.pick(gemeinden);
    const values = { ...placeValues(lead, partner, kreisByAgs), count: countWord(partners.length + 1), Count: countWord(partners.length + 1, true), topic: theme.name, year: refYear, task: theme.task };
    const status = r.weighted(statuses, ([, w]) => w)[0];
    const startYear = status === 'Idee/Partnersuche' || status === 'Planung' ? r.int(refYear - 1, refYear + 1) : r.int(2006, refYear);
    const endYear = status === 'beendet' ? Math.min(refYear, startYear + r.int(1, 6)) : null;
    const title = fill(r.pick(theme.titles), values);
    const claimed = projTitles.claim(title, () => [`${title} (seit ${startYear})`, `${title} – ${partner.name}`]);
    const funded = r.chance(0.35);
    const programme = funded ? r.weighted(corpus.FUNDING_PROGRAMMES, (p) => (p.programme.includes('IKZ NRW') ? 4 : 1)) : null;
    const topicSlugs = [...new Set([theme.name, ...r.sample(theme.related, r.int(0, 2))].map(slugOfTopic))];
    const related = r.sample(docsByTopic.get(topicSlugs[0]!) ?? [], r.int(0, 4)).map((d) => d.slug);
    const contacts: SeedContact[] = Array.from({ length: r.int(1, 2) }, () => {
      const name = citizenName(r);
      return {
        name,
        role: r.pick(corpus.CONTACT_ROLES),
        organisation: lead.kind === 'Kreis' ? lead.name : `${lead.kind === 'Kreisangehörige Gemeinde' ? 'Gemeinde' : 'Stadt'} ${lead.name}`,
        email: `${mailLocal(name)}@${slugify(lead.name)}.example.org`,
        phone: `+49 ${r.int(2000, 5999)} ${r.int(10000, 999999)}`,
        consent: r.chance(0.7),
      };
    });
    const hasImage = r.chance(0.15);
    const reviewed = new Date(options.referenceDate.getTime() - r.int(0, 700) * 86400000);
    projects.push({
      slug: claimed.slug,
      title: claimed.title,
      summary: fill(r.pick(corpus.PROJECT_TEXTS.summary), values),
      leadAgs: lead.ags,
      municipalityAgs: partners.map((p) => p.ags),
      partners: r.sample(corpus.PARTNERS, r.int(0, 2)),
      topicSlugs,
      keywords: theme.keywords.join(', '),
      cooperationForm: r.weighted(cooperationForms, ([, w]) => w)[0],
      projectStatus: status,
      startYear,
      endYear,
      occasion: paragraphs(fill(r.pick(corpus.PROJECT_TEXTS.occasion), values)),
      goal: paragraphs(fill(r.pick(corpus.PROJECT_TEXTS.goal), values)),
      implementation: paragraphs(fill(r.pick(corpus.PROJECT_TEXTS.implementation), values)),
      results: status === 'Idee/Partnersuche' || status === 'Planung' ? [] : paragraphs(fill(r.pick(corpus.PROJECT_TEXTS.results), values)),
      funding: programme
        ? { programme: programme.programme, authority: programme.authority, amount: r.int(40, 800) * 500, year: Math.max(startYear, 2010) }
        : null,
      bestPractice: status === 'in Betrieb' && r.chance(0.2),
      contacts,
      documentSlugs: related,
      image: hasImage ? { label: theme.name, hue: r.int(0, 359) } : null,
      imageAlt: hasImage ? `Symbolbild zum Handlungsfeld ${theme.name}: farbige Fläche mit dem Namen des Handlungsfelds` : null,
      reviewedAt: isoDate(reviewed),
      draft: false,
    });
  }

  // ---- events ----------------------------------------------------------------------------------
  const eventRandom = root.fork('events');
  const eventTitles = new TitleRegistry();
  const eventCount = scaledCount(BASE_COUNTS.events, options.scale, 4);
  const events: SeedEvent[] = [];
  const annual = corpus.EVENT_TEMPLATES.find((t) => t.format === 'Jahrestagung');
  const others = corpus.EVENT_TEMPLATES.filter((t) => t.format !== 'Jahrestagung');
  if (!annual) throw new Error('Seed corpus: no template for Jahrestagung');
  const firstYear = 2017;
  const annualYears = Array.from({ length: refYear + 2 - firstYear }, (_, k) => firstYear + k);
  const annualCount = Math.min(annualYears.length, Math.max(2, Math.round(eventCount / 8)));
  const chosenAnnual = annualYears.slice(annualYears.length - annualCount);
  const span = { from: Date.UTC(firstYear, 0, 1), to: options.referenceDate.getTime() + 300 * 86400000 };
  for (let i = 0; i < eventCount; i += 1) {
    const r = eventRandom;
    const isAnnual = i < chosenAnnual.length;
    const template = isAnnual ? annual : r.weighted(others, (t) => t.weight);
    let day: Date;
    if (isAnnual) {
      day = new Date(Date.UTC(chosenAnnual[i]!, 8, 10 + r.int(0, 20)));
    } else {
      // A quarter of the events lie ahead of the reference date.
      const upcoming = i % 4 === 0;
      const from = upcoming ? options.referenceDate.getTime() + 86400000 : span.from;
      const to = upcoming ? span.to : options.referenceDate.getTime() - 86400000;
      day = new Date(from + Math.floor((r.next() * (to - from)) / 86400000) * 86400000);
    }
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6) day = new Date(day.getTime() + (weekday === 6 ? 2 : 1) * 86400000);
    const y = day.getUTCFullYear();
    const m = day.getUTCMonth() + 1;
    const d = day.getUTCDate();
    const topicName = pickTopicName(r);
    const values = { year: y, topic: topicName };
    const online = template.format === 'Online-Veranstaltung' || template.format === 'Sprechstunde' || (template.format === 'Spotlight' && r.chance(0.7));
    const [startHour, durationHours] = isAnnual ? [10, 6.5] : online ? [r.pick([10, 14, 15]), r.pick([1, 1.5, 2])] : [r.pick([9, 10, 13]), r.pick([3, 4, 6])];
    const start = berlinTime(y, m, d, startHour, 0);
    const end = new Date(start.getTime() + durationHours * 3600000);
    const past = end.getTime() < options.referenceDate.getTime();
    const title = fill(r.pick(template.titles), values);
    const claimed = eventTitles.claim(title, () => [`${title} am ${formatDateDe(start)}`]);
    const place = online ? null : r.pick(corpus.VENUES);
    const cancelled = !past && r.chance(0.05);
    const status = cancelled ? 'abgesagt' : past ? 'angekündigt' : r.weighted([['Anmeldung offen', 7], ['angekündigt', 2], ['ausgebucht', 1]] as const, ([, w]) => w)[0];
    const registrationMode = template.format === 'externe Veranstaltung' ? 'keine Anmeldung erforderlich' : online ? 'Online-Formular' : r.pick(['Online-Formular', 'per E-Mail'] as const);
    const agendaLines = r.pick(template.agenda);
    const followUp = past && documents.length ? r.sample(documents.filter((doc) => doc.type === 'Tagungsunterlage'), r.int(0, 3)).map((doc) => doc.slug) : [];
    events.push({
      slug: claimed.slug,
      title: claimed.title,
      format: template.format,
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      place,
      online: online ? { platform: r.pick(['Webex', 'BigBlueButton', 'Microsoft Teams']), url: `https://meet.example.org/ikz-${claimed.slug.slice(0, 40)}` } : null,
      summary: fill(r.pick(template.summaries), values),
      description: paragraphs(fill(r.pick(template.descriptions), values)),
      registration: registrationMode === 'keine Anmeldung erforderlich'
        ? { mode: registrationMode, email: null, url: null, deadline: null, capacity: null, cost: 'kostenfrei' }
        : {
            mode: registrationMode,
            email: registrationMode === 'per E-Mail' ? 'veranstaltungen@kommunal-agentur.example.org' : null,
            url: registrationMode === 'Online-Formular' ? `https://anmeldung.example.org/${claimed.slug.slice(0, 60)}` : null,
            deadline: new Date(start.getTime() - 7 * 86400000).toISOString(),
            capacity: isAnnual ? 250 : online ? 100 : r.pick([25, 30, 40, 60]),
            cost: isAnnual ? r.pick(['kostenfrei', '45 Euro inkl. Verpflegung']) : 'kostenfrei',
          },
      agenda: [heading('Programm'), list(agendaLines)],
      documentSlugs: followUp,
      speakers: r.sample(corpus.SPEAKERS, isAnnual ? r.int(4, 7) : r.int(1, 3)),
      eventStatus: status,
      topicSlugs: [...new Set([slugOfTopic(topicName), ...(isAnnual ? [...focusNames].map(slugOfTopic) : [])])],
      draft: false,
    });
  }

  // ---- newsletters -----------------------------------------------------------------------------
  const nlRandom = root.fork('newsletters');
  const newsletterCount = scaledCount(BASE_COUNTS.newsletters, options.scale, 2);
  const yearsSince = Math.max(1, refYear - firstYear + 1);
  const perYear = Math.min(12, Math.max(3, Math.ceil(newsletterCount / yearsSince)));
  const issues: { year: number; number: number }[] = [];
  for (let year = refYear; issues.length < newsletterCount && year >= 2000; year -= 1) {
    const possible = year === refYear ? Math.max(1, Math.floor((options.referenceDate.getUTCMonth() + 1) / (12 / perYear))) : perYear;
    for (let n = possible; n >= 1 && issues.length < newsletterCount; n -= 1) issues.push({ year, number: n });
  }
  issues.reverse();
  const newsletters: SeedNewsletter[] = issues.map(({ year, number }) => {
    const r = nlRandom;
    const month = Math.min(12, Math.floor(((number - 1) * 12) / perYear) + 2);
    const sent = new Date(Date.UTC(year, month - 1, r.int(5, 25)));
    const title = `Newsletter ${ROMAN[number - 1]} / ${year}`;
    const sectionSeeds = r.sample(corpus.NEWSLETTER_SECTIONS, r.int(3, 5));
    const before = (iso: string) => iso <= isoDate(sent);
    const candidatesProjects = projects.filter((p) => p.startYear <= year);
    const candidatesEvents = events.filter((e) => before(e.startsAt.slice(0, 10)));
    const candidatesDocs = documents.filter((doc) => before(doc.date));
    return {
      slug: slugify(title),
      title,
      year,
      number,
      sentAt: isoDate(sent),
      editorial: paragraphs(fill(r.pick(corpus.NEWSLETTER_EDITORIALS), { year })),
      sections: sectionSeeds.map((s, k) => ({
        heading: s.heading,
        text: paragraphs(fill(r.pick(s.texts), { year })),
        projectSlugs: k % 3 === 0 ? r.sample(candidatesProjects, r.int(1, 3)).map((p) => p.slug) : [],
        eventSlugs: k % 3 === 1 ? r.sample(candidatesEvents, r.int(1, 2)).map((e) => e.slug) : [],
        documentSlugs: k % 3 === 2 ? r.sample(candidatesDocs, r.int(1, 3)).map((doc) => doc.slug) : [],
        links: r.chance(0.4) ? [{ label: 'Förderrichtlinie IKZ NRW im Überblick', url: 'https://foerderung.example.org/ikz-nrw' }] : [],
      })),
      withPdf: r.chance(0.5),
      draft: false,
    };
  });

  // ---- drafts that must never become public ----------------------------------------------------
  const draftRandom = root.fork('drafts');
  const draftProjects = [1, 2, 3].map((n): SeedProject => {
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
  });
  const draftDocuments = [1, 2].map((n): SeedDocument => {
    const base = documents[(n * 11) % documents.length]!;
    const title = `Entwurf ${n}: ${base.title} – ${DRAFT_MARKER}`;
    return { ...base, slug: slugify(title), title, summary: `${DRAFT_MARKER}: Interner Entwurf, nicht zur Veröffentlichung (Nr. ${n}).`, draft: true };
  });
  const draftEventBase = events[draftRandom.int(0, events.length - 1)]!;
  const draftEventTitle = `Entwurf: ${draftEventBase.title} – ${DRAFT_MARKER}`;
  const draftEvent: SeedEvent = { ...draftEventBase, slug: slugify(draftEventTitle), title: draftEventTitle, summary: `${DRAFT_MARKER}: Termin noch nicht bestätigt.`, documentSlugs: [], draft: true };
  const lastIssue = newsletters[newsletters.length - 1]!;
  const draftNewsletterTitle = `Newsletter-Entwurf ${lastIssue.year} – ${DRAFT_MARKER}`;
  const draftNewsletter: SeedNewsletter = {
    ...lastIssue,
    slug: slugify(draftNewsletterTitle),
    title: draftNewsletterTitle,
    number: Math.min(12, lastIssue.number + 1),
    editorial: paragraphs(`${DRAFT_MARKER}: Diese Ausgabe ist noch nicht verschickt.`),
    draft: true,
  };
  const editedProject = projects[0]!;

  return {
    topics,
    documents: [...documents, ...draftDocuments],
    projects: [...projects, ...draftProjects],
    events: [...events, draftEvent],
    newsletters: [...newsletters, draftNewsletter],
    draftEdits: [{ kind: 'project', slug: editedProject.slug, summary: `${DRAFT_MARKER}: Überarbeitete Kurzbeschreibung, noch nicht freigegeben.` }],
  };
}
