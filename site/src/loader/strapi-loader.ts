/**
 * One content-layer loader for every Strapi content type: reads the published entries with the read-only
 * token, page by page at the server's limit with bounded concurrency, validates each with the shared Zod
 * schema and keys it by documentId, so that deleted or unpublished entries disappear on the next build.
 *
 * Invalid entries are skipped with a warning and listed in the build report (see report.ts), so one bad
 * entry never publishes a broken page; IKZ_STRICT_CONTENT=1 fails the build instead.
 */
import type { Loader } from 'astro/loaders';
import type { z } from 'zod';
import { createStrapiClient, StrapiRequestError } from '@ikz/shared-types/rest';
import type { QueryValue } from '@ikz/shared-types/rest';
import { buildSource } from './config.ts';
import { formatInvalid, partitionEntries, staleKeys } from './entries.ts';
import { writeReport } from './report.ts';
import { writeManifest, type DownloadJob } from '../lib/media.ts';

export interface StrapiLoaderOptions<T> {
  /** REST name, e.g. "projects". */
  plural: string;
  schema: z.ZodType<T>;
  /** Exactly what the pages need. */
  populate?: QueryValue;
  fields?: string[];
  /** Turns a valid entry into what is stored (e.g. rewriting media URLs). */
  transform?: (entry: T, context: { baseUrl: string; downloads: DownloadJob[] }) => Record<string, unknown>;
}

export function strapiLoader<T extends { documentId: string }>(options: StrapiLoaderOptions<T>): Loader {
  return {
    name: `strapi-${options.plural}`,
    async load({ store, logger, generateDigest }) {
      const source = buildSource();
      const client = createStrapiClient({ baseUrl: source.url, token: source.token, pageSize: source.pageSize, concurrency: source.concurrency });
      let rows: unknown[];
      try {
        rows = await client.findAll(options.plural, { populate: options.populate, fields: options.fields, sort: ['id:asc'] });
      } catch (error) {
        const status = error instanceof StrapiRequestError ? error.status : null;
        const hint =
          status === 401 || status === 403
            ? 'the API token was refused: check STRAPI_BUILD_TOKEN (read-only token of this Strapi).'
            : status === null
              ? `Strapi is not reachable at ${source.url}: start it or set STRAPI_URL.`
              : 'Strapi answered with an error; see its log.';
        throw new Error(`Cannot load ${options.plural} for the site build – ${hint}`, { cause: error });
      }
      const { valid, invalid } = partitionEntries(options.plural, rows, options.schema);
      for (const entry of invalid) logger.warn(formatInvalid(entry));
      writeReport(options.plural, invalid, valid.length);
      if (invalid.length && source.strict) {
        throw new Error(`${invalid.length} invalid ${options.plural} entries (IKZ_STRICT_CONTENT=1): ${invalid.map((e) => e.documentId).join(', ')}`);
      }
      for (const key of staleKeys(store.keys(), valid.map((e) => e.documentId))) store.delete(key);
      const downloads: DownloadJob[] = [];
      for (const entry of valid) {
        const data = options.transform ? options.transform(entry, { baseUrl: source.url, downloads }) : (entry as unknown as Record<string, unknown>);
        store.set({ id: entry.documentId, data, digest: generateDigest(data) });
      }
      writeManifest(options.plural, downloads);
      logger.info(`${valid.length} ${options.plural} loaded${invalid.length ? `, ${invalid.length} skipped (invalid)` : ''}`);
    },
  };
}
