/** `slz synth [FILE] [--out DIR]`: argument handling and the summary; the pipeline does the work. */
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { formatProblem, loadLandingZone } from '../../landing-zone';
import { UserError } from '../../errors';
import { locateLandingZoneFile } from '../../pipeline/landing-zone-file';
import { ORPHANED_DIR } from '../../pipeline/output-dir';
import { synthesizeLandingZone } from '../../pipeline/synthesize';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../errors';
import type { Output } from '../output';

export interface SynthOptions {
  readonly out?: string;
  /** Parallel shards (src/pipeline/shards.ts). @default one per core for large landing zones */
  readonly jobs?: number;
}

export function runSynth(file: string | undefined, opts: SynthOptions, io: Output): number {
  const path = locateLandingZoneFile(file, 'synth');
  const result = loadLandingZone(path);
  if (!result.ok) {
    const errors = result.problems.filter((p) => p.severity === 'error').length;
    throw new CliError([...result.problems.map(formatProblem), `${path}: ${errors} problem${errors === 1 ? '' : 's'}; nothing was written`]);
  }
  for (const w of result.warnings) io.err(formatProblem(w));
  const app = join(dirname(path), 'main.ts');
  if (existsSync(app)) {
    // A TypeScript landing zone (slz init typescript-fork) adds to the file in code: synthesizing the file alone drops that silently.
    io.err(`warning: ${relative(process.cwd(), app) || app} is beside the landing-zone file: slz synth builds the file alone, without what main.ts adds; a TypeScript landing zone synthesizes with npm run synth (tsc && node main.js)`);
  }
  const out = opts.out ?? 'cdktf.out';
  let run: ReturnType<typeof synthesizeLandingZone>;
  try {
    run = synthesizeLandingZone(result.value, out, { landingZoneFile: path, ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}) });
  } catch (e) {
    if (e instanceof UserError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new CliError([`synth: ${message.split('\n').slice(0, 6).join('\n  ')}`, `nothing was written; ${out} is unchanged`]);
  }
  if (io.debug) io.err(`synth: ${run.jobs} shard${run.jobs === 1 ? '' : 's'}; ${Object.entries(run.timings).map(([k, ms]) => `${k} ${Math.round(ms)} ms`).join(', ')}`);
  const report = run.report;
  const stacks = report.stacks;
  const total = stacks.reduce((n, s) => n + s.resources, 0);
  io.out(`${relative(process.cwd(), path) || path} → ${out}: ${stacks.length} stacks, ${total} resources`);
  for (const s of stacks) io.out(`  ${s.name.padEnd(48)} ${String(s.resources).padStart(4)} resources`);
  if (run.carried.length > 0) io.out(`Kept ${run.carried.length} file${run.carried.length === 1 ? '' : 's'} slz did not write (state, .terraform/, lock files, …)`);
  for (const name of run.orphaned) {
    io.err(`warning: stack ${name} is no longer synthesized, but its folder held your files: moved with its last configuration to ${out}/${ORPHANED_DIR}/${name}/ — destroy its resources from there, then delete the folder`);
  }
  const counts = report.summary.byLevel;
  const accepted = report.acceptedSuppressions.length;
  io.out(`Compliance: ${counts.error} error, ${counts.warning} warning, ${counts.info} info${accepted ? `, ${accepted} accepted risk${accepted === 1 ? '' : 's'}` : ''} — ${run.exitCode ? 'FAILED (everything was still written)' : 'passed'}`);
  for (const f of report.findings.filter((x) => x.level === 'error' && !x.suppressedBy).slice(0, 20)) io.err(`${f.ruleId} ${f.constructPath}${f.attribute ? ` (${f.attribute})` : ''}: ${f.message}`);
  io.out(`Reports: ${out}/reports/ (compliance.md, compliance.sarif, cbom.cdx.json, pqc-readiness.md). Apply order: ${out}/stack-graph.json (waves: platform → tenants → admission).`);
  return run.exitCode ? EXIT_FINDINGS : EXIT_OK;
}
