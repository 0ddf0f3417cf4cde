/** The shapes the pages work with: the shared REST types, with media replaced by local downloads and images. */
import type { Document, Event, Municipality, Newsletter, PartnerSearch, Project, Topic } from '@ikz/shared-types';
import type { SiteImage } from './images.ts';
import type { Download } from './media.ts';

export type { SiteImage };
export type SiteProject = Omit<Project, 'image'> & { image: SiteImage | null };
/** `fileWithheld`: the entry has a file that is not published (its type is not allowed). */
export type SiteDocument = Omit<Document, 'file'> & { file: Download | null; fileWithheld?: boolean };
export type SiteNewsletter = Omit<Newsletter, 'pdf'> & { pdf: Download | null; pdfWithheld?: boolean };
export type SiteEvent = Event;
export type SiteTopic = Topic;
export type SiteMunicipality = Municipality;
export type SitePartnerSearch = PartnerSearch;
