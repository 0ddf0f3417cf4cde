import type { Core } from '@strapi/strapi';
import { readEnv } from '@ikz/shared-types/env';
import { adminOrigins, allowedOrigins, framingOrigins } from '../src/lib/origins';

type Env = Core.Config.Shared.ConfigParams['env'];

export default ({ env }: { env: Env }) => [
  // No X-Powered-By or other header naming the server software (strapi::poweredBy is left out on purpose).
  'global::no-fingerprint',
  'strapi::logger',
  'strapi::errors',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // The admin's preview panel frames the preview service, and nothing else.
          'frame-src': ["'self'", ...framingOrigins((name) => env(name))],
        },
      },
    },
  },
  // Stored uploads go out inert (no script on any origin); see src/lib/upload-serving.ts.
  'global::upload-serving',
  // Files sent with a project report are not served or listed before an editor publishes them.
  'global::held-uploads',
  // Browsers may call Strapi with credentials only from the admin's own origin; IKZ_CORS_ORIGINS may read
  // without them; the static site and everything else get no CORS headers at all.
  {
    name: 'strapi::cors',
    config: {
      origin: allowedOrigins((name) => env(name)),
      credentials: (ctx: { get(name: string): string }) =>
        adminOrigins((name) => env(name)).includes(ctx.get('Origin')),
    },
  },
  'strapi::query',
  // Files in a multipart body: at most the upload plugin's limit each (nginx: client_max_body_size 50m on the
  // admin's host); the forms' stricter limits (@ikz/shared-types/form-uploads) are checked by their routes.
  { name: 'strapi::body', config: { formidable: { maxFileSize: readEnv(['UPLOAD_SIZE_LIMIT']).UPLOAD_SIZE_LIMIT } } },
  // Every uploaded file is checked against the upload allowlist before any route sees it.
  'global::upload-guard',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
