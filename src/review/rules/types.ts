/**
 * The vocabulary of review rules (plan-review.md §10): each rule is a file with its metadata and
 * pure functions from what it looks at to the reasons it fires for (none: it stays quiet).
 */
import type { TerraformJson } from '../../synthesized';
import type { Change, ComplianceFindingRef, RiskLevel } from '../model';

export interface RuleMeta {
  /** Stable id, `RV-…`. */
  readonly id: string;
  readonly level: RiskLevel;
  readonly title: string;
  /** Why it matters and what to check, for SARIF help and the docs. */
  readonly help: string;
  readonly tags: readonly string[];
  /** What the rule looks at, in plain words (RULES.md). */
  readonly checks: string;
}

/** A rule's verdict before it is attached to a change. */
export interface Hit {
  readonly ruleId: string;
  readonly level: RiskLevel;
  readonly reason: string;
}

export interface RuleInput {
  readonly change: Pick<Change, 'type' | 'name' | 'address' | 'previousAddress' | 'action' | 'actions' | 'destroys' | 'source' | 'moved' | 'importing' | 'replacePaths' | 'actionReason' | 'predicted' | 'attrs' | 'replaceOrder'>;
  /** Masked trees (undefined when absent). */
  readonly before: unknown;
  readonly after: unknown;
}

/** A change whose object exists after it (create, update, replace or an unknown action), seen by `changed` rules. */
export interface ChangeInput {
  readonly change: RuleInput['change'];
  /** The object before, when the change is compared with one (update, replace, unknown action); undefined for a create. */
  readonly before: unknown;
  readonly after: unknown;
  /** Compared with an object before (update, replace, unknown action). */
  readonly isUpdate: boolean;
  /** The actions create an object (a create or a replacement). */
  readonly creates: boolean;
}

/**
 * A rule on one resource change. `classify` calls its functions by phase: `drift` for changes
 * made outside Terraform; otherwise `action`, then `destroyed` when an object is destroyed, then
 * `changed` when one exists after, then `baseline` with what the specific rules found.
 */
export interface ChangeRule extends RuleMeta {
  readonly scope: 'change';
  /**
   * The resource types the rule's `destroyed` and `changed` functions judge (their own first
   * check names the same list); `classify` calls them only for these. @default every type
   */
  readonly types?: readonly string[];
  readonly drift?: (input: RuleInput) => readonly string[];
  readonly action?: (input: RuleInput) => readonly string[];
  readonly destroyed?: (input: RuleInput) => readonly string[];
  readonly changed?: (input: ChangeInput) => readonly string[];
  readonly baseline?: (input: RuleInput, hits: readonly Hit[]) => readonly string[];
}

/** A rule on a stack present in both trees of a config review. */
export interface StackRule extends RuleMeta {
  readonly scope: 'stack';
  check(stack: string, base: TerraformJson, head: TerraformJson): readonly string[];
}

/** A rule on the compliance delta: a finding the head tree added, or newly suppressed. */
export interface ComplianceRule extends RuleMeta {
  readonly scope: 'compliance';
  check(finding: ComplianceFindingRef, how: 'added' | 'newly-suppressed'): readonly string[];
}

/** A rule on a plan's output that stopped being sensitive. */
export interface OutputRule extends RuleMeta {
  readonly scope: 'output';
  check(name: string): readonly string[];
}

export type ReviewRule = ChangeRule | StackRule | ComplianceRule | OutputRule;
