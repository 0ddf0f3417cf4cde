import type { Core } from '@strapi/strapi';
import { previewLink, signPreviewToken, typeOfUid } from '@ikz/shared-types/preview';

type Env = Core.Config.Shared.ConfigParams['env'];

/**
 * The admin, with the editors' preview: the "Vorschau" panel of every type with drafts opens the preview
 * service (PREVIEW_URL) with a signed, short-lived token for exactly this entry and status.
 */
export default ({ env }: { env: Env }) => {
  const previewUrl = env('PREVIEW_URL', '');
  const previewSecret = env('PREVIEW_SECRET', '');
  return {
    serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
    auth: {
      secret: env('ADMIN_JWT_SECRET'),
    },
    apiToken: {
      salt: env('API_TOKEN_SALT'),
    },
    transfer: {
      token: {
        salt: env('TRANSFER_TOKEN_SALT'),
      },
    },
    secrets: {
      encryptionKey: env('ENCRYPTION_KEY'),
    },
    flags: {
      nps: false,
      promoteEE: false,
    },
    preview: {
      enabled: Boolean(previewUrl && previewSecret),
      config: {
        allowedOrigins: previewUrl ? [new URL(previewUrl).origin] : [],
        async handler(uid: string, { documentId, status }: { documentId?: string; locale?: string; status?: string }) {
          const type = typeOfUid(uid);
          if (!type || !documentId) return null;
          const token = signPreviewToken(
            { type, documentId, status: status === 'published' ? 'published' : 'draft' },
            previewSecret,
          );
          return previewLink(previewUrl, token);
        },
      },
    },
  };
};
