/**
 * `pnpm test`: first checks that the programs the suites need are installed (and stops, naming every missing
 * one and the command that installs them, before running anything); then type checks, unit tests, API tests
 * against a real Strapi on SQLite, the site build and Chromium tests against it, and – when
 * IKZ_TEST_POSTGRES_URL is set (CI sets it) – the API tests on PostgreSQL too. Prints one closing line
 * "N passed, N failed"; a step that could not start counts as failed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { executablePath, inheritedEnv, readEnv } from '@ikz/shared-types/env';
import { REPO_ROOT } from './lib/strapi-process.ts';
import {
  missingPrerequisites,
  prerequisitesMessage,
  summarise,
  testPrerequisites,
  type StepOutcome,
  type VitestReport,
} from './lib/test-run.ts';

const isExecutable = (file: string): boolean => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};
let config;
let missing;
try {
  config = readEnv(['IKZ_TEST_POSTGRES_URL']);
  missing = prerequisitesMessage(missingPrerequisites(testPrerequisites(), executablePath(), isExecutable));
} catch (error) {
  console.error(`[test] ${(error as Error).message}`);
  process.exit(1);
}
if (missing) {
  console.error(`[test] ${missing}`);
  process.exit(1);
}

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
  command: [
    bin('vitest', 'vitest.mjs'),
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ],
  env,
  report,
});

const steps: Step[] = [
  {
    name: 'shared-types up to date',
    command: [path.join(REPO_ROOT, 'shared-types', 'scripts', 'generate.ts'), '--check'],
  },
  ...[
    'shared-types/tsconfig.json',
    'scripts/tsconfig.json',
    'tests/tsconfig.json',
    'cms/tsconfig.json',
    'cms/src/admin/tsconfig.json',
    'site/tsconfig.lib.json',
  ].map((tsconfig) => ({
    name: `typecheck ${path.dirname(tsconfig)}`,
    command: [bin('typescript', 'bin/tsc'), '-p', path.join(REPO_ROOT, tsconfig), '--noEmit'],
  })),
  {
    name: 'astro check site (0 errors, 0 warnings)',
    command: [
      bin('astro', 'bin/astro.mjs'),
      'check',
      '--root',
      path.join(REPO_ROOT, 'site'),
      '--minimumFailingSeverity',
      'warning',
    ],
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
  { name: 'eslint (typescript-eslint, eslint.config.js)', command: [bin('eslint', 'bin/eslint.js'), REPO_ROOT] },
  {
    name: 'prettier --check (formatting, .prettierrc.json)',
    command: [bin('prettier', 'bin/prettier.cjs'), '--check', '--log-level', 'warn', REPO_ROOT],
  },
  vitest('unit', path.join(tmp, 'unit.json')),
  vitest('api', path.join(tmp, 'api-sqlite.json'), { IKZ_TEST_DB: 'sqlite' }),
  vitest('site', path.join(tmp, 'site.json')),
  vitest('publish', path.join(tmp, 'publish.json')),
];
if (config.IKZ_TEST_POSTGRES_URL)
  steps.push(vitest('api', path.join(tmp, 'api-postgres.json'), { IKZ_TEST_DB: 'postgres' }));
else
  console.log(
    '[test] IKZ_TEST_POSTGRES_URL is not set: the API tests run on SQLite only (CI runs them on PostgreSQL too).',
  );

const outcomes: StepOutcome[] = [];
for (const step of steps) {
  console.log(`\n[test] ── ${step.name}`);
  const started = Date.now();
  if (step.report) fs.rmSync(step.report, { force: true });
  const result = spawnSync(process.execPath, step.command, {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: inheritedEnv(step.env),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let report: VitestReport | null = null;
  try {
    if (step.report && fs.existsSync(step.report))
      report = JSON.parse(fs.readFileSync(step.report, 'utf8')) as VitestReport;
  } catch (error) {
    console.log(`[test] ${step.name}: its report cannot be read (${(error as Error).message})`);
  }
  outcomes.push({
    name: step.name,
    status: result.status,
    signal: result.signal,
    expectsReport: Boolean(step.report),
    report,
  });
  console.log(`[test] ${step.name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${seconds} s`);
}
fs.rmSync(tmp, { recursive: true, force: true });

const summary = summarise(outcomes);
if (summary.failures.length)
  console.log(`\n[test] failed steps:\n${summary.failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`\n${summary.line}`);
process.exit(summary.exitCode);
