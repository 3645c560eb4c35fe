/**
 * The CBOM of real synthesized trees: CycloneDX 1.6 schema validity, component counts checked
 * against the synthesized JSON with plain code, byte-identical rebuilds, UNKNOWN assets for what
 * cannot be classified, the Vault/OpenBao dialect, and the engine → algorithm/key links.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCryptoInventory, derivedSerialNumber, type CryptoInventory } from '../../src/crypto';
import { validateCbom } from '../../src/crypto/validate';
import { slz } from '../helpers/cli';
import { componentByRef, componentsOf, copy, FIXTURES, jsonResources, pathOf, propertyValues, synthFixture, TODAY, type Json, type Tree } from './_trees';
import { nonEmpty } from '../helpers/non-empty';

const trees: Record<keyof typeof FIXTURES, Tree> = {} as Record<keyof typeof FIXTURES, Tree>;
beforeAll(() => {
  for (const k of Object.keys(FIXTURES) as (keyof typeof FIXTURES)[]) trees[k] = synthFixture(FIXTURES[k]);
});

function inventory(tree: Tree, extra: { serialNumber?: 'derived' | 'omit'; withContext?: boolean } = {}): CryptoInventory {
  return buildCryptoInventory({ stacks: tree.stacks, ...(extra.withContext === false ? {} : { context: tree.context }), today: TODAY, ...(extra.serialNumber ? { serialNumber: extra.serialNumber } : {}) });
}

const NAMES = Object.keys(FIXTURES) as (keyof typeof FIXTURES)[];

describe('CycloneDX 1.6 schema', () => {
  it.each(NAMES)('the CBOM of %s validates against the bundled bom-1.6 schema', (name) => {
    const inv = inventory(trees[name]);
    expect(inv.bom.specVersion).toBe('1.6');
    expect(inv.bom.bomFormat).toBe('CycloneDX');
    expect(validateCbom(inv.bom)).toEqual({ valid: true, errors: [] });
    expect(validateCbom(inv.json).valid).toBe(true);
  });

  it('the validator checks the injected cryptoProperties (a bad enum fails)', () => {
    const bom = structuredClone(inventory(trees.full).bom) as Json;
    const first = componentsOf(bom, 'algorithm')[0]!;
    ((first.cryptoProperties as Json).algorithmProperties as Json).primitive = 'quantum-magic';
    const key = componentsOf(bom, 'related-crypto-material')[0]!;
    ((key.cryptoProperties as Json).relatedCryptoMaterialProperties as Json).state = 'sleeping';
    const result = validateCbom(bom);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.instancePath)).toEqual(expect.arrayContaining([expect.stringMatching(/algorithmProperties\/primitive$/), expect.stringMatching(/relatedCryptoMaterialProperties\/state$/)]));
  });

  it('has no wall-clock timestamp, a UUID serial number and cryptographic-asset components only', () => {
    const inv = inventory(trees.full);
    expect((inv.bom.metadata as Json).timestamp).toBeUndefined();
    expect(inv.bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const c of componentsOf(inv.bom)) {
      expect(c.type).toBe('cryptographic-asset');
      expect(['algorithm', 'related-crypto-material', 'certificate']).toContain((c.cryptoProperties as Json).assetType);
    }
  });
});

describe('component counts match the synthesized JSON', () => {
  // Expected values computed here with plain loops over cdk.tf.json, independent of src/crypto.
  const HASH: Record<number, string> = { 256: 'SHA-256', 384: 'SHA-384', 512: 'SHA-512' };
  const transitNames = (b: Json): string[] => {
    const t = String(b.type ?? 'aes256-gcm96');
    const ps = String(b.parameter_set ?? '');
    const ec = String(b.hybrid_key_type_ec ?? '');
    const ecName = (x: string): string => (x === 'ed25519' ? 'Ed25519' : `ECDSA-P-${x.slice(7)}`);
    const fixed: Record<string, string[]> = {
      'aes256-gcm96': ['AES-256-GCM'],
      hmac: ['HMAC-SHA-256'],
      'ecdsa-p384': ['ECDSA-P-384'],
      'ecdsa-p521': ['ECDSA-P-521'],
      'rsa-3072': ['RSA-OAEP-3072', 'RSA-PSS-3072'],
      'rsa-4096': ['RSA-OAEP-4096', 'RSA-PSS-4096'],
    };
    if (fixed[t]) return fixed[t]!;
    if (t === 'ml-dsa') return [`ML-DSA-${ps}`];
    if (t.startsWith('mldsa-')) return [`ML-DSA-${t.slice(6)}`];
    if (t === 'slh-dsa') {
      const [, hash, size] = /^slh-dsa-(sha2|shake)-(.+)$/.exec(ps)!;
      return [`SLH-DSA-${hash!.toUpperCase()}-${size}`];
    }
    if (t === 'hybrid') return [`ML-DSA-${ps}+${ecName(ec)}`, `ML-DSA-${ps}`, ecName(ec)];
    throw new Error(`test table lacks transit type ${t}`);
  };
  const pkiName = (b: Json, withHash: boolean, signatureBits?: unknown): string => {
    const type = String(b.key_type);
    const bits = Number(b.key_bits);
    if (type === 'ed25519') return 'Ed25519';
    const sig = Number(signatureBits ?? 0) || (type === 'rsa' ? 256 : bits >= 521 ? 512 : bits >= 384 ? 384 : 256);
    const hash = withHash ? `-${HASH[sig]}` : '';
    return type === 'ec' ? `ECDSA-P-${bits}${hash}` : `RSA-PKCS1-1.5${hash}-${bits}`;
  };

  it.each(NAMES)('%s: keys = 2 × transit keys + CA/PKI keys; algorithms = distinct algorithms in use', (name) => {
    const tree = trees[name];
    const transit = jsonResources(tree.stacks, 'vault_transit_secret_backend_key');
    const roots = jsonResources(tree.stacks, 'vault_pki_secret_backend_root_cert');
    const csrs = jsonResources(tree.stacks, 'vault_pki_secret_backend_intermediate_cert_request');
    const pkiKeys = jsonResources(tree.stacks, 'vault_pki_secret_backend_key');
    const roles = jsonResources(tree.stacks, 'vault_pki_secret_backend_role');
    const signers = jsonResources(tree.stacks, 'vault_pki_secret_backend_root_sign_intermediate');
    const mounts = jsonResources(tree.stacks, 'vault_mount').filter((m) => m.body.type === 'transit' || m.body.type === 'pki');

    const expectedAlgorithms = new Set<string>();
    for (const t of transit) for (const n of [...transitNames(t.body), 'HMAC-SHA-256']) expectedAlgorithms.add(n);
    for (const r of [...roots, ...csrs]) expectedAlgorithms.add(pkiName(r.body, true, r.body.signature_bits));
    for (const r of roles) expectedAlgorithms.add(pkiName(r.body, false));
    for (const s of signers) {
      // The issuer: the root on the same server whose mount has the signer's (literal) backend path.
      const address = (s.stack.json.provider as Record<string, Json[]>).vault![0]!.address;
      const root = roots.find((r) => (r.stack.json.provider as Record<string, Json[]>).vault![0]!.address === address)!;
      expect(s.body.backend).toBe('pki-root');
      expectedAlgorithms.add(pkiName(root.body, true, s.body.signature_bits));
    }

    const inv = inventory(tree);
    const algorithms = componentsOf(inv.bom, 'algorithm');
    const keys = componentsOf(inv.bom, 'related-crypto-material');
    const certs = componentsOf(inv.bom, 'certificate');
    expect(keys).toHaveLength(2 * transit.length + roots.length + csrs.length + pkiKeys.length);
    expect(algorithms.map((a) => a.name).sort()).toEqual([...expectedAlgorithms].sort());
    expect(certs).toHaveLength(roots.length + csrs.length);
    expect((inv.bom.services as Json[]).length).toBe(mounts.length);
    expect(inv.keys).toHaveLength(keys.length);
    expect(inv.assets).toHaveLength(algorithms.length);
    // Every transit key appears with its own HMAC key, named after its construct path.
    for (const t of nonEmpty(transit, 'transit key')) {
      expect(componentByRef(inv.bom, `key:${pathOf(t.body)}`)).toBeDefined();
      expect(componentByRef(inv.bom, `key:${pathOf(t.body)}/hmac`)).toBeDefined();
    }
  });

  it('every algorithmRef, signatureAlgorithmRef, subjectPublicKeyRef and dependency points at a component or service of the BOM', () => {
    for (const name of NAMES) {
      const bom = inventory(trees[name]).bom;
      const refs = new Set([...componentsOf(bom).map((c) => c['bom-ref']), ...((bom.services as Json[] | undefined) ?? []).map((s) => s['bom-ref']), (bom.metadata as { component: Json }).component['bom-ref']]);
      for (const c of componentsOf(bom)) {
        const cp = c.cryptoProperties as Json;
        const rcm = cp.relatedCryptoMaterialProperties as Json | undefined;
        const cert = cp.certificateProperties as Json | undefined;
        for (const ref of [rcm?.algorithmRef, cert?.signatureAlgorithmRef, cert?.subjectPublicKeyRef]) if (ref !== undefined) expect(refs).toContain(ref);
      }
      for (const d of bom.dependencies as Json[]) {
        expect(refs).toContain(d.ref);
        for (const r of [...((d.dependsOn as string[] | undefined) ?? []), ...((d.provides as string[] | undefined) ?? [])]) expect(refs).toContain(r);
      }
    }
  });
});

describe('engines', () => {
  it('links each transit and PKI mount to the algorithms, keys and certificates it provides', () => {
    const inv = inventory(trees.full);
    const deps = new Map((inv.bom.dependencies as Json[]).map((d) => [d.ref as string, d]));
    const transitMount = jsonResources(trees.full.stacks, 'vault_mount').find((m) => m.body.type === 'transit' && m.stack.name.endsWith('patient-records-kulim'))!;
    const provides = deps.get(`engine:${pathOf(transitMount.body)}`)!.provides as string[];
    const keys = jsonResources([transitMount.stack], 'vault_transit_secret_backend_key');
    for (const k of nonEmpty(keys, 'transit key of the kulim engine')) expect(provides).toEqual(expect.arrayContaining([`key:${pathOf(k.body)}`, `key:${pathOf(k.body)}/hmac`]));
    expect(provides).toEqual(expect.arrayContaining(['algorithm:AES-256-GCM', 'algorithm:ML-DSA-87', 'algorithm:HMAC-SHA-256']));
    const service = (inv.bom.services as Json[]).find((s) => s['bom-ref'] === `engine:${pathOf(transitMount.body)}`)!;
    expect(service.endpoints).toEqual(['https://vault.kulim.moh.example.gov.my:8200/v1/tenants/patient-records/transit']);
    // The tenancy depends on every engine.
    const root = deps.get('tenancy:moh')!;
    expect((root.dependsOn as string[]).length).toBe((inv.bom.services as Json[]).length);
    // The intermediate's issuer is the root in the platform stack of the same server.
    const csr = jsonResources(trees.full.stacks, 'vault_pki_secret_backend_intermediate_cert_request').find((r) => r.stack.name.endsWith('kulim'))!;
    const cert = componentByRef(inv.bom, `certificate:${pathOf(csr.body)}`);
    expect(((cert.cryptoProperties as Json).certificateProperties as Json).issuerName).toBe('CN=Ministry of Health Root CA kulim, O=Ministry of Health, C=MY');
    expect(propertyValues(cert, 'slz:issued-by')).toEqual(['certificate:moh-platform-kulim/root-ca/root']);
  });
});

describe('determinism', () => {
  it('identical input gives a byte-identical CBOM', () => {
    for (const name of NAMES) {
      const a = inventory(trees[name]).json;
      const b = inventory(copy(trees[name])).json;
      expect(b).toBe(a);
    }
  });

  it('two separate syntheses of the same file give the same bytes, whatever the day', () => {
    const again = synthFixture(FIXTURES.full);
    const a = buildCryptoInventory({ stacks: trees.full.stacks, context: trees.full.context, today: '2026-01-01' }).json;
    const b = buildCryptoInventory({ stacks: again.stacks, context: again.context, today: '2031-06-30' }).json;
    expect(b).toBe(a);
  });

  it('the serial number is a hash of the content: a changed key changes it; "omit" leaves it out', () => {
    const base = inventory(trees.full);
    const changed = copy(trees.full);
    jsonResources(changed.stacks, 'vault_transit_secret_backend_key')[0]!.body.auto_rotate_period = 86_400;
    expect(inventory(changed).bom.serialNumber).not.toBe(base.bom.serialNumber);

    const omitted = inventory(trees.full, { serialNumber: 'omit' });
    expect(omitted.bom.serialNumber).toBeUndefined();
    expect(validateCbom(omitted.bom).valid).toBe(true);
    const { serialNumber, ...rest } = base.bom;
    expect(serialNumber).toBe(derivedSerialNumber(JSON.stringify({ ...rest })));
    expect(omitted.json).toBe(`${JSON.stringify(rest, null, 2)}\n`);
  });

  it('components, services and dependencies are sorted by bom-ref; bom-refs come from construct paths', () => {
    const bom = inventory(trees.full).bom;
    const sorted = (xs: string[]): string[] => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const compRefs = componentsOf(bom).map((c) => c['bom-ref'] as string);
    expect(compRefs).toEqual(sorted(compRefs));
    const depRefs = (bom.dependencies as Json[]).map((d) => d.ref as string);
    expect(depRefs).toEqual(sorted(depRefs));
    const paths = jsonResources(trees.full.stacks, 'vault_transit_secret_backend_key').map((r) => `key:${pathOf(r.body)}`);
    expect(compRefs).toEqual(expect.arrayContaining(paths));
  });
});

describe('what cannot be classified is an UNKNOWN asset, never dropped', () => {
  function mutated(mutate: (t: Tree) => Json): { inv: CryptoInventory; path: string } {
    const tree = copy(trees.full);
    const body = mutate(tree);
    return { inv: inventory(tree), path: pathOf(body) };
  }

  it.each([
    ['an unresolved transit type', (t: Tree) => Object.assign(jsonResources(t.stacks, 'vault_transit_secret_backend_key')[0]!.body, { type: '${var.key_type}' }), 'type'],
    ['a managed_key transit key', (t: Tree) => Object.assign(jsonResources(t.stacks, 'vault_transit_secret_backend_key')[0]!.body, { type: 'managed_key' }), 'type'],
    ['an unknown transit type', (t: Tree) => Object.assign(jsonResources(t.stacks, 'vault_transit_secret_backend_key')[0]!.body, { type: 'aes512-quantum' }), 'type'],
    ['an unresolved ML-DSA parameter set', (t: Tree) => Object.assign(jsonResources(t.stacks, 'vault_transit_secret_backend_key').find((r) => r.body.type === 'ml-dsa')!.body, { parameter_set: '${var.ps}' }), 'parameter_set'],
    ['a PKI role with key_type any', (t: Tree) => Object.assign(jsonResources(t.stacks, 'vault_pki_secret_backend_role')[0]!.body, { key_type: 'any' }), 'key_type'],
    ['an unresolved root key_bits', (t: Tree) => Object.assign(jsonResources(t.stacks, 'vault_pki_secret_backend_root_cert')[0]!.body, { key_bits: '${var.bits}' }), 'key_bits'],
    ['a root CA on a managed key (kms)', (t: Tree) => Object.assign(jsonResources(t.stacks, 'vault_pki_secret_backend_root_cert')[0]!.body, { type: 'kms', managed_key_name: 'hsm' }), 'type'],
  ] as const)('%s', (_label, mutate, attribute) => {
    const { inv, path } = mutated(mutate);
    const asset = inv.assets.find((a) => a.bomRef === `algorithm:UNKNOWN:${path}`);
    expect(asset).toBeDefined();
    expect(asset!.status).toBe('unknown');
    expect(asset!.unknownReason).toBeTruthy();
    const component = componentByRef(inv.bom, `algorithm:UNKNOWN:${path}`);
    expect(component.name).toBe('UNKNOWN');
    expect(((component.cryptoProperties as Json).algorithmProperties as Json).primitive).toBe('unknown');
    expect(propertyValues(component, 'slz:unknown-attribute')).toEqual([attribute]);
    // A key still appears, pointing at the UNKNOWN asset (a PKI role holds no key of its own).
    const key = inv.keys.find((k) => k.bomRef === `key:${path}`);
    expect(key?.algorithmRef ?? 'no key').toBe(attribute === 'key_type' ? 'no key' : `algorithm:UNKNOWN:${path}`);
    expect(validateCbom(inv.bom).errors).toEqual([]);
  });

  it('a crypto-bearing resource the inventory does not model (an imported CA bundle) is UNKNOWN too', () => {
    const tree = copy(trees.minimal);
    const stack = tree.stacks.find((s) => s.name.includes('platform'))!;
    const resources = stack.json.resource as Record<string, Record<string, Json>>;
    resources.vault_pki_secret_backend_config_ca = { imported: { '//': { metadata: { path: `${stack.name}/imported-ca`, uniqueId: 'imported' } }, backend: 'pki', pem_bundle: '${var.bundle}' } };
    const inv = inventory(tree);
    expect(inv.assets.find((a) => a.bomRef === `algorithm:UNKNOWN:${stack.name}/imported-ca`)?.status).toBe('unknown');
    expect(validateCbom(inv.bom).valid).toBe(true);
  });
});

describe('Vault and OpenBao dialects', () => {
  it('reads each region’s dialect from slz-context.json: mldsa-87 (OpenBao) and ml-dsa 87 (Vault) are one ML-DSA-87 asset', () => {
    const tree = trees.openbao;
    const sign = jsonResources(tree.stacks, 'vault_transit_secret_backend_key').filter((r) => r.body.name === 'audit-sign');
    expect(sign.map((r) => [r.stack.name.split('-').pop(), r.body.type, r.body.parameter_set]).sort()).toEqual([
      ['cyberjaya', 'mldsa-87', undefined],
      ['kulim', 'ml-dsa', '87'],
    ]);
    const inv = inventory(tree);
    const asset = inv.assets.find((a) => a.name === 'ML-DSA-87')!;
    expect(asset.usedBy.filter((u) => u.role === 'transit-key').map((u) => u.dialect).sort()).toEqual(['openbao', 'vault']);
    expect(inv.dialects).toEqual({ cyberjaya: 'openbao', kulim: 'vault' });
    const openbaoEngine = (inv.bom.services as Json[]).find((s) => String(s.name).startsWith('OpenBao transit'));
    expect(openbaoEngine).toBeDefined();
    // Spelled as each server expects: no dialect note.
    for (const s of nonEmpty(sign, 'signing key')) expect(propertyValues(componentByRef(inv.bom, `key:${pathOf(s.body)}`), 'slz:note')).toEqual([]);
  });

  it("notes a spelling the region's server would refuse, without changing the classification", () => {
    const tree = copy(trees.openbao);
    const vaultKey = jsonResources(tree.stacks, 'vault_transit_secret_backend_key').find((r) => r.body.name === 'audit-sign' && r.stack.name.endsWith('kulim'))!;
    delete vaultKey.body.parameter_set;
    vaultKey.body.type = 'mldsa-87';
    const inv = inventory(tree);
    const key = componentByRef(inv.bom, `key:${pathOf(vaultKey.body)}`);
    expect(((key.cryptoProperties as Json).relatedCryptoMaterialProperties as Json).algorithmRef).toBe('algorithm:ML-DSA-87');
    expect(propertyValues(key, 'slz:note')).toEqual([expect.stringContaining("OpenBao's spelling")]);
    // Without slz-context.json there is no dialect, and the same classification.
    const plain = inventory(tree, { withContext: false });
    expect(plain.keys.find((k) => k.bomRef === `key:${pathOf(vaultKey.body)}`)?.algorithmRef).toBe('algorithm:ML-DSA-87');
    expect(plain.policy.jurisdiction).toBeNull();
  });

  it('recommends mldsa-87 where only OpenBao 2.7 uses a vulnerable key, a hybrid key where Vault Enterprise does', () => {
    const cyberjaya = { ...trees.openbao, stacks: trees.openbao.stacks.filter((s) => s.name.endsWith('cyberjaya')) };
    const onlyBao = inventory(cyberjaya).assets.find((a) => a.name === 'ECDSA-P-384')!;
    expect(onlyBao.target).toMatchObject({ kind: 'ML-DSA', algorithm: 'ML-DSA-87', server: 'OpenBao 2.7', transitKey: { type: 'ml-dsa', parameterSet: '87', spelled: 'mldsa-87' } });
    const kulim = { ...trees.openbao, stacks: trees.openbao.stacks.filter((s) => s.name.endsWith('kulim')) };
    const onlyVault = inventory(kulim).assets.find((a) => a.name === 'ECDSA-P-384')!;
    expect(onlyVault.target).toMatchObject({ kind: 'hybrid', algorithm: 'ML-DSA-87+ECDSA-P-384', transitKey: { type: 'hybrid', parameterSet: '87', hybridKeyTypeEc: 'ecdsa-p384' } });
    // Both regions: no single key type suits both servers, so none is proposed.
    const both = inventory(trees.openbao).assets.find((a) => a.name === 'ECDSA-P-384')!;
    expect(both.target).toMatchObject({ kind: 'ML-DSA', algorithm: 'ML-DSA-87', transitKey: null });
    expect(both.target?.summary).toContain('OpenBao 2.7: ML-DSA-87 as mldsa-87');
  });

  it('recommends no post-quantum transit type for a server that has none, and the conservative default without slz-context.json', () => {
    const base = copy(trees.openbao);
    const tree: Tree = { ...base, context: { ...base.context, vaultServers: { cyberjaya: { dialect: 'openbao', version: '2.6.2' }, kulim: { dialect: 'vault', edition: 'community' } } } };
    const inv = inventory(tree);
    const p384 = inv.assets.find((a) => a.name === 'ECDSA-P-384')!;
    expect(p384.target).toMatchObject({ algorithm: 'ML-DSA-87', transitKey: null });
    // Both servers refuse the ML-DSA keys the tree declares: listed as what fails at apply.
    expect(inv.refusedKeys.map((k) => k.reason)).toEqual(expect.arrayContaining([expect.stringContaining('needs OpenBao 2.7 or newer'), expect.stringContaining('needs Vault Enterprise')]));
    const plain = inventory(tree, { withContext: false });
    expect(plain.assets.find((a) => a.name === 'ECDSA-P-384')!.target).toMatchObject({ server: 'Vault Community 1.19 (assumed: no version declared)', transitKey: null });
    expect(plain.refusedKeys).toEqual([]);
  });
});

describe("each region's server travels in slz-context.json", () => {
  it('synth records dialect, edition and version; slz cbom on the tree gives the same readiness report as synth', () => {
    const tree = synthFixture('examples/asean-shared-service/landing-zone.yaml');
    expect(tree.context.vaultServers).toEqual({ sg1: { dialect: 'openbao', edition: 'community' } });
    const reportPath = join(tree.dir, 'reports', 'pqc-readiness.md');
    const fromSynth = readFileSync(reportPath, 'utf8');
    // OpenBao without a declared version is judged as 2.6: ML-DSA-87 is the target, with no transit type to declare.
    expect(fromSynth).toContain('Regions: sg1 runs OpenBao 2.6 (assumed: no version declared).');
    expect(fromSynth).toMatch(/- \*\*ECDSA-P-384 → ML-DSA-87\*\*: ML-DSA-87 \(FIPS 204; CNSA 2\.0\), but OpenBao 2\.6 \(assumed: no version declared\) offers no post-quantum transit key type/);
    expect(fromSynth).not.toContain('mldsa-87`');
    expect(slz('cbom', tree.dir).code).toBe(0);
    expect(readFileSync(reportPath, 'utf8').replace(/Checked on \S+/, '')).toBe(fromSynth.replace(/Checked on \S+/, ''));
  });

  it("reads a declared OpenBao 2.7 and an undeclared Vault Enterprise version, and refuses none of the tree's keys", () => {
    const openbao = inventory(trees.openbao);
    expect(openbao.servers).toEqual({ cyberjaya: 'OpenBao 2.7', kulim: 'Vault Enterprise 1.19 (assumed: no version declared)' });
    expect(openbao.refusedKeys).toEqual([]);
  });
});

describe('policy and context', () => {
  it('takes dates from the jurisdiction catalogue when slz-context.json is present, else the project default (IR 8547 IPD)', () => {
    const withContext = inventory(trees.full);
    expect(withContext.policy.jurisdiction).toBe('MY');
    expect(withContext.policy.requireHybridPqcAfter).toBe('2030-01-01');
    expect(withContext.policy.requireHybridPqcAdoptedAs).toBe('project-choice');
    const without = inventory(trees.full, { withContext: false });
    expect(without.policy.name).toContain('project default');
    const ecdsa = without.assets.find((a) => a.name === 'ECDSA-P-384-SHA-384')!;
    expect(ecdsa.disallowedAfter).toMatchObject({ after: '2035-12-31', fromDraft: true });
    expect(propertyValues(componentByRef(without.bom, ecdsa.bomRef), 'slz:disallowed-after')).toEqual(['2035-12-31']);
    expect(propertyValues(componentByRef(without.bom, ecdsa.bomRef), 'slz:disallowed-after:from-draft')).toEqual(['true']);
  });

  it('evaluates verdicts on the given day (only the inventory, never the BOM, depends on it)', () => {
    const before = buildCryptoInventory({ stacks: trees.full.stacks, context: trees.full.context, today: '2026-11-21' });
    const after = buildCryptoInventory({ stacks: trees.full.stacks, context: trees.full.context, today: '2036-01-01' });
    expect(before.assets.find((a) => a.name === 'ECDSA-P-384-SHA-384')?.verdict?.status).toBe('allowed');
    expect(after.assets.find((a) => a.name === 'ECDSA-P-384-SHA-384')?.verdict?.status).toBe('disallowed');
    expect(after.json).toBe(before.json);
  });
});
