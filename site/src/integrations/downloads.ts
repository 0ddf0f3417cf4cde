/**
 * After the build, copies every file readers download (recorded by the loader) into the output, so the
 * static site works with Strapi switched off. Files are cached by their versioned target name, so an
 * incremental build fetches only new files. A file that cannot be fetched fails the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readManifests, type DownloadJob } from '../lib/media.ts';

async function fetchWithRetry(url: string, attempts = 3): Promise<Buffer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      if (attempt >= attempts) throw new Error(`Download of ${url} failed: ${(error as Error).message}`, { cause: error });
      await new Promise((r) => setTimeout(r, 300 * attempt));
    }
  }
}

export async function copyDownloads(jobs: DownloadJob[], outDir: string, cacheDir: string, concurrency = 6): Promise<{ fetched: number; cached: number; bytes: number }> {
  fs.mkdirSync(cacheDir, { recursive: true });
  const queue = [...jobs];
  const stats = { fetched: 0, cached: 0, bytes: 0 };
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const cached = path.join(cacheDir, path.basename(job.target));
        let data: Buffer;
        if (fs.existsSync(cached)) {
          data = fs.readFileSync(cached);
          stats.cached += 1;
        } else {
          data = await fetchWithRetry(job.source);
          fs.writeFileSync(cached, data);
          stats.fetched += 1;
        }
        const target = path.join(outDir, job.target);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, data);
        stats.bytes += data.length;
      }
    }),
  );
  return stats;
}

export function downloads(options: { cacheDir: string }): AstroIntegration {
  return {
    name: 'ikz-downloads',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const jobs = readManifests();
        const stats = await copyDownloads(jobs, fileURLToPath(dir), options.cacheDir);
        logger.info(`${jobs.length} downloads in the output (${stats.fetched} fetched, ${stats.cached} from cache, ${Math.round(stats.bytes / 1024)} KB)`);
      },
    },
  };
}
