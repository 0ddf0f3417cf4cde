/**
 * The project report form under /formulare/projekt-melden/…: the submission (stored unconfirmed with what was
 * sent, a confirmation link mailed to the submitter) and the confirmation page (GET shows the button, POST
 * confirms; then a draft project is created, the editors are mailed and the submitter gets an acknowledgement).
 * Thin: the decisions are in ./rules.ts, the texts in ./texts.ts, the confirmation in ../forms/confirmation.ts.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { readEnv } from '@ikz/shared-types/env';
import { readMunicipalityChoices } from '@ikz/shared-types/reference-data';
import { backLink, confirmationRoutes, mailConfirmationLater, pendingOutcome } from '../forms/confirmation.ts';
import {
  allowMailTo,
  CHALLENGE_FIELD,
  fieldsWithLists,
  guardSubmission,
  HONEYPOT_FIELD,
  parseFields,
  respond,
  sentFiles,
  wantsJson,
  type FormRoute,
} from '../forms/index.ts';
import { confirmExpiry, newConfirmToken } from '../forms/tokens.ts';
import { mailSettings } from '../mail/config.ts';
import { sendMail } from '../mail/send.ts';
import { MailError } from '../mail/types.ts';
import { MAX_FORM_FILES } from '@ikz/shared-types/form-uploads';
import { LIST_FIELDS, MAX_MUNICIPALITIES, projectReportSchema, type Topic } from './input.ts';
import { checkReportFiles, FILES_FIELD, storeReportFiles, TOO_MANY_FILES } from './documents.ts';
import { removeReportFiles } from './held-files.ts';
import {
  confirmedFields,
  draftDocument,
  draftProject,
  pendingFields,
  sentFields,
  type SubmissionRecord,
} from './rules.ts';
import { submissionStore } from './store.ts';
import {
  acknowledgementMail,
  adminProjectUrl,
  CONFIRM_PATH,
  FILES_AGAIN,
  confirmMail,
  editorsMail,
  MESSAGES,
  projectReportFormHtml,
  SITE_FORM_PAGE,
  SUBMIT_PATH,
} from './texts.ts';

/** Per client address and hour; without a solved challenge (no JavaScript) the stricter number applies. */
export const REPORT_POLICY = { form: 'projekt-melden', perHour: 10, perHourWithoutChallenge: 3 };
/** Confirmation mails to one address per day. */
export const MAILS_PER_ADDRESS_PER_DAY = 3;

const AUTO = { 'Auto-Submitted': 'auto-generated' };
const PROJECT_UID = 'api::project.project';
const DOCUMENT_UID = 'api::document.document';

/** The site's topics (published), as the form offers them. */
export async function publishedTopics(strapi: Core.Strapi): Promise<(Topic & { documentId: string })[]> {
  const rows = (await strapi
    .documents('api::topic.topic' as any)
    .findMany({ status: 'published', fields: ['slug', 'name'], limit: 500 } as any)) as unknown as {
    documentId: string;
    slug: string;
    name: string;
  }[];
  return rows
    .map((r) => ({ documentId: r.documentId, slug: r.slug, name: r.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

/** The addresses the forms need, read at each request (mail may be configured later). */
export function readFormSettings() {
  const env = readEnv(['SITE_URL', 'PUBLIC_URL', 'STRAPI_URL', 'IKZ_EDITORS_MAIL', 'IKZ_ADVICE_MAIL']);
  return {
    siteUrl: env.SITE_URL,
    adminBase: env.PUBLIC_URL ?? env.STRAPI_URL,
    editors: env.IKZ_EDITORS_MAIL ?? env.IKZ_ADVICE_MAIL,
    available: mailSettings().configured,
  };
}

/** What the submission and the confirmation share. */
interface ReportContext {
  strapi: Core.Strapi;
  store: ReturnType<typeof submissionStore>;
  municipalities: ReturnType<typeof readMunicipalityChoices>;
  log(message: string, error?: unknown): void;
}

/** POST: checks and stores what was sent (unconfirmed, with its files) and mails the confirmation link. */
async function submit(c: ReportContext, ctx: Context): Promise<void> {
  const { strapi, store, municipalities, log } = c;
  const { fields, lists } = fieldsWithLists(ctx.request.body, LIST_FIELDS, MAX_MUNICIPALITIES);
  // A few more files than allowed get the message on the field (checkReportFiles); a flood is refused at once.
  const files = sentFiles((ctx.request as { files?: unknown }).files, FILES_FIELD, 4 * MAX_FORM_FILES, TOO_MANY_FILES);
  const guard = await guardSubmission(ctx, fields, REPORT_POLICY);
  if (guard.verdict === 'refuse')
    return respond(ctx, { status: guard.status, title: 'Zu viele Anfragen', message: guard.message });
  const { siteUrl, available } = readFormSettings();
  if (!available) {
    log('refused: SMTP_HOST is not set');
    return respond(ctx, { status: 503, ...MESSAGES.unavailable });
  }
  const topics = await publishedTopics(strapi);
  const parsed = parseFields(projectReportSchema(municipalities, topics), { ...fields, ...lists });
  const checked = await checkReportFiles(files);
  if (!parsed.ok || !checked.ok) {
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...(checked.ok ? {} : { [FILES_FIELD]: checked.message }) };
    // Files are never kept from a refused submission: without JavaScript the reader chooses them again (with
    // it, the page keeps them chosen and sends them again).
    const again = files.length && checked.ok && !wantsJson(ctx) ? { [FILES_FIELD]: FILES_AGAIN } : {};
    return respond(ctx, {
      status: 400,
      ...MESSAGES.invalid,
      errors: { ...errors, ...again },
      formHtml: projectReportFormHtml(municipalities, topics, fields, lists, { ...errors, ...again }),
    });
  }
  // A bot that filled the honeypot (or was too fast) gets the answer everybody gets, and nothing happens.
  if (guard.verdict === 'drop') return respond(ctx, { status: 200, ...MESSAGES.submitted });
  if (!allowMailTo(parsed.data.email, MAILS_PER_ADDRESS_PER_DAY))
    return respond(ctx, { status: 429, ...MESSAGES.tooManyMails });
  const { token, hash } = newConfirmToken();
  const now = new Date();
  const sent = sentFields(fields, lists, [HONEYPOT_FIELD, CHALLENGE_FIELD]);
  const fileIds = await storeReportFiles(strapi, checked.files);
  let row: SubmissionRecord;
  try {
    row = await store.create({
      ...pendingFields(parsed.data, sent, { tokenHash: hash, now, expiresAt: confirmExpiry(now) }),
      files: fileIds,
    });
  } catch (error) {
    await removeReportFiles(strapi, fileIds);
    throw error;
  }
  // The mail goes out after the answer; a submission whose mail cannot be sent is deleted at once.
  mailConfirmationLater(
    strapi,
    store,
    row.id,
    { to: parsed.data.email, ...confirmMail(siteUrl, token) },
    log,
    'submission',
  );
  respond(ctx, { status: 200, ...MESSAGES.submitted });
}

/** The draft project from what was sent (parsed again; a topic unpublished since is left out of the draft). */
async function createDraft(c: ReportContext, submission: SubmissionRecord): Promise<string> {
  const { strapi, store, municipalities } = c;
  const sent = submission.submitted;
  const asSent = (Array.isArray(sent.topics) ? sent.topics : []).map((slug) => ({ slug, name: slug }));
  const parsed = parseFields(projectReportSchema(municipalities, asSent), sent);
  if (!parsed.ok)
    throw new Error(
      `submission ${submission.documentId}: the stored input no longer parses (${Object.keys(parsed.errors).join(', ')})`,
    );
  const ags = [parsed.data.lead.ags, ...parsed.data.municipalities.map((m) => m.ags)];
  const rows = (await strapi.db
    .query('api::municipality.municipality' as any)
    .findMany({ where: { ags: { $in: ags } }, select: ['documentId', 'ags'] })) as {
    documentId: string;
    ags: string;
  }[];
  const topics = await publishedTopics(strapi);
  const ids = {
    municipalities: new Map(rows.map((r) => [r.ags, r.documentId])),
    topics: new Map(topics.map((t) => [t.slug, t.documentId])),
  };
  // Every sent file becomes a draft "Dokument" of the draft project (held back until published).
  const documents: string[] = [];
  for (const file of await store.files(submission.id)) {
    const document = await strapi
      .documents(DOCUMENT_UID as any)
      .create({ data: draftDocument(file.name, file.id, new Date()) as any });
    documents.push(document.documentId);
  }
  const project = await strapi
    .documents(PROJECT_UID as any)
    .create({ data: { ...draftProject(parsed.data, ids), documents } as any });
  return project.documentId;
}

/** After the confirmation: the editors' mail and the acknowledgement. */
async function tell(c: ReportContext, submission: SubmissionRecord, projectDocumentId: string): Promise<void> {
  const { strapi, store, log } = c;
  const { editors, adminBase } = readFormSettings();
  try {
    if (editors) {
      await sendMail(strapi, {
        to: editors,
        replyTo: submission.email,
        ...editorsMail(submission, adminProjectUrl(adminBase, projectDocumentId)),
        headers: AUTO,
      });
      await store.update(submission.id, { editorsMailedAt: new Date().toISOString() });
    } else
      log(
        `report ${submission.documentId} confirmed, but neither IKZ_EDITORS_MAIL nor IKZ_ADVICE_MAIL is set: editors not mailed (it is in Strapi)`,
      );
    await sendMail(strapi, { to: submission.email, ...acknowledgementMail(submission), headers: AUTO });
  } catch (error) {
    if (!(error instanceof MailError)) throw error;
    log(`report ${submission.documentId} confirmed, but a mail was not sent (${error.kind}); it is in Strapi`, error);
  }
}

export function projectReportRoutes(strapi: Core.Strapi): FormRoute[] {
  const c: ReportContext = {
    strapi,
    store: submissionStore(strapi),
    municipalities: readMunicipalityChoices(),
    log: (message, error) => {
      strapi.log.warn(`[ikz] project report: ${message}${error instanceof Error ? `: ${error.message}` : ''}`);
    },
  };
  const { store, log } = c;
  const again = backLink(SITE_FORM_PAGE, 'Zum Formular „Projekt melden“');
  const home = backLink('/projekte/', 'Zur Projektdatenbank');
  return [
    { method: 'POST', path: SUBMIT_PATH, handler: (ctx) => submit(c, ctx) },
    ...confirmationRoutes<SubmissionRecord>({
      path: CONFIRM_PATH,
      button: 'Meldung bestätigen',
      find: (hash) => store.byTokenHash(hash),
      outcome: pendingOutcome,
      confirm: async (submission, now) => {
        const projectDocumentId = await createDraft(c, submission);
        await store.update(submission.id, confirmedFields(now, projectDocumentId));
        // After the answer, so that a slow mail server does not hold the page.
        void tell(c, submission, projectDocumentId).catch((error: unknown) => log('notification failed', error));
      },
      answers: {
        ask: MESSAGES.confirmAsk,
        confirmed: { ...MESSAGES.confirmed, after: home },
        already: { ...MESSAGES.alreadyConfirmed, after: home },
        expired: { ...MESSAGES.confirmExpired, after: again },
        unknown: { ...MESSAGES.confirmUnknown, after: again },
      },
    }),
  ];
}
