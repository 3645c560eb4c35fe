/** `slz synth [FILE] [--out DIR]`: validate, synthesize, write atomically, print a summary. */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatProblem, loadLandingZone } from '../../landing-zone';
import { readSynthDir } from '../../synthesized';
import { CONTEXT_FILE } from '../../synthesized/context';
import { synthContext } from '../../synthesized/from-landing-zone';
import { today } from '../today';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../errors';
import { resolveLandingZoneFile } from '../landing-zone-file';
import { commitOutput, discardOutput, stageOutput } from '../output-dir';
import type { Output } from '../output';

export interface SynthOptions {
  readonly out?: string;
}

export function runSynth(file: string | undefined, opts: SynthOptions, io: Output): number {
  const path = resolveLandingZoneFile(file);
  const result = loadLandingZone(path);
  if (!result.ok) {
    const errors = result.problems.filter((p) => p.severity === 'error').length;
    throw new CliError([...result.problems.map(formatProblem), `${path}: ${errors} problem${errors === 1 ? '' : 's'}; nothing was written`]);
  }
  for (const w of result.warnings) io.err(formatProblem(w));
  const out = opts.out ?? 'cdktf.out';
  const staged = stageOutput(out);
  try {
    // cdktf and the providers load only here: validate, schema and --help never pay for them.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildLandingZone } = require('../../../stacks/landing-zone') as typeof import('../../../stacks/landing-zone');
    const { app } = buildLandingZone(result.value, { outdir: staged.staging });
    app.synth();
    const context = synthContext(result.value);
    writeFileSync(join(staged.staging, CONTEXT_FILE), `${JSON.stringify(context, null, 2)}\n`);
    const synthesized = readSynthDir(staged.staging);
    const reports = join(staged.staging, 'reports');
    const day = today();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const compliance = require('../../compliance') as typeof import('../../compliance');
    const { context: lzContext, suppressions } = compliance.contextFromFile(context);
    const report = compliance.runCompliance({ stacks: synthesized, context: lzContext, suppressions, today: day });
    compliance.writeComplianceReports(report, reports, staged.staging);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const crypto = require('../../crypto') as typeof import('../../crypto');
    crypto.writeCryptoReports(crypto.buildCryptoInventory({ stacks: synthesized, context, today: day }), reports);
    // The report already counted resources per stack from the JSON it checked.
    const stacks = report.stacks;
    commitOutput(staged);
    const total = stacks.reduce((n, s) => n + s.resources, 0);
    io.out(`${relative(process.cwd(), path) || path} → ${out}: ${stacks.length} stacks, ${total} resources`);
    for (const s of stacks) io.out(`  ${s.name.padEnd(48)} ${String(s.resources).padStart(4)} resources`);
    const counts = report.summary.byLevel;
    const blocking = compliance.complianceExitCode(report);
    const accepted = report.acceptedSuppressions.length;
    io.out(`Compliance: ${counts.error} error, ${counts.warning} warning, ${counts.info} info${accepted ? `, ${accepted} accepted risk${accepted === 1 ? '' : 's'}` : ''} — ${blocking ? 'FAILED (everything was still written)' : 'passed'}`);
    for (const f of report.findings.filter((x) => x.level === 'error' && !x.suppressedBy).slice(0, 20)) io.err(`${f.ruleId} ${f.constructPath}${f.attribute ? ` (${f.attribute})` : ''}: ${f.message}`);
    io.out(`Reports: ${join(out, 'reports')}/ (compliance.md, compliance.sarif, cbom.cdx.json, pqc-readiness.md). Apply in order: platform → tenant → admission.`);
    return blocking ? EXIT_FINDINGS : EXIT_OK;
  } catch (e) {
    discardOutput(staged);
    if (e instanceof CliError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new CliError([`synth: ${message.split('\n').slice(0, 6).join('\n  ')}`, `nothing was written; ${out} is unchanged`]);
  }
}
