import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  missingPrerequisites,
  prerequisitesMessage,
  summarise,
  testPrerequisites,
  type StepOutcome,
} from '@ikz/scripts/lib/test-run';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-test-run-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the prerequisites of pnpm test', () => {
  it('are Chromium, nginx, openssl, systemd-analyze and git; the PostgreSQL tools only with IKZ_TEST_POSTGRES_URL', () => {
    expect(testPrerequisites({}).map((p) => [p.name, p.program, p.debianPackage])).toEqual([
      ['Chromium', '/usr/bin/chromium', 'chromium'],
      ['nginx', '/usr/sbin/nginx', 'nginx'],
      ['openssl', 'openssl', 'openssl'],
      ['systemd-analyze', '/usr/bin/systemd-analyze', 'systemd'],
      ['git', 'git', 'git'],
    ]);
    const withPostgres = testPrerequisites({
      IKZ_TEST_POSTGRES_URL: 'postgres://ikz_test:ikz_test@127.0.0.1:5432/postgres',
      CHROMIUM_PATH: '/opt/chromium/chrome',
    });
    expect(withPostgres.map((p) => p.program)).toEqual([
      '/opt/chromium/chrome',
      '/usr/sbin/nginx',
      'openssl',
      '/usr/bin/systemd-analyze',
      'git',
      'pg_dump',
      'pg_restore',
    ]);
  });

  it('are looked up at their path, or on PATH', () => {
    const present = new Set(['/usr/bin/chromium', '/usr/local/bin/openssl', '/usr/bin/git']);
    const missing = missingPrerequisites(testPrerequisites({}), '/usr/local/bin:/usr/bin', (file) => present.has(file));
    expect(missing.map((p) => p.name)).toEqual(['nginx', 'systemd-analyze']);
  });

  it('that are missing are all named in one message, with one install command', () => {
    const message = prerequisitesMessage(
      missingPrerequisites(
        testPrerequisites({ IKZ_TEST_POSTGRES_URL: 'postgres://x@127.0.0.1/postgres' }),
        '',
        () => false,
      ),
    )!;
    expect(message.split('\n')[0]).toBe('pnpm test needs programs this machine lacks; nothing was run:');
    expect(message).toContain(
      '  - Chromium for the browser tests (Playwright never downloads a browser): /usr/bin/chromium not found (or set CHROMIUM_PATH)',
    );
    expect(message).toContain(
      '  - nginx for the test of the sample nginx configuration: /usr/sbin/nginx not found (or set NGINX_PATH)',
    );
    expect(message).toContain("  - openssl for the nginx test's certificate: `openssl` not on PATH");
    expect(message.split('\n').at(-1)).toBe(
      'Install them (Debian): sudo apt-get install chromium nginx openssl systemd git postgresql-client',
    );
    expect(prerequisitesMessage([])).toBeNull();
  });

  it('stop the real pnpm test before it runs anything', { timeout: 60_000 }, () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'src', 'test.ts')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        NGINX_PATH: path.join(tmp, 'nginx'),
        CHROMIUM_PATH: path.join(tmp, 'chromium'),
      },
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `nginx for the test of the sample nginx configuration: ${path.join(tmp, 'nginx')} not found (or set NGINX_PATH)`,
    );
    expect(result.stderr).toContain(
      `Chromium for the browser tests (Playwright never downloads a browser): ${path.join(tmp, 'chromium')} not found`,
    );
    expect(result.stderr).toMatch(/sudo apt-get install chromium nginx/);
    expect(result.stdout).not.toContain('[test] ──');
  });

  it('.ci/run installs every package the check may ask for', () => {
    const ci = fs.readFileSync(path.join(REPO_ROOT, '.ci', 'run'), 'utf8');
    const installed = [...ci.matchAll(/apt_install ([\w -]+)/g)].flatMap((m) => m[1]!.trim().split(/\s+/));
    const asked = new Set(
      testPrerequisites({ IKZ_TEST_POSTGRES_URL: 'postgres://x@127.0.0.1/postgres' }).map((p) => p.debianPackage),
    );
    for (const pkg of asked) expect(installed, pkg).toContain(pkg);
  });
});

const vitestStep = (name: string, status: number | null, report: StepOutcome['report']): StepOutcome => ({
  name,
  status,
  expectsReport: true,
  report,
});
const passing = (n: number) => ({ numPassedTests: n, numFailedTests: 0, numTotalTests: n });

describe('the closing summary of pnpm test', () => {
  it('adds up the suites', () => {
    expect(
      summarise([
        { name: 'typecheck scripts', status: 0, expectsReport: false, report: null },
        vitestStep('vitest unit', 0, passing(400)),
        vitestStep('vitest api', 0, passing(15)),
      ]),
    ).toEqual({ passed: 415, failed: 0, failures: [], exitCode: 0, line: '415 passed, 0 failed' });
  });

  it('counts failed tests', () => {
    expect(
      summarise([vitestStep('vitest unit', 1, { numPassedTests: 398, numFailedTests: 2, numTotalTests: 400 })]),
    ).toMatchObject({ failed: 2, exitCode: 1, line: '398 passed, 2 failed', failures: ['vitest unit (exit 1)'] });
  });

  it('counts a suite that could not start (no report) as failed – never "0 failed" with exit code 1', () => {
    const summary = summarise([vitestStep('vitest unit', 0, passing(415)), vitestStep('vitest site', 1, null)]);
    expect(summary).toMatchObject({ passed: 415, failed: 1, exitCode: 1, line: '415 passed, 1 failed' });
    expect(summary.failures).toEqual(['vitest site: could not start (no test report; exit 1)']);
  });

  it('counts a suite that exits non-zero without a failed test (global setup failed, a file did not load) as failed', () => {
    const summary = summarise([
      vitestStep('vitest site', 1, { numPassedTests: 3, numFailedTests: 0, numTotalTests: 3 }),
    ]);
    expect(summary).toMatchObject({ passed: 3, failed: 1, exitCode: 1, line: '3 passed, 1 failed' });
    expect(summary.failures[0]).toMatch(/^vitest site: failed without a failed test/);
  });

  it('counts a killed suite, a failed type check and a run without tests', () => {
    const summary = summarise([
      { name: 'vitest publish', status: null, signal: 'SIGKILL', expectsReport: true, report: null },
      { name: 'typecheck cms', status: 2, expectsReport: false, report: null },
      vitestStep('vitest api', 0, passing(0)),
    ]);
    expect(summary).toMatchObject({ failed: 3, exitCode: 1, line: '0 passed, 3 failed' });
    expect(summary.failures).toEqual([
      'vitest publish: could not start (no test report; signal SIGKILL)',
      'typecheck cms (exit 2)',
      'vitest api: no tests ran (exit 0)',
    ]);
  });

  it('has an exit code of 1 exactly when something failed, and then says so in the line', () => {
    const cases: StepOutcome[][] = [
      [vitestStep('a', 1, null)],
      [vitestStep('a', 0, passing(1))],
      [vitestStep('a', 1, passing(1))],
      [{ name: 't', status: 1, expectsReport: false, report: null }],
    ];
    for (const steps of cases) {
      const summary = summarise(steps);
      expect(summary.exitCode === 1, JSON.stringify(steps)).toBe(summary.failed > 0);
    }
  });
});
