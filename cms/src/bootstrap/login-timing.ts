import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

interface AdminAuthService {
  checkCredentials(params: { email: unknown; password: unknown }): Promise<unknown>;
  hashPassword(password: string): Promise<string>;
  validatePassword(password: string, hash: string): Promise<boolean>;
}

/**
 * Strapi's admin login (`POST /admin/login` → the admin auth service's checkCredentials) compares the password
 * with bcrypt only when the account exists, so an unknown e-mail address is answered measurably faster than a
 * wrong password – which tells an attacker which addresses have accounts. This wraps checkCredentials so that
 * an unknown account (or one without a password) costs the same: one bcrypt comparison with a hash made by
 * Strapi's own hashPassword (same algorithm and cost) of a random password, then Strapi's own check, which
 * refuses as before. Runs in `register`; fails the start if Strapi no longer has that service.
 */
export function equalizeLoginTiming(strapi: Core.Strapi): void {
  const services = strapi.get('services') as {
    extend(uid: string, extend: (service: AdminAuthService) => AdminAuthService): unknown;
  };
  services.extend('admin::auth', (auth) => {
    for (const name of ['checkCredentials', 'hashPassword', 'validatePassword'] as const) {
      if (typeof auth[name] !== 'function')
        throw new Error(`Cannot equalize the admin login's timing: admin::auth has no ${name} (Strapi changed?).`);
    }
    // Made at once, while Strapi starts, so that the first unknown address is not the slow one.
    const dummyHash = auth.hashPassword(randomBytes(24).toString('base64url'));
    return {
      ...auth,
      async checkCredentials(params) {
        const user =
          typeof params.email === 'string'
            ? await strapi.db.query('admin::user').findOne({ where: { email: params.email } })
            : null;
        if (!user?.password)
          await auth.validatePassword(typeof params.password === 'string' ? params.password : '', await dummyHash);
        return auth.checkCredentials(params);
      },
    };
  });
}
