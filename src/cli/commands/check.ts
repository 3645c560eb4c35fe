/** `slz check [DIR]`: compliance on an already synthesized tree (exit 0 · 1 findings · 2 bad tree). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { codeQualityIssues, renderCodeQuality } from '../../compliance/report/code-quality';
import { fileLineLocator } from '../../compliance/report/write';
import { SourceLocator } from '../../synthesized/source-map';
import { complianceExitCode, contextFromFile, isIsoDate, REPORT_FILES, runCompliance, writeComplianceReports, type ComplianceReport, type Finding } from '../../compliance';
import { readSynthDir, SynthReadError, type SynthStack } from '../../synthesized';
import { CONTEXT_FILE } from '../../synthesized/context';
import { howToGiveContext, resolveCheckContext, type CheckContext, type ContextFlags } from '../check-context';
import { CliError } from '../errors';
import type { Output } from '../output';

export interface CheckOptions extends ContextFlags {
  /** Check as of this date (YYYY-MM-DD): suppression expiry and crypto deadlines. @default today (UTC) */
  readonly today?: string;
  /** Print the report (compliance.json) to stdout instead of the summary. */
  readonly json?: boolean;
  /** Also write the unsuppressed findings here as a GitLab Code Quality report. */
  readonly codequality?: string;
}

/** Error-level findings printed before "… and N more". */
const MAX_LISTED = 40;

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}

function describe(f: Finding): string {
  const where = f.stack ? f.constructPath : `${f.file || 'exemptions'}: ${f.constructPath}`;
  const status = f.status === 'fail' ? '' : ` [${f.status}]`;
  return `  ${f.level.toUpperCase()} ${f.ruleId}${status} ${where}${f.attribute ? ` (${f.attribute})` : ''}: ${f.message}`;
}

export function runCheck(dir: string | undefined, opts: CheckOptions, io: Output): number {
  const root = dir ?? 'cdktf.out';
  if (opts.today !== undefined && !isIsoDate(opts.today)) throw new CliError([`check: --today ${JSON.stringify(opts.today)} is not a date YYYY-MM-DD`]);
  let stacks: SynthStack[];
  try {
    stacks = readSynthDir(root);
  } catch (e) {
    if (e instanceof SynthReadError) throw new CliError([`check: ${e.message}`]);
    throw new CliError([`check: cannot read ${root}: ${oneLine(e)}`]);
  }
  const given: CheckContext | undefined = resolveCheckContext(root, opts);
  let resolved: ReturnType<typeof contextFromFile> | undefined;
  if (given) {
    try {
      resolved = contextFromFile(given.file);
    } catch (e) {
      throw new CliError([`check: ${oneLine(e)}`]);
    }
  }

  const report: ComplianceReport = runCompliance({
    stacks,
    ...(resolved ? { context: resolved.context, suppressions: resolved.suppressions } : {}),
    ...(opts.today ? { today: opts.today } : {}),
  });
  const reportsDir = join(root, 'reports');
  try {
    writeComplianceReports(report, reportsDir, root);
  } catch (e) {
    throw new CliError([`check: cannot write ${reportsDir}: ${oneLine(e)}`]);
  }
  const code = complianceExitCode(report);
  const unknown = report.findings.filter((f) => f.status === 'unknown' && !f.suppressedBy).length;
  const missing = resolved
    ? []
    : [
        `warning: no landing-zone context: ${join(root, CONTEXT_FILE)} not found (slz synth writes it; another cdktf app does not) and none given, so ${unknown} finding${unknown === 1 ? '' : 's'} of the residency and crypto-policy rules ${unknown === 1 ? 'is' : 'are'} unknown (an unknown error fails the check)`,
        ...howToGiveContext(root),
      ];
  if (opts.codequality !== undefined) {
    const issues = codeQualityIssues(report, root, fileLineLocator(root), SourceLocator.forTree(root, given?.file));
    try {
      mkdirSync(dirname(opts.codequality), { recursive: true });
      writeFileSync(opts.codequality, renderCodeQuality(issues));
    } catch (e) {
      throw new CliError([`check: cannot write --codequality ${opts.codequality}: ${oneLine(e)}`]);
    }
  }

  if (opts.json) {
    io.out(JSON.stringify(report, null, 2));
    for (const line of missing) io.err(line);
    return code;
  }
  const s = report.summary;
  const ctx = report.context;
  io.out(
    `${root}: ${s.stacks} stack${s.stacks === 1 ? '' : 's'}, ${s.resources} resources, ${s.rulesRun} rules${ctx ? ` (${ctx.jurisdiction.code} ${ctx.classification}, level ${ctx.ordinal}${ctx.strict ? ', strict' : ''})` : ''} — ${s.result.toUpperCase()}: ${s.byLevel.error} error${s.byLevel.error === 1 ? '' : 's'}, ${s.byLevel.warning} warning${s.byLevel.warning === 1 ? '' : 's'}, ${s.byLevel.info} info; ${s.suppressed} accepted as risk${s.suppressed === 1 ? '' : 's'}`,
  );
  const errors = report.findings.filter((f) => !f.suppressedBy && f.level === 'error');
  for (const f of errors.slice(0, MAX_LISTED)) io.out(describe(f));
  if (errors.length > MAX_LISTED) io.out(`  … and ${errors.length - MAX_LISTED} more errors`);
  io.out(`Reports: ${join(reportsDir, REPORT_FILES.markdown)}, ${REPORT_FILES.json}, ${REPORT_FILES.sarif}`);
  if (given && given.source !== join(root, CONTEXT_FILE)) io.out(`Context: ${given.source}`);
  // Last, where it is seen: why the errors above are unknown and how to judge them.
  for (const line of missing) io.err(line);
  return code;
}
