/**
 * The compliance engine's vocabulary: synthesized stacks, rules (pure functions with metadata),
 * outcomes and findings. Rules read the final `cdk.tf.json`, never the construct tree, so
 * overrides and escape hatches cannot hide a violation (controls-and-rules.md §9–§10).
 */
import type { VaultServer } from '../jurisdictions/server-capabilities';
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
  /** The server per region (slz-context.json): which key types it accepts. Absent or missing a region: the conservative default. */
  readonly vaultServers?: Readonly<Record<string, VaultServer>>;
}

export interface RuleContext {
  /** Absent when checking a tree whose landing zone is unknown: catalogue-driven rules then report unknown. */
  readonly landingZone?: LandingZoneContext;
  /** ISO date the check runs on (deadlines, expiry). */
  readonly today: string;
  readonly stacks: readonly SynthStack[];
  /**
   * A cache for one run, provided by the engine: rules keep cross-stack indexes here (see
   * `memo.ts`) so a rule run once per stack does not rescan every stack (quadratic at 1,000
   * tenants). Absent (e.g. a test calling `rule.check` on JSON it mutates): nothing is cached.
   */
  readonly memo?: Map<string, unknown>;
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

/**
 * Where in a stack a non-resource subject sits (a provider block, the backend, a variable):
 * a construct-path-like label that suppressions can match, and its path in `cdk.tf.json`.
 * Labels are `<stack>/provider/<name>[.<alias>]`, `<stack>/backend/<type>`,
 * `<stack>/terraform/required_providers/<name>`, `<stack>/terraform/required_version`,
 * `<stack>/variable/<name>`, `<stack>/output/<name>`.
 */
export interface SubjectLocation {
  readonly constructPath: string;
  readonly jsonPath: readonly (string | number)[];
}

/** A subject a stack-level rule judged: a resource, another part of the stack (`location`), or the stack itself. */
export interface StackOutcome {
  readonly outcome: Outcome;
  /** The resource the outcome is about; the stack itself when neither this nor `location` is set. */
  readonly resource?: ResourceRef;
  /** A non-resource subject (provider block, backend, variable). Ignored when `resource` is set. */
  readonly location?: SubjectLocation;
}

/** Needs all resources of a stack at once (e.g. "every namespace has a default-deny policy"). */
export interface StackRule extends RuleMeta {
  readonly scope: 'stack';
  check(stack: SynthStack, ctx: RuleContext): readonly StackOutcome[];
}

export type Rule = ResourceRule | StackRule;

/**
 * A rule the engine itself enforces (suppression meta-rules SB-SUP*): metadata only, so it is
 * listed in packs, RULES.md and SARIF like any other rule, but never run on resources.
 */
export interface MetaRule extends RuleMeta {
  readonly scope: 'engine';
}

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
  /** Path of the subject in the stack's `cdk.tf.json` (e.g. `['resource', type, name]`); the attribute is below it. */
  readonly jsonPath?: readonly (string | number)[];
  /** Stable across runs and message wording: a hash of rule id, construct path and attribute. */
  readonly fingerprint: string;
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
  /** ISO date (YYYY-MM-DD): the last day the suppression holds. */
  readonly expires: string;
  readonly ticket?: string;
  /** Where it was declared, for messages: e.g. `slz-context.json exemptions[0]`, `api`. */
  readonly source?: string;
}
