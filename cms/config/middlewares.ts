import type { Core } from '@strapi/strapi';
import { allowedOrigins, framingOrigins } from '../src/lib/origins';

type Env = Core.Config.Shared.ConfigParams['env'];

export default ({ env }: { env: Env }) => [
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
  // Browsers may call Strapi only from the admin (and the configured site origins), never from anywhere else.
  { name: 'strapi::cors', config: { origin: allowedOrigins((name) => env(name)) } },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
