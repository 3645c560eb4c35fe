/**
 * The compliance engine's public API: rules over synthesized stacks (never cdktf), suppressions
 * as code, and the compliance.json / .md / .sarif reports.
 */
import { isoDate } from '../jurisdictions';
import { resourcesOf, type SynthStack } from '../synthesized';
import { evaluate } from './engine';
import { ALL_PACKS, rulesById } from './packs';
import { buildReport, type ComplianceReport, type ReportRule } from './report/model';
import { subjectLabels } from './subjects';
import { applySuppressions, isIsoDate } from './suppressions';
import type { LandingZoneContext, MetaRule, PackId, Rule, Suppression } from './types';

export * from './types';
export { contextFromFile, ContextError } from './context';
export { ALL_PACKS, PACK_IDS, rulesById, registryProblems, type Pack } from './packs';
export { buildReport, REPORT_SCHEMA_VERSION, type ComplianceReport, type ReportContext, type ReportRule, type ReportSummary } from './report/model';
export { renderMarkdown } from './report/markdown';
export { renderSarif, SARIF_SCHEMA_URI, SECURITY_SEVERITY } from './report/sarif';
export { REPORT_FILES, renderJson, renderSarifText, writeComplianceReports } from './report/write';
export { compileGlob } from '../landing-zone/exemption-glob';
export { isIsoDate, type AcceptedSuppression } from './suppressions';
export { evaluate, fingerprintOf } from './engine';

export interface RunComplianceInput {
  readonly stacks: readonly SynthStack[];
  /** What `slz synth` knew about the landing zone; absent → catalogue-driven rules report unknown. */
  readonly context?: LandingZoneContext;
  readonly suppressions?: readonly Suppression[];
  /** ISO date the check runs on (expiry, crypto deadlines); default today (UTC). */
  readonly today?: string;
  /** Packs to run; default all. Suppressions for rules of other packs are left alone. */
  readonly packs?: readonly PackId[];
}

/** Runs the packs on the stacks, applies suppressions and returns the report. Throws only on bad arguments. */
export function runCompliance(input: RunComplianceInput): ComplianceReport {
  const today = input.today ?? isoDate(new Date());
  if (!isIsoDate(today)) throw new Error(`today must be a date YYYY-MM-DD (got ${JSON.stringify(today)})`);
  const packIds = new Set<PackId>(input.packs ?? ALL_PACKS.map((p) => p.id));
  for (const p of packIds) if (!ALL_PACKS.some((x) => x.id === p)) throw new Error(`unknown pack ${p}`);
  const packs = ALL_PACKS.filter((p) => packIds.has(p.id));
  const rules = packs.flatMap((p) => p.rules);
  const stacks = [...input.stacks].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { findings, runs } = evaluate(stacks, rules, { ...(input.context ? { landingZone: input.context } : {}), today, stacks, memo: new Map() });

  const constructPaths = new Set<string>();
  for (const s of stacks) {
    constructPaths.add(s.name);
    for (const r of resourcesOf(s)) constructPaths.add(r.constructPath);
    for (const label of subjectLabels(s)) constructPaths.add(label);
  }
  for (const f of findings) constructPaths.add(f.constructPath);
  const knownRules = new Map([...rulesById.values()].map((r) => [r.id, r.pack] as const));
  const applied = applySuppressions({
    findings,
    suppressions: input.suppressions ?? [],
    strict: input.context?.strict ?? false,
    today,
    constructPaths: [...constructPaths],
    knownRules,
    packsRun: packIds,
  });

  const raised = new Map<string, number>();
  for (const f of applied.findings) raised.set(f.ruleId, (raised.get(f.ruleId) ?? 0) + 1);
  const runById = new Map(runs.map((r) => [r.ruleId, r]));
  const described = (r: Rule | MetaRule) => ({ id: r.id, pack: r.pack, level: r.level, scope: r.scope, title: r.title, rationale: r.rationale, fix: r.fix, controls: r.controls, findings: raised.get(r.id) ?? 0 });
  const reportRules: ReportRule[] = [
    ...rules.map((r) => ({ ...described(r), ...(r.scope === 'resource' ? { resourceTypes: [...r.resourceTypes] } : {}), evaluated: runById.get(r.id)?.evaluated ?? 0 })),
    // The suppression meta-rules always run: suppressions are engine behaviour.
    ...ALL_PACKS.flatMap((p) => p.metaRules).map(described),
  ];
  return buildReport({ findings: applied.findings, accepted: applied.accepted, rules: reportRules, context: input.context, stacks });
}

/** 1 when an unsuppressed error-level finding remains (fail, unknown or rule error), else 0. */
export function complianceExitCode(report: ComplianceReport): 0 | 1 {
  return report.findings.some((f) => !f.suppressedBy && f.level === 'error') ? 1 : 0;
}
