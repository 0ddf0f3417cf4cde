/**
 * The nightly check of incremental publishing: a full build of the same content is compared with the live
 * (incrementally built) release, file by file. Any difference means a page's model missed something it
 * shows – it is logged as an error naming the pages, and the full build goes live.
 */
import fs from 'node:fs';
import path from 'node:path';
import { outputPath, routes } from '@ikz/shared-types/routes';
import { berlinOffsetMinutes, berlinTime } from '@ikz/shared-types/time';

export interface ManifestUrls {
  pages: Record<string, string>;
  files: Record<string, string>;
}

/** Files whose content depends on the build time, not on the content. */
const TIME_DEPENDENT = new Set([routes.url('securityTxt')]);

/** URLs whose file differs between two releases (or exists in one only). */
export function differingUrls(
  a: { dir: string; manifest: ManifestUrls },
  b: { dir: string; manifest: ManifestUrls },
): string[] {
  const urls = new Set([
    ...Object.keys(a.manifest.pages),
    ...Object.keys(a.manifest.files),
    ...Object.keys(b.manifest.pages),
    ...Object.keys(b.manifest.files),
  ]);
  const differing: string[] = [];
  for (const url of [...urls].sort()) {
    if (TIME_DEPENDENT.has(url)) continue;
    const fileA = path.join(a.dir, outputPath(url));
    const fileB = path.join(b.dir, outputPath(url));
    if (!fs.existsSync(fileA) || !fs.existsSync(fileB) || !fs.readFileSync(fileA).equals(fs.readFileSync(fileB)))
      differing.push(url);
  }
  return differing;
}

/**
 * When the next check is due: the next time it is `at` ("HH:MM", Europe/Berlin) after `now`.
 * Returns null for "off".
 */
export function nextCheck(now: Date, at: string): Date | null {
  if (at === 'off') return null;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at);
  if (!match) throw new Error(`IKZ_FULL_BUILD_AT must be a time HH:MM (Europe/Berlin) or "off", not "${at}".`);
  const local = new Date(now.getTime() + berlinOffsetMinutes(now) * 60_000);
  for (let day = 0; ; day += 1) {
    const candidate = berlinTime(
      local.getUTCFullYear(),
      local.getUTCMonth() + 1,
      local.getUTCDate() + day,
      Number(match[1]),
      Number(match[2]),
    );
    if (candidate > now) return candidate;
  }
}

/** Calls `run` every day at `at` ("HH:MM" Europe/Berlin, or "off": never); returns the function that stops it. */
export function scheduleNightly(at: string, run: () => void): () => void {
  let timer: NodeJS.Timeout | null = null;
  const next = (): void => {
    const due = nextCheck(new Date(), at);
    if (!due) return;
    timer = setTimeout(() => {
      run();
      next();
    }, due.getTime() - Date.now());
    timer.unref();
  };
  next();
  return () => {
    if (timer) clearTimeout(timer);
  };
}

/** The nightly check: which pages of the live (incremental) release differ from the full build in `outDir`. */
export function compareWithLive(
  full: { dir: string; manifest: ManifestUrls },
  live: { dir: string; manifest: ManifestUrls } | null,
  log: (record: Record<string, unknown>) => void,
): string[] {
  if (!live) return [];
  const differing = differingUrls(full, live);
  if (differing.length)
    log({
      level: 'error',
      msg: 'incremental release differed from the full build; the full build goes live',
      pages: differing.slice(0, 200),
      count: differing.length,
    });
  else log({ msg: 'nightly check: incremental release equals the full build' });
  return differing;
}
