/**
 * Builds the Pagefind index (German stemming; one index for all content types) as part of every site build,
 * through Pagefind's Node API. Any indexing error fails the build, so no release goes live without search.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export async function indexSite(outDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'de', keepIndexUrl: false, verbose: false });
  if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error(`Pagefind found no page to index in ${outDir}`);
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

export function searchIndex(): AstroIntegration {
  return {
    name: 'ikz-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages } = await indexSite(fileURLToPath(dir));
        logger.info(`search index: ${pages} pages`);
      },
    },
  };
}
