/**
 * Every pack, in report order, and every rule by id. The k8s-tenancy and pqc-readiness packs are
 * owned by their own files; this registry only lists them.
 */
import type { MetaRule, PackId, Rule } from '../types';
import { K8S_TENANCY_RULES } from './k8s-tenancy';
import { PQC_READINESS_RULES } from './pqc-readiness';
import { SOVEREIGN_BASELINE_META_RULES, SOVEREIGN_BASELINE_RULES } from './sovereign-baseline';
import { VAULT_CRYPTO_RULES } from './vault-crypto';

export interface Pack {
  readonly id: PackId;
  readonly title: string;
  readonly description: string;
  /** Rules the engine runs. */
  readonly rules: readonly Rule[];
  /** Rules the engine enforces itself (suppressions); listed, never run on resources. */
  readonly metaRules: readonly MetaRule[];
}

export const ALL_PACKS: readonly Pack[] = [
  {
    id: 'sovereign-baseline',
    title: 'Sovereign baseline',
    description: 'Residency and foreign-law exposure of technical data, provider pinning, secrets, state, and suppression meta-rules.',
    rules: SOVEREIGN_BASELINE_RULES,
    metaRules: SOVEREIGN_BASELINE_META_RULES,
  },
  {
    id: 'k8s-tenancy',
    title: 'Kubernetes tenancy',
    description: 'Namespace isolation, RBAC, network policy, admission policy and workload hardening.',
    rules: K8S_TENANCY_RULES,
    metaRules: [],
  },
  {
    id: 'vault-crypto',
    title: 'Vault keys, PKI and audit',
    description: 'Audit devices, transit key custody and rotation, PKI, Kubernetes auth roles and policies.',
    rules: VAULT_CRYPTO_RULES,
    metaRules: [],
  },
  {
    id: 'pqc-readiness',
    title: 'Post-quantum readiness',
    description: 'Quantum-vulnerable algorithms, their deadlines and the crypto inventory.',
    rules: PQC_READINESS_RULES,
    metaRules: [],
  },
];

export const PACK_IDS: readonly PackId[] = ALL_PACKS.map((p) => p.id);

/** Every rule and meta-rule of every pack, by id. */
export const rulesById: ReadonlyMap<string, Rule | MetaRule> = new Map(ALL_PACKS.flatMap((p) => [...p.rules, ...p.metaRules].map((r) => [r.id, r] as const)));

/** Problems with the registry itself: duplicate ids, rules filed under the wrong pack. Empty when sound. */
export function registryProblems(): string[] {
  const problems: string[] = [];
  const seen = new Map<string, PackId>();
  for (const p of ALL_PACKS) {
    for (const r of [...p.rules, ...p.metaRules]) {
      if (r.pack !== p.id) problems.push(`${r.id} declares pack ${r.pack} but is listed in ${p.id}`);
      const prev = seen.get(r.id);
      if (prev) problems.push(`${r.id} is defined twice (${prev}, ${p.id})`);
      seen.set(r.id, p.id);
    }
  }
  return problems;
}
