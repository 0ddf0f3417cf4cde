/**
 * The forms' shared infrastructure: routes under /formulare/ on the site's origin (nginx and the local web server
 * pass that prefix on to Strapi), reading and checking fields, spam protection without third parties or cookies,
 * limits, and answers as JSON or as a German page. The newsletter sign-up and every later form use it.
 *
 * Routes are registered at Strapi's root (no /api prefix, no users-permissions: `auth: false`), so no role has
 * to be granted anything and the public role stays read-only.
 */
import type { Core } from '@strapi/strapi';
import fs from 'node:fs/promises';
import type { Context } from 'koa';
import { FORMS_PATH } from '../newsletter/links.ts';
import { issueChallenge, ReplayGuard } from './challenge.ts';
import { FormInputError, temporaryFiles } from './fields.ts';
import { clientAddress, guard, type FormPolicy, type GuardState, type GuardVerdict } from './guard.ts';
import { FormLimits, MailCaps } from './limits.ts';
import { formHeaders, respond } from './respond.ts';
import { formSecret } from './secret.ts';

export {
  checkboxField,
  emailField,
  fieldsWithLists,
  FormInputError,
  lineField,
  parseFields,
  readFields,
  sentFiles,
  textField,
  type FieldErrors,
  type SentFile,
} from './fields.ts';
export { CHALLENGE_FIELD, HONEYPOT_FIELD, type FormPolicy, type GuardVerdict } from './guard.ts';
export { escapeHtml, html, SafeHtml } from './html.ts';
export { renderFormPage } from './page.ts';
export { formHeaders, noticeHtml, respond, wantsJson, type FormAnswer } from './respond.ts';
export { formSecret } from './secret.ts';
export { FORMS_PATH };

export type FormRoute = { method: 'GET' | 'POST'; path: string; handler: (ctx: Context) => Promise<void> };

const state: GuardState = {
  limits: new FormLimits(),
  replays: new ReplayGuard(),
  mailCaps: new MailCaps(),
  secret: () => formSecret(),
  now: () => Date.now(),
};

/** For tests of the guard itself: a fresh state with its own clock. */
export function resetFormState(now: () => number = () => Date.now()): void {
  Object.assign(state, { limits: new FormLimits(), replays: new ReplayGuard(), mailCaps: new MailCaps(), now });
}

export async function guardSubmission(
  ctx: Context,
  fields: Record<string, string>,
  policy: FormPolicy,
): Promise<GuardVerdict> {
  const verdict = await guard(state, clientAddress(ctx), fields, policy);
  if (verdict.verdict === 'refuse' && verdict.retryAfterSeconds)
    ctx.set('Retry-After', String(verdict.retryAfterSeconds));
  const { retryAfterSeconds: _ignored, ...rest } = verdict;
  return rest as GuardVerdict;
}

/** Whether one more mail may go to `address` today (at most `perDay`); counts it when yes. */
export function allowMailTo(address: string, perDay: number): boolean {
  return state.mailCaps.allow(address, perDay, state.now());
}

const BAD_REQUEST = 'Die Anfrage konnte nicht verarbeitet werden.';

/**
 * Wraps a form handler: malformed input becomes a German 400 answer; anything unexpected a 500 that names no
 * internals. The temporary files of a multipart request are deleted once it is answered, whatever happened.
 */
function handle(strapi: Core.Strapi, route: FormRoute) {
  return async (ctx: Context) => {
    try {
      await route.handler(ctx);
    } catch (error) {
      if (error instanceof FormInputError) {
        respond(ctx, { status: 400, title: 'Ungültige Anfrage', message: `${BAD_REQUEST} ${error.message}` });
        return;
      }
      strapi.log.error(
        `[forms] ${route.method} ${FORMS_PATH}${route.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      respond(ctx, {
        status: 500,
        title: 'Fehler',
        message:
          'Ihre Anfrage konnte wegen eines technischen Fehlers nicht bearbeitet werden. Bitte versuchen Sie es später noch einmal.',
      });
    } finally {
      await Promise.all(
        temporaryFiles((ctx.request as { files?: unknown }).files).map((file) => fs.rm(file, { force: true })),
      );
    }
  };
}

export function registerFormRoutes(strapi: Core.Strapi, routes: FormRoute[]): void {
  strapi.server.routes(
    routes.map((route) => ({
      method: route.method,
      path: `${FORMS_PATH}${route.path}`,
      handler: handle(strapi, route),
      config: { auth: false as const },
    })),
  );
}

/** GET /formulare/challenge: a fresh proof-of-work challenge for the page's script. */
export function registerChallengeRoute(strapi: Core.Strapi): void {
  registerFormRoutes(strapi, [
    {
      method: 'GET',
      path: '/challenge',
      handler: async (ctx) => {
        formHeaders(ctx);
        ctx.type = 'application/json';
        ctx.body = await issueChallenge(formSecret(), state.now());
      },
    },
  ]);
}
