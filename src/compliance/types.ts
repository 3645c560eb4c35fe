/**
 * The compliance engine's vocabulary: synthesized stacks, rules (pure functions with metadata),
 * outcomes and findings. Rules read the final `cdk.tf.json`, never the construct tree, so
 * overrides and escape hatches cannot hide a violation (controls-and-rules.md §9–§10).
 */
import type { Jurisdiction, Ordinal } from '../jurisdictions/types';
import type { ResourceRef, SynthStack } from '../synthesized';

export type { ResourceRef, SynthStack, TerraformJson } from '../synthesized';

export type Level = 'error' | 'warning' | 'info';

export type PackId = 'sovereign-baseline' | 'k8s-tenancy' | 'vault-crypto' | 'pqc-readiness';

/** A control a rule gives evidence for. */
export interface ControlRef {
  /** e.g. `CIS-K8S` (CIS Kubernetes Benchmark), `NSA-CISA`, `PSS`, `NIST-800-53`, `SECNUMCLOUD`, `BSI-C5`, `NIST-IR-8547`, `MY-NCCP-2025`. */
  readonly framework: string;
  /** The control id within the framework, e.g. `5.3.2`, `AC-6`, `19.2.d`. */
  readonly id: string;
}

/** What the engine knows about the landing zone behind the stacks (absent for a foreign cdktf app). */
export interface LandingZoneContext {
  readonly name: string;
  readonly jurisdiction: Jurisdiction;
  readonly classification: string;
  readonly ordinal: Ordinal;
  readonly strict: boolean;
  readonly inCountryCidrs: readonly string[];
  readonly endpointDomains: readonly string[];
}

export interface RuleContext {
  /** Absent when checking a tree whose landing zone is unknown: catalogue-driven rules then report unknown. */
  readonly landingZone?: LandingZoneContext;
  /** ISO date the check runs on (deadlines, expiry). */
  readonly today: string;
  readonly stacks: readonly SynthStack[];
}

/** A rule's verdict on one subject. `unknown` when a value cannot be resolved (`${…}`): never a pass. */
export type Outcome =
  | { readonly status: 'pass' }
  | { readonly status: 'not-applicable' }
  | { readonly status: 'fail'; readonly message: string; readonly attribute?: string }
  | { readonly status: 'unknown'; readonly message: string; readonly attribute?: string };

export interface RuleMeta {
  /** Stable id, e.g. `KT-NS1`. */
  readonly id: string;
  readonly pack: PackId;
  readonly level: Level;
  readonly title: string;
  /** Why the rule exists, in plain words. */
  readonly rationale: string;
  /** How to fix a violation. */
  readonly fix: string;
  readonly controls: readonly ControlRef[];
}

/** Checks one resource at a time; the engine runs it only on the listed types (indexed, not on every resource). */
export interface ResourceRule extends RuleMeta {
  readonly scope: 'resource';
  readonly resourceTypes: readonly string[];
  check(resource: ResourceRef, ctx: RuleContext): Outcome | readonly Outcome[];
}

/** A subject a stack-level rule judged: a resource (by address) or the stack itself. */
export interface StackOutcome {
  readonly outcome: Outcome;
  /** The resource the outcome is about; the stack itself when absent. */
  readonly resource?: ResourceRef;
}

/** Needs all resources of a stack at once (e.g. "every namespace has a default-deny policy"). */
export interface StackRule extends RuleMeta {
  readonly scope: 'stack';
  check(stack: SynthStack, ctx: RuleContext): readonly StackOutcome[];
}

export type Rule = ResourceRule | StackRule;

/** A rule's result on one subject, as reported. */
export interface Finding {
  readonly ruleId: string;
  readonly pack: PackId;
  readonly level: Level;
  readonly status: 'fail' | 'unknown' | 'error';
  readonly message: string;
  readonly stack: string;
  readonly file: string;
  /** Construct path (`stack/construct/...`) or the stack name. */
  readonly constructPath: string;
  readonly address?: string;
  readonly attribute?: string;
  /** Set when an exemption accepted this finding. */
  readonly suppressedBy?: Suppression;
}

/** An accepted risk (from the landing-zone file's `exemptions` or the API). */
export interface Suppression {
  readonly rule: string;
  /** Exact construct path, or a glob (`*` within a segment, `**` across segments). */
  readonly resource: string;
  readonly reason: string;
  readonly owner: string;
  /** ISO date. */
  readonly expires: string;
  readonly ticket?: string;
}
