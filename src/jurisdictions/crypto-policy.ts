/** Judges an algorithm against a jurisdiction's crypto policy on a given day. */
import { policyPurpose, pqStatusOf, recommendedPqTargetOn, type AlgorithmInfo, type PqStatus, type PqTarget } from './algorithms';
import type { VaultServer } from './server-capabilities';
import { PROJECT_DEFAULT_CRYPTO } from './data/defaults';
import type { CryptoAllowance, CryptoPolicy, DatedAlgorithmRule } from './types';

export type AlgorithmStatus = 'allowed' | 'deprecated' | 'disallowed' | 'not-allowed';

export interface AlgorithmVerdict {
  readonly status: AlgorithmStatus;
  /** Plain-words reason, naming the rule and its basis. */
  readonly reason: string;
  readonly allowance?: CryptoAllowance;
  /** The dated rules that will apply later (deadlines to plan for). */
  readonly upcoming: readonly { readonly kind: 'deprecated' | 'disallowed'; readonly rule: DatedAlgorithmRule }[];
}

function matches(rule: DatedAlgorithmRule, algo: AlgorithmInfo): boolean {
  return rule.algorithm === algo.id || rule.algorithm === algo.family;
}

/** ISO dates (YYYY-MM-DD) compare correctly as strings. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function evaluateAlgorithm(policy: CryptoPolicy, algo: AlgorithmInfo, on: string): AlgorithmVerdict {
  const purpose = policyPurpose(algo.primitive);
  const upcoming: { kind: 'deprecated' | 'disallowed'; rule: DatedAlgorithmRule }[] = [];
  for (const rule of policy.deprecatedAfter) if (matches(rule, algo) && rule.after >= on) upcoming.push({ kind: 'deprecated', rule });
  for (const rule of policy.disallowedAfter) if (matches(rule, algo) && rule.after >= on) upcoming.push({ kind: 'disallowed', rule });

  const disallowed = policy.disallowedAfter.find((r) => matches(r, algo) && on > r.after);
  if (disallowed) {
    return { status: 'disallowed', reason: `${algo.id} is disallowed after ${disallowed.after} (${disallowed.basis.join('; ')})`, upcoming };
  }
  const candidates = policy.allowed.filter((a) => a.purpose === purpose && a.family === algo.family);
  const allowance = candidates.find((a) => (a.minBits === undefined || algo.strength >= a.minBits) && (a.until === undefined || on <= a.until));
  if (!allowance) {
    const options = policy.allowed
      .filter((a) => a.purpose === purpose && (a.until === undefined || on <= a.until))
      .map((a) => (a.minBits === undefined ? a.family : `${a.family} ≥ ${a.minBits}`));
    const near = candidates[0];
    const why = near
      ? near.until !== undefined && on > near.until
        ? `${near.family} was allowed only until ${near.until}`
        : `${algo.family} needs at least ${near.minBits} (this key has ${algo.strength})`
      : `${algo.family} is not on the policy's list for ${purpose}`;
    return { status: 'not-allowed', reason: `${algo.id}: ${why}; allowed for ${purpose}: ${options.join(', ') || 'nothing'}`, upcoming };
  }
  const deprecated = policy.deprecatedAfter.find((r) => matches(r, algo) && on > r.after);
  if (deprecated) {
    return { status: 'deprecated', reason: `${algo.id} is deprecated after ${deprecated.after} (${deprecated.basis.join('; ')})`, allowance, upcoming };
  }
  return { status: 'allowed', reason: `${algo.id} is allowed for ${purpose}`, allowance, upcoming };
}

/** The policy used when no jurisdiction is known: the project default, with NIST IR 8547 IPD dates. */
export function defaultCryptoPolicy(): CryptoPolicy {
  return PROJECT_DEFAULT_CRYPTO;
}

/** The dated rules that apply to an algorithm, whatever the day: the earliest of each kind. */
export interface AlgorithmDeadlines {
  readonly deprecatedAfter?: DatedAlgorithmRule;
  readonly disallowedAfter?: DatedAlgorithmRule;
}

function earliest(rules: readonly DatedAlgorithmRule[], algo: AlgorithmInfo): DatedAlgorithmRule | undefined {
  return rules.filter((r) => matches(r, algo)).reduce<DatedAlgorithmRule | undefined>((best, r) => (best === undefined || r.after < best.after ? r : best), undefined);
}

export function deadlinesFor(policy: CryptoPolicy, algo: AlgorithmInfo): AlgorithmDeadlines {
  const deprecatedAfter = earliest(policy.deprecatedAfter, algo);
  const disallowedAfter = earliest(policy.disallowedAfter, algo);
  return { ...(deprecatedAfter ? { deprecatedAfter } : {}), ...(disallowedAfter ? { disallowedAfter } : {}) };
}

/** The short name of a dated rule's source, e.g. `NIST IR 8547 initial public draft (Nov 2024)`. */
export function deadlineSource(rule: DatedAlgorithmRule): string {
  const first = rule.basis[0] ?? '';
  return (first.split(' — ')[0] ?? '').split(':')[0]!.trim();
}

/** `2035-12-31 (NIST IR 8547 initial public draft (Nov 2024); from a draft)`. */
export function formatDeadline(rule: DatedAlgorithmRule): string {
  const notes = [deadlineSource(rule), rule.fromDraft ? 'from a draft' : '', rule.confidence === 'uncertain' ? 'uncertain' : ''].filter((n) => n.length > 0);
  return `${rule.after}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

/** Everything the CBOM and the pqc-readiness rules say about one algorithm on one day. */
export interface AlgorithmReadiness {
  readonly algorithm: AlgorithmInfo;
  readonly status: PqStatus;
  readonly deadlines: AlgorithmDeadlines;
  /** The policy's verdict on the day. */
  readonly verdict: AlgorithmVerdict;
  readonly target?: PqTarget;
  /**
   * Set when the policy requires asymmetric use to include a post-quantum mechanism from a date
   * (`requireHybridPqcAfter`) and this algorithm has none: the date.
   */
  readonly hybridRequiredAfter?: string;
}

export function assessAlgorithm(policy: CryptoPolicy, algo: AlgorithmInfo, on: string, opts: { readonly usage?: 'transit' | 'pki'; readonly servers?: readonly VaultServer[] } = {}): AlgorithmReadiness {
  const status = pqStatusOf(algo);
  const target = recommendedPqTargetOn(algo, { ...(opts.usage ? { usage: opts.usage } : {}), servers: opts.servers ?? [] });
  const hybrid = policy.requireHybridPqcAfter;
  return {
    algorithm: algo,
    status,
    deadlines: deadlinesFor(policy, algo),
    verdict: evaluateAlgorithm(policy, algo, on),
    ...(target ? { target } : {}),
    ...(hybrid && status === 'quantum-vulnerable' ? { hybridRequiredAfter: hybrid.date } : {}),
  };
}
