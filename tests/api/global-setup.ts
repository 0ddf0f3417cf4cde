/** Starts a real, seeded Strapi for the API tests (see tests/support/strapi-harness.ts). */
import type { TestProject } from 'vitest/node';
import { startTestStrapi } from '@ikz/scripts/lib/ephemeral-strapi';
import { TEST_SEED } from './seed-options.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    strapiUrl: string;
    buildToken: string;
    seedToken: string;
    adminEmail: string;
    adminPassword: string;
    database: 'sqlite' | 'postgres';
    strapiTmp: string;
  }
}

export default async function setup(project: TestProject) {
  // Behind a TLS proxy, as in production: admin cookies must come out Secure for https requests.
  const strapi = await startTestStrapi(TEST_SEED, 'api', { IKZ_BEHIND_PROXY: 'true' });
  project.provide('strapiUrl', strapi.url);
  project.provide('buildToken', strapi.buildToken);
  project.provide('seedToken', strapi.seedToken);
  project.provide('adminEmail', strapi.adminEmail);
  project.provide('adminPassword', strapi.adminPassword);
  project.provide('database', strapi.database);
  project.provide('strapiTmp', strapi.tmp);
  return () => strapi.stop();
}
