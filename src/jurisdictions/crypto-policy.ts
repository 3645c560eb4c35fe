/** Judges an algorithm against a jurisdiction's crypto policy on a given day. */
import { policyPurpose, type AlgorithmInfo } from './algorithms';
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
