/** Server processes of the e2e harness: each logs to its own file, and a failure shows that file's tail. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

export interface ServerProcess {
  readonly name: string;
  readonly log: string;
  readonly child: ChildProcess;
  /** Set once the process has exited (code or signal), so readiness polls stop waiting for a dead server. */
  exited(): string | undefined;
  stop(): Promise<void>;
}

export function startProcess(name: string, command: string, args: readonly string[], log: string, env: NodeJS.ProcessEnv = {}): ServerProcess {
  const fd = openSync(log, 'a');
  const child = spawn(command, args, { stdio: ['ignore', fd, fd], env: { ...process.env, ...env }, detached: false });
  closeSync(fd);
  let exit: string | undefined;
  child.on('exit', (code, signal) => (exit = signal ? `killed by ${signal}` : `exited with code ${String(code)}`));
  child.on('error', (e) => (exit = `failed to start: ${e.message}`));
  return {
    name,
    log,
    child,
    exited: () => exit,
    stop: () => stopChild(child, () => exit !== undefined),
  };
}

async function stopChild(child: ChildProcess, done: () => boolean): Promise<void> {
  if (done() || child.pid === undefined) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

/** The last lines of a log file, for error messages. */
export function tail(file: string, lines = 40): string {
  if (!existsSync(file)) return `(no log at ${file})`;
  const all = readFileSync(file, 'utf8').trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}

function bind(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolve(undefined));
    srv.listen(port, '127.0.0.1', () => resolve(srv));
  });
}

function portOf(srv: Server): number {
  const a = srv.address();
  return typeof a === 'object' && a ? a.port : 0;
}

/**
 * `count` distinct loopback ports, free at the time of the call. Each is held open until all are
 * chosen so no two coincide. With `pairFirst`, the first port's successor is free too: a Vault dev
 * server also binds its cluster listener on port + 1.
 */
export async function freePorts(count: number, opts: { pairFirst?: boolean } = {}): Promise<number[]> {
  const held: Server[] = [];
  const ports: number[] = [];
  try {
    while (ports.length < count) {
      const srv = await bind(0);
      if (!srv) throw new Error('no free port on 127.0.0.1');
      held.push(srv);
      if (opts.pairFirst && ports.length === 0) {
        const next = await bind(portOf(srv) + 1);
        if (!next) continue;
        held.push(next);
      }
      ports.push(portOf(srv));
    }
    return ports;
  } finally {
    await Promise.all(held.map((s) => new Promise((r) => s.close(r))));
  }
}

/**
 * Polls `check` until it returns a value, the process dies or the time runs out; the error carries the
 * server's log tail so a failed start explains itself.
 */
export async function waitUntil<T>(what: string, proc: ServerProcess | undefined, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    const dead = proc?.exited();
    if (dead) throw new Error(`${what}: ${proc!.name} ${dead} before it was ready. Last lines of ${proc!.log}:\n${tail(proc!.log)}`);
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = (e as Error).message;
    }
    if (Date.now() > deadline) {
      const logs = proc ? `\nLast lines of ${proc.log}:\n${tail(proc.log)}` : '';
      throw new Error(`${what}: not ready after ${Math.round(timeoutMs / 1000)} s (last: ${last})${logs}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
