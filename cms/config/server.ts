import type { Core } from '@strapi/strapi';
import { behindProxy } from '../src/lib/origins';

type Env = Core.Config.Shared.ConfigParams['env'];

export default ({ env }: { env: Env }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind nginx: trust X-Forwarded-Proto/-For, so admin session cookies are marked Secure.
  proxy: { koa: behindProxy((name) => env(name)) },
  dirs: {
    public: env('STRAPI_PUBLIC_DIR', './public'),
  },
  app: {
    keys: env.array('APP_KEYS'),
  },
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', true) },
  },
});
