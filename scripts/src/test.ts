/**
 * `pnpm test`: type checks, unit tests, API tests against a real Strapi on SQLite, the site build and
 * Chromium tests against it, and – when IKZ_TEST_POSTGRES_URL is set (CI sets it) – the API tests on
 * PostgreSQL too. Prints one closing line
 * "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './lib/strapi-process.ts';

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
  report?: string;
}

const bin = (pkg: string, file: string) => path.join(REPO_ROOT, 'node_modules', pkg, file);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-test-'));
const vitest = (project: string, report: string, env: Record<string, string> = {}): Step => ({
  name: `vitest ${project}${env.IKZ_TEST_DB ? ` (${env.IKZ_TEST_DB})` : ''}`,
  command: [bin('vitest', 'vitest.mjs'), 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  env,
  report,
});

const steps: Step[] = [
  { name: 'shared-types up to date', command: [path.join(REPO_ROOT, 'shared-types', 'scripts', 'generate.ts'), '--check'] },
  ...['shared-types/tsconfig.json', 'scripts/tsconfig.json', 'tests/tsconfig.json', 'cms/tsconfig.json', 'cms/src/admin/tsconfig.json', 'site/tsconfig.lib.json'].map((config) => ({
    name: `typecheck ${path.dirname(config)}`,
    command: [bin('typescript', 'bin/tsc'), '-p', path.join(REPO_ROOT, config), '--noEmit'],
  })),
  {
    name: 'astro check site (0 errors, 0 warnings)',
    command: [bin('astro', 'bin/astro.mjs'), 'check', '--root', path.join(REPO_ROOT, 'site'), '--minimumFailingSeverity', 'warning'],
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
  vitest('unit', path.join(tmp, 'unit.json')),
  vitest('api', path.join(tmp, 'api-sqlite.json'), { IKZ_TEST_DB: 'sqlite' }),
  vitest('site', path.join(tmp, 'site.json')),
  vitest('publish', path.join(tmp, 'publish.json')),
];
if (process.env.IKZ_TEST_POSTGRES_URL) steps.push(vitest('api', path.join(tmp, 'api-postgres.json'), { IKZ_TEST_DB: 'postgres' }));
else console.log('[test] IKZ_TEST_POSTGRES_URL is not set: the API tests run on SQLite only (CI runs them on PostgreSQL too).');

let passed = 0;
let failed = 0;
const failures: string[] = [];
for (const step of steps) {
  console.log(`\n[test] ── ${step.name}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, step.command, { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, ...step.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (step.report && fs.existsSync(step.report)) {
    const report = JSON.parse(fs.readFileSync(step.report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (report.numTotalTests === 0) failures.push(`${step.name}: no tests ran`);
  }
  if (result.status !== 0) failures.push(`${step.name} (exit ${result.status ?? result.signal})`);
  console.log(`[test] ${step.name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${seconds} s`);
}
fs.rmSync(tmp, { recursive: true, force: true });

if (failures.length) console.log(`\n[test] failed steps:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
