/** RV-KEY-QUANTUM: a new transit key whose every algorithm a quantum computer breaks. */
import { describeTransitKey } from '../../jurisdictions/algorithms';
import { block } from '../../synthesized/values';
import { parseTransitKey, TRANSIT_KEY_RESOURCE } from '../../synthesized/vault/transit-key';
import { few, nameOf, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-KEY-QUANTUM',
  level: 'HIGH',
  title: 'New quantum-vulnerable key',
  help: 'RSA, ECDSA and Ed25519 are broken by a cryptographically relevant quantum computer (Shor). New keys should be symmetric or post-quantum (ML-DSA, SLH-DSA, hybrid) where the jurisdiction allows.',
  tags: ['crypto', 'pqc', 'vault'],
  scope: 'change',
  types: [TRANSIT_KEY_RESOURCE],
  checks: `a \`${TRANSIT_KEY_RESOURCE}\` created (or replaced) with an RSA, ECDSA or Ed25519 key type`,
  changed({ change, after, creates }) {
    const body = block(after);
    if (change.type !== TRANSIT_KEY_RESOURCE || !creates || !body) return [];
    // An unknown or incomplete type is the compliance rules' to report (VC-TR7, PQ-4).
    const key = parseTransitKey(body);
    if (!key.ok) return [];
    const algs = describeTransitKey(key.value);
    if (algs.length === 0 || !algs.every((a) => a.quantumVulnerable)) return [];
    return one(`New transit key ${q(nameOf(after, 'name'))} uses ${few([...new Set(algs.map((a) => a.id))])}, which a quantum computer breaks (Shor); prefer a symmetric or post-quantum (ML-DSA, SLH-DSA, hybrid) key.`);
  },
};
