/**
 * The pure parts of `pnpm test`: which programs of the system the suites need (checked before anything
 * runs, all missing ones named in one message with the Debian command that installs them), and the closing
 * summary, which counts a step that failed without a failed test – a suite that could not start – as a failure.
 */
import path from 'node:path';
import { readEnv } from '@ikz/shared-types/env';

export interface Prerequisite {
  /** What it is, for the message. */
  name: string;
  /** Which tests need it. */
  usedBy: string;
  /** An absolute path, or a command looked up on PATH. */
  program: string;
  /** The variable that names another path, if any. */
  variable?: string;
  debianPackage: string;
}

/** What the suites of `pnpm test` start besides Node.js (see tests/support and the tests that spawn programs). */
export function testPrerequisites(env?: Record<string, string | undefined>): Prerequisite[] {
  const config = readEnv(['CHROMIUM_PATH', 'NGINX_PATH', 'SYSTEMD_ANALYZE_PATH', 'IKZ_TEST_POSTGRES_URL'], env);
  return [
    {
      name: 'Chromium',
      usedBy: 'the browser tests (Playwright never downloads a browser)',
      program: config.CHROMIUM_PATH,
      variable: 'CHROMIUM_PATH',
      debianPackage: 'chromium',
    },
    {
      name: 'nginx',
      usedBy: 'the test of the sample nginx configuration',
      program: config.NGINX_PATH,
      variable: 'NGINX_PATH',
      debianPackage: 'nginx',
    },
    { name: 'openssl', usedBy: "the nginx test's certificate", program: 'openssl', debianPackage: 'openssl' },
    {
      name: 'systemd-analyze',
      usedBy: 'the test of the systemd units',
      program: config.SYSTEMD_ANALYZE_PATH,
      variable: 'SYSTEMD_ANALYZE_PATH',
      debianPackage: 'systemd',
    },
    {
      name: 'git',
      usedBy: 'the check that no source file refers to a path outside the repository',
      program: 'git',
      debianPackage: 'git',
    },
    ...(config.IKZ_TEST_POSTGRES_URL
      ? [
          {
            name: 'pg_dump',
            usedBy: 'the backup tests on PostgreSQL (IKZ_TEST_POSTGRES_URL is set)',
            program: 'pg_dump',
            debianPackage: 'postgresql-client',
          },
          {
            name: 'pg_restore',
            usedBy: 'the restore tests on PostgreSQL (IKZ_TEST_POSTGRES_URL is set)',
            program: 'pg_restore',
            debianPackage: 'postgresql-client',
          },
        ]
      : []),
  ];
}

/** The prerequisites not found: a path must be an executable file, a command must be one in a PATH folder. */
export function missingPrerequisites(
  prerequisites: readonly Prerequisite[],
  pathVariable: string,
  isExecutable: (file: string) => boolean,
): Prerequisite[] {
  const dirs = pathVariable.split(path.delimiter).filter(Boolean);
  return prerequisites.filter((p) =>
    p.program.includes('/') ? !isExecutable(p.program) : !dirs.some((dir) => isExecutable(path.join(dir, p.program))),
  );
}

/** One message naming every missing program and the command that installs them all, or null. */
export function prerequisitesMessage(missing: readonly Prerequisite[]): string | null {
  if (!missing.length) return null;
  const lines = missing.map(
    (p) =>
      `  - ${p.name} for ${p.usedBy}: ${p.program.includes('/') ? `${p.program} not found${p.variable ? ` (or set ${p.variable})` : ''}` : `\`${p.program}\` not on PATH`}`,
  );
  const packages = [...new Set(missing.map((p) => p.debianPackage))];
  return [
    `pnpm test needs programs this machine lacks; nothing was run:`,
    ...lines,
    `Install them (Debian): sudo apt-get install ${packages.join(' ')}`,
  ].join('\n');
}

/** Vitest's JSON report, as far as the summary reads it. */
export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
}

export interface StepOutcome {
  name: string;
  /** Exit code, or null when the process ended by a signal. */
  status: number | null;
  signal?: string | null;
  /** Whether the step writes a vitest report. */
  expectsReport: boolean;
  /** The report, or null when none was written (or it could not be read). */
  report: VitestReport | null;
}

export interface Summary {
  passed: number;
  failed: number;
  failures: string[];
  exitCode: 0 | 1;
  /** The closing line: "N passed, N failed". */
  line: string;
}

/**
 * Adds up the steps. A step that failed is counted as (at least) one failure: a vitest step without a report
 * or with a non-zero exit but no failed test (it could not start, or a file could not be loaded), a type check,
 * a run that found no tests. So the closing line never says "0 failed" when the exit code is 1.
 */
export function summarise(outcomes: readonly StepOutcome[]): Summary {
  let passed = 0;
  let failed = 0;
  const failures: string[] = [];
  for (const step of outcomes) {
    const ended = step.status === null ? `signal ${step.signal ?? 'unknown'}` : `exit ${step.status}`;
    if (step.report) {
      passed += step.report.numPassedTests;
      failed += step.report.numFailedTests;
    }
    if (step.expectsReport && !step.report) {
      failed += 1;
      failures.push(`${step.name}: could not start (no test report; ${ended})`);
    } else if (step.report && step.report.numTotalTests === 0) {
      failed += 1;
      failures.push(`${step.name}: no tests ran (${ended})`);
    } else if (step.status !== 0 && step.report && step.report.numFailedTests === 0) {
      failed += 1;
      failures.push(`${step.name}: failed without a failed test – a suite could not start or load (${ended})`);
    } else if (step.status !== 0) {
      if (!step.report) failed += 1;
      failures.push(`${step.name} (${ended})`);
    }
  }
  return { passed, failed, failures, exitCode: failures.length ? 1 : 0, line: `${passed} passed, ${failed} failed` };
}
