import type { Core } from '@strapi/strapi';
import { allowedOrigins, framingOrigins } from '../src/lib/origins';

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
  // Browsers may call Strapi only from the admin (and the configured site origins), never from anywhere else.
  { name: 'strapi::cors', config: { origin: allowedOrigins((name) => env(name)) } },
  'strapi::query',
  'strapi::body',
  // Every uploaded file is checked against the upload allowlist before any route sees it.
  'global::upload-guard',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
