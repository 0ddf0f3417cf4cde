/** The shipped systemd units, checked by systemd itself (`systemd-analyze verify`). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DEPLOY = path.resolve(import.meta.dirname, '..', '..', 'scripts', 'deploy');
const ANALYZE = process.env.SYSTEMD_ANALYZE_PATH ?? '/usr/bin/systemd-analyze';

function verify(unitText: string, name: string): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-units-'));
  try {
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

  it('would notice a broken directive (the check is real)', () => {
    const broken = fs.readFileSync(path.join(DEPLOY, 'interkommunales-publisher.service'), 'utf8').replace('ProtectSystem=strict', 'ProtectSystem=sometimes');
    expect(verify(broken, 'broken.service').output).toMatch(/Failed to parse/);
  });
});
