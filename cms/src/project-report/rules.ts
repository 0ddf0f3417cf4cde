/**
 * The decisions of a project report, as values: what a submission stores, what its confirmation changes, the
 * draft project made from it, and when an unconfirmed submission is deleted. Pure; the handlers carry them out.
 *
 * A submission is stored as `unbestätigt` with the hash of its confirmation token and everything sent; the
 * submitter gets a mail with the link only. The confirmation makes it `neu` and creates a draft project (never
 * published by the code); editors move the submission on to `in Prüfung`, `übernommen` or `abgelehnt`.
 */
import { REPORT_FILE_CAPTION } from '@ikz/shared-types/form-uploads';
import type { ProjectReportInput } from './input.ts';

export const SUBMISSION_STATES = ['unbestätigt', 'neu', 'in Prüfung', 'übernommen', 'abgelehnt'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

/** The stored submission, as far as the rules and the mails need it. */
export interface SubmissionRecord {
  id: number;
  documentId: string;
  state: SubmissionState;
  title: string;
  leadMunicipality: string;
  name: string;
  email: string;
  submitted: Record<string, string | string[]>;
  submittedAt: string;
  confirmExpiresAt: string | null;
  confirmedAt: string | null;
  projectDocumentId: string | null;
  notifiedAt: string | null;
}

/** What is kept as "sent": every field of the form as it arrived, without the spam protection's fields. */
export function sentFields(
  fields: Record<string, string>,
  lists: Record<string, string[]>,
  drop: readonly string[],
): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(fields)) if (!drop.includes(name)) kept[name] = value;
  for (const [name, value] of Object.entries(lists)) kept[name] = [...value];
  return kept;
}

export function pendingFields(
  input: ProjectReportInput,
  sent: Record<string, string | string[]>,
  request: { tokenHash: string; now: Date; expiresAt: Date },
) {
  return {
    state: 'unbestätigt' as const,
    title: input.title,
    leadMunicipality: input.lead.name,
    name: input.name,
    email: input.email,
    submitted: sent,
    submittedAt: request.now.toISOString(),
    confirmTokenHash: request.tokenHash,
    confirmExpiresAt: request.expiresAt.toISOString(),
  };
}

/** The fields a confirmation writes; the token's hash stays, so a second click says "bereits bestätigt". */
export const confirmedFields = (now: Date, projectDocumentId: string) => ({
  state: 'neu' as const,
  confirmedAt: now.toISOString(),
  projectDocumentId,
});

/** Strapi's rich text (blocks) for a plain text: one paragraph per block of lines, line breaks kept. */
export function textBlocks(text: string | undefined): unknown[] | undefined {
  if (!text) return undefined;
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => ({ type: 'paragraph', children: [{ type: 'text', text: paragraph }] }));
}

/** The documentIds the relations of the draft need: municipalities by AGS, topics by slug. */
export interface RelationIds {
  municipalities: ReadonlyMap<string, string>;
  topics: ReadonlyMap<string, string>;
}

/**
 * The draft project made from a confirmed report, filled as far as the input allows. The contact is kept with
 * the consent as given: it is shown on the site only with `consent: true` (the project's contact rules).
 * A municipality or topic missing in Strapi (renamed, removed since) is left out; editors see the sent input.
 */
export function draftProject(input: ProjectReportInput, ids: RelationIds) {
  const municipality = (ags: string) => ids.municipalities.get(ags);
  const present = <T>(values: (T | undefined)[]) => values.filter((v): v is T => v !== undefined);
  const data: Record<string, unknown> = {
    title: input.title,
    // Strapi's multi-line text keeps line feeds only: a tab becomes a space.
    summary: input.summary.replace(/\t/g, ' '),
    leadMunicipality: municipality(input.lead.ags) ?? null,
    municipalities: present(input.municipalities.map((c) => municipality(c.ags))),
    topics: present(input.topics.map((t) => ids.topics.get(t.slug))),
    cooperationForm: input.cooperationForm,
    projectStatus: input.projectStatus,
    bestPractice: false,
    contacts: [
      {
        name: input.name,
        ...(input.role ? { role: input.role } : {}),
        organisation: input.lead.name,
        email: input.email,
        ...(input.phone ? { phone: input.phone } : {}),
        consent: input.publishContact,
      },
    ],
  };
  if (input.startYear !== undefined) data.startYear = input.startYear;
  for (const field of ['occasion', 'goal', 'implementation', 'results'] as const) {
    const blocks = textBlocks(input[field]);
    if (blocks) data[field] = blocks;
  }
  if (input.funding) data.funding = { programme: input.funding };
  return data;
}

/** Whether the submitter is told about the publication now: a project made from a report, published, not told before. */
export const shouldNotify = (submission: Pick<SubmissionRecord, 'confirmedAt' | 'notifiedAt'> | null): boolean =>
  Boolean(submission?.confirmedAt && !submission.notifiedAt);

/** The project's address on the site. */
export const projectUrl = (siteUrl: string, slug: string) => `${siteUrl}/projekte/${encodeURIComponent(slug)}/`;

/** An entry a media file is attached to, as the upload plugin's `related` relation lists it. */
export interface RelatedEntry {
  __type: string;
  publishedAt?: string | Date | null;
}

export const SUBMISSION_TYPE = 'api::project-submission.project-submission';

export { REPORT_FILE_CAPTION };

/**
 * Whether a file is held back from the public: it came with a project report (stored with the report's caption,
 * or attached to a submission) and is not attached to any published entry yet (in practice: the report's
 * document, published by an editor together with the project). Submissions have no drafts, so their own
 * `publishedAt` does not count.
 */
export function isHeld(file: { caption?: string | null; related?: readonly RelatedEntry[] | null }): boolean {
  const published = (file.related ?? []).some(
    (entry) => entry.__type !== SUBMISSION_TYPE && Boolean(entry.publishedAt),
  );
  return isReportFile(file) && !published;
}

/** Whether a file came with a project report (stored with the report's caption, or attached to a submission). */
export function isReportFile(file: { caption?: string | null; related?: readonly RelatedEntry[] | null }): boolean {
  return file.caption === REPORT_FILE_CAPTION || (file.related ?? []).some((entry) => entry.__type === SUBMISSION_TYPE);
}

/** The draft "Dokument" made from a file of a confirmed report; editors check, complete and publish it. */
export function draftDocument(fileName: string, fileId: number, now: Date) {
  const stem = fileName
    .replace(/\.pdf$/i, '')
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    title: stem.length >= 3 ? stem.slice(0, 250) : `Dokument ${stem}`.trim(),
    type: 'Sonstiges' as const,
    date: now.toISOString().slice(0, 10),
    summary: 'Mit einer Projektmeldung gesendet; bitte Titel, Art und Datum prüfen.',
    file: fileId,
  };
}
