/**
 * No response tells which server software answers: Strapi's X-Powered-By (its poweredBy middleware is not
 * in config/middlewares.ts, this catches any other source) and the `strapi` header of /_health.
 */
const FINGERPRINT_HEADERS = ['X-Powered-By', 'strapi', 'Server'];

export default () => {
  return async (ctx: any, next: () => Promise<void>) => {
    try {
      await next();
    } finally {
      for (const header of FINGERPRINT_HEADERS) ctx.remove(header);
    }
  };
};
