import type { Core } from '@strapi/strapi';
import { proxyHops } from '../src/lib/origins';

type Env = Core.Config.Shared.ConfigParams['env'];

export default ({ env }: { env: Env }) => {
  const hops = proxyHops((name) => env(name));
  return {
    host: env('HOST', '127.0.0.1'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    // Behind nginx: trust X-Forwarded-Proto/-For, so admin session cookies are marked Secure – and take the
    // client address exactly IKZ_PROXY_HOPS entries from the right of X-Forwarded-For (Koa's maxIpsCount; 0
    // would mean the left-most entry, which the client writes), so the admin login's rate limit counts real
    // addresses.
    proxy: { koa: hops > 0, maxIpsCount: hops },
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
  };
};
