/**
 * The pqc-readiness pack (controls-and-rules.md §5): quantum-vulnerable keys and their deadlines,
 * 112-bit strength, symmetric key sizes, a complete crypto inventory, and the jurisdiction's
 * dated crypto policy. Every rule classifies with src/jurisdictions (algorithms.ts,
 * crypto-policy.ts), as the CBOM does.
 */
import { rule as PQ1 } from '../rules/pqc-readiness/pq-1-quantum-vulnerable';
import { rule as PQ2 } from '../rules/pqc-readiness/pq-2-112-bit-strength';
import { rule as PQ3 } from '../rules/pqc-readiness/pq-3-symmetric-below-256';
import { rule as PQ4 } from '../rules/pqc-readiness/pq-4-crypto-mapped';
import { rule as PQ5 } from '../rules/pqc-readiness/pq-5-jurisdiction-policy';
import type { Rule } from '../types';

export const PQC_READINESS_RULES: readonly Rule[] = [PQ1, PQ2, PQ3, PQ4, PQ5];
