/** Server processes of the e2e harness: each logs to its own file, and a failure shows that file's tail. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

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

/** A TCP port on loopback that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
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
