/** What every benchmark scenario reports: one JSON line on stdout, read by bench/run.ts. */
import { readFileSync } from 'node:fs';

export interface ScenarioResult {
  /** Phase name → milliseconds. */
  readonly phases: Record<string, number>;
  /** Peak resident set size of the process, in MiB. */
  readonly peakRssMiB: number;
  /**
   * CPU time (user + system) of the process and of the child processes it waited for, in ms: on a
   * shared machine, what the work cost whatever else ran beside it.
   */
  readonly cpuMs?: number;
  readonly resources?: number;
  readonly bytes?: number;
  /** Shards a synth ran in. */
  readonly jobs?: number;
}

export function now(): number {
  return performance.now();
}

/** CPU of this process and its waited-for children (Linux /proc; elsewhere this process only). */
export function cpuMs(): number {
  const own = process.cpuUsage();
  try {
    // Fields 14–17 of /proc/self/stat: utime, stime, cutime, cstime in clock ticks (100 per second on Linux).
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    const children = (Number(fields[13]) + Number(fields[14])) * 10;
    return (own.user + own.system) / 1000 + (Number.isFinite(children) ? children : 0);
  } catch {
    return (own.user + own.system) / 1000;
  }
}

export function report(phases: Record<string, number>, extra: Omit<ScenarioResult, 'phases' | 'peakRssMiB'> = {}): void {
  const result: ScenarioResult = { phases, peakRssMiB: process.resourceUsage().maxRSS / 1024, cpuMs: cpuMs(), ...extra };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export function timed<T>(phases: Record<string, number>, name: string, fn: () => T): T {
  const t = now();
  const v = fn();
  phases[name] = now() - t;
  return v;
}
