/**
 * The normalized change model of `slz review` (plan-review.md §9): one record per resource
 * change, whether it came from a Terraform/OpenTofu plan, from drift, or from a diff of two
 * synthesized trees. Values in it are already masked: a sensitive value never enters the model,
 * so no renderer can print one.
 */

export const RISK_LEVELS = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

const RANK: Readonly<Record<RiskLevel, number>> = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1, INFO: 0 };

export function levelRank(level: RiskLevel): number {
  return RANK[level];
}

export function maxLevel(levels: Iterable<RiskLevel>): RiskLevel {
  let best: RiskLevel = 'INFO';
  for (const l of levels) if (RANK[l] > RANK[best]) best = l;
  return best;
}

/** What happens to a resource instance. Imports and moves are flags on top of one of these. */
export const ACTIONS = ['create', 'update', 'replace', 'delete', 'forget', 'read', 'noop', 'unknown'] as const;
export type Action = (typeof ACTIONS)[number];

export type ReplaceOrder = 'delete-before-create' | 'create-before-destroy' | 'create-then-forget' | 'forget-then-create';

/** A value as the reports show it. Sensitive values are reduced to their kind before this point. */
export type AttrValue =
  | { readonly kind: 'absent' }
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'sensitive' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'ref'; readonly expr: string };

export interface AttrDiff {
  /** `metadata[0].labels["app.kubernetes.io/name"]` in plans, `metadata.labels[...]` in config diffs. */
  readonly path: string;
  readonly before: AttrValue;
  readonly after: AttrValue;
  readonly forcesReplacement?: boolean;
}

export interface ActionReason {
  /** Raw `action_reason`, or `predicted_replace` for config diffs. */
  readonly code: string;
  readonly text: string;
}

export interface Risk {
  readonly ruleId: string;
  readonly level: RiskLevel;
  /** Plain words: what happens and why it matters. Never contains a sensitive value. */
  readonly reason: string;
  /** The change it is about (absent for stack-level and compliance risks). */
  readonly changeId?: string;
  readonly address?: string;
  stack?: string;
  constructPath?: string;
  /** The file a reviewer would open (`stacks/<stack>/cdk.tf.json` or the plan file). */
  file?: string;
}

export type ChangeSource = 'plan' | 'drift' | 'config';

export interface Change {
  /** Unique within a review: `<source>:<stack>:<address>[:deposed]`. */
  readonly id: string;
  readonly source: ChangeSource;
  readonly address: string;
  readonly previousAddress?: string;
  readonly moduleAddress?: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly provider?: string;
  readonly deposed?: string;
  /** The raw action list of the plan (`["delete","create"]`), or the predicted one. */
  readonly actions: readonly string[];
  readonly action: Action;
  readonly replaceOrder?: ReplaceOrder;
  /** Some object is destroyed (`delete` anywhere in the actions). */
  readonly destroys: boolean;
  /** Config diff: the action is a prediction from the force-replacement table, not Terraform's. */
  readonly predicted: boolean;
  readonly importing?: { readonly id?: string };
  readonly moved: boolean;
  readonly actionReason?: ActionReason;
  readonly replacePaths: readonly string[];
  readonly attrs: readonly AttrDiff[];
  /** Attribute rows left out (very large resources); the JSON report says how many. */
  readonly attrsOmitted?: number;
  stack?: string;
  tenant?: string;
  constructPath?: string;
  file?: string;
  risks: Risk[];
  level: RiskLevel;
}

export interface OutputChange {
  readonly name: string;
  readonly stack?: string;
  readonly actions: readonly string[];
  readonly action: Action;
  readonly before: AttrValue;
  readonly after: AttrValue;
}

export interface ComplianceFindingRef {
  readonly ruleId: string;
  readonly level: string;
  readonly constructPath: string;
  readonly attribute?: string;
  readonly message?: string;
  readonly suppressed?: string;
}

export interface ComplianceDelta {
  readonly baseAvailable: boolean;
  readonly headAvailable: boolean;
  readonly added: readonly ComplianceFindingRef[];
  readonly fixed: readonly ComplianceFindingRef[];
  readonly newlySuppressed: readonly ComplianceFindingRef[];
  readonly stillSuppressed: readonly ComplianceFindingRef[];
  /** Unsuppressed findings present on both sides. */
  readonly unchanged: number;
  readonly notes: readonly string[];
}

export interface ReviewSource {
  readonly kind: 'plan' | 'base' | 'head' | 'synth';
  readonly path: string;
  readonly tool?: string;
  readonly formatVersion?: string;
  readonly stack?: string;
}

export interface Review {
  readonly mode: 'plan' | 'config';
  readonly sources: readonly ReviewSource[];
  readonly changes: readonly Change[];
  readonly drift: readonly Change[];
  readonly outputs: readonly OutputChange[];
  readonly compliance?: ComplianceDelta;
  /** Every risk, ranked: level, then rule order, then address. */
  readonly risks: readonly Risk[];
  readonly notes: readonly string[];
}

export type FailOn = 'critical' | 'high' | 'medium' | 'never';

export const FAIL_ON_LEVEL: Readonly<Record<FailOn, RiskLevel | undefined>> = { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', never: undefined };

/** The risks that trip the gate at a threshold. */
export function gateRisks(review: Review, failOn: FailOn): Risk[] {
  const threshold = FAIL_ON_LEVEL[failOn];
  if (!threshold) return [];
  return review.risks.filter((r) => levelRank(r.level) >= levelRank(threshold));
}

export function highestLevel(review: Review): RiskLevel {
  return maxLevel(review.risks.map((r) => r.level));
}

/** Actions counted as the header shows them; imports and moves are counted on top. */
export interface ActionCounts {
  create: number;
  update: number;
  replace: number;
  delete: number;
  forget: number;
  read: number;
  noop: number;
  unknown: number;
  import: number;
  move: number;
}

export function countActions(changes: readonly Change[]): ActionCounts {
  const c: ActionCounts = { create: 0, update: 0, replace: 0, delete: 0, forget: 0, read: 0, noop: 0, unknown: 0, import: 0, move: 0 };
  for (const ch of changes) {
    c[ch.action]++;
    if (ch.importing) c.import++;
    if (ch.moved) c.move++;
  }
  return c;
}

export function countRisks(risks: readonly Risk[]): Record<RiskLevel, number> {
  const c: Record<RiskLevel, number> = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 };
  for (const r of risks) c[r.level]++;
  return c;
}
