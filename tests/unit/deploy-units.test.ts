/** The shipped systemd units, checked by systemd itself (`systemd-analyze verify`). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnv } from '@ikz/shared-types/env';

const DEPLOY = path.resolve(import.meta.dirname, '..', '..', 'scripts', 'deploy');
const ANALYZE = readEnv(['SYSTEMD_ANALYZE_PATH']).SYSTEMD_ANALYZE_PATH;

/** Verifies one unit; `beside` are units it names (a timer's service), placed next to it. */
function verify(unitText: string, name: string, beside: string[] = []): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-units-'));
  try {
    for (const other of beside) fs.copyFileSync(path.join(DEPLOY, other), path.join(dir, other));
    fs.writeFileSync(path.join(dir, name), unitText);
    const result = spawnSync(ANALYZE, ['verify', path.join(dir, name)], { encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('systemd units', () => {
  it('are found by systemd-analyze', () => {
    expect(fs.existsSync(ANALYZE), `${ANALYZE} (Debian package systemd)`).toBe(true);
  });

  for (const unit of fs.readdirSync(DEPLOY).filter((f) => f.endsWith('.service'))) {
    it(`${unit} passes systemd-analyze verify without a warning`, () => {
      const { status, output } = verify(fs.readFileSync(path.join(DEPLOY, unit), 'utf8'), unit);
      expect(output).toBe('');
      expect(status).toBe(0);
    });
  }

  for (const timer of fs.readdirSync(DEPLOY).filter((f) => f.endsWith('.timer'))) {
    it(`${timer} passes systemd-analyze verify without a warning, and starts a shipped service`, () => {
      const text = fs.readFileSync(path.join(DEPLOY, timer), 'utf8');
      const service = /^Unit=(.+)$/m.exec(text)?.[1] ?? timer.replace(/\.timer$/, '.service');
      expect(fs.existsSync(path.join(DEPLOY, service)), service).toBe(true);
      const { status, output } = verify(text, timer, [service]);
      expect(output).toBe('');
      expect(status).toBe(0);
    });
  }

  it('has a nightly backup that keeps its archives private and may write nothing else', () => {
    const unit = fs.readFileSync(path.join(DEPLOY, 'interkommunales-backup.service'), 'utf8');
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/env pnpm backup$/m);
    expect(unit).toMatch(/^UMask=0077$/m);
    expect(unit).toMatch(/^ProtectSystem=strict$/m);
    expect(unit).toMatch(/^ReadWritePaths=\/srv\/interkommunales\/backups$/m);
    expect(unit).toMatch(/^Environment=IKZ_BACKUP_DIR=\/srv\/interkommunales\/backups$/m);
    expect(fs.readFileSync(path.join(DEPLOY, 'interkommunales-backup.timer'), 'utf8')).toMatch(
      /^OnCalendar=\*-\*-\* 02:30:00$/m,
    );
  });

  it('would notice a broken directive (the check is real)', () => {
    const broken = fs
      .readFileSync(path.join(DEPLOY, 'interkommunales-publisher.service'), 'utf8')
      .replace('ProtectSystem=strict', 'ProtectSystem=sometimes');
    expect(verify(broken, 'broken.service').output).toMatch(/Failed to parse/);
    const brokenTimer = fs
      .readFileSync(path.join(DEPLOY, 'interkommunales-backup.timer'), 'utf8')
      .replace('OnCalendar=*-*-* 02:30:00', 'OnCalendar=nightly at half past two');
    expect(verify(brokenTimer, 'broken.timer', ['interkommunales-backup.service']).output).toMatch(
      /OnCalendar|Failed to parse/,
    );
  });
});
