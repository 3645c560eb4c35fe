/**
 * The compliance report (`compliance.json`, schema version 1.0.0) and how it is built: sorted,
 * deterministic, no timestamps. Markdown and SARIF are rendered from the same object.
 */
import { COMMON_LEVELS, foreignLawThreshold, residencyThreshold } from '../../jurisdictions';
import { resourcesOf, type SynthStack } from '../../synthesized';
import type { AcceptedSuppression } from '../suppressions';
import { PACKAGE_NAME, TOOL_NAME, toolVersion } from '../tool';
import type { ControlRef, Finding, LandingZoneContext, Level, PackId, RuleMeta } from '../types';

export const REPORT_SCHEMA_VERSION = '1.0.0';

export const PACK_ORDER: readonly PackId[] = ['sovereign-baseline', 'k8s-tenancy', 'vault-crypto', 'pqc-readiness'];
export const LEVELS: readonly Level[] = ['error', 'warning', 'info'];

export type LevelCounts = Record<Level, number>;

export interface ReportRule {
  readonly id: string;
  readonly pack: PackId;
  readonly level: Level;
  readonly scope: 'resource' | 'stack' | 'engine';
  readonly title: string;
  readonly rationale: string;
  readonly fix: string;
  readonly controls: readonly ControlRef[];
  /** Resource rules: the types they were run on. */
  readonly resourceTypes?: readonly string[];
  /** Subjects judged (resources of its types, or stacks); absent for engine rules. */
  readonly evaluated?: number;
  /** Findings raised, suppressed or not. */
  readonly findings: number;
}

export interface ReportContext {
  readonly landingZone: string;
  readonly jurisdiction: { readonly code: string; readonly name: string; readonly completeness: 'full' | 'sketch'; readonly lastReviewed: string };
  readonly classification: string;
  readonly ordinal: number;
  readonly level: string;
  readonly strict: boolean;
  readonly residencyThreshold: number | null;
  readonly foreignLawThreshold: number | null;
  readonly inCountryCidrs: readonly string[];
  readonly endpointDomains: readonly string[];
}

export interface ReportSummary {
  readonly result: 'pass' | 'fail';
  /** What `slz check` exits with: 1 when an unsuppressed error-level finding remains. */
  readonly exitCode: 0 | 1;
  /** Unsuppressed findings by level. */
  readonly byLevel: LevelCounts;
  /** Unsuppressed findings by status. */
  readonly byStatus: { readonly fail: number; readonly unknown: number; readonly error: number };
  /** Unsuppressed findings by pack and level (every pack listed). */
  readonly byPack: Readonly<Record<PackId, LevelCounts>>;
  readonly suppressed: number;
  readonly acceptedSuppressions: number;
  readonly rulesRun: number;
  readonly stacks: number;
  readonly resources: number;
}

export interface ComplianceReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly tool: { readonly name: string; readonly package: string; readonly version: string };
  /** Null when the tree came without `slz-context.json` (a foreign cdktf app). */
  readonly context: ReportContext | null;
  /** The jurisdiction catalogue's open questions: shown with every report under it. */
  readonly uncertain: readonly string[];
  readonly summary: ReportSummary;
  /** Every finding, sorted by stack, construct path, rule; accepted ones carry `suppressedBy`. */
  readonly findings: readonly Finding[];
  readonly acceptedSuppressions: readonly AcceptedSuppression[];
  readonly rulesRun: readonly ReportRule[];
  readonly stacks: readonly { readonly name: string; readonly file: string; readonly resources: number }[];
}

/** Compares `VC-TR10` after `VC-TR2`, without locale data. */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = /^\d/.test(x) && /^\d/.test(y);
    if (nx && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareFindings(a: Finding, b: Finding): number {
  // Exemption findings (no stack) come after the stacks.
  if ((a.stack === '') !== (b.stack === '')) return a.stack === '' ? 1 : -1;
  return (
    cmp(a.stack, b.stack) ||
    cmp(a.constructPath, b.constructPath) ||
    naturalCompare(a.ruleId, b.ruleId) ||
    cmp(a.attribute ?? '', b.attribute ?? '') ||
    cmp(a.fingerprint, b.fingerprint) ||
    cmp(a.message, b.message)
  );
}

export function compareRules(a: Pick<RuleMeta, 'pack' | 'id'>, b: Pick<RuleMeta, 'pack' | 'id'>): number {
  return PACK_ORDER.indexOf(a.pack) - PACK_ORDER.indexOf(b.pack) || naturalCompare(a.id, b.id);
}

const zero = (): LevelCounts => ({ error: 0, warning: 0, info: 0 });

export function reportContext(lz: LandingZoneContext): ReportContext {
  const j = lz.jurisdiction;
  return {
    landingZone: lz.name,
    jurisdiction: { code: j.countryCode, name: j.name, completeness: j.completeness, lastReviewed: j.lastReviewed },
    classification: lz.classification,
    ordinal: lz.ordinal,
    level: COMMON_LEVELS[lz.ordinal] ?? String(lz.ordinal),
    strict: lz.strict,
    residencyThreshold: residencyThreshold(j),
    foreignLawThreshold: foreignLawThreshold(j),
    inCountryCidrs: [...lz.inCountryCidrs],
    endpointDomains: [...lz.endpointDomains],
  };
}

export interface BuildInput {
  readonly findings: readonly Finding[];
  readonly accepted: readonly AcceptedSuppression[];
  readonly rules: readonly ReportRule[];
  readonly context: LandingZoneContext | undefined;
  readonly stacks: readonly SynthStack[];
}

export function buildReport(input: BuildInput): ComplianceReport {
  const findings = [...input.findings].sort(compareFindings);
  const open = findings.filter((f) => !f.suppressedBy);
  const byLevel = zero();
  const byStatus = { fail: 0, unknown: 0, error: 0 };
  const byPack = Object.fromEntries(PACK_ORDER.map((p) => [p, zero()])) as Record<PackId, LevelCounts>;
  for (const f of open) {
    byLevel[f.level]++;
    byStatus[f.status]++;
    (byPack[f.pack] ??= zero())[f.level]++;
  }
  const exitCode: 0 | 1 = byLevel.error > 0 ? 1 : 0;
  const stacks = [...input.stacks].map((s) => ({ name: s.name, file: s.file.split('\\').join('/'), resources: resourcesOf(s).length })).sort((a, b) => cmp(a.name, b.name));
  const accepted = [...input.accepted]
    .map((a) => ({ suppression: a.suppression, findings: [...a.findings].sort() }))
    .sort((a, b) => naturalCompare(a.suppression.rule, b.suppression.rule) || cmp(a.suppression.resource, b.suppression.resource) || cmp(a.suppression.expires, b.suppression.expires));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, package: PACKAGE_NAME, version: toolVersion() },
    context: input.context ? reportContext(input.context) : null,
    uncertain: input.context ? [...input.context.jurisdiction.uncertain] : [],
    summary: {
      result: exitCode === 0 ? 'pass' : 'fail',
      exitCode,
      byLevel,
      byStatus,
      byPack,
      suppressed: findings.length - open.length,
      acceptedSuppressions: accepted.length,
      rulesRun: input.rules.length,
      stacks: stacks.length,
      resources: stacks.reduce((n, s) => n + s.resources, 0),
    },
    findings,
    acceptedSuppressions: accepted,
    rulesRun: [...input.rules].sort(compareRules),
    stacks,
  };
}
