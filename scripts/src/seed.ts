/**
 * Fills Strapi with deterministic German demo content through its REST API.
 *
 *   node scripts/src/seed.ts [--url URL] [--scale 1] [--seed ikz-nrw] [--reference-date YYYY-MM-DD] [--concurrency 4]
 *
 * The full-access token comes from STRAPI_SEED_TOKEN (Strapi creates a token with that key at start).
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import cliProgress from 'cli-progress';
import { createStrapiClient } from '@ikz/shared-types/rest';
import { generatePlan } from './seed/generate.ts';
import { loadMunicipalities, writePlan, type Progress, type WriteResult } from './seed/write.ts';
import { readEnv } from '@ikz/shared-types/env';

export interface SeedRunOptions {
  url: string;
  token: string;
  scale: number;
  seed: string;
  referenceDate: Date;
  concurrency: number;
  quiet?: boolean;
}

export const DEFAULT_SEED = 'interkommunales-nrw';

/** The first day of the current month: content stays the same within a month, and upcoming events stay upcoming. */
export function defaultReferenceDate(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

function progressReporter(quiet: boolean): Progress {
  if (quiet) return { start() {}, tick() {}, stop() {} };
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'Demo-Inhalte {bar} {percentage}% | {value}/{total} | {label}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    return {
      start: (total) => bar.start(total, 0, { label: '' }),
      tick: (label) => bar.increment(1, { label }),
      stop: () => bar.stop(),
    };
  }
  let total = 0;
  let done = 0;
  let lastShown = -1;
  return {
    start: (t) => {
      total = t;
    },
    tick: (label) => {
      done += 1;
      const tenth = Math.floor((done / Math.max(1, total)) * 10);
      if (tenth !== lastShown) {
        lastShown = tenth;
        console.log(`[seed] ${done}/${total} (${label})`);
      }
    },
    stop: () => {},
  };
}

export async function runSeed(options: SeedRunOptions): Promise<WriteResult & { seconds: number }> {
  const started = performance.now();
  const client = createStrapiClient({ baseUrl: options.url, token: options.token, concurrency: options.concurrency });
  await client.waitUntilReady();
  const municipalities = await loadMunicipalities(client);
  const plan = generatePlan(municipalities.refs, {
    scale: options.scale,
    seed: options.seed,
    referenceDate: options.referenceDate,
  });
  const result = await writePlan(client, plan, municipalities.ids, {
    concurrency: options.concurrency,
    progress: progressReporter(options.quiet ?? false),
  });
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const env = readEnv(['STRAPI_URL', 'STRAPI_SEED_TOKEN']);
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: env.STRAPI_URL },
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: DEFAULT_SEED },
      'reference-date': { type: 'string' },
      concurrency: { type: 'string', default: '4' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const token = env.STRAPI_SEED_TOKEN;
  if (!token)
    throw new Error(
      'STRAPI_SEED_TOKEN is not set: start Strapi with it (pnpm start does) and pass the same value here.',
    );
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 20)) throw new Error(`--scale must be a number between 0 and 20, got "${values.scale}"`);
  const referenceDate = values['reference-date']
    ? new Date(`${values['reference-date']}T00:00:00Z`)
    : defaultReferenceDate();
  if (Number.isNaN(referenceDate.getTime()))
    throw new Error(`--reference-date must be YYYY-MM-DD, got "${values['reference-date']}"`);
  const result = await runSeed({
    url: values.url!,
    token,
    scale,
    seed: values.seed!,
    referenceDate,
    concurrency: Number(values.concurrency),
    quiet: values.quiet!,
  });
  const created = Object.entries(result.created)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  console.log(`[seed] done in ${result.seconds.toFixed(1)} s: created ${created}; ${result.skipped} already present`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
