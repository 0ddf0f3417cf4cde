import type { Core } from '@strapi/strapi';
import {
  confirmedCount,
  currentDispatch,
  dispatchProgress,
  SendingError,
  sendTestMail,
  startDispatch,
} from '../newsletter/sending/dispatch.ts';
import { wakeNewsletterWorker } from '../newsletter/sending/lifecycle.ts';
import { answerError } from './answer.ts';

const ISSUE_UID = 'api::newsletter.newsletter';
const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;

type Ctx = {
  params: { documentId?: string };
  request: { body?: Record<string, unknown> };
  state: {
    user?: { id: number; email?: string; firstname?: string; lastname?: string };
    userAbility?: { can(action: string, subject?: string): boolean };
  };
  status: number;
  body: unknown;
  set(name: string, value: string): void;
};

/** Only admin users who may edit newsletter issues (the Redaktion role, super admins) send them. */
function mayUpdateIssues(ctx: Ctx): boolean {
  return ctx.state.userAbility?.can('plugin::content-manager.explorer.update', ISSUE_UID) === true;
}

function guarded(run: (ctx: Ctx, documentId: string) => Promise<unknown>) {
  return async (koa: unknown) => {
    const ctx = koa as Ctx;
    ctx.set('Cache-Control', 'no-store');
    if (!mayUpdateIssues(ctx)) {
      return answerError(
        ctx,
        403,
        'Newsletter-Ausgaben verschicken dürfen nur Benutzer, die sie bearbeiten dürfen (Rolle „Redaktion“).',
      );
    }
    const documentId = ctx.params.documentId ?? '';
    if (!DOCUMENT_ID.test(documentId)) {
      return answerError(ctx, 404, 'Diese Newsletter-Ausgabe gibt es nicht.');
    }
    try {
      ctx.body = await run(ctx, documentId);
    } catch (error) {
      if (!(error instanceof SendingError)) throw error;
      answerError(ctx, error.status, error.message);
    }
  };
}

const who = (user: Ctx['state']['user']) =>
  [[user?.firstname, user?.lastname].filter(Boolean).join(' '), user?.email ? `<${user.email}>` : '']
    .filter(Boolean)
    .join(' ') || `admin #${user?.id}`;

/**
 * The admin API of sending an issue (for the "Versand" panel of the issue's edit view and the publishing widget):
 *   GET  /ikz/newsletter/issues/:documentId/dispatch  → progress and the number of confirmed subscribers now
 *   POST /ikz/newsletter/issues/:documentId/test      { to } → one test mail, "[Test]" before the subject
 *   POST /ikz/newsletter/issues/:documentId/dispatch  { expectedRecipients } → queues the send to everyone
 */
export function registerNewsletterRoutes(strapi: Core.Strapi): void {
  const base = '/ikz/newsletter/issues/:documentId';
  const config = { policies: ['admin::isAuthenticatedAdmin'] };
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        // For the publishing widget on the admin's home page: the send under way (or finished today), or null.
        method: 'GET',
        path: '/ikz/newsletter/dispatches/current',
        handler: async (koa: unknown) => {
          const ctx = koa as Ctx;
          ctx.set('Cache-Control', 'no-store');
          ctx.body = { dispatch: await currentDispatch(strapi) };
        },
        config,
        info: { pluginName: 'ikz' },
      },
      {
        method: 'GET',
        path: `${base}/dispatch`,
        handler: guarded(async (_ctx, documentId) => ({
          ...(await dispatchProgress(strapi, documentId)),
          recipients: await confirmedCount(strapi),
        })),
        config,
        info: { pluginName: 'ikz' },
      },
      {
        method: 'POST',
        path: `${base}/test`,
        handler: guarded(async (ctx, documentId) => ({
          sent: true,
          ...(await sendTestMail(strapi, documentId, ctx.request.body?.to)),
        })),
        config,
        info: { pluginName: 'ikz' },
      },
      {
        method: 'POST',
        path: `${base}/dispatch`,
        handler: guarded(async (ctx, documentId) => {
          await startDispatch(strapi, documentId, {
            expectedRecipients: ctx.request.body?.expectedRecipients,
            startedBy: who(ctx.state.user).slice(0, 255),
          });
          wakeNewsletterWorker();
          ctx.status = 202;
          return { ...(await dispatchProgress(strapi, documentId)), recipients: await confirmedCount(strapi) };
        }),
        config,
        info: { pluginName: 'ikz' },
      },
    ],
  });
}
