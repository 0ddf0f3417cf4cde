/**
 * Runs the parts of `pnpm start` as child processes and keeps them running, as systemd does in production:
 * a process that exits unexpectedly is started again after a back-off (see backoff.ts), with one line in
 * the log for each crash and each return; a crash loop is said so. Each child runs in a process group of
 * its own, so that what it started (Pagefind, a removal) goes with it. Children are stopped by their
 * process id, never by name: SIGTERM, then SIGKILL to the group after a grace period, and once the child
 * exited to whatever of its group is left. A child also stops when the supervisor itself is gone
 * (supervised-child.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BACKOFF, restartDecision, type BackoffPolicy, type RestartDecision } from './backoff.ts';

const CHILD_PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'supervised-child.ts');

export interface ServiceSpec {
  /** Name in the log ("Strapi"). */
  name: string;
  /** A Node.js script and its arguments (run with this Node.js). */
  script: string;
  args?: string[];
  cwd?: string;
  env: Record<string, string | undefined>;
  /** Resolves once the process serves; `signal` aborts when the process exited meanwhile. */
  ready(signal: AbortSignal): Promise<void>;
  /** How long a (re)start may take until it serves (default 120 s); a restart that takes longer is a crash. */
  readyTimeoutMs?: number;
  /** Called every time the process serves: `restarts` is 0 at the first start. */
  onReady?(service: Service, restarts: number): void;
}

export interface Service {
  readonly name: string;
  /** The running process's id, or null between a crash and its restart. */
  readonly pid: number | null;
  /** Sends a message over the IPC channel; false when the process is not running. */
  send(message: unknown): boolean;
}

export interface SupervisorOptions {
  log: (line: string) => void;
  policy?: BackoffPolicy;
  /** Time between SIGTERM and SIGKILL when stopping (default 10 s). */
  graceMs?: number;
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
const how = (code: number | null, signal: NodeJS.Signals | null) => (signal ? `Signal ${signal}` : `Exit-Code ${code}`);
const howEn = (code: number | null, signal: NodeJS.Signals | null) =>
  signal ? `signal ${signal}` : `exit code ${code}`;
const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** Signals the process group led by `pid` (the child and what it started; 0: only asks); false when none is left. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Waits until no process of the group led by `pid` is left (killed ones take a moment to go). */
async function groupGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (signalGroup(pid, 0)) {
    if (Date.now() > deadline) return false;
    signalGroup(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** Starts `spec.script` in a process group of its own, with the preload that ends it when the supervisor is gone. */
function spawnService(spec: ServiceSpec): ChildProcess {
  return spawn(process.execPath, ['--import', CHILD_PRELOAD, spec.script, ...(spec.args ?? [])], {
    cwd: spec.cwd,
    env: spec.env,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/**
 * Starts the process; once it exited, kills what is left of its group and calls `onExit`. `signal` aborts at
 * the exit (a wait for it to serve ends there).
 */
function launchProcess(
  spec: ServiceSpec,
  log: (line: string) => void,
  onExit: (code: number | null, signal: NodeJS.Signals | null) => void,
) {
  const child = spawnService(spec);
  const aborted = new AbortController();
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      aborted.abort();
      if (child.pid) signalGroup(child.pid, 'SIGKILL');
      onExit(code, signal);
      resolve();
    }),
  );
  child.once('error', (error) => log(`${spec.name}: ${error.message}`));
  return { child, exited, signal: aborted.signal };
}

/** Whether the process serves within its ready timeout; rejects when `spec.ready` does (the process exited). */
async function readyInTime(spec: ServiceSpec, signal: AbortSignal, timeoutMs: number): Promise<'ready' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  try {
    return await Promise.race([spec.ready(signal).then(() => 'ready' as const), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Stops a child: SIGTERM, SIGKILL to its group after `graceMs`, and once it exited whatever of its group is left. */
async function stopChild(
  child: ChildProcess & { pid: number },
  exited: Promise<void>,
  name: string,
  options: Required<Omit<SupervisorOptions, 'policy'>>,
): Promise<void> {
  // The process ends what it started itself; whatever of its group is left goes with SIGKILL at its exit.
  child.kill('SIGTERM');
  const killer = setTimeout(() => {
    options.log(`${name} did not stop within ${seconds(options.graceMs)}: SIGKILL (pid ${child.pid})`);
    signalGroup(child.pid, 'SIGKILL');
  }, options.graceMs);
  await exited;
  clearTimeout(killer);
  if (!(await groupGone(child.pid, 5_000)))
    options.log(`${name}: processes of group ${child.pid} are still there after SIGKILL`);
}

/** The log line for a crash, German · English. */
function crashLine(
  name: string,
  decision: RestartDecision,
  code: number | null,
  signal: NodeJS.Signals | null,
): string {
  const wait = seconds(decision.delayMs);
  return decision.crashLoop
    ? `${name} stürzt wiederholt ab (${decision.failures}× in Folge, zuletzt ${how(code, signal)}), nächster Versuch in ${wait} · ${name} is in a crash loop (${decision.failures} crashes in a row, last ${howEn(code, signal)}), next attempt in ${wait}; see its output above`
    : `${name} abgestürzt (${how(code, signal)}), Neustart in ${wait} · ${name} crashed (${howEn(code, signal)}), restarting in ${wait}`;
}

/** What callers hold of a service: its name, its current process id, its IPC channel. */
function serviceHandle(name: string, child: () => ChildProcess | null): Service {
  return {
    name,
    get pid() {
      const current = child();
      return current && alive(current) ? (current.pid ?? null) : null;
    },
    send: (message) => {
      const current = child();
      return Boolean(current && alive(current) && current.connected && current.send(message as object));
    },
  };
}

interface SupervisionContext {
  log: (line: string) => void;
  policy: BackoffPolicy;
  graceMs: number;
  /** True once the supervisor stops everything: exits are expected then. */
  stopping(): boolean;
}

/**
 * One service kept running: launched, watched until it serves, started again after a crash as the back-off
 * policy says. `firstStart` settles with the first start; `stop` ends the process and any pending restart.
 */
function superviseService(
  spec: ServiceSpec,
  ctx: SupervisionContext,
): { firstStart: Promise<Service>; stop(): Promise<void> } {
  let child: ChildProcess | null = null;
  let startedAt = 0;
  let failures = 0;
  let restarts = 0;
  let everReady = false;
  let restartTimer: NodeJS.Timeout | null = null;
  let exited: Promise<void> = Promise.resolve();
  let first: { resolve: (s: Service) => void; reject: (e: Error) => void } | null = null;
  const firstStart = new Promise<Service>((resolve, reject) => (first = { resolve, reject }));
  const service = serviceHandle(spec.name, () => child);

  function launch(): void {
    startedAt = Date.now();
    const launched = launchProcess(spec, ctx.log, onExit);
    child = launched.child;
    exited = launched.exited;
    void waitUntilReady(launched.child, launched.signal);
  }

  async function waitUntilReady(current: ChildProcess, signal: AbortSignal): Promise<void> {
    const timeoutMs = spec.readyTimeoutMs ?? 120_000;
    const result = await readyInTime(spec, signal, timeoutMs).catch((error: unknown) => {
      // The process exited before it served; its exit is handled there.
      if (!signal.aborted) ctx.log(`${spec.name}: ${error instanceof Error ? error.message : String(error)}`);
      return 'exited' as const;
    });
    if (result === 'exited' || !alive(current)) return;
    if (result === 'timeout') {
      ctx.log(
        `${spec.name} antwortet nach ${seconds(timeoutMs)} nicht · ${spec.name} did not answer within ${seconds(timeoutMs)} (pid ${current.pid})`,
      );
      if (!everReady) first?.reject(new Error(`${spec.name} did not answer within ${seconds(timeoutMs)}`));
      signalGroup(current.pid!, 'SIGKILL');
      return;
    }
    if (ctx.stopping()) return;
    if (everReady)
      ctx.log(
        `${spec.name} läuft wieder (pid ${current.pid}) · ${spec.name} is back (pid ${current.pid}, restart ${restarts})`,
      );
    else ctx.log(`${spec.name} is up (pid ${current.pid})`);
    everReady = true;
    first?.resolve(service);
    first = null;
    spec.onReady?.(service, restarts);
  }

  function onExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (ctx.stopping()) return;
    if (!everReady) {
      first?.reject(new Error(`${spec.name} stopped during start (${howEn(code, signal)}); see its output above.`));
      first = null;
      return;
    }
    const decision = restartDecision(failures, Date.now() - startedAt, ctx.policy);
    failures = decision.failures;
    ctx.log(crashLine(spec.name, decision, code, signal));
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (ctx.stopping()) return;
      restarts += 1;
      launch();
    }, decision.delayMs);
  }

  async function stop(): Promise<void> {
    if (restartTimer) clearTimeout(restartTimer);
    restartTimer = null;
    const current = child;
    if (!current?.pid || !alive(current)) return;
    await stopChild(current as ChildProcess & { pid: number }, exited, spec.name, {
      log: ctx.log,
      graceMs: ctx.graceMs,
    });
  }

  launch();
  return { firstStart, stop };
}

export function createSupervisor(options: SupervisorOptions) {
  const running: { stop(): Promise<void> }[] = [];
  let stopping = false;
  const ctx: SupervisionContext = {
    log: options.log,
    policy: options.policy ?? DEFAULT_BACKOFF,
    graceMs: options.graceMs ?? 10_000,
    stopping: () => stopping,
  };

  /** Starts a service and resolves once it serves; rejects when it exits or times out before that. */
  function start(spec: ServiceSpec): Promise<Service> {
    const supervised = superviseService(spec, ctx);
    running.push(supervised);
    return supervised.firstStart;
  }

  /** Stops every service, the last started first. */
  async function stopAll(): Promise<void> {
    stopping = true;
    for (const service of running.slice().reverse()) await service.stop();
  }

  return { start, stopAll };
}

export type Supervisor = ReturnType<typeof createSupervisor>;
