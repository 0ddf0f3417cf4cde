import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

export default ({ env }: { env: Env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      register: { allowedFields: [] },
    },
  },
  upload: {
    config: {
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT', 50 * 1024 * 1024),
      // Upload file names carry a content hash, so they never change: caches (the site build's image cache
      // among them) may keep them for a year.
      providerOptions: { localServer: { maxage: 365 * 24 * 3600 * 1000, immutable: true } },
      // Editors upload documents and pictures; nothing executable or scriptable (SVG, HTML) is accepted.
      security: {
        allowedTypes: [
          'application/pdf',
          'image/jpeg',
          'image/png',
          'image/webp',
          'image/avif',
          'application/msword',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/vnd.ms-excel',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'application/vnd.ms-powerpoint',
          'application/vnd.openxmlformats-officedocument.presentationml.presentation',
          'application/vnd.oasis.opendocument.text',
          'application/vnd.oasis.opendocument.spreadsheet',
          'text/csv',
          'application/zip',
        ],
      },
    },
  },
});
