/** PQ-3: symmetric keys are 256-bit (Grover halves a key's quantum security). */
import { pqStatusOf, recommendedPqTarget } from '../../../jurisdictions';
import { fail, notApplicable, pass, unknown } from '../../attributes';
import type { Outcome, ResourceRule } from '../../types';
import { classified, serverOf, standalone } from './_shared';

export const rule: ResourceRule = {
  id: 'PQ-3',
  pack: 'pqc-readiness',
  scope: 'resource',
  level: 'info',
  title: 'Symmetric keys are 256-bit',
  rationale:
    "Grover's search roughly halves the security of a symmetric key against a quantum attacker: AES-128 keeps about 64 bits. CNSA 2.0 requires AES-256; long-lived data encrypted today should use 256-bit keys.",
  fix: 'Use aes256-gcm96 for encryption, aes256-cmac (Vault Enterprise) or hmac with key_size 32 for MACs.',
  controls: [{ framework: 'CNSA-2.0', id: 'AES-256' }],
  resourceTypes: ['vault_transit_secret_backend_key'],
  check(resource, ctx) {
    const r = classified(resource);
    if (!r.ok) return r.outcome;
    const symmetric = standalone(r.c).filter((u) => !u.info.quantumVulnerable && (u.info.primitive === 'ae' || u.info.primitive === 'mac'));
    if (symmetric.length === 0) return notApplicable();
    const outcomes: Outcome[] = [];
    for (const u of symmetric) {
      // HMAC keys are sized by key_size, not by the algorithm's name.
      const bits = u.info.family === 'HMAC' ? r.c.keySizeBits : u.info.classicalSecurityBits;
      if (bits === undefined || bits === null) {
        outcomes.push(unknown(`the key size of ${u.cdx.name} is not known (key_size is a reference or not a number)`, 'key_size'));
        continue;
      }
      if (bits >= 256 && pqStatusOf(u.info) !== 'symmetric-below-256') continue;
      const target = recommendedPqTarget(u.info, { server: serverOf(resource, ctx) }) ?? { algorithm: 'a 256-bit key' };
      outcomes.push(
        fail(`${u.cdx.name} uses a ${bits}-bit key (about ${bits / 2}-bit security against Grover's search); use ${u.info.family === 'HMAC' ? 'key_size 32 (256 bits)' : target.algorithm}`, u.info.family === 'HMAC' ? 'key_size' : 'type'),
      );
    }
    return outcomes.length > 0 ? outcomes : pass();
  },
};
