/** PQ-2: no quantum-vulnerable key gives only 112-bit classical security (deprecated after 2030). */
import { deadlinesFor, formatDeadline } from '../../../jurisdictions';
import { fail, pass } from '../../attributes';
import { ir8547, sp80057 } from '../../controls';
import type { Outcome, ResourceRule } from '../../types';
import { classified, policyName, policyOf, standalone } from './_shared';
import { KEY_ALGORITHM_RESOURCE_TYPES } from '../../../synthesized/vault/crypto-resource';

export const rule: ResourceRule = {
  id: 'PQ-2',
  pack: 'pqc-readiness',
  scope: 'resource',
  // A warning, not an error: 112-bit algorithms are deprecated (still usable with accepted risk)
  // after 2030, not disallowed, and that date comes from a draft. A "2030 profile" that makes
  // this an error needs a profile switch the rule context does not carry yet.
  level: 'warning',
  title: 'No 112-bit quantum-vulnerable keys (RSA-2048, EC P-224)',
  rationale:
    'Quantum-vulnerable algorithms at 112-bit classical security (RSA-2048, P-224) are deprecated after 2030 by NIST IR 8547 (initial public draft), five years before the other classical algorithms, and SP 800-131A Rev. 3 (draft) raises the classical minimum to 128 bits at the end of 2030.',
  fix: 'Use at least RSA-3072 or ECDSA P-384 now, and plan the move to ML-DSA / ML-KEM (PQ-1).',
  controls: [ir8547('ipd'), sp80057('Pt1r5-Table2')],
  resourceTypes: KEY_ALGORITHM_RESOURCE_TYPES,
  check(resource, ctx) {
    const r = classified(resource);
    if (!r.ok) return r.outcome;
    const policy = policyOf(ctx);
    const outcomes: Outcome[] = [];
    for (const u of standalone(r.c)) {
      const bits = u.info.classicalSecurityBits;
      if (!u.info.quantumVulnerable || bits === null || bits > 112) continue;
      const { deprecatedAfter } = deadlinesFor(policy, u.info);
      const when = deprecatedAfter
        ? `deprecated after ${formatDeadline(deprecatedAfter)} by ${policyName(ctx)}`
        : 'NIST IR 8547 (initial public draft) deprecates 112-bit quantum-vulnerable algorithms after 2030';
      outcomes.push(fail(`${u.cdx.name} gives ${bits}-bit classical security: ${when}`, resource.type === 'vault_transit_secret_backend_key' ? 'type' : 'key_bits'));
    }
    return outcomes.length > 0 ? outcomes : pass();
  },
};
