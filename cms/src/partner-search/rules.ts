/**
 * The decisions of the Partnersuche, as values: what an entry's submission stores, what its confirmation
 * changes, the draft entry made from it, what a reply stores and what is left of it once relayed. Pure; the
 * handlers carry them out.
 *
 * The poster's name and address stay in the private submission record (no content-API route, never on the
 * site); the public entry has only the title, municipality, topics, offer, seek and validUntil. A reply is
 * stored with the hash of its confirmation token; after the replier confirmed, it is relayed to the poster and
 * its name, address and message are deleted at once (the row without them goes after 7 days).
 */
import type { PartnerSearchInput, ReplyInput } from './input.ts';

export const PARTNER_SEARCH_UID = 'api::partner-search.partner-search';
export const SUBMISSION_UID = 'api::partner-search-submission.partner-search-submission';
export const REPLY_UID = 'api::partner-search-reply.partner-search-reply';

export interface SubmissionRecord {
  id: number;
  documentId: string;
  state: string;
  title: string;
  municipality: string;
  name: string;
  email: string;
  submitted: Record<string, string | string[]>;
  submittedAt: string;
  confirmExpiresAt: string | null;
  confirmedAt: string | null;
  partnerSearchDocumentId: string | null;
}

export interface ReplyRecord {
  id: number;
  partnerSearchDocumentId: string;
  name: string | null;
  email: string | null;
  organisation: string | null;
  message: string | null;
  submittedAt: string;
  confirmExpiresAt: string | null;
  confirmedAt: string | null;
  relayedAt: string | null;
}

/** A published entry as the reply needs it. */
export interface PublishedEntry {
  documentId: string;
  title: string;
  slug: string;
  validUntil: string;
}

type Pending = { tokenHash: string; now: Date; expiresAt: Date };

export function pendingSubmission(
  input: PartnerSearchInput,
  sent: Record<string, string | string[]>,
  request: Pending,
) {
  return {
    state: 'unbestätigt' as const,
    title: input.title,
    municipality: input.municipality.name,
    name: input.name,
    email: input.email,
    submitted: sent,
    submittedAt: request.now.toISOString(),
    confirmTokenHash: request.tokenHash,
    confirmExpiresAt: request.expiresAt.toISOString(),
  };
}

export const confirmedSubmission = (now: Date, partnerSearchDocumentId: string) => ({
  state: 'neu' as const,
  confirmedAt: now.toISOString(),
  partnerSearchDocumentId,
});

/** The draft entry for the editors (never published by the code); a municipality or topic missing in Strapi is left out. */
export function draftPartnerSearch(
  input: PartnerSearchInput,
  ids: { municipality: string | undefined; topics: ReadonlyMap<string, string> },
) {
  // Strapi's multi-line text keeps line feeds only: a tab becomes a space.
  const plain = (text: string) => text.replace(/\t/g, ' ');
  return {
    title: input.title,
    municipality: ids.municipality ?? null,
    topics: input.topics.map((t) => ids.topics.get(t.slug)).filter((id): id is string => id !== undefined),
    offer: plain(input.offer),
    seek: plain(input.seek),
    validUntil: input.validUntil,
  };
}

export function pendingReply(input: ReplyInput, request: Pending) {
  return {
    partnerSearchDocumentId: input.entry,
    name: input.name,
    email: input.email,
    organisation: input.organisation ?? null,
    message: input.message.replace(/\t/g, ' '),
    submittedAt: request.now.toISOString(),
    confirmTokenHash: request.tokenHash,
    confirmExpiresAt: request.expiresAt.toISOString(),
  };
}

/** What a relayed reply keeps: only that it was confirmed and relayed (so a second click says so); nothing anyone typed. */
export const relayedReply = (now: Date) => ({
  confirmedAt: now.toISOString(),
  relayedAt: now.toISOString(),
  name: null,
  email: null,
  organisation: null,
  message: null,
});
