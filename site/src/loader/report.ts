/**
 * The build report: entries skipped because they are invalid, per content type. The publish pipeline
 * shows it to editors. Written to IKZ_BUILD_REPORT_DIR (default site/.astro/ikz-report/).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { InvalidEntry } from './entries.ts';

export function reportDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.IKZ_BUILD_REPORT_DIR ?? path.join(process.cwd(), '.astro', 'ikz-report'));
}

export function writeReport(type: string, invalid: InvalidEntry[], loaded: number): void {
  const dir = reportDir();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${type}.json`), `${JSON.stringify({ type, loaded, skipped: invalid }, null, 2)}\n`);
}

export function readReports(dir = reportDir()): { type: string; loaded: number; skipped: InvalidEntry[] }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
}
