/**
 * The Partnersuche's forms under /formulare/partnersuche/…: a municipality's entry (stored unconfirmed, a
 * confirmation link mailed; confirming makes a draft entry for the editors, mails them and acknowledges) and a
 * reader's reply from an entry's page (stored unconfirmed, a confirmation link mailed; confirming relays it to
 * the poster and deletes what was typed). Thin: decisions in ./rules.ts, texts in ./texts.ts.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { berlinDay } from '@ikz/shared-types/partner-search';
import { readMunicipalityChoices } from '@ikz/shared-types/reference-data';
import {
  backLink,
  confirmationRoutes,
  mailConfirmationLater,
  pendingOutcome,
  type ConfirmOutcome,
} from '../forms/confirmation.ts';
import { FormInputError } from '../forms/fields.ts';
import {
  allowMailTo,
  CHALLENGE_FIELD,
  fieldsWithLists,
  guardSubmission,
  HONEYPOT_FIELD,
  parseFields,
  readFields,
  respond,
  type FormRoute,
} from '../forms/index.ts';
import { confirmExpiry, newConfirmToken } from '../forms/tokens.ts';
import { sendMail } from '../mail/send.ts';
import { MailError } from '../mail/types.ts';
import { publishedTopics, readFormSettings } from '../project-report/routes.ts';
import { sentFields } from '../project-report/rules.ts';
import { LIST_FIELDS, MAX_TOPICS, partnerSearchSchema, replySchema } from './input.ts';
import {
  confirmedSubmission,
  draftPartnerSearch,
  PARTNER_SEARCH_UID,
  pendingReply,
  pendingSubmission,
  relayedReply,
  type PublishedEntry,
  type ReplyRecord,
  type SubmissionRecord,
} from './rules.ts';
import { partnerSearchStore } from './store.ts';
import {
  acknowledgementMail,
  adminEntryUrl,
  confirmMail,
  CONFIRM_PATH,
  editorsMail,
  MESSAGES,
  partnerSearchFormHtml,
  relayedNoticeMail,
  relayMail,
  replyConfirmMail,
  replyFormHtml,
  REPLY_CONFIRM_PATH,
  REPLY_PATH,
  SITE_FORM_PAGE,
  SITE_LIST_PAGE,
  SUBMIT_PATH,
} from './texts.ts';

/** Per client address and hour; without a solved challenge (no JavaScript) the stricter number applies. */
export const ENTRY_POLICY = { form: 'partnersuche', perHour: 10, perHourWithoutChallenge: 3 };
export const REPLY_POLICY = { form: 'partnersuche-antwort', perHour: 10, perHourWithoutChallenge: 3 };
/** Confirmation mails to one address per day. */
export const MAILS_PER_ADDRESS_PER_DAY = 3;
/** Relayed replies to one poster per day. */
export const RELAYS_PER_POSTER_PER_DAY = 20;

const AUTO = { 'Auto-Submitted': 'auto-generated' };

/** What the entry form and the reply form share. */
interface PartnerSearchContext {
  strapi: Core.Strapi;
  store: ReturnType<typeof partnerSearchStore>;
  municipalities: ReturnType<typeof readMunicipalityChoices>;
  log(message: string, error?: unknown): void;
}

function partnerSearchContext(strapi: Core.Strapi): PartnerSearchContext {
  return {
    strapi,
    store: partnerSearchStore(strapi),
    municipalities: readMunicipalityChoices(),
    log: (message, error) => {
      strapi.log.warn(`[ikz] partner search: ${message}${error instanceof Error ? `: ${error.message}` : ''}`);
    },
  };
}

const refuseFiles = (ctx: Context) => {
  const files = (ctx.request as { files?: Record<string, unknown> }).files;
  if (files && Object.keys(files).length) throw new FormInputError('Dieses Formular nimmt keine Dateien an.');
};

const againLink = () => backLink(SITE_FORM_PAGE, 'Zum Formular „Partnersuche eintragen“');
const listLink = () => backLink(SITE_LIST_PAGE, 'Zu den Partnersuchen');

/** POST of the entry form: checks and stores it unconfirmed, and mails the confirmation link. */
async function submit(c: PartnerSearchContext, ctx: Context): Promise<void> {
  const { strapi, store, municipalities, log } = c;
  const { fields, lists } = fieldsWithLists(ctx.request.body, LIST_FIELDS, MAX_TOPICS * 4);
  refuseFiles(ctx);
  const guard = await guardSubmission(ctx, fields, ENTRY_POLICY);
  if (guard.verdict === 'refuse')
    return respond(ctx, { status: guard.status, title: 'Zu viele Anfragen', message: guard.message });
  const { siteUrl, available } = readFormSettings();
  if (!available) return respond(ctx, { status: 503, ...MESSAGES.unavailable });
  const topics = await publishedTopics(strapi);
  const parsed = parseFields(partnerSearchSchema(municipalities, topics, berlinDay(new Date())), {
    ...fields,
    ...lists,
  });
  if (!parsed.ok) {
    return respond(ctx, {
      status: 400,
      ...MESSAGES.invalid,
      errors: parsed.errors,
      formHtml: partnerSearchFormHtml(municipalities, topics, fields, lists, parsed.errors),
    });
  }
  if (guard.verdict === 'drop') return respond(ctx, { status: 200, ...MESSAGES.submitted });
  if (!allowMailTo(parsed.data.email, MAILS_PER_ADDRESS_PER_DAY))
    return respond(ctx, { status: 429, ...MESSAGES.tooManyMails });
  const { token, hash } = newConfirmToken();
  const now = new Date();
  const sent = sentFields(fields, lists, [HONEYPOT_FIELD, CHALLENGE_FIELD]);
  const row = await store.submissions.create(
    pendingSubmission(parsed.data, sent, { tokenHash: hash, now, expiresAt: confirmExpiry(now) }),
  );
  mailConfirmationLater(
    strapi,
    store.submissions,
    row.id,
    { to: parsed.data.email, ...confirmMail(siteUrl, token) },
    log,
    'submission',
  );
  respond(ctx, { status: 200, ...MESSAGES.submitted });
}

/** The draft entry from what was sent (parsed again, against the day it was sent). */
async function createDraft(c: PartnerSearchContext, submission: SubmissionRecord): Promise<string> {
  const { strapi, municipalities } = c;
  const sent = submission.submitted;
  const asSent = (Array.isArray(sent.topics) ? sent.topics : []).map((slug) => ({ slug, name: slug }));
  const parsed = parseFields(
    partnerSearchSchema(municipalities, asSent, berlinDay(new Date(submission.submittedAt))),
    sent,
  );
  if (!parsed.ok)
    throw new Error(
      `partner search submission ${submission.documentId}: the stored input no longer parses (${Object.keys(parsed.errors).join(', ')})`,
    );
  const municipality = (await strapi.db
    .query('api::municipality.municipality' as any)
    .findOne({ where: { ags: parsed.data.municipality.ags }, select: ['documentId'] })) as {
    documentId: string;
  } | null;
  const topics = await publishedTopics(strapi);
  const data = draftPartnerSearch(parsed.data, {
    municipality: municipality?.documentId,
    topics: new Map(topics.map((t) => [t.slug, t.documentId])),
  });
  const entry = await strapi.documents(PARTNER_SEARCH_UID as any).create({ data: data as any });
  return entry.documentId;
}

/** After the confirmation: the editors' mail and the acknowledgement. */
async function tellAfterConfirmation(
  c: PartnerSearchContext,
  submission: SubmissionRecord,
  documentId: string,
): Promise<void> {
  const { strapi, store, log } = c;
  const { editors, adminBase } = readFormSettings();
  try {
    if (editors) {
      await sendMail(strapi, {
        to: editors,
        replyTo: submission.email,
        ...editorsMail(submission, adminEntryUrl(adminBase, documentId)),
        headers: AUTO,
      });
      await store.submissions.update(submission.id, { editorsMailedAt: new Date().toISOString() });
    } else
      log(
        `entry ${documentId} confirmed, but neither IKZ_EDITORS_MAIL nor IKZ_ADVICE_MAIL is set: editors not mailed (it is in Strapi)`,
      );
    await sendMail(strapi, { to: submission.email, ...acknowledgementMail(submission), headers: AUTO });
  } catch (error) {
    if (!(error instanceof MailError)) throw error;
    log(`entry ${documentId} confirmed, but a mail was not sent (${error.kind}); it is in Strapi`, error);
  }
}

/** A municipality's entry: the form's POST and its confirmation link, which makes the draft entry and tells the editors. */
function entryRoutes(c: PartnerSearchContext): FormRoute[] {
  const { store, log } = c;
  const again = againLink();
  const list = listLink();
  return [
    { method: 'POST', path: SUBMIT_PATH, handler: (ctx) => submit(c, ctx) },
    ...confirmationRoutes<SubmissionRecord>({
      path: CONFIRM_PATH,
      button: 'Partnersuche bestätigen',
      find: (hash) => store.submissions.byTokenHash(hash),
      outcome: pendingOutcome,
      confirm: async (submission, now) => {
        const documentId = await createDraft(c, submission);
        await store.submissions.update(submission.id, confirmedSubmission(now, documentId));
        void tellAfterConfirmation(c, submission, documentId).catch((error: unknown) =>
          log('notification failed', error),
        );
      },
      answers: {
        ask: MESSAGES.confirmAsk,
        confirmed: { ...MESSAGES.confirmed, after: list },
        already: { ...MESSAGES.alreadyConfirmed, after: list },
        expired: { ...MESSAGES.confirmExpired, after: again },
        unknown: { ...MESSAGES.confirmUnknown, after: again },
      },
    }),
  ];
}

type Pending = { reply: ReplyRecord; entry: PublishedEntry | null };

/** A reply by its token, with its entry while it is published and not expired (else the link is dead). */
async function findReply(c: PartnerSearchContext, hash: string): Promise<Pending | null> {
  const { store } = c;
  const row = await store.replies.byTokenHash(hash);
  if (!row) return null;
  if (row.confirmedAt) return { reply: row, entry: null };
  const entry = await store.publishedEntry(row.partnerSearchDocumentId, berlinDay(new Date()));
  return entry ? { reply: row, entry } : null;
}

/** POST of the reply form on an entry's page: checks and stores it unconfirmed, and mails the confirmation link. */
async function reply(c: PartnerSearchContext, ctx: Context): Promise<void> {
  const { strapi, store, log } = c;
  const fields = readFields(ctx);
  const guard = await guardSubmission(ctx, fields, REPLY_POLICY);
  if (guard.verdict === 'refuse')
    return respond(ctx, { status: guard.status, title: 'Zu viele Anfragen', message: guard.message });
  const { siteUrl, available } = readFormSettings();
  if (!available) return respond(ctx, { status: 503, ...MESSAGES.unavailable });
  const parsed = parseFields(replySchema, fields);
  if (!parsed.ok) {
    if (parsed.errors.entry) return respond(ctx, { status: 404, ...MESSAGES.noEntry });
    return respond(ctx, {
      status: 400,
      ...MESSAGES.invalid,
      errors: parsed.errors,
      formHtml: replyFormHtml(fields, parsed.errors),
    });
  }
  // Only a published entry that has not expired takes replies.
  if (!(await store.publishedEntry(parsed.data.entry, berlinDay(new Date()))))
    return respond(ctx, {
      status: 404,
      ...MESSAGES.noEntry,
      formHtml: backLink(SITE_LIST_PAGE, 'Zu den Partnersuchen'),
    });
  if (guard.verdict === 'drop') return respond(ctx, { status: 200, ...MESSAGES.replySubmitted });
  if (!allowMailTo(parsed.data.email, MAILS_PER_ADDRESS_PER_DAY))
    return respond(ctx, { status: 429, ...MESSAGES.tooManyMails });
  const { token, hash } = newConfirmToken();
  const now = new Date();
  const row = await store.replies.create(
    pendingReply(parsed.data, { tokenHash: hash, now, expiresAt: confirmExpiry(now) }),
  );
  mailConfirmationLater(
    strapi,
    store.replies,
    row.id,
    { to: parsed.data.email, ...replyConfirmMail(siteUrl, token) },
    log,
    'reply',
  );
  respond(ctx, { status: 200, ...MESSAGES.replySubmitted });
}

/** Relays a confirmed reply to the poster (or, for an entry the editors made themselves, to the editors), then forgets what was typed. */
async function relay(c: PartnerSearchContext, pending: Pending, now: Date): Promise<void> {
  const { strapi, store, log } = c;
  const { reply: row, entry } = pending;
  const { siteUrl, editors } = readFormSettings();
  const poster = (await store.submissions.byEntry(entry!.documentId))?.email ?? editors;
  if (!poster) throw new Error(`entry ${entry!.documentId} has no poster address and no editors' address is set`);
  if (!allowMailTo(poster, RELAYS_PER_POSTER_PER_DAY)) throw new FormInputError(MESSAGES.posterBusy.message);
  const mail = relayMail({
    entry: entry!,
    reply: { name: row.name!, email: row.email!, organisation: row.organisation, message: row.message! },
    posterEmail: poster,
    siteUrl,
  });
  await sendMail(strapi, { ...mail, headers: AUTO });
  await store.replies.update(row.id, relayedReply(now));
  void sendMail(strapi, { to: row.email!, ...relayedNoticeMail(entry!, siteUrl), headers: AUTO }).catch(
    (error: unknown) => log('the notice to the replier was not sent', error),
  );
}

/** A reader's reply from an entry's page: the form's POST and its confirmation link, which relays it to the poster. */
function replyRoutes(c: PartnerSearchContext): FormRoute[] {
  const list = listLink();
  return [
    { method: 'POST', path: REPLY_PATH, handler: (ctx) => reply(c, ctx) },
    ...confirmationRoutes<Pending>({
      path: REPLY_CONFIRM_PATH,
      button: 'Nachricht weiterleiten',
      find: (hash) => findReply(c, hash),
      outcome: (pending, now): ConfirmOutcome => pendingOutcome(pending?.reply ?? null, now),
      confirm: (pending, now) => relay(c, pending, now),
      answers: {
        ask: MESSAGES.replyAsk,
        confirmed: { ...MESSAGES.replyRelayed, after: list },
        already: { ...MESSAGES.replyAlready, after: list },
        expired: { ...MESSAGES.replyExpired, after: list },
        unknown: { ...MESSAGES.replyUnknown, after: list },
      },
    }),
  ];
}

export function partnerSearchRoutes(strapi: Core.Strapi): FormRoute[] {
  const context = partnerSearchContext(strapi);
  return [...entryRoutes(context), ...replyRoutes(context)];
}
