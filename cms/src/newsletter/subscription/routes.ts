/**
 * The newsletter's forms under /formulare/newsletter/…: sign-up with double opt-in, the confirmation page,
 * the unsubscribe page (also RFC 8058 one-click) and the unsubscribe request from the site. Thin: the
 * decisions are in ./rules.ts, the texts in ./texts.ts.
 */
import type { Core } from '@strapi/strapi';
import { readEnv } from '@ikz/shared-types/env';
import type { Context } from 'koa';
import { consentParts, NEWSLETTER_CONSENT } from '@ikz/shared-types/newsletter-consent';
import {
  allowMailTo,
  formSecret,
  guardSubmission,
  parseFields,
  readFields,
  respond,
  type FormRoute,
} from '../../forms/index.ts';
import { mailSettings } from '../../mail/config.ts';
import { sendMail } from '../../mail/send.ts';
import { MailError } from '../../mail/types.ts';
import { newUnsubscribeSalt, unsubscribeTokenSubject, unsubscribeTokenValid, unsubscribeUrl } from '../links.ts';
import { DEFAULT_SOURCE, signUpSchema, unsubscribeRequestSchema } from './input.ts';
import {
  canUnsubscribe,
  confirmFields,
  confirmOutcome,
  normalizeEmail,
  signUpAction,
  signUpFields,
  unsubscribeFields,
} from './rules.ts';
import { subscriberStore, type SubscriberStore } from './store.ts';
import {
  CONFIRM_PATH,
  confirmMail,
  MESSAGES,
  SIGN_UP_PATH,
  SITE_SIGN_UP_PAGE,
  SITE_UNSUBSCRIBE_PAGE,
  signUpFormHtml,
  UNSUBSCRIBE_PATH,
  UNSUBSCRIBE_REQUEST_PATH,
  unsubscribeLinkMail,
} from './texts.ts';
import { backLink, buttonForm, confirmationRoutes, queryToken } from '../../forms/confirmation.ts';
import { oneAtATime } from '../../forms/serial.ts';
import { confirmExpiry, newConfirmToken } from '../../forms/tokens.ts';

/** Per client address and hour; without a solved challenge (no JavaScript) the stricter number applies. */
export const SIGN_UP_POLICY = { form: 'newsletter-anmeldung', perHour: 20, perHourWithoutChallenge: 5 };
export const UNSUBSCRIBE_REQUEST_POLICY = { form: 'newsletter-abmeldung', perHour: 20, perHourWithoutChallenge: 5 };
/** Confirmation and unsubscribe mails to one address per day, whoever asks for them. */
export const MAILS_PER_ADDRESS_PER_DAY = 3;

/** Marks the unsubscribe link sent on request from the site's form, so the unsubscription is recorded as `site-form`. */
const SITE_FORM_MARK = 'formular';

type Ctx = Context;

function settings() {
  return { siteUrl: readEnv(['SITE_URL']).SITE_URL, secret: formSecret(), mail: mailSettings().configured };
}

const CONSENT = { version: NEWSLETTER_CONSENT.version, parts: consentParts(NEWSLETTER_CONSENT) };

type Deps = { strapi: Core.Strapi; store: SubscriberStore; log: (message: string, error?: unknown) => void };

function signUpHandler({ strapi, store, log }: Deps) {
  async function signUp(ctx: Ctx): Promise<void> {
    const fields = readFields(ctx);
    const guard = await guardSubmission(ctx, fields, SIGN_UP_POLICY);
    if (guard.verdict === 'refuse')
      return respond(ctx, { status: guard.status, title: 'Zu viele Anfragen', message: guard.message });
    const parsed = parseFields(signUpSchema, fields);
    if (!parsed.ok) {
      return respond(ctx, {
        status: 400,
        ...MESSAGES.invalid,
        errors: parsed.errors,
        formHtml: signUpFormHtml(CONSENT, fields, parsed.errors),
      });
    }
    // A bot that filled the honeypot (or was too fast) gets the answer everybody gets, and nothing happens.
    if (guard.verdict === 'drop') return respond(ctx, { status: 200, ...MESSAGES.signUpDone });
    const { siteUrl, mail } = settings();
    if (!mail) {
      log('sign-up refused: no mail server configured (SMTP_HOST)');
      return respond(ctx, { status: 503, ...MESSAGES.signUpUnavailable });
    }
    const email = normalizeEmail(parsed.data.email);
    const { consentVersion, source } = parsed.data;
    // Looking the address up and mailing happen after the answer, so that neither the answer nor its timing
    // tells a confirmed address (no mail) from a new one (a mail through SMTP).
    void oneAtATime(email, async () => {
      const existing = await store.byEmail(email);
      const action = signUpAction(existing);
      // Confirmed addresses get nothing; the others at most MAILS_PER_ADDRESS_PER_DAY mails.
      if (action === 'none' || !allowMailTo(email, MAILS_PER_ADDRESS_PER_DAY)) return;
      const { token, hash } = newConfirmToken();
      const now = new Date();
      let messageId: string;
      try {
        messageId = (
          await sendMail(strapi, {
            to: email,
            ...confirmMail(siteUrl, token),
            headers: { 'Auto-Submitted': 'auto-generated' },
          })
        ).messageId;
      } catch (error) {
        if (!(error instanceof MailError)) throw error;
        // Nothing is stored: the reader can simply sign up again.
        return log(`confirmation mail not sent (${error.kind})`, error);
      }
      const data = signUpFields({
        email,
        consentVersion,
        sourcePage: source ?? DEFAULT_SOURCE,
        tokenHash: hash,
        now,
        expiresAt: confirmExpiry(now),
        messageId,
      });
      if (existing) await store.update(existing.id, data);
      else await store.create(data);
    }).catch((error: unknown) => log('sign-up failed', error));
    respond(ctx, { status: 200, ...MESSAGES.signUpDone });
  }
  return signUp;
}

function unsubscribeHandlers({ store }: Deps) {
  /** The subscriber an unsubscribe token names, and whether the token is (still) good for it. */
  async function unsubscribeTarget(token: string, secret: string) {
    const documentId = unsubscribeTokenSubject(token);
    const subscriber = documentId ? await store.byDocumentId(documentId) : null;
    if (!subscriber) return { subscriber: null, valid: false };
    return { subscriber, valid: unsubscribeTokenValid(secret, subscriber, token) };
  }

  async function unsubscribePage(ctx: Ctx): Promise<void> {
    const { secret } = settings();
    const token = queryToken(ctx);
    const { subscriber, valid } = await unsubscribeTarget(token, secret);
    if (subscriber?.state === 'unsubscribed') return respond(ctx, { status: 200, ...MESSAGES.alreadyUnsubscribed });
    if (subscriber && valid && canUnsubscribe(subscriber)) {
      const hidden: Record<string, string> = { t: token };
      if (ctx.query.k === SITE_FORM_MARK) hidden.k = SITE_FORM_MARK;
      return respond(ctx, {
        status: 200,
        ...MESSAGES.unsubscribeAsk,
        formHtml: buttonForm(UNSUBSCRIBE_PATH, hidden, 'Newsletter abbestellen'),
      });
    }
    respond(ctx, {
      status: 404,
      ...MESSAGES.unsubscribeUnknown,
      formHtml: backLink(SITE_UNSUBSCRIBE_PAGE, 'Abmeldung über das Formular anfordern'),
    });
  }

  /** POST from the page's button (token in the body) or RFC 8058 one-click (token in the URL, `List-Unsubscribe=One-Click`). */
  async function unsubscribe(ctx: Ctx): Promise<void> {
    const fields = readFields(ctx);
    const oneClick = fields['List-Unsubscribe'] === 'One-Click';
    const token = fields.t ?? queryToken(ctx);
    const channel = oneClick ? 'one-click' : fields.k === SITE_FORM_MARK ? 'site-form' : 'link';
    const { secret } = settings();
    const outcome = await oneAtATime(`unsubscribe:${token}`, async () => {
      const { subscriber, valid } = await unsubscribeTarget(token, secret);
      if (subscriber?.state === 'unsubscribed') return 'already';
      if (!subscriber || !valid || !canUnsubscribe(subscriber)) return 'unknown';
      await store.update(subscriber.id, unsubscribeFields(new Date(), channel));
      return 'done';
    });
    if (outcome === 'done') return respond(ctx, { status: 200, ...MESSAGES.unsubscribed });
    if (outcome === 'already') return respond(ctx, { status: 200, ...MESSAGES.alreadyUnsubscribed });
    respond(ctx, {
      status: 404,
      ...MESSAGES.unsubscribeUnknown,
      formHtml: backLink(SITE_UNSUBSCRIBE_PAGE, 'Abmeldung über das Formular anfordern'),
    });
  }
  return { unsubscribePage, unsubscribe };
}

function unsubscribeRequestHandler({ strapi, store, log }: Deps) {
  async function requestUnsubscribe(ctx: Ctx): Promise<void> {
    const fields = readFields(ctx);
    const guard = await guardSubmission(ctx, fields, UNSUBSCRIBE_REQUEST_POLICY);
    if (guard.verdict === 'refuse')
      return respond(ctx, { status: guard.status, title: 'Zu viele Anfragen', message: guard.message });
    const parsed = parseFields(unsubscribeRequestSchema, fields);
    if (!parsed.ok)
      return respond(ctx, {
        status: 400,
        ...MESSAGES.invalid,
        errors: parsed.errors,
        formHtml: backLink(SITE_UNSUBSCRIBE_PAGE, 'Zurück zum Formular'),
      });
    if (guard.verdict === 'drop') return respond(ctx, { status: 200, ...MESSAGES.unsubscribeRequested });
    const { siteUrl, secret, mail } = settings();
    if (!mail)
      return respond(ctx, {
        status: 503,
        title: 'Derzeit nicht möglich',
        message:
          'Die Abmeldung über das Formular ist derzeit nicht möglich. Bitte nutzen Sie den Abmeldelink in einer Ausgabe des Newsletters oder versuchen Sie es später erneut.',
      });
    const email = normalizeEmail(parsed.data.email);
    // After the answer, as with the sign-up: neither the answer nor its timing says whether the address gets the newsletter.
    void (async () => {
      const subscriber = await store.byEmail(email);
      if (
        subscriber?.state !== 'confirmed' ||
        !subscriber.unsubscribeSalt ||
        !allowMailTo(email, MAILS_PER_ADDRESS_PER_DAY)
      )
        return;
      const link = `${unsubscribeUrl(siteUrl, secret, { documentId: subscriber.documentId, unsubscribeSalt: subscriber.unsubscribeSalt })}&k=${SITE_FORM_MARK}`;
      try {
        await sendMail(strapi, {
          to: email,
          ...unsubscribeLinkMail(link),
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        if (!(error instanceof MailError)) throw error;
        log(`unsubscribe link not sent (${error.kind})`, error);
      }
    })().catch((error: unknown) => log('unsubscribe request failed', error));
    respond(ctx, { status: 200, ...MESSAGES.unsubscribeRequested });
  }
  return requestUnsubscribe;
}

export function newsletterFormRoutes(strapi: Core.Strapi): FormRoute[] {
  const store = subscriberStore(strapi);
  const log = (message: string, error?: unknown) =>
    strapi.log.warn(`[ikz] newsletter: ${message}${error instanceof Error ? `: ${error.message}` : ''}`);
  const deps: Deps = { strapi, store, log };
  const signUp = signUpHandler(deps);
  const { unsubscribePage, unsubscribe } = unsubscribeHandlers(deps);
  const requestUnsubscribe = unsubscribeRequestHandler(deps);

  return [
    { method: 'POST', path: SIGN_UP_PATH, handler: signUp },
    ...confirmationRoutes({
      path: CONFIRM_PATH,
      button: 'Anmeldung bestätigen',
      find: (hash) => store.byTokenHash(hash),
      outcome: confirmOutcome,
      confirm: (subscriber, now) => store.update(subscriber.id, confirmFields(now, newUnsubscribeSalt())),
      answers: {
        ask: MESSAGES.confirmAsk,
        confirmed: { ...MESSAGES.confirmed, after: backLink('/newsletter/', 'Zum Newsletter-Archiv') },
        already: { ...MESSAGES.alreadyConfirmed, after: backLink('/newsletter/', 'Zum Newsletter-Archiv') },
        expired: { ...MESSAGES.confirmExpired, after: backLink(SITE_SIGN_UP_PAGE, 'Zur Anmeldung zum Newsletter') },
        unknown: { ...MESSAGES.confirmUnknown, after: backLink(SITE_SIGN_UP_PAGE, 'Zur Anmeldung zum Newsletter') },
      },
    }),
    { method: 'GET', path: UNSUBSCRIBE_PATH, handler: unsubscribePage },
    { method: 'POST', path: UNSUBSCRIBE_PATH, handler: unsubscribe },
    { method: 'POST', path: UNSUBSCRIBE_REQUEST_PATH, handler: requestUnsubscribe },
  ];
}
