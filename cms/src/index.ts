import type { Core } from '@strapi/strapi';
import { applyAdminLayouts } from './bootstrap/admin-layout';
import { ensureAdminFromEnv } from './bootstrap/admin-user';
import { ensureBuildToken, ensureSeedToken } from './bootstrap/api-tokens';
import { registerDocumentRules } from './bootstrap/document-rules';
import { syncMunicipalities } from './bootstrap/municipalities';
import { enforceReadOnlyRoles } from './bootstrap/public-permissions';
import { syncPublisherWebhook } from './bootstrap/publisher-webhook';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDocumentRules(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await syncMunicipalities(strapi);
    await enforceReadOnlyRoles(strapi);
    await ensureBuildToken(strapi);
    await ensureSeedToken(strapi);
    await applyAdminLayouts(strapi);
    await ensureAdminFromEnv(strapi);
    await syncPublisherWebhook(strapi);
  },
};
