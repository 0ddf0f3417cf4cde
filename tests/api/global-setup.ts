/** Starts a real, seeded Strapi for the API tests (see tests/support/strapi-harness.ts). */
import type { TestProject } from 'vitest/node';
import { startTestStrapi } from '../../scripts/src/lib/ephemeral-strapi.ts';
import { TEST_SEED } from './seed-options.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    strapiUrl: string;
    buildToken: string;
    seedToken: string;
    adminEmail: string;
    adminPassword: string;
    database: 'sqlite' | 'postgres';
  }
}

export default async function setup(project: TestProject) {
  const strapi = await startTestStrapi(TEST_SEED, 'api');
  project.provide('strapiUrl', strapi.url);
  project.provide('buildToken', strapi.buildToken);
  project.provide('seedToken', strapi.seedToken);
  project.provide('adminEmail', strapi.adminEmail);
  project.provide('adminPassword', strapi.adminPassword);
  project.provide('database', strapi.database);
  return () => strapi.stop();
}
