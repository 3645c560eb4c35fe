/** PQ-1: no key relies on a quantum-vulnerable (Shor-breakable) algorithm alone. */
import { deadlinesFor, recommendedPqTarget } from '../../../jurisdictions';
import { fail, pass } from '../../attributes';
import { ir8547 } from '../../controls';
import type { Outcome, ResourceRule } from '../../types';
import { algorithmAttribute, classified, deadlineText, policyName, policyOf, serverOf, standalone, usageOf } from './_shared';
import { KEY_ALGORITHM_RESOURCE_TYPES } from '../../../synthesized/vault/crypto-resource';

export const rule: ResourceRule = {
  id: 'PQ-1',
  pack: 'pqc-readiness',
  scope: 'resource',
  level: 'warning',
  title: 'Keys do not rely on a quantum-vulnerable algorithm',
  rationale:
    'RSA, ECDSA and EdDSA keys can be broken by a cryptographically relevant quantum computer (Shor). NIST IR 8547 (initial public draft) disallows them after 2035, and data signed or wrapped today can be attacked later, so each such key needs a migration plan now.',
  fix: "Plan the move to ML-DSA (signatures; a hybrid ML-DSA + ECDSA key on Vault Enterprise 1.19 or newer, mldsa-87 on OpenBao 2.7 or newer, no transit type on Vault Community) or ML-KEM (key establishment), as pqc-readiness.md recommends per key for the region's server, before the deadline the finding names.",
  controls: [ir8547('ipd'), { framework: 'CNSA-2.0', id: 'ML-DSA-87' }, { framework: 'CNSA-2.0', id: 'ML-KEM-1024' }],
  resourceTypes: KEY_ALGORITHM_RESOURCE_TYPES,
  check(resource, ctx) {
    const r = classified(resource);
    if (!r.ok) return r.outcome;
    const policy = policyOf(ctx);
    const outcomes: Outcome[] = [];
    for (const u of standalone(r.c)) {
      if (!u.info.quantumVulnerable) continue;
      const { deprecatedAfter, disallowedAfter } = deadlinesFor(policy, u.info);
      const target = recommendedPqTarget(u.info, { usage: usageOf(resource), server: serverOf(resource, ctx) });
      outcomes.push(
        fail(
          `${u.cdx.name} is quantum-vulnerable (Shor): ${deadlineText(deprecatedAfter, disallowedAfter)} by ${policyName(ctx)}${target ? `; migrate to ${target.algorithm}` : ''}`,
          algorithmAttribute(resource),
        ),
      );
    }
    return outcomes.length > 0 ? outcomes : pass();
  },
};
