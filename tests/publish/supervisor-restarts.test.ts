/**
 * The supervisor with small real processes and a fast back-off: a process that keeps crashing is started
 * again with growing delays and reported as a crash loop; one that stays up is reported back; one that
 * fails at its first start fails the start; stopping ends the process and what it started, and so does
 * the end of the supervisor itself.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, REPO_ROOT } from '@ikz/scripts/lib/strapi-process';
import { createSupervisor, type ServiceSpec, type Supervisor } from '@ikz/scripts/lib/supervisor';

/** Serves on PORT, starts a grandchild (`sleep`), writes both pids, and exits with 3 soon after it served unless `stay` exists. */
const SCRIPT = `
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
const dir = process.env.DIR;
const grandchild = spawn('sleep', ['600'], { stdio: 'ignore' });
fs.appendFileSync(dir + '/pids', process.pid + ' ' + grandchild.pid + '\\n');
if (process.env.FAIL_AT_ONCE) process.exit(2);
let asked = false;
http.createServer((req, res) => {
  res.end('ok');
  // Crashes 100 ms after it was first seen serving, unless told to stay.
  if (!asked && !process.env.STAY && !fs.existsSync(dir + '/stay')) setTimeout(() => process.exit(3), 100);
  asked = true;
}).listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => { grandchild.kill(); process.exit(0); });
`;

/** Whether the process runs; a zombie (killed, not yet reaped by init) counts as gone. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

async function until(what: string, probe: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A supervisor of its own process, for killing it: starts SCRIPT and prints "ready". */
const SUPERVISOR_SCRIPT = `
import { createSupervisor } from ${JSON.stringify(path.join(REPO_ROOT, 'scripts', 'src', 'lib', 'supervisor.ts'))};
const port = process.env.PORT;
const supervisor = createSupervisor({ log: (line) => console.log(line) });
await supervisor.start({
  name: 'Testdienst',
  script: process.env.SCRIPT,
  env: process.env,
  ready: async (signal) => {
    while (!signal.aborted) {
      if (await fetch('http://127.0.0.1:' + port + '/').then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('exited');
  },
});
console.log('ready');
setInterval(() => {}, 60_000);
`;

describe('the supervisor', () => {
  let dir: string;
  let script: string;
  /** Stopped at the end even when a test failed halfway. */
  const supervisors: Supervisor[] = [];
  const supervise = (options: Parameters<typeof createSupervisor>[0]): Supervisor => {
    const supervisor = createSupervisor(options);
    supervisors.push(supervisor);
    return supervisor;
  };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-supervisor-unit-'));
    script = path.join(dir, 'service.mjs');
    fs.writeFileSync(script, SCRIPT);
  });
  afterAll(async () => {
    for (const supervisor of supervisors) await supervisor.stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const pidsWritten = () =>
    fs.existsSync(path.join(dir, 'pids'))
      ? fs
          .readFileSync(path.join(dir, 'pids'), 'utf8')
          .trim()
          .split('\n')
          .map((line) => line.split(' ').map(Number) as [number, number])
      : [];

  async function spec(extraEnv: Record<string, string> = {}): Promise<ServiceSpec> {
    const port = await freePort();
    return {
      name: 'Testdienst',
      script,
      env: { ...process.env, DIR: dir, PORT: String(port), ...extraEnv },
      ready: async (signal) => {
        while (!signal.aborted) {
          if (
            await fetch(`http://127.0.0.1:${port}/`).then(
              (r) => r.ok,
              () => false,
            )
          )
            return;
          await new Promise((r) => setTimeout(r, 20));
        }
        throw new Error('exited');
      },
      readyTimeoutMs: 10_000,
    };
  }

  it('restarts a crashing process with growing delays, names the crash loop, reports its return and stops it with what it started', async () => {
    fs.rmSync(path.join(dir, 'pids'), { force: true });
    const lines: string[] = [];
    const supervisor = supervise({
      log: (line) => lines.push(line),
      policy: { initialMs: 100, maxMs: 400, stableMs: 60_000, crashLoopAfter: 3 },
      graceMs: 2_000,
    });
    const ready: number[] = [];
    const service = await supervisor.start({ ...(await spec()), onReady: (_s, restarts) => ready.push(restarts) });
    expect(lines[0]).toMatch(/^Testdienst is up \(pid \d+\)$/);
    await until('four crashes', () => lines.filter((l) => l.includes('Exit-Code 3')).length >= 4);
    fs.writeFileSync(path.join(dir, 'stay'), '');
    const stayFrom = lines.length;
    await until('its return', () => lines.slice(stayFrom).some((l) => l.startsWith('Testdienst läuft wieder')));
    // It stays: no crash after its return.
    await new Promise((r) => setTimeout(r, 600));
    expect(lines.at(-1)).toMatch(/^Testdienst läuft wieder \(pid \d+\) · Testdienst is back \(pid \d+, restart \d+\)$/);

    const crashes = lines.filter((l) => l.includes('Exit-Code 3'));
    expect(crashes.slice(0, 4)).toEqual([
      'Testdienst abgestürzt (Exit-Code 3), Neustart in 0.1 s · Testdienst crashed (exit code 3), restarting in 0.1 s',
      'Testdienst abgestürzt (Exit-Code 3), Neustart in 0.2 s · Testdienst crashed (exit code 3), restarting in 0.2 s',
      'Testdienst stürzt wiederholt ab (3× in Folge, zuletzt Exit-Code 3), nächster Versuch in 0.4 s · Testdienst is in a crash loop (3 crashes in a row, last exit code 3), next attempt in 0.4 s; see its output above',
      'Testdienst stürzt wiederholt ab (4× in Folge, zuletzt Exit-Code 3), nächster Versuch in 0.4 s · Testdienst is in a crash loop (4 crashes in a row, last exit code 3), next attempt in 0.4 s; see its output above',
    ]);
    expect(ready[0]).toBe(0);
    expect(ready.at(-1)).toBe(crashes.length);
    expect(lines.at(-1)).toContain(`restart ${crashes.length})`);
    const pids = pidsWritten();
    expect(pids).toHaveLength(crashes.length + 1);
    const [last, lastGrandchild] = pids.at(-1)!;
    expect(service.pid).toBe(last);
    // Each crashed process's grandchild went with its process group.
    // (SIGKILL takes a moment on a busy machine.)
    await until(
      'the crashed processes and their grandchildren to go',
      () => pids.slice(0, -1).every(([pid, grandchild]) => !alive(pid) && !alive(grandchild)),
      5_000,
    );
    for (const [pid, grandchild] of pids.slice(0, -1)) expect([alive(pid), alive(grandchild)]).toEqual([false, false]);
    expect(alive(lastGrandchild)).toBe(true);

    await supervisor.stopAll();
    expect([alive(last), alive(lastGrandchild)]).toEqual([false, false]);
    expect(service.pid).toBeNull();
    fs.rmSync(path.join(dir, 'stay'));
  });

  it('leaves nothing behind when it is killed itself', async () => {
    fs.rmSync(path.join(dir, 'pids'), { force: true });
    const supervisorScript = path.join(dir, 'supervisor.mjs');
    fs.writeFileSync(supervisorScript, SUPERVISOR_SCRIPT);
    const port = await freePort();
    const supervisor = spawn(process.execPath, [supervisorScript], {
      env: { ...process.env, DIR: dir, PORT: String(port), SCRIPT: script, STAY: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    supervisor.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    try {
      await until('the service up', () => output.includes('ready'));
      const [[pid, grandchild]] = pidsWritten() as [[number, number]];
      expect([alive(pid), alive(grandchild)]).toEqual([true, true]);
      supervisor.kill('SIGKILL');
      await until('the service and its grandchild gone', () => !alive(pid) && !alive(grandchild), 10_000);
    } finally {
      if (supervisor.exitCode === null && supervisor.signalCode === null) supervisor.kill('SIGKILL');
    }
  });

  it('fails the start of a process that exits before it serves, and restarts nothing', async () => {
    fs.rmSync(path.join(dir, 'pids'), { force: true });
    const lines: string[] = [];
    const supervisor = supervise({
      log: (line) => lines.push(line),
      policy: { initialMs: 50, maxMs: 50, stableMs: 60_000, crashLoopAfter: 3 },
    });
    await expect(supervisor.start(await spec({ FAIL_AT_ONCE: '1' }))).rejects.toThrow(
      'Testdienst stopped during start (exit code 2); see its output above.',
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(pidsWritten()).toHaveLength(1);
    expect(lines.filter((l) => l.includes('abgestürzt'))).toEqual([]);
    const [[pid, grandchild]] = pidsWritten() as [[number, number]];
    await until('its group gone', () => !alive(pid) && !alive(grandchild), 5_000);
    await supervisor.stopAll();
  });
});
