import type { Core } from '@strapi/strapi';
import { adviceCleanup } from './advice/cleanup.ts';
import { adviceFormRoutes } from './advice/routes.ts';
import { partnerSearchHousekeeping } from './partner-search/expiry.ts';
import { partnerSearchRoutes } from './partner-search/routes.ts';
import { projectReportCleanup } from './project-report/cleanup.ts';
import { registerPublicationNotice } from './project-report/publication.ts';
import { registerSubmissionFileCleanup } from './project-report/store.ts';
import { registerDeliveryRetention } from './newsletter/sending/retention.ts';
import { projectReportRoutes } from './project-report/routes.ts';
import { applyAdminLayouts } from './bootstrap/admin-layout';
import { guardAdminRegistration } from './bootstrap/admin-registration';
import { ensureAdminFromEnv } from './bootstrap/admin-user';
import { ensureBuildToken, ensurePreviewToken, ensureSeedToken } from './bootstrap/api-tokens';
import { restrictDatabaseFile } from './bootstrap/database-file';
import { registerDocumentRules } from './bootstrap/document-rules';
import { ensureEditorRole } from './bootstrap/editor-role';
import { equalizeLoginTiming } from './bootstrap/login-timing';
import { assertReferenceData, syncMunicipalities } from './bootstrap/municipalities';
import { enforceReadOnlyRoles } from './bootstrap/public-permissions';
import { syncPublisherWebhook } from './bootstrap/publisher-webhook';
import { hideUsersCollection } from './bootstrap/users-collection';
import { registerChallengeRoute, registerFormRoutes } from './forms/index.ts';
import { mailSettings } from './mail/config.ts';
import { registerNewsletterRoutes } from './ikz-admin/newsletter-routes';
import { registerReportFilesRoute } from './ikz-admin/report-files-route';
import { registerAdminStatusRoute } from './ikz-admin/status-route';
import { startNewsletterSending, stopNewsletterSending } from './newsletter/sending/lifecycle';
import { registerSubscriberAdminRoutes } from './newsletter/subscription/admin-routes.ts';
import { startSignUpCleanup, stopSignUpCleanup } from './newsletter/subscription/cleanup.ts';
import { newsletterFormRoutes } from './newsletter/subscription/routes.ts';
import { registerReaderQueryGuard } from './reader/access';
import { guardUploadService } from './uploads/service';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    assertReferenceData();
    registerReaderQueryGuard(strapi);
    registerPublicationNotice(strapi);
    registerDocumentRules(strapi);
    guardAdminRegistration(strapi);
    equalizeLoginTiming(strapi);
    hideUsersCollection(strapi);
    registerAdminStatusRoute(strapi);
    registerNewsletterRoutes(strapi);
    registerReportFilesRoute(strapi);
    guardUploadService(strapi);
    registerChallengeRoute(strapi);
    registerFormRoutes(strapi, newsletterFormRoutes(strapi));
    registerFormRoutes(strapi, adviceFormRoutes(strapi));
    registerFormRoutes(strapi, projectReportRoutes(strapi));
    registerFormRoutes(strapi, partnerSearchRoutes(strapi));
    registerSubscriberAdminRoutes(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    restrictDatabaseFile(strapi);
    registerSubmissionFileCleanup(strapi);
    registerDeliveryRetention(strapi);
    await syncMunicipalities(strapi);
    await enforceReadOnlyRoles(strapi);
    await ensureBuildToken(strapi);
    await ensureSeedToken(strapi);
    await ensurePreviewToken(strapi);
    await applyAdminLayouts(strapi);
    await ensureAdminFromEnv(strapi);
    await ensureEditorRole(strapi);
    await syncPublisherWebhook(strapi);
    const mail = mailSettings();
    if (mail.configured) strapi.log.info(`[ikz] mail goes out through ${mail.describe} as ${mail.from}`);
    else strapi.log.warn('[ikz] SMTP_HOST is not set: no mail is sent (newsletter sign-ups and sending are refused)');
    await startSignUpCleanup(strapi);
    await startNewsletterSending(strapi);
    if (await adviceCleanup.start(strapi))
      strapi.log.info(
        '[ikz] advisory requests: unconfirmed ones are deleted after 7 days, all after IKZ_ADVICE_RETENTION_DAYS (checked now and every hour)',
      );
    if (await projectReportCleanup.start(strapi))
      strapi.log.info('[ikz] project reports: unconfirmed ones are deleted after 7 days (checked now and every hour)');
    if (await partnerSearchHousekeeping.start(strapi))
      strapi.log.info(
        '[ikz] partner search: expired entries are unpublished, unconfirmed submissions and replies deleted after 7 days (checked now and every hour)',
      );
  },

  async destroy() {
    stopSignUpCleanup();
    await stopNewsletterSending();
    adviceCleanup.stop();
    projectReportCleanup.stop();
    partnerSearchHousekeeping.stop();
  },
};
