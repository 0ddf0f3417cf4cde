/**
 * For the site tests: a seeded Strapi, a few hostile entries typed as an editor could, one Astro build
 * into a temporary directory, and a static server for it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createStrapiClient } from '@ikz/shared-types/rest';
import { createSiteBuilder, stopSearchService } from '@ikz/site/builder';
import { serveStatic } from '@ikz/scripts/lib/static-server';
import { startTestStrapi } from '../support/ephemeral-strapi.ts';
import { image, pdf } from '../support/sample-files.ts';
import { addDays, berlinDay } from '@ikz/shared-types/partner-search';
import {
  FORMULA,
  HOSTILE,
  HOSTILE_FILES,
  PARTNER_SEARCHES,
  SITE_PROJECTS_PER_BUNDLE,
  SITE_SEED,
  SITE_URL,
  STEMMING,
} from './fixtures.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    siteUrl: string;
    siteStrapiUrl: string;
    buildReport: string;
  }
}

export default async function setup(project: TestProject) {
  const strapi = await startTestStrapi(SITE_SEED, 'site');
  try {
    const client = createStrapiClient({ baseUrl: strapi.url, token: strapi.seedToken });
    const [topic] = (await client.findPage<{ documentId: string }>('topics', 1)).data;
    const [lead] = (await client.findPage<{ documentId: string }>('municipalities', 1)).data;
    await client.request('POST', '/api/projects', {
      body: { data: HOSTILE.project(topic!.documentId, lead!.documentId) },
    });
    await client.request('POST', '/api/projects', {
      body: { data: STEMMING.project(topic!.documentId, lead!.documentId) },
    });
    await client.request('POST', '/api/projects', {
      body: { data: FORMULA.project(topic!.documentId, lead!.documentId) },
    });
    for (const which of ['plain', 'hostile'] as const) {
      await client.request('POST', '/api/partner-searches', {
        body: {
          data: PARTNER_SEARCHES.entry(which, lead!.documentId, topic!.documentId, addDays(berlinDay(new Date()), 60)),
        },
      });
    }
    // Uploaded as what they claim, then their stored bytes replaced (the upload check cannot see that).
    const file = await client.upload({ name: 'protokoll.pdf', type: 'application/pdf', data: pdf() });
    fs.writeFileSync(path.join(strapi.tmp, 'public', file.url), HOSTILE_FILES.documentBytes);
    await client.request('POST', '/api/documents', { body: { data: { ...HOSTILE_FILES.document, file: file.id } } });
    const picture = await client.upload({ name: 'bild.png', type: 'image/png', data: await image('png', 800, 600) });
    fs.writeFileSync(path.join(strapi.tmp, 'public', picture.url), HOSTILE_FILES.imageBytes);
    await client.request('POST', '/api/projects', {
      body: {
        data: {
          ...HOSTILE_FILES.project,
          topics: [topic!.documentId],
          leadMunicipality: lead!.documentId,
          image: picture.id,
          imageAlt: 'Ein Bild',
        },
      },
    });
    const outDir = path.join(strapi.tmp, 'dist');
    const builder = createSiteBuilder({
      strapiUrl: strapi.url,
      token: strapi.buildToken,
      siteUrl: SITE_URL,
      cacheDir: path.join(strapi.tmp, 'cache'),
      // The ~28 projects split over three search bundles, as ten times the demo content splits its 5,000.
      projectsPerBundle: SITE_PROJECTS_PER_BUNDLE,
    });
    const result = await builder.build({ outDir, base: null }).finally(() => builder.close().then(stopSearchService));
    const server = await serveStatic(outDir);
    project.provide('siteDir', outDir);
    project.provide('siteUrl', server.url);
    project.provide('siteStrapiUrl', strapi.url);
    project.provide('buildReport', JSON.stringify(result.report));
    return async () => {
      await server.close();
      await strapi.stop();
    };
  } catch (error) {
    await strapi.stop();
    throw error;
  }
}

export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}
