// Generated from cms/src/**/schema.json by shared-types/scripts/generate.ts – do not edit by hand.
// Run `pnpm generate:types` after changing a schema; a unit test fails while this file is stale.
import { z } from 'zod';
import { BlocksSchema, IsoDate, IsoDateTime, MediaSchema, type Blocks, type Media } from './base.ts';

/** Component document.court-decision – Gerichtsentscheidung */
export interface DocumentCourtDecision {
  id?: number;
  court: string;
  docketNumber: string;
  kind: "Urteil" | "Beschluss";
  decidedAt: string | null;
  holding: string | null;
  sourceUrl: string | null;
}
export const DocumentCourtDecisionSchema: z.ZodType<DocumentCourtDecision> = z.object({
  id: z.number().int().optional(),
  court: z.string(),
  docketNumber: z.string(),
  kind: z.enum(["Urteil","Beschluss"]),
  decidedAt: IsoDate.nullable(),
  holding: z.string().nullable(),
  sourceUrl: z.string().regex(new RegExp("^[^\\r\\n]*$")).nullable(),
});

/** Component event.online-access – Online-Zugang */
export interface EventOnlineAccess {
  id?: number;
  platform: string;
  url: string | null;
}
export const EventOnlineAccessSchema: z.ZodType<EventOnlineAccess> = z.object({
  id: z.number().int().optional(),
  platform: z.string(),
  url: z.string().regex(new RegExp("^[^\\r\\n]*$")).nullable(),
});

/** Component event.place – Veranstaltungsort */
export interface EventPlace {
  id?: number;
  venue: string;
  street: string | null;
  postalCode: string | null;
  city: string;
}
export const EventPlaceSchema: z.ZodType<EventPlace> = z.object({
  id: z.number().int().optional(),
  venue: z.string(),
  street: z.string().nullable(),
  postalCode: z.string().regex(new RegExp("^[0-9]{5}$")).nullable(),
  city: z.string(),
});

/** Component event.registration – Anmeldung */
export interface EventRegistration {
  id?: number;
  mode: "keine Anmeldung erforderlich" | "per E-Mail" | "Online-Formular";
  email: string | null;
  url: string | null;
  deadline: string | null;
  capacity: number | null;
  cost: string | null;
}
export const EventRegistrationSchema: z.ZodType<EventRegistration> = z.object({
  id: z.number().int().optional(),
  mode: z.enum(["keine Anmeldung erforderlich","per E-Mail","Online-Formular"]),
  email: z.string().email().nullable(),
  url: z.string().regex(new RegExp("^[^\\r\\n]*$")).nullable(),
  deadline: IsoDateTime.nullable(),
  capacity: z.number().int().nullable(),
  cost: z.string().nullable(),
});

/** Component event.speaker – Referentin/Referent */
export interface EventSpeaker {
  id?: number;
  name: string;
  role: string | null;
  organisation: string | null;
}
export const EventSpeakerSchema: z.ZodType<EventSpeaker> = z.object({
  id: z.number().int().optional(),
  name: z.string(),
  role: z.string().nullable(),
  organisation: z.string().nullable(),
});

/** Component newsletter.section – Rubrik */
export interface NewsletterSection {
  id?: number;
  heading: string;
  text: Blocks | null;
  projects?: ProjectRef[];
  events?: EventRef[];
  documents?: DocumentRef[];
  links?: SharedLink[];
}
export const NewsletterSectionSchema: z.ZodType<NewsletterSection> = z.object({
  id: z.number().int().optional(),
  heading: z.string(),
  text: BlocksSchema.nullable(),
  projects: z.array(z.lazy(() => ProjectRefSchema)).optional(),
  events: z.array(z.lazy(() => EventRefSchema)).optional(),
  documents: z.array(z.lazy(() => DocumentRefSchema)).optional(),
  links: z.array(z.lazy(() => SharedLinkSchema)).optional(),
});

/** Component shared.contact – Ansprechperson */
export interface SharedContact {
  id?: number;
  name: string;
  role: string | null;
  organisation: string | null;
  email: string | null;
  phone: string | null;
  consent: boolean;
}
export const SharedContactSchema: z.ZodType<SharedContact> = z.object({
  id: z.number().int().optional(),
  name: z.string(),
  role: z.string().nullable(),
  organisation: z.string().nullable(),
  email: z.string().email().nullable(),
  phone: z.string().regex(new RegExp("^\\+?[0-9 ()/\\-]{5,40}$")).nullable(),
  consent: z.boolean(),
});

/** Component shared.funding – Förderung */
export interface SharedFunding {
  id?: number;
  programme: string;
  amount: number | null;
  authority: string | null;
  year: number | null;
}
export const SharedFundingSchema: z.ZodType<SharedFunding> = z.object({
  id: z.number().int().optional(),
  programme: z.string(),
  amount: z.coerce.number().nullable(),
  authority: z.string().nullable(),
  year: z.number().int().nullable(),
});

/** Component shared.link – Link */
export interface SharedLink {
  id?: number;
  label: string;
  url: string;
}
export const SharedLinkSchema: z.ZodType<SharedLink> = z.object({
  id: z.number().int().optional(),
  label: z.string(),
  url: z.string().regex(new RegExp("^[^\\r\\n]*$")),
});

/** Component shared.partner – Partner */
export interface SharedPartner {
  id?: number;
  name: string;
  role: "Projektbegleitung" | "IT-Dienstleister" | "Beratung" | "Land/Bezirksregierung" | "Wissenschaft" | "Sonstige";
}
export const SharedPartnerSchema: z.ZodType<SharedPartner> = z.object({
  id: z.number().int().optional(),
  name: z.string(),
  role: z.enum(["Projektbegleitung","IT-Dienstleister","Beratung","Land/Bezirksregierung","Wissenschaft","Sonstige"]),
});

/** Dokument (api::document.document) as the REST API returns it; relations, media and components only when populated. */
export interface Document {
  id: number;
  documentId: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  title: string;
  slug: string;
  type: "öffentlich-rechtliche Vereinbarung" | "Satzung" | "Gesellschaftsvertrag" | "Beschlussvorlage/Ratsbeschluss" | "Gerichtsentscheidung" | "Gesetz/Verordnung/Erlass" | "Fachbeitrag" | "Pressebericht" | "Leitfaden" | "Muster/Vorlage" | "Checkliste" | "Tagungsunterlage" | "Förderinformation" | "Sonstiges";
  date: string;
  publisher: string | null;
  summary: string | null;
  file?: Media | null;
  externalUrl: string | null;
  topics?: TopicRef[];
  municipalities?: MunicipalityRef[];
  projects?: ProjectRef[];
  keywords: string | null;
  courtDecision?: DocumentCourtDecision | null;
}
/** A populated relation to a Dokument: the selected fields only. */
export type DocumentRef = Partial<Document> & { documentId: string };
const DocumentObject = z.object({
  id: z.number().int(),
  documentId: z.string().min(1),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  publishedAt: IsoDateTime.nullable(),
  title: z.string(),
  slug: z.string(),
  type: z.enum(["öffentlich-rechtliche Vereinbarung","Satzung","Gesellschaftsvertrag","Beschlussvorlage/Ratsbeschluss","Gerichtsentscheidung","Gesetz/Verordnung/Erlass","Fachbeitrag","Pressebericht","Leitfaden","Muster/Vorlage","Checkliste","Tagungsunterlage","Förderinformation","Sonstiges"]),
  date: IsoDate,
  publisher: z.string().nullable(),
  summary: z.string().nullable(),
  file: MediaSchema.nullable().optional(),
  externalUrl: z.string().regex(new RegExp("^[^\\r\\n]*$")).nullable(),
  topics: z.array(z.lazy(() => TopicRefSchema)).optional(),
  municipalities: z.array(z.lazy(() => MunicipalityRefSchema)).optional(),
  projects: z.array(z.lazy(() => ProjectRefSchema)).optional(),
  keywords: z.string().regex(new RegExp("^[^\\r\\n]*$")).nullable(),
  courtDecision: z.lazy(() => DocumentCourtDecisionSchema).nullable().optional(),
});
export const DocumentSchema: z.ZodType<Document> = DocumentObject;
export const DocumentRefSchema: z.ZodType<DocumentRef> = DocumentObject.partial().required({ documentId: true });

/** Veranstaltung (api::event.event) as the REST API returns it; relations, media and components only when populated. */
export interface Event {
  id: number;
  documentId: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  title: string;
  slug: string;
  format: "Jahrestagung" | "Online-Veranstaltung" | "Spotlight" | "Sprechstunde" | "Seminar" | "externe Veranstaltung";
  startsAt: string;
  endsAt: string;
  place?: EventPlace | null;
  online?: EventOnlineAccess | null;
  summary: string;
  description: Blocks | null;
  registration?: EventRegistration | null;
  agenda: Blocks | null;
  documents?: DocumentRef[];
  speakers?: EventSpeaker[];
  eventStatus: "angekündigt" | "Anmeldung offen" | "ausgebucht" | "abgesagt";
  topics?: TopicRef[];
}
/** A populated relation to a Veranstaltung: the selected fields only. */
export type EventRef = Partial<Event> & { documentId: string };
const EventObject = z.object({
  id: z.number().int(),
  documentId: z.string().min(1),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  publishedAt: IsoDateTime.nullable(),
  title: z.string(),
  slug: z.string(),
  format: z.enum(["Jahrestagung","Online-Veranstaltung","Spotlight","Sprechstunde","Seminar","externe Veranstaltung"]),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  place: z.lazy(() => EventPlaceSchema).nullable().optional(),
  online: z.lazy(() => EventOnlineAccessSchema).nullable().optional(),
  summary: z.string(),
  description: BlocksSchema.nullable(),
  registration: z.lazy(() => EventRegistrationSchema).nullable().optional(),
  agenda: BlocksSchema.nullable(),
  documents: z.array(z.lazy(() => DocumentRefSchema)).optional(),
  speakers: z.array(z.lazy(() => EventSpeakerSchema)).optional(),
  eventStatus: z.enum(["angekündigt","Anmeldung offen","ausgebucht","abgesagt"]),
  topics: z.array(z.lazy(() => TopicRefSchema)).optional(),
});
export const EventSchema: z.ZodType<Event> = EventObject;
export const EventRefSchema: z.ZodType<EventRef> = EventObject.partial().required({ documentId: true });

/** Kommune (api::municipality.municipality) as the REST API returns it; relations, media and components only when populated. */
export interface Municipality {
  id: number;
  documentId: string;
  createdAt: string;
  updatedAt: string;
  name: string;
  nameOfficial: string;
  slug: string;
  ags: string;
  ars: string;
  kind: "Kreisfreie Stadt" | "Kreisangehörige Stadt" | "Kreisangehörige Gemeinde" | "Kreis";
  kreisAgs: string;
  kreisName: string;
  regierungsbezirkAgs: string;
  regierungsbezirkName: string;
  population: number | null;
  populationDate: string | null;
  areaKm2: number | null;
  lat: number | null;
  lon: number | null;
  note: string | null;
}
/** A populated relation to a Kommune: the selected fields only. */
export type MunicipalityRef = Partial<Municipality> & { documentId: string };
const MunicipalityObject = z.object({
  id: z.number().int(),
  documentId: z.string().min(1),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  name: z.string(),
  nameOfficial: z.string(),
  slug: z.string(),
  ags: z.string().regex(new RegExp("^05[0-9]{3}([0-9]{3})?$")),
  ars: z.string().regex(new RegExp("^05[0-9]{3}([0-9]{7})?$")),
  kind: z.enum(["Kreisfreie Stadt","Kreisangehörige Stadt","Kreisangehörige Gemeinde","Kreis"]),
  kreisAgs: z.string().regex(new RegExp("^05[0-9]{3}$")),
  kreisName: z.string(),
  regierungsbezirkAgs: z.string().regex(new RegExp("^05[13579]$")),
  regierungsbezirkName: z.string(),
  population: z.number().int().nullable(),
  populationDate: IsoDate.nullable(),
  areaKm2: z.coerce.number().nullable(),
  lat: z.coerce.number().nullable(),
  lon: z.coerce.number().nullable(),
  note: z.string().nullable(),
});
export const MunicipalitySchema: z.ZodType<Municipality> = MunicipalityObject;
export const MunicipalityRefSchema: z.ZodType<MunicipalityRef> = MunicipalityObject.partial().required({ documentId: true });

/** Newsletter-Ausgabe (api::newsletter.newsletter) as the REST API returns it; relations, media and components only when populated. */
export interface Newsletter {
  id: number;
  documentId: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  title: string;
  slug: string;
  year: number;
  number: number;
  sentAt: string;
  editorial: Blocks | null;
  sections?: NewsletterSection[];
  pdf?: Media | null;
}
/** A populated relation to a Newsletter-Ausgabe: the selected fields only. */
export type NewsletterRef = Partial<Newsletter> & { documentId: string };
const NewsletterObject = z.object({
  id: z.number().int(),
  documentId: z.string().min(1),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  publishedAt: IsoDateTime.nullable(),
  title: z.string(),
  slug: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  sentAt: IsoDate,
  editorial: BlocksSchema.nullable(),
  sections: z.array(z.lazy(() => NewsletterSectionSchema)).optional(),
  pdf: MediaSchema.nullable().optional(),
});
export const NewsletterSchema: z.ZodType<Newsletter> = NewsletterObject;
export const NewsletterRefSchema: z.ZodType<NewsletterRef> = NewsletterObject.partial().required({ documentId: true });

/** Partnersuche (api::partner-search.partner-search) as the REST API returns it; relations, media and components only when populated. */
export interface PartnerSearch {
  id: number;
  documentId: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  title: string;
  slug: string;
  municipality?: MunicipalityRef | null;
  topics?: TopicRef[];
  offer: string;
  seek: string;
  validUntil: string;
}
/** A populated relation to a Partnersuche: the selected fields only. */
export type PartnerSearchRef = Partial<PartnerSearch> & { documentId: string };
const PartnerSearchObject = z.object({
  id: z.number().int(),
  documentId: z.string().min(1),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  publishedAt: IsoDateTime.nullable(),
  title: z.string(),
  slug: z.string(),
  municipality: z.lazy(() => MunicipalityRefSchema).nullable().optional(),
  topics: z.array(z.lazy(() => TopicRefSchema)).optional(),
  offer: z.string(),
  seek: z.string(),
  validUntil: IsoDate,
});
export const PartnerSearchSchema: z.ZodType<PartnerSearch> = PartnerSearchObject;
export const PartnerSearchRefSchema: z.ZodType<PartnerSearchRef> = PartnerSearchObject.partial().required({ documentId: true });

/** Projekt (api::project.project) as the REST API returns it; relations, media and components only when populated. */
export interface Project {
  id: number;
  documentId: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  title: string;
  slug: string;
  summary: string;
  leadMunicipality?: MunicipalityRef | null;
  municipalities?: MunicipalityRef[];
  partners?: SharedPartner[];
  topics?: TopicRef[];
  keywords: string | null;
  cooperationForm: "öffentlich-rechtliche Vereinbarung" | "Zweckverband" | "gemeinsames Kommunalunternehmen (AöR)" | "Arbeitsgemeinschaft" | "öffentlich-rechtlicher Vertrag" | "privatrechtliche Gesellschaft" | "informelle Kooperation" | "Sonstige";
  projectStatus: "Idee/Partnersuche" | "Planung" | "Umsetzung" | "in Betrieb" | "beendet";
  startYear: number | null;
  endYear: number | null;
  occasion: Blocks | null;
  goal: Blocks | null;
  implementation: Blocks | null;
  results: Blocks | null;
  funding?: SharedFunding | null;
  bestPractice: boolean;
  contacts?: SharedContact[];
  documents?: DocumentRef[];
  image?: Media | null;
  imageAlt: string | null;
  reviewedAt: string | null;
}
/** A populated relation to a Projekt: the selected fields only. */
export type ProjectRef = Partial<Project> & { documentId: string };
const ProjectObject = z.object({
  id: z.number().int(),
  documentId: z.string().min(1),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  publishedAt: IsoDateTime.nullable(),
  title: z.string(),
  slug: z.string(),
  summary: z.string(),
  leadMunicipality: z.lazy(() => MunicipalityRefSchema).nullable().optional(),
  municipalities: z.array(z.lazy(() => MunicipalityRefSchema)).optional(),
  partners: z.array(z.lazy(() => SharedPartnerSchema)).optional(),
  topics: z.array(z.lazy(() => TopicRefSchema)).optional(),
  keywords: z.string().regex(new RegExp("^[^\\r\\n]*$")).nullable(),
  cooperationForm: z.enum(["öffentlich-rechtliche Vereinbarung","Zweckverband","gemeinsames Kommunalunternehmen (AöR)","Arbeitsgemeinschaft","öffentlich-rechtlicher Vertrag","privatrechtliche Gesellschaft","informelle Kooperation","Sonstige"]),
  projectStatus: z.enum(["Idee/Partnersuche","Planung","Umsetzung","in Betrieb","beendet"]),
  startYear: z.number().int().nullable(),
  endYear: z.number().int().nullable(),
  occasion: BlocksSchema.nullable(),
  goal: BlocksSchema.nullable(),
  implementation: BlocksSchema.nullable(),
  results: BlocksSchema.nullable(),
  funding: z.lazy(() => SharedFundingSchema).nullable().optional(),
  bestPractice: z.boolean(),
  contacts: z.array(z.lazy(() => SharedContactSchema)).optional(),
  documents: z.array(z.lazy(() => DocumentRefSchema)).optional(),
  image: MediaSchema.nullable().optional(),
  imageAlt: z.string().regex(new RegExp("^[^\\r\\n]*$")).nullable(),
  reviewedAt: IsoDate.nullable(),
});
export const ProjectSchema: z.ZodType<Project> = ProjectObject;
export const ProjectRefSchema: z.ZodType<ProjectRef> = ProjectObject.partial().required({ documentId: true });

/** Handlungsfeld (api::topic.topic) as the REST API returns it; relations, media and components only when populated. */
export interface Topic {
  id: number;
  documentId: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  name: string;
  slug: string;
  description: string | null;
  focus: boolean;
}
/** A populated relation to a Handlungsfeld: the selected fields only. */
export type TopicRef = Partial<Topic> & { documentId: string };
const TopicObject = z.object({
  id: z.number().int(),
  documentId: z.string().min(1),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  publishedAt: IsoDateTime.nullable(),
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  focus: z.boolean(),
});
export const TopicSchema: z.ZodType<Topic> = TopicObject;
export const TopicRefSchema: z.ZodType<TopicRef> = TopicObject.partial().required({ documentId: true });

/** Every enumeration, for facets and labels. */
export const ENUMS = {
  'document.type': ["öffentlich-rechtliche Vereinbarung","Satzung","Gesellschaftsvertrag","Beschlussvorlage/Ratsbeschluss","Gerichtsentscheidung","Gesetz/Verordnung/Erlass","Fachbeitrag","Pressebericht","Leitfaden","Muster/Vorlage","Checkliste","Tagungsunterlage","Förderinformation","Sonstiges"] as const,
  'event.format': ["Jahrestagung","Online-Veranstaltung","Spotlight","Sprechstunde","Seminar","externe Veranstaltung"] as const,
  'event.eventStatus': ["angekündigt","Anmeldung offen","ausgebucht","abgesagt"] as const,
  'municipality.kind': ["Kreisfreie Stadt","Kreisangehörige Stadt","Kreisangehörige Gemeinde","Kreis"] as const,
  'project.cooperationForm': ["öffentlich-rechtliche Vereinbarung","Zweckverband","gemeinsames Kommunalunternehmen (AöR)","Arbeitsgemeinschaft","öffentlich-rechtlicher Vertrag","privatrechtliche Gesellschaft","informelle Kooperation","Sonstige"] as const,
  'project.projectStatus': ["Idee/Partnersuche","Planung","Umsetzung","in Betrieb","beendet"] as const,
  'document.court-decision.kind': ["Urteil","Beschluss"] as const,
  'event.registration.mode': ["keine Anmeldung erforderlich","per E-Mail","Online-Formular"] as const,
  'shared.partner.role': ["Projektbegleitung","IT-Dienstleister","Beratung","Land/Bezirksregierung","Wissenschaft","Sonstige"] as const,
} as const;

/** The content types with their REST names. */
export const CONTENT_TYPES = {
  document: { uid: 'api::document.document', singular: 'document', plural: 'documents', displayName: "Dokument", draftAndPublish: true },
  event: { uid: 'api::event.event', singular: 'event', plural: 'events', displayName: "Veranstaltung", draftAndPublish: true },
  municipality: { uid: 'api::municipality.municipality', singular: 'municipality', plural: 'municipalities', displayName: "Kommune", draftAndPublish: false },
  newsletter: { uid: 'api::newsletter.newsletter', singular: 'newsletter', plural: 'newsletters', displayName: "Newsletter-Ausgabe", draftAndPublish: true },
  'partner-search': { uid: 'api::partner-search.partner-search', singular: 'partner-search', plural: 'partner-searches', displayName: "Partnersuche", draftAndPublish: true },
  project: { uid: 'api::project.project', singular: 'project', plural: 'projects', displayName: "Projekt", draftAndPublish: true },
  topic: { uid: 'api::topic.topic', singular: 'topic', plural: 'topics', displayName: "Handlungsfeld", draftAndPublish: true },
} as const;

export type ContentTypeName = keyof typeof CONTENT_TYPES;

/** The schema each content type is validated with when it is read. */
export const SCHEMAS = {
  document: DocumentSchema,
  event: EventSchema,
  municipality: MunicipalitySchema,
  newsletter: NewsletterSchema,
  'partner-search': PartnerSearchSchema,
  project: ProjectSchema,
  topic: TopicSchema,
} as const;

/** Every relation of a content type – direct or inside a component – to another content type or to media. */
export const RELATIONS = {
  document: [{ path: ["file"], target: 'media' }, { path: ["topics"], target: 'topic' }, { path: ["municipalities"], target: 'municipality' }, { path: ["projects"], target: 'project' }],
  event: [{ path: ["documents"], target: 'document' }, { path: ["topics"], target: 'topic' }],
  municipality: [],
  newsletter: [{ path: ["sections","projects"], target: 'project' }, { path: ["sections","events"], target: 'event' }, { path: ["sections","documents"], target: 'document' }, { path: ["pdf"], target: 'media' }],
  'partner-search': [{ path: ["municipality"], target: 'municipality' }, { path: ["topics"], target: 'topic' }],
  project: [{ path: ["leadMunicipality"], target: 'municipality' }, { path: ["municipalities"], target: 'municipality' }, { path: ["topics"], target: 'topic' }, { path: ["documents"], target: 'document' }, { path: ["image"], target: 'media' }],
  topic: [],
} as const satisfies Record<ContentTypeName, readonly { path: readonly string[]; target: ContentTypeName | 'media' }[]>;
