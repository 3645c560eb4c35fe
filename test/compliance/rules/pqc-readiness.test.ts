/**
 * The pqc-readiness rules (PQ-1 … PQ-5), each called directly on real synthesized JSON (the full
 * fixture and pqc-all-types.yaml), unmodified and mutated: a compliant and a non-compliant case
 * per rule, unknown for `${…}`, and agreement with the CBOM (both read src/jurisdictions).
 */
import { join } from 'node:path';
import { PQC_READINESS_RULES } from '../../../src/compliance/packs/pqc-readiness';
import { rule as PQ1 } from '../../../src/compliance/rules/pqc-readiness/pq-1-quantum-vulnerable';
import { rule as PQ2 } from '../../../src/compliance/rules/pqc-readiness/pq-2-112-bit-strength';
import { rule as PQ3 } from '../../../src/compliance/rules/pqc-readiness/pq-3-symmetric-below-256';
import { rule as PQ4 } from '../../../src/compliance/rules/pqc-readiness/pq-4-crypto-mapped';
import { rule as PQ5 } from '../../../src/compliance/rules/pqc-readiness/pq-5-jurisdiction-policy';
import type { LandingZoneContext, Outcome, ResourceRule, RuleContext } from '../../../src/compliance/types';
import { buildCryptoInventory } from '../../../src/crypto';
import { getJurisdiction } from '../../../src/jurisdictions';
import { readSynthDir, resourcesOf, type ResourceRef, type SynthStack } from '../../../src/synthesized';
import { slz } from '../../helpers/cli';
import { tempDir } from '../../helpers/synth';

const FULL = 'test/fixtures/landing-zones/full.yaml';
const ALL_TYPES = 'test/fixtures/landing-zones/pqc-all-types.yaml';
const TODAY = '2026-11-21';

type Json = Record<string, unknown>;

function synthStacks(file: string): SynthStack[] {
  const out = join(tempDir(), 'out');
  const run = slz('synth', file, '--out', out);
  if (run.code !== 0 && run.code !== 1) throw new Error(`synth ${file} failed (${run.code}):\n${run.stderr}`);
  return readSynthDir(out);
}

let fullTree: SynthStack[];
let allTypesTree: SynthStack[];
beforeAll(() => {
  fullTree = synthStacks(FULL);
  allTypesTree = synthStacks(ALL_TYPES);
});

const full = (): SynthStack[] => structuredClone(fullTree);
const allTypes = (): SynthStack[] => structuredClone(allTypesTree);

const MY: LandingZoneContext = {
  name: 'moh',
  jurisdiction: getJurisdiction('MY')!,
  classification: 'SULIT',
  ordinal: 3,
  strict: true,
  inCountryCidrs: ['10.0.0.0/8'],
  endpointDomains: ['moh.example.gov.my'],
};

function ctx(stacks: readonly SynthStack[], opts: { today?: string; landingZone?: boolean } = {}): RuleContext {
  return { today: opts.today ?? TODAY, stacks, ...(opts.landingZone === false ? {} : { landingZone: MY }) };
}

/** Resources of a type (optionally with a body field equal to a value), as ResourceRefs. */
function refs(stacks: readonly SynthStack[], type: string, where?: (body: Json) => boolean): ResourceRef[] {
  return stacks.flatMap((s) => resourcesOf(s)).filter((r) => r.type === type && (!where || where(r.body as Json)));
}

function ref(stacks: readonly SynthStack[], type: string, where?: (body: Json) => boolean): ResourceRef {
  const found = refs(stacks, type, where)[0];
  if (!found) throw new Error(`no ${type}`);
  return found;
}

function run(rule: ResourceRule, r: ResourceRef, c: RuleContext): Outcome[] {
  const o = rule.check(r, c);
  return Array.isArray(o) ? [...(o as readonly Outcome[])] : [o as Outcome];
}

function statuses(rule: ResourceRule, r: ResourceRef, c: RuleContext): string[] {
  return run(rule, r, c).map((o) => o.status);
}

function messages(rule: ResourceRule, r: ResourceRef, c: RuleContext): string {
  return run(rule, r, c)
    .map((o) => ('message' in o ? o.message : ''))
    .join('\n');
}

/** Sets fields on a resource body in place (the ref shares the body object). */
function set(r: ResourceRef, fields: Json): ResourceRef {
  Object.assign(r.body as Json, fields);
  return r;
}

const byName = (name: string) => (b: Json) => b.name === name;

describe('pack inventory', () => {
  it('holds PQ-1 … PQ-5 with their levels, metadata and controls', () => {
    expect(PQC_READINESS_RULES.map((r) => [r.id, r.level])).toEqual([
      ['PQ-1', 'warning'],
      ['PQ-2', 'warning'],
      ['PQ-3', 'info'],
      ['PQ-4', 'error'],
      ['PQ-5', 'warning'],
    ]);
    for (const r of PQC_READINESS_RULES) {
      expect(r.pack).toBe('pqc-readiness');
      expect(r.scope).toBe('resource');
      expect(r.title.length).toBeGreaterThan(10);
      expect(r.rationale.length).toBeGreaterThan(40);
      expect(r.fix.length).toBeGreaterThan(20);
      expect(r.controls.length).toBeGreaterThan(0);
      expect((r as ResourceRule).resourceTypes.length).toBeGreaterThan(0);
    }
    expect(PQ1.controls).toEqual(expect.arrayContaining([{ framework: 'NIST-IR-8547', id: 'ipd' }, expect.objectContaining({ framework: 'CNSA-2.0' })]));
  });
});

describe('PQ-1 quantum-vulnerable keys', () => {
  it('passes post-quantum, hybrid and symmetric keys', () => {
    const s = allTypes();
    for (const name of ['mldsa-87', 'slh-shake-256f', 'hybrid-p384', 'hybrid-ed25519', 'data', 'tokens']) {
      expect(statuses(PQ1, ref(s, 'vault_transit_secret_backend_key', byName(name)), ctx(s))).toEqual(['pass']);
    }
  });

  it('flags an ECDSA CA key with the IR 8547 date (from a draft) and a target', () => {
    const s = full();
    const root = ref(s, 'vault_pki_secret_backend_root_cert');
    expect(statuses(PQ1, root, ctx(s))).toEqual(['fail']);
    const msg = messages(PQ1, root, ctx(s));
    expect(msg).toContain('ECDSA-P-384-SHA-384 is quantum-vulnerable');
    expect(msg).toContain('disallowed after 2035-12-31');
    expect(msg).toContain('from a draft');
    expect(msg).toContain('ML-DSA-87');
    expect(run(PQ1, root, ctx(s))[0]).toMatchObject({ attribute: 'key_type' });
  });

  it('flags both RSA algorithms of an RSA transit key, and a P-256 key with its earlier deprecation', () => {
    const s = allTypes();
    expect(statuses(PQ1, ref(s, 'vault_transit_secret_backend_key', byName('enc-rsa4096')), ctx(s))).toEqual(['fail', 'fail']);
    const p256 = set(ref(s, 'vault_transit_secret_backend_key', byName('sig-p384')), { type: 'ecdsa-p256' });
    expect(messages(PQ1, p256, ctx(s))).toMatch(/deprecated after 2030-12-31 .*uncertain.* and disallowed after 2035-12-31/);
  });

  it('uses the project-default dates without a landing zone, and is unknown for unresolved types', () => {
    const s = full();
    expect(messages(PQ1, ref(s, 'vault_pki_secret_backend_role'), ctx(s, { landingZone: false }))).toContain('the project-default crypto policy');
    const r = set(ref(s, 'vault_transit_secret_backend_key'), { type: '${var.type}' });
    expect(statuses(PQ1, r, ctx(s))).toEqual(['unknown']);
  });
});

describe('PQ-2 112-bit strength', () => {
  it('passes RSA-3072, P-384 and ML-DSA keys', () => {
    const s = allTypes();
    expect(statuses(PQ2, ref(s, 'vault_transit_secret_backend_key', byName('sig-rsa3072')), ctx(s))).toEqual(['pass']);
    expect(statuses(PQ2, ref(s, 'vault_pki_secret_backend_root_cert'), ctx(s))).toEqual(['pass']);
    expect(statuses(PQ2, ref(s, 'vault_transit_secret_backend_key', byName('mldsa-65')), ctx(s))).toEqual(['pass']);
  });

  it('flags transit rsa-2048 and a PKI RSA-2048 / P-224 CA with the 2030 deprecation', () => {
    const s = allTypes();
    const transit = set(ref(s, 'vault_transit_secret_backend_key', byName('sig-rsa3072')), { type: 'rsa-2048' });
    expect(statuses(PQ2, transit, ctx(s))).toEqual(['fail', 'fail']);
    expect(messages(PQ2, transit, ctx(s))).toContain('112-bit classical security: deprecated after 2030-12-31');
    const root = set(ref(s, 'vault_pki_secret_backend_root_cert'), { key_type: 'rsa', key_bits: 2048, signature_bits: 256 });
    expect(run(PQ2, root, ctx(s))).toEqual([expect.objectContaining({ status: 'fail', attribute: 'key_bits' })]);
    // No catalogue rule names P-224: the IR 8547 112-bit rule is quoted instead.
    const p224 = set(ref(s, 'vault_pki_secret_backend_intermediate_cert_request'), { key_type: 'ec', key_bits: 224 });
    expect(messages(PQ2, p224, ctx(s))).toContain('NIST IR 8547 (initial public draft) deprecates 112-bit quantum-vulnerable algorithms after 2030');
  });
});

describe('PQ-3 symmetric keys below 256 bits', () => {
  it('passes AES-256 and 256-bit HMAC keys; not applicable to signature keys', () => {
    const s = full();
    for (const name of ['records', 'wrap', 'tokens']) expect(statuses(PQ3, ref(s, 'vault_transit_secret_backend_key', byName(name)), ctx(s))).toEqual(['pass']);
    expect(statuses(PQ3, ref(s, 'vault_transit_secret_backend_key', byName('audit-sign')), ctx(s))).toEqual(['not-applicable']);
  });

  it('flags aes128-gcm96, aes192-cmac and a 16-byte HMAC key', () => {
    const s = full();
    const aes = set(ref(s, 'vault_transit_secret_backend_key', byName('records')), { type: 'aes128-gcm96' });
    expect(run(PQ3, aes, ctx(s))).toEqual([expect.objectContaining({ status: 'fail', attribute: 'type', message: expect.stringContaining('use AES-256-GCM') })]);
    const cmac = set(ref(s, 'vault_transit_secret_backend_key', byName('wrap')), { type: 'aes192-cmac' });
    expect(statuses(PQ3, cmac, ctx(s))).toEqual(['fail']);
    const hmac = set(ref(s, 'vault_transit_secret_backend_key', byName('tokens')), { key_size: 16 });
    expect(run(PQ3, hmac, ctx(s))).toEqual([expect.objectContaining({ status: 'fail', attribute: 'key_size' })]);
    const unresolved = set(ref(full(), 'vault_transit_secret_backend_key', byName('tokens')), { key_size: '${var.size}' });
    expect(statuses(PQ3, unresolved, ctx(s))).toEqual(['unknown']);
  });
});

describe('PQ-4 every crypto-bearing resource maps to the CBOM', () => {
  it('passes every crypto-bearing resource of the full and all-types trees', () => {
    for (const s of [full(), allTypes()]) {
      const subjects = s.flatMap((st) => resourcesOf(st)).filter((r) => PQ4.resourceTypes.includes(r.type));
      expect(subjects.length).toBeGreaterThan(5);
      for (const r of subjects) expect(statuses(PQ4, r, ctx(s))).toEqual(['pass']);
    }
  });

  it('fails a managed key, a role with key_type any, a root on a KMS key and an imported CA bundle; unknown for references', () => {
    const s = full();
    expect(run(PQ4, set(ref(s, 'vault_transit_secret_backend_key'), { type: 'managed_key' }), ctx(s))).toEqual([expect.objectContaining({ status: 'fail', attribute: 'type' })]);
    expect(run(PQ4, set(ref(s, 'vault_pki_secret_backend_role'), { key_type: 'any' }), ctx(s))).toEqual([expect.objectContaining({ status: 'fail', attribute: 'key_type' })]);
    expect(statuses(PQ4, set(ref(s, 'vault_pki_secret_backend_root_cert'), { type: 'kms' }), ctx(s))).toEqual(['fail']);
    const imported: ResourceRef = { stack: s[0]!, type: 'vault_pki_secret_backend_config_ca', name: 'imported', address: 'vault_pki_secret_backend_config_ca.imported', constructPath: 'x/imported', body: { backend: 'pki', pem_bundle: '${var.pem}' } };
    expect(statuses(PQ4, imported, ctx(s))).toEqual(['fail']);
    expect(statuses(PQ4, set(ref(full(), 'vault_transit_secret_backend_key'), { type: '${var.t}' }), ctx(s))).toEqual(['unknown']);
  });
});

describe('PQ-5 jurisdiction policy on the check date', () => {
  it('passes the full fixture today under Malaysia’s policy', () => {
    const s = full();
    const subjects = s.flatMap((st) => resourcesOf(st)).filter((r) => PQ5.resourceTypes.includes(r.type));
    for (const r of subjects) expect(statuses(PQ5, r, ctx(s))).toEqual(['pass']);
  });

  it('fails an algorithm the policy does not allow (rsa-2048, ml-dsa 44)', () => {
    const s = full();
    const rsa = set(ref(s, 'vault_transit_secret_backend_key', byName('audit-sign')), { type: 'rsa-2048', parameter_set: undefined });
    expect(statuses(PQ5, rsa, ctx(s))).toEqual(['fail', 'fail']);
    expect(messages(PQ5, rsa, ctx(s))).toContain("not-allowed under Malaysia's crypto policy on 2026-11-21");
    const ml44 = set(ref(full(), 'vault_transit_secret_backend_key', byName('audit-sign')), { parameter_set: '44' });
    expect(messages(PQ5, ml44, ctx(s))).toContain('ML-DSA needs at least 65');
  });

  it('fails classical CA keys once the hybrid date passes, and when disallowed after 2035; dates are catalogue data', () => {
    const s = full();
    const root = ref(s, 'vault_pki_secret_backend_root_cert');
    expect(messages(PQ5, root, ctx(s, { today: '2030-06-01' }))).toContain("requires asymmetric use to include a post-quantum mechanism after 2030-01-01 (the project's rule, on an ANSSI recommendation)");
    expect(messages(PQ5, root, ctx(s, { today: '2036-01-01' }))).toContain('disallowed after 2035-12-31');
    // A hybrid key meets the hybrid requirement.
    const a = allTypes();
    expect(statuses(PQ5, ref(a, 'vault_transit_secret_backend_key', byName('hybrid-p384')), ctx(a, { today: '2030-06-01' }))).toEqual(['pass']);
  });

  it('is unknown without a landing zone', () => {
    const s = full();
    expect(statuses(PQ5, ref(s, 'vault_pki_secret_backend_root_cert'), ctx(s, { landingZone: false }))).toEqual(['unknown']);
  });
});

describe('the rules and the CBOM agree', () => {
  it.each([
    ['full', () => full()],
    ['all types', () => allTypes()],
    ['mutated', () => {
      const s = allTypes();
      set(ref(s, 'vault_transit_secret_backend_key', byName('data')), { type: 'managed_key' });
      set(ref(s, 'vault_transit_secret_backend_key', byName('tokens')), { type: '${var.t}' });
      set(ref(s, 'vault_pki_secret_backend_role'), { key_type: 'any' });
      set(ref(s, 'vault_transit_secret_backend_key', byName('sig-p384')), { type: 'ed25519' });
      return s;
    }],
  ] as const)('%s: PQ-1 fails exactly the resources with a standalone quantum-vulnerable asset; PQ-4 fails or is unknown exactly for UNKNOWN assets', (_label, make) => {
    const s = make();
    const inv = buildCryptoInventory({ stacks: s, today: TODAY });
    const vulnerable = new Set<string>();
    const unknown = new Set<string>();
    for (const a of inv.assets) {
      for (const u of a.usedBy) {
        if (u.role === 'transit-hmac-key' || u.role === 'certificate-signature') continue;
        if (a.status === 'quantum-vulnerable' && u.part !== 'classical-half') vulnerable.add(u.constructPath);
        if (a.status === 'unknown') unknown.add(u.constructPath);
      }
    }
    const all = s.flatMap((st) => resourcesOf(st));
    const pq1 = new Set(all.filter((r) => PQ1.resourceTypes.includes(r.type) && statuses(PQ1, r, ctx(s)).includes('fail')).map((r) => r.constructPath));
    const pq4 = new Set(all.filter((r) => PQ4.resourceTypes.includes(r.type) && statuses(PQ4, r, ctx(s)).some((x) => x !== 'pass' && x !== 'not-applicable')).map((r) => r.constructPath));
    expect([...pq1].sort()).toEqual([...vulnerable].sort());
    expect([...pq4].sort()).toEqual([...unknown].sort());
  });
});
