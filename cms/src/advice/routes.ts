/**
 * The advisory request form under /formulare/beratung/…: the submission (stored unconfirmed, a confirmation
 * link mailed to the requester) and the confirmation page (GET shows the button, POST confirms; then the
 * request is mailed to the advisory team with the requester as Reply-To, and copied to the requester).
 * Thin: the decisions are in ./rules.ts, the texts in ./texts.ts, the confirmation in ../forms/confirmation.ts.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { readEnv } from '@ikz/shared-types/env';
import { readMunicipalityChoices } from '@ikz/shared-types/reference-data';
import { backLink, confirmationRoutes, mailConfirmationLater, pendingOutcome } from '../forms/confirmation.ts';
import { allowMailTo, guardSubmission, parseFields, readFields, respond, type FormRoute } from '../forms/index.ts';
import { confirmExpiry, newConfirmToken } from '../forms/tokens.ts';
import { mailSettings } from '../mail/config.ts';
import { sendMail } from '../mail/send.ts';
import { MailError } from '../mail/types.ts';
import { adviceSchema } from './input.ts';
import { confirmedFields, pendingFields, type AdviceRecord } from './rules.ts';
import { adviceStore } from './store.ts';
import {
  adviceFormHtml,
  CONFIRM_PATH,
  confirmMail,
  copyMail,
  MESSAGES,
  SITE_FORM_PAGE,
  SUBMIT_PATH,
  teamMail,
} from './texts.ts';

/** Per client address and hour; without a solved challenge (no JavaScript) the stricter number applies. */
export const ADVICE_POLICY = { form: 'beratung', perHour: 10, perHourWithoutChallenge: 3 };
/** Confirmation mails to one address per day. */
export const MAILS_PER_ADDRESS_PER_DAY = 3;

const AUTO = { 'Auto-Submitted': 'auto-generated' };

interface AdviceContext {
  strapi: Core.Strapi;
  store: ReturnType<typeof adviceStore>;
  municipalities: ReturnType<typeof readMunicipalityChoices>;
  schema: ReturnType<typeof adviceSchema>;
  log: (message: string, error?: unknown) => void;
}

function settings() {
  const env = readEnv(['SITE_URL', 'IKZ_ADVICE_MAIL']);
  return {
    siteUrl: env.SITE_URL,
    team: env.IKZ_ADVICE_MAIL,
    available: Boolean(env.IKZ_ADVICE_MAIL) && mailSettings().configured,
  };
}

function submitHandler({ strapi, store, municipalities, schema, log }: AdviceContext) {
  async function submit(ctx: Context): Promise<void> {
    const fields = readFields(ctx);
    const guard = await guardSubmission(ctx, fields, ADVICE_POLICY);
    if (guard.verdict === 'refuse')
      return respond(ctx, { status: guard.status, title: 'Zu viele Anfragen', message: guard.message });
    const { siteUrl, available } = settings();
    if (!available) {
      log('refused: IKZ_ADVICE_MAIL or SMTP_HOST is not set');
      return respond(ctx, { status: 503, ...MESSAGES.unavailable });
    }
    const parsed = parseFields(schema, fields);
    if (!parsed.ok)
      return respond(ctx, {
        status: 400,
        ...MESSAGES.invalid,
        errors: parsed.errors,
        formHtml: adviceFormHtml(municipalities, fields, parsed.errors),
      });
    // A bot that filled the honeypot (or was too fast) gets the answer everybody gets, and nothing happens.
    if (guard.verdict === 'drop') return respond(ctx, { status: 200, ...MESSAGES.submitted });
    if (!allowMailTo(parsed.data.email, MAILS_PER_ADDRESS_PER_DAY))
      return respond(ctx, { status: 429, ...MESSAGES.tooManyMails });
    const { token, hash } = newConfirmToken();
    const now = new Date();
    const row = await store.create(pendingFields(parsed.data, { tokenHash: hash, now, expiresAt: confirmExpiry(now) }));
    // The mail goes out after the answer; a request whose mail cannot be sent is deleted at once.
    mailConfirmationLater(
      strapi,
      store,
      row.id,
      { to: parsed.data.email, ...confirmMail(siteUrl, token) },
      log,
      'request',
    );
    respond(ctx, { status: 200, ...MESSAGES.submitted });
  }
  return submit;
}

function forwarder({ strapi, store, log }: AdviceContext) {
  /** After the confirmation: the request to the team (Reply-To: the requester), and the copy to the requester. */
  async function forward(request: AdviceRecord & { id: number }): Promise<void> {
    const { team } = settings();
    if (!team)
      return log(
        `request ${request.documentId} confirmed, but IKZ_ADVICE_MAIL is not set: not forwarded (it is in Strapi)`,
      );
    try {
      await sendMail(strapi, { to: team, replyTo: request.email, ...teamMail(request), headers: AUTO });
      await store.update(request.id, { forwardedAt: new Date().toISOString() });
      await sendMail(strapi, { to: request.email, ...copyMail(request), headers: AUTO });
    } catch (error) {
      if (!(error instanceof MailError)) throw error;
      log(`request ${request.documentId} confirmed, but a mail was not sent (${error.kind}); it is in Strapi`, error);
    }
  }
  return forward;
}

export function adviceFormRoutes(strapi: Core.Strapi): FormRoute[] {
  const store = adviceStore(strapi);
  const municipalities = readMunicipalityChoices();
  const log = (message: string, error?: unknown): void => {
    strapi.log.warn(`[ikz] advisory request: ${message}${error instanceof Error ? `: ${error.message}` : ''}`);
  };
  const context: AdviceContext = { strapi, store, municipalities, schema: adviceSchema(municipalities), log };
  const submit = submitHandler(context);
  const forward = forwarder(context);
  const again = backLink(SITE_FORM_PAGE, 'Zum Formular für Beratungsanfragen');
  const home = backLink('/beratung/', 'Zurück zur Seite „Beratung“');
  return [
    { method: 'POST', path: SUBMIT_PATH, handler: submit },
    ...confirmationRoutes<AdviceRecord & { id: number }>({
      path: CONFIRM_PATH,
      button: 'Anfrage bestätigen',
      find: (hash) => store.byTokenHash(hash),
      outcome: pendingOutcome,
      confirm: async (request, now) => {
        await store.update(request.id, confirmedFields(now));
        // After the answer, so that a slow mail server does not hold the page.
        void forward(request).catch((error: unknown) => log('forwarding failed', error));
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
