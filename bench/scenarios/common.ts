/** What every benchmark scenario reports: one JSON line on stdout, read by bench/run.ts. */

export interface ScenarioResult {
  /** Phase name → milliseconds. */
  readonly phases: Record<string, number>;
  /** Peak resident set size of the process, in MiB. */
  readonly peakRssMiB: number;
  readonly resources?: number;
  readonly bytes?: number;
}

export function now(): number {
  return performance.now();
}

export function report(phases: Record<string, number>, extra: Omit<ScenarioResult, 'phases' | 'peakRssMiB'> = {}): void {
  const result: ScenarioResult = { phases, peakRssMiB: process.resourceUsage().maxRSS / 1024, ...extra };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export function timed<T>(phases: Record<string, number>, name: string, fn: () => T): T {
  const t = now();
  const v = fn();
  phases[name] = now() - t;
  return v;
}
