/**
 * The view of every page kind (the kinds and their models: src/model/pages.ts, PAGE_KINDS). A kind without
 * its view, or a view whose model is another kind's, is a type error (`astro check`).
 */
import type { PageKind, PageModel, PageOf } from '../model/pages.ts';
import CourtDecisions from './CourtDecisions.astro';
import Document from './Document.astro';
import DocumentType from './DocumentType.astro';
import Documents from './Documents.astro';
import Event from './Event.astro';
import EventArchive from './EventArchive.astro';
import Events from './Events.astro';
import Home from './Home.astro';
import InfoPage from './InfoPage.astro';
import Municipalities from './Municipalities.astro';
import Municipality from './Municipality.astro';
import Newsletter from './Newsletter.astro';
import NewsletterUnsubscribe from './NewsletterUnsubscribe.astro';
import Newsletters from './Newsletters.astro';
import NotFound from './NotFound.astro';
import OpenData from './OpenData.astro';
import PartnerSearch from './PartnerSearch.astro';
import PartnerSearchFormPage from './PartnerSearchFormPage.astro';
import PartnerSearches from './PartnerSearches.astro';
import Project from './Project.astro';
import ProjectList from './ProjectList.astro';
import Search from './Search.astro';
import Topic from './Topic.astro';
import Topics from './Topics.astro';

/** A view: an Astro component that renders the model of one page kind. */
type View<K extends PageKind> = (props: { model: PageOf<K> }) => unknown;

export const VIEWS = {
  home: Home,
  projects: ProjectList,
  project: Project,
  topics: Topics,
  topic: Topic,
  municipalities: Municipalities,
  municipality: Municipality,
  documents: Documents,
  document: Document,
  documentType: DocumentType,
  courtDecisions: CourtDecisions,
  newsletters: Newsletters,
  newsletter: Newsletter,
  newsletterUnsubscribe: NewsletterUnsubscribe,
  events: Events,
  eventArchive: EventArchive,
  event: Event,
  search: Search,
  openData: OpenData,
  infoPage: InfoPage,
  partnerSearches: PartnerSearches,
  partnerSearch: PartnerSearch,
  partnerSearchForm: PartnerSearchFormPage,
  notFound: NotFound,
} satisfies { [K in PageKind]: View<K> };

/** The view of a page: VIEWS says which one, and that it takes this kind's model. */
export const viewOf = (page: PageModel) =>
  VIEWS[page.kind] as View<PageKind> as (props: { model: PageModel }) => unknown;
