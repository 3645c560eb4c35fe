/**
 * Helpers shared by the pqc-readiness rules. Every rule classifies resources with
 * `classifyCryptoResource` from src/jurisdictions, the function the CBOM (src/crypto) uses, so
 * a finding and the inventory never disagree about an algorithm. The classification does not
 * depend on the region's server (both spellings are recognised); the recommended target does.
 */
import { defaultCryptoPolicy, formatDeadline, serverForStack, type AlgorithmUse, type CryptoPolicy, type DatedAlgorithmRule, type VaultServer } from '../../../jurisdictions';
import { notApplicable, unknown } from '../../attributes';
import type { Outcome, ResourceRef, RuleContext } from '../../types';
import { classifyCryptoResource, type CryptoResourceClassification } from '../../../synthesized/vault/crypto-resource';

export type Mapped = Extract<CryptoResourceClassification, { kind: 'mapped' }>;

/** The jurisdiction's crypto policy, or the project default (NIST IR 8547 IPD dates) without a landing zone. */
export function policyOf(ctx: RuleContext): CryptoPolicy {
  return ctx.landingZone?.jurisdiction.crypto ?? defaultCryptoPolicy();
}

export function policyName(ctx: RuleContext): string {
  return ctx.landingZone ? `${ctx.landingZone.jurisdiction.name}'s crypto policy` : 'the project-default crypto policy';
}

/** The attribute that names a resource's key algorithm, for findings. */
export function algorithmAttribute(resource: ResourceRef): string {
  return resource.type === 'vault_transit_secret_backend_key' ? 'type' : 'key_type';
}

/** The server of the resource's region (slz-context.json), or the conservative default. */
export function serverOf(resource: ResourceRef, ctx: RuleContext): VaultServer {
  return serverForStack(resource.stack.name, ctx.landingZone?.vaultServers);
}

/** Which usage the recommended target is for. */
export function usageOf(resource: ResourceRef): 'transit' | 'pki' {
  return resource.type === 'vault_transit_secret_backend_key' ? 'transit' : 'pki';
}

/**
 * The resource's classification when it maps to known algorithms; otherwise the outcome to
 * report: `unknown` for `${…}` references and for literals that cannot be classified (rule PQ-4
 * reports those as failures), not-applicable for resources without a key algorithm.
 */
export function classified(resource: ResourceRef): { readonly ok: true; readonly c: Mapped } | { readonly ok: false; readonly outcome: Outcome } {
  const c = classifyCryptoResource(resource.type, resource.body);
  switch (c.kind) {
    case 'mapped':
      return { ok: true, c };
    case 'unresolved':
      return { ok: false, outcome: unknown(`${c.reason}: the algorithm cannot be judged`, c.attribute) };
    case 'unknown':
      return { ok: false, outcome: unknown(`the algorithm cannot be classified (${c.reason}); see PQ-4`, c.attribute) };
    default:
      return { ok: false, outcome: notApplicable() };
  }
}

/**
 * The algorithms a key relies on by itself: a hybrid key's halves are left out (the combination
 * is judged), every other algorithm stays.
 */
export function standalone(c: Mapped): AlgorithmUse[] {
  return c.algorithms.filter((u) => u.part === undefined || u.part === 'combiner');
}

/** `deprecated after 2030-12-31 (…; from a draft) and disallowed after 2035-12-31 (…)`, or a note that the policy has no date. */
export function deadlineText(deprecated: DatedAlgorithmRule | undefined, disallowed: DatedAlgorithmRule | undefined): string {
  const parts = [deprecated ? `deprecated after ${formatDeadline(deprecated)}` : '', disallowed ? `disallowed after ${formatDeadline(disallowed)}` : ''].filter(Boolean);
  return parts.length ? parts.join(' and ') : 'no deprecation date in the policy';
}
