import type { Core } from '@strapi/strapi';
import { ALLOWED_MIME_TYPES } from '../src/lib/upload-types';
import { readEnv } from '@ikz/shared-types/env';
import { mailSettings } from '../src/mail/config';

type Env = Core.Config.Shared.ConfigParams['env'];

export default ({ env }: { env: Env }) => {
  const mail = mailSettings();
  return {
    // Every mail goes through src/mail/send.ts; without SMTP_HOST the transport only serialises (see src/mail/config.ts).
    email: {
      config: {
        provider: 'nodemailer',
        providerOptions: mail.transport,
        settings: { defaultFrom: mail.from, defaultReplyTo: mail.replyTo },
      },
    },
    'users-permissions': {
      config: {
        jwtSecret: env('JWT_SECRET'),
        register: { allowedFields: [] },
      },
    },
    upload: {
      config: {
        sizeLimit: readEnv(['UPLOAD_SIZE_LIMIT']).UPLOAD_SIZE_LIMIT,
        // Upload file names carry a content hash, so they never change: caches (the site build's image cache
        // among them) may keep them for a year.
        providerOptions: { localServer: { maxage: 365 * 24 * 3600 * 1000, immutable: true } },
        // Editors upload documents and pictures; nothing executable or scriptable (SVG, HTML) is accepted. The list
        // is the one of @ikz/shared-types/file-types; every upload is decided in src/lib/upload-types.ts (applied
        // by src/uploads/). Strapi's own check sees legacy Office files (DOC, XLS, PPT) only as "Compound File
        // Binary" containers, so it must let that container through; which kind a container is (by the streams in
        // its directory), and whether its name agrees, is decided by ours.
        security: {
          allowedTypes: [...ALLOWED_MIME_TYPES, 'application/x-cfb'],
        },
      },
    },
  };
};
