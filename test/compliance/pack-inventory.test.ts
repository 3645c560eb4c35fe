/**
 * The exact rule ids per pack and level: a changelog guard. Adding, removing or re-levelling a
 * rule must show up here (and in RULES.md, see rules-doc.test.ts).
 */
import { ALL_PACKS, rulesById } from '../../src/compliance/packs';
import type { Level, PackId } from '../../src/compliance/types';

const INVENTORY: Record<PackId, Record<Level, string[]>> = {
  'sovereign-baseline': {
    error: ['SB-EP1', 'SB-FLX1', 'SB-IMG1', 'SB-PRV1', 'SB-RES1', 'SB-RES3', 'SB-RES4', 'SB-RES5', 'SB-RES6', 'SB-SEC1', 'SB-SEC2', 'SB-SEC3',
      'SB-ST2', 'SB-SUP1', 'SB-SUP2', 'SB-SUP3', 'SB-TLS1'],
    warning: ['SB-PRV2', 'SB-ST1', 'SB-SUP4'],
    info: [],
  },
  'k8s-tenancy': {
    error: ['KT-LOG1', 'KT-NP1', 'KT-NP4', 'KT-NS1', 'KT-NS2', 'KT-NS3', 'KT-NS4', 'KT-NS6', 'KT-PLT1', 'KT-RB1', 'KT-RB2', 'KT-RB5', 'KT-RB6', 'KT-RB7', 'KT-SA1', 'KT-VAP1', 'KT-VAP2', 'KT-WL1', 'KT-WL2'],
    warning: ['KT-NP2', 'KT-NS5', 'KT-NS7', 'KT-RB3', 'KT-RB4', 'KT-RB8', 'KT-SA2', 'KT-SEC1', 'KT-SVC1', 'KT-WL3'],
    info: ['KT-NP3'],
  },
  'vault-crypto': {
    error: ['VC-AT1', 'VC-AU1', 'VC-AU2', 'VC-PK1', 'VC-PK2', 'VC-PK4', 'VC-PL1', 'VC-TR1', 'VC-TR2', 'VC-TR5'],
    warning: ['VC-AU3', 'VC-MT1', 'VC-PK3', 'VC-TR3', 'VC-TR4', 'VC-TR6', 'VC-TR7'],
    info: [],
  },
  'pqc-readiness': {
    error: ['PQ-4'],
    warning: ['PQ-1', 'PQ-2', 'PQ-5'],
    info: ['PQ-3'],
  },
};

describe('pack inventory', () => {
  it('lists the packs in report order', () => {
    expect(ALL_PACKS.map((p) => p.id)).toEqual(['sovereign-baseline', 'k8s-tenancy', 'vault-crypto', 'pqc-readiness']);
  });

  it.each(ALL_PACKS.map((p) => [p.id, p] as const))('%s has exactly the listed rules at the listed levels', (id, pack) => {
    const actual: Record<Level, string[]> = { error: [], warning: [], info: [] };
    for (const r of [...pack.rules, ...pack.metaRules]) actual[r.level].push(r.id);
    for (const l of Object.keys(actual) as Level[]) actual[l].sort();
    expect(actual).toEqual(INVENTORY[id]);
  });

  it('holds at least 40 rules in total, every one with metadata a report can show', () => {
    expect(rulesById.size).toBeGreaterThanOrEqual(40);
    for (const r of rulesById.values()) {
      expect({ id: r.id, ok: r.title.length > 0 && r.rationale.length > 20 && r.fix.length > 10 && Array.isArray(r.controls) }).toEqual({ id: r.id, ok: true });
      expect(r.id).toMatch(/^(SB|KT|VC|PQ)-[A-Z0-9]+$/);
    }
  });

  it('files each rule under rules/<pack>/ named after its id', () => {
    for (const r of rulesById.values()) {
      const prefix = { 'sovereign-baseline': 'SB', 'k8s-tenancy': 'KT', 'vault-crypto': 'VC', 'pqc-readiness': 'PQ' }[r.pack];
      expect(r.id.startsWith(`${prefix}-`)).toBe(true);
    }
  });
});
