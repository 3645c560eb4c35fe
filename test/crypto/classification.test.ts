/**
 * Table-driven classification of every transit key type (both dialects' spellings, every
 * parameter set, hybrid combinations) and every PKI key type/size, as the CBOM records it.
 *
 * Input: the synthesized `pqc-all-types.yaml` tree, which declares every type Malaysia's crypto
 * policy accepts today. The types that policy refuses (aes128-gcm96, chacha20-poly1305, ed25519,
 * ecdsa-p256, rsa-2048, the CMAC types, ml-dsa 44) and the other PKI key types cannot come from a
 * valid landing-zone file, so each row mutates `type` (or `key_type`/`key_bits`) on a key of that
 * synthesized tree: the classification, not the landing-zone policy, is what is under test here.
 *
 * The expected values are written out by hand from shared/docs/reference/cbom.md §9–§10 and the
 * catalogue's dates (NIST IR 8547 IPD), not computed with the library under test.
 */
import { buildCryptoInventory, type CryptoAsset, type CryptoInventory } from '../../src/crypto';
import { validateCbom } from '../../src/crypto/validate';
import { rule as PQ1 } from '../../src/compliance/rules/pqc-readiness/pq-1-quantum-vulnerable';
import type { Outcome } from '../../src/compliance/types';
import { resourcesOf, type SynthStack } from '../../src/synthesized';
import { componentByRef, copy, FIXTURES, jsonResources, pathOf, synthFixture, TODAY, type Json, type Tree } from './_trees';

let base: Tree;
beforeAll(() => {
  base = synthFixture(FIXTURES.allTypes);
});

interface Expected {
  /** Every algorithm the key uses (its HMAC key aside). */
  readonly names: readonly string[];
  /** The algorithm the key component refers to. */
  readonly key: string;
  readonly primitive: string;
  readonly classical: number | null;
  readonly level: number;
  readonly vulnerable: boolean;
  readonly status: CryptoAsset['status'];
  readonly deprecated?: string;
  readonly disallowed?: string;
  readonly size?: number;
  readonly material: 'secret-key' | 'private-key';
  readonly oid?: string;
}

const DIS = '2035-12-31';
const DEP = '2030-12-31';

const sym = (name: string, primitive: string, bits: number, level: number, oid?: string): Expected => ({
  names: [name],
  key: name,
  primitive,
  classical: bits,
  level,
  vulnerable: false,
  status: bits >= 256 ? 'quantum-resistant' : 'symmetric-below-256',
  size: bits,
  material: 'secret-key',
  ...(oid ? { oid } : {}),
});
const classicalSig = (name: string, bits: number, size: number, extra: Partial<Expected> = {}): Expected => ({
  names: [name],
  key: name,
  primitive: 'signature',
  classical: bits,
  level: 0,
  vulnerable: true,
  status: 'quantum-vulnerable',
  disallowed: DIS,
  size,
  material: 'private-key',
  ...extra,
});
const rsa = (bits: number, classical: number, deprecated?: string): Expected => ({
  names: [`RSA-OAEP-${bits}`, `RSA-PSS-${bits}`],
  key: `RSA-OAEP-${bits}`,
  primitive: 'pke',
  classical,
  level: 0,
  vulnerable: true,
  status: 'quantum-vulnerable',
  ...(deprecated ? { deprecated } : {}),
  disallowed: DIS,
  size: bits,
  material: 'private-key',
  oid: '1.2.840.113549.1.1.7',
});
const pq = (name: string, level: number, oid: string): Expected => ({ names: [name], key: name, primitive: 'signature', classical: null, level, vulnerable: false, status: 'post-quantum', material: 'private-key', oid });
const hybrid = (pqName: string, ecName: string, classical: number, level: number): Expected => ({
  names: [`${pqName}+${ecName}`, pqName, ecName],
  key: `${pqName}+${ecName}`,
  primitive: 'combiner',
  classical,
  level,
  vulnerable: false,
  status: 'hybrid',
  material: 'private-key',
});

const SLH_SETS = ['sha2-128s', 'sha2-128f', 'sha2-192s', 'sha2-192f', 'sha2-256s', 'sha2-256f', 'shake-128s', 'shake-128f', 'shake-192s', 'shake-192f', 'shake-256s', 'shake-256f'];

const TRANSIT_ROWS: readonly [string, Json, Expected][] = [
  ['aes128-gcm96', {}, sym('AES-128-GCM', 'ae', 128, 1, '2.16.840.1.101.3.4.1.6')],
  ['aes256-gcm96', {}, sym('AES-256-GCM', 'ae', 256, 5, '2.16.840.1.101.3.4.1.46')],
  ['chacha20-poly1305', {}, sym('ChaCha20-Poly1305', 'ae', 256, 5, '1.2.840.113549.1.9.16.3.18')],
  ['ed25519', {}, classicalSig('Ed25519', 128, 256, { oid: '1.3.101.112' })],
  ['ecdsa-p256', {}, classicalSig('ECDSA-P-256', 128, 256, { deprecated: DEP })],
  ['ecdsa-p384', {}, classicalSig('ECDSA-P-384', 192, 384)],
  ['ecdsa-p521', {}, classicalSig('ECDSA-P-521', 256, 521)],
  ['rsa-2048', {}, rsa(2048, 112, DEP)],
  ['rsa-3072', {}, rsa(3072, 128)],
  ['rsa-4096', {}, rsa(4096, 152)],
  ['hmac', { key_size: 32 }, sym('HMAC-SHA-256', 'mac', 256, 5, '1.2.840.113549.2.9')],
  ['aes128-cmac', {}, sym('AES-128-CMAC', 'mac', 128, 1)],
  ['aes192-cmac', {}, sym('AES-192-CMAC', 'mac', 192, 3)],
  ['aes256-cmac', {}, sym('AES-256-CMAC', 'mac', 256, 5)],
  ['ml-dsa', { parameter_set: '44' }, pq('ML-DSA-44', 2, '2.16.840.1.101.3.4.3.17')],
  ['ml-dsa', { parameter_set: '65' }, pq('ML-DSA-65', 3, '2.16.840.1.101.3.4.3.18')],
  ['ml-dsa', { parameter_set: '87' }, pq('ML-DSA-87', 5, '2.16.840.1.101.3.4.3.19')],
  // OpenBao's spelling (cbom.md §11), classified the same whatever the region's dialect.
  ['mldsa-44', {}, pq('ML-DSA-44', 2, '2.16.840.1.101.3.4.3.17')],
  ['mldsa-65', {}, pq('ML-DSA-65', 3, '2.16.840.1.101.3.4.3.18')],
  ['mldsa-87', {}, pq('ML-DSA-87', 5, '2.16.840.1.101.3.4.3.19')],
  ...SLH_SETS.map((set, i): [string, Json, Expected] => {
    const [hash, size] = set.split('-') as [string, string];
    const name = `SLH-DSA-${hash.toUpperCase()}-${size}`;
    const level = size.startsWith('128') ? 1 : size.startsWith('192') ? 3 : 5;
    return ['slh-dsa', { parameter_set: `slh-dsa-${set}` }, pq(name, level, `2.16.840.1.101.3.4.3.${20 + i}`)];
  }),
  ['hybrid', { parameter_set: '65', hybrid_key_type_pqc: 'ml-dsa', hybrid_key_type_ec: 'ecdsa-p384' }, hybrid('ML-DSA-65', 'ECDSA-P-384', 192, 3)],
  ['hybrid', { parameter_set: '87', hybrid_key_type_pqc: 'ml-dsa', hybrid_key_type_ec: 'ed25519' }, hybrid('ML-DSA-87', 'Ed25519', 128, 5)],
  ['hybrid', { parameter_set: '44', hybrid_key_type_ec: 'ecdsa-p256' }, hybrid('ML-DSA-44', 'ECDSA-P-256', 128, 2)],
  ['hybrid', { parameter_set: '87', hybrid_key_type_ec: 'ecdsa-p521' }, hybrid('ML-DSA-87', 'ECDSA-P-521', 256, 5)],
];

function tenantStack(stacks: readonly SynthStack[]): SynthStack {
  return stacks.find((s) => s.name.includes('-tenant-'))!;
}

function assetByName(inv: CryptoInventory, name: string): CryptoAsset {
  const a = inv.assets.find((x) => x.name === name);
  if (!a) throw new Error(`no asset ${name} in ${inv.assets.map((x) => x.name).join(', ')}`);
  return a;
}

function outcomes(o: Outcome | readonly Outcome[]): Outcome[] {
  return Array.isArray(o) ? [...(o as readonly Outcome[])] : [o as Outcome];
}

describe('transit key types', () => {
  it('gives an hmac key without key_size no size: the provider sends 0, which Vault refuses (VC-TR5)', () => {
    const tree = copy(base);
    const target = jsonResources([tenantStack(tree.stacks)], 'vault_transit_secret_backend_key').find((r) => r.body.name === 'data')!;
    Object.assign(target.body, { type: 'hmac' });
    delete target.body['key_size'];
    const inv = buildCryptoInventory({ stacks: tree.stacks, context: tree.context, today: TODAY });
    const rcm = (componentByRef(inv.bom, `key:${pathOf(target.body)}`).cryptoProperties as Json).relatedCryptoMaterialProperties as Json;
    expect(rcm.algorithmRef).toBe('algorithm:HMAC-SHA-256');
    expect(rcm.size).toBeUndefined();
  });

  it('covers every transit key type the table knows', () => {
    const types = new Set(TRANSIT_ROWS.map(([t]) => t));
    for (const t of ['aes128-gcm96', 'aes256-gcm96', 'chacha20-poly1305', 'ed25519', 'ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521', 'rsa-2048', 'rsa-3072', 'rsa-4096', 'hmac', 'aes128-cmac', 'aes192-cmac', 'aes256-cmac', 'ml-dsa', 'slh-dsa', 'hybrid']) {
      expect(types).toContain(t);
    }
  });

  it.each(TRANSIT_ROWS.map(([type, extra, e]) => [`${type} ${JSON.stringify(extra)}`, type, extra, e] as const))('%s', (_label, type, extra, e) => {
    const tree = copy(base);
    const stack = tenantStack(tree.stacks);
    const target = jsonResources([stack], 'vault_transit_secret_backend_key').find((r) => r.body.name === 'data')!;
    for (const k of ['parameter_set', 'hybrid_key_type_pqc', 'hybrid_key_type_ec']) delete target.body[k];
    Object.assign(target.body, { type, ...extra });
    const path = pathOf(target.body);

    const inv = buildCryptoInventory({ stacks: tree.stacks, context: tree.context, today: TODAY });
    const key = componentByRef(inv.bom, `key:${path}`);
    const rcm = (key.cryptoProperties as Json).relatedCryptoMaterialProperties as Json;
    expect(rcm.algorithmRef).toBe(`algorithm:${e.key}`);
    expect(rcm.type).toBe(e.material);
    expect(rcm.state).toBe('active');
    expect(rcm.size).toBe(e.size);
    expect((rcm.securedBy as Json).mechanism).toBe('Vault transit (non-exportable)');

    // Every algorithm the key uses, and nothing else, names this key.
    const used = inv.assets.filter((a) => a.usedBy.some((u) => u.constructPath === path && u.role === 'transit-key')).map((a) => a.name);
    expect(used.sort()).toEqual([...e.names].sort());

    const asset = assetByName(inv, e.key);
    expect(asset.primitive).toBe(e.primitive);
    expect(asset.classicalSecurityBits).toBe(e.classical);
    expect(asset.nistQuantumSecurityLevel).toBe(e.level);
    expect(asset.quantumVulnerable).toBe(e.vulnerable);
    expect(asset.status).toBe(e.status);
    expect(asset.deprecatedAfter?.after).toBe(e.deprecated);
    expect(asset.disallowedAfter?.after).toBe(e.disallowed);
    if (e.deprecated) expect(asset.deprecatedAfter?.fromDraft).toBe(true);
    if (e.disallowed) expect(asset.disallowedAfter?.fromDraft).toBe(true);

    const component = componentByRef(inv.bom, asset.bomRef);
    const crypto = component.cryptoProperties as Json;
    const ap = crypto.algorithmProperties as Json;
    expect(component.name).toBe(e.key);
    expect(ap.primitive).toBe(e.primitive);
    expect(ap.nistQuantumSecurityLevel).toBe(e.level);
    expect(ap.classicalSecurityLevel).toBe(e.classical ?? undefined);
    expect(crypto.oid).toBe(e.oid);

    // The HMAC key transit creates beside every key.
    const hmac = componentByRef(inv.bom, `key:${path}/hmac`);
    expect(((hmac.cryptoProperties as Json).relatedCryptoMaterialProperties as Json).algorithmRef).toBe('algorithm:HMAC-SHA-256');

    // The rule reads the same classification.
    const ref = resourcesOf(stack).find((r) => r.body === target.body)!;
    const pq1 = outcomes(PQ1.check(ref, { today: TODAY, stacks: tree.stacks }));
    expect(pq1.some((o) => o.status === 'fail')).toBe(e.status === 'quantum-vulnerable');

    expect(validateCbom(inv.bom).errors).toEqual([]);
  });
});

interface PkiRow {
  readonly keyType: string;
  readonly keyBits: number;
  readonly signatureBits?: number;
  readonly usePss?: boolean;
  readonly name: string;
  readonly classical: number;
  readonly deprecated?: string;
  readonly oid?: string;
  readonly size: number;
}

const PKI_ROWS: readonly PkiRow[] = [
  { keyType: 'rsa', keyBits: 2048, name: 'RSA-PKCS1-1.5-SHA-256-2048', classical: 112, deprecated: DEP, oid: '1.2.840.113549.1.1.11', size: 2048 },
  { keyType: 'rsa', keyBits: 3072, signatureBits: 384, name: 'RSA-PKCS1-1.5-SHA-384-3072', classical: 128, oid: '1.2.840.113549.1.1.12', size: 3072 },
  { keyType: 'rsa', keyBits: 4096, signatureBits: 512, name: 'RSA-PKCS1-1.5-SHA-512-4096', classical: 152, oid: '1.2.840.113549.1.1.13', size: 4096 },
  { keyType: 'rsa', keyBits: 4096, signatureBits: 256, usePss: true, name: 'RSA-PSS-SHA-256-4096', classical: 152, oid: '1.2.840.113549.1.1.10', size: 4096 },
  { keyType: 'ec', keyBits: 224, name: 'ECDSA-P-224-SHA-256', classical: 112, oid: '1.2.840.10045.4.3.2', size: 224 },
  { keyType: 'ec', keyBits: 256, signatureBits: 256, name: 'ECDSA-P-256-SHA-256', classical: 128, deprecated: DEP, oid: '1.2.840.10045.4.3.2', size: 256 },
  { keyType: 'ec', keyBits: 0, name: 'ECDSA-P-256-SHA-256', classical: 128, deprecated: DEP, oid: '1.2.840.10045.4.3.2', size: 256 },
  { keyType: 'ec', keyBits: 384, name: 'ECDSA-P-384-SHA-384', classical: 192, oid: '1.2.840.10045.4.3.3', size: 384 },
  { keyType: 'ec', keyBits: 521, signatureBits: 512, name: 'ECDSA-P-521-SHA-512', classical: 256, oid: '1.2.840.10045.4.3.4', size: 521 },
  { keyType: 'ed25519', keyBits: 0, name: 'Ed25519', classical: 128, oid: '1.3.101.112', size: 256 },
];

describe('PKI key types', () => {
  it.each(PKI_ROWS.map((r) => [`${r.keyType} ${r.keyBits}${r.signatureBits ? ` sig ${r.signatureBits}` : ''}${r.usePss ? ' pss' : ''}`, r] as const))('root CA %s', (_label, row) => {
    const tree = copy(base);
    const root = jsonResources(tree.stacks, 'vault_pki_secret_backend_root_cert')[0]!;
    delete root.body.signature_bits;
    Object.assign(root.body, { key_type: row.keyType, key_bits: row.keyBits }, row.signatureBits ? { signature_bits: row.signatureBits } : {}, row.usePss ? { use_pss: true } : {});
    const path = pathOf(root.body);

    const inv = buildCryptoInventory({ stacks: tree.stacks, context: tree.context, today: TODAY });
    const asset = assetByName(inv, row.name);
    expect(asset.primitive).toBe('signature');
    expect(asset.classicalSecurityBits).toBe(row.classical);
    expect(asset.nistQuantumSecurityLevel).toBe(0);
    expect(asset.quantumVulnerable).toBe(true);
    expect(asset.status).toBe('quantum-vulnerable');
    expect(asset.deprecatedAfter?.after).toBe(row.deprecated);
    expect(asset.disallowedAfter?.after).toBe(DIS);
    expect(asset.disallowedAfter?.fromDraft).toBe(true);
    expect(asset.target?.kind).toBe('ML-DSA');
    expect((componentByRef(inv.bom, asset.bomRef).cryptoProperties as Json).oid).toBe(row.oid);

    const key = ((componentByRef(inv.bom, `key:${path}`).cryptoProperties as Json).relatedCryptoMaterialProperties as Json);
    expect(key).toMatchObject({ type: 'private-key', algorithmRef: asset.bomRef, size: row.size, securedBy: { mechanism: 'Vault PKI (internal, non-exportable)' } });
    const cert = (componentByRef(inv.bom, `certificate:${path}`).cryptoProperties as Json).certificateProperties as Json;
    expect(cert).toMatchObject({ signatureAlgorithmRef: asset.bomRef, subjectPublicKeyRef: `key:${path}`, certificateFormat: 'X.509' });
    expect(cert.issuerName).toBe(cert.subjectName);
    expect(validateCbom(inv.bom).errors).toEqual([]);
  });

  it.each([
    ['ec', 384, 'ECDSA-P-384'],
    ['ec', 256, 'ECDSA-P-256'],
    ['rsa', 2048, 'RSA-PKCS1-1.5-2048'],
    ['rsa', 3072, 'RSA-PKCS1-1.5-3072'],
    ['ed25519', 0, 'Ed25519'],
  ] as const)('role issuing %s %s leaf keys', (keyType, keyBits, name) => {
    const tree = copy(base);
    const role = jsonResources(tree.stacks, 'vault_pki_secret_backend_role')[0]!;
    Object.assign(role.body, { key_type: keyType, key_bits: keyBits });
    const inv = buildCryptoInventory({ stacks: tree.stacks, context: tree.context, today: TODAY });
    const asset = assetByName(inv, name);
    expect(asset.usedBy.map((u) => u.constructPath)).toContain(pathOf(role.body));
    expect(asset.status).toBe('quantum-vulnerable');
    // A role holds no key: its leaf keys are made per certificate.
    expect(inv.keys.some((k) => k.constructPath === pathOf(role.body))).toBe(false);
  });

  it('signs the intermediate with the issuer root key, digest chosen by the root key size', () => {
    const tree = copy(base);
    const root = jsonResources(tree.stacks, 'vault_pki_secret_backend_root_cert')[0]!;
    Object.assign(root.body, { key_type: 'rsa', key_bits: 4096, signature_bits: 512 });
    const csr = jsonResources(tree.stacks, 'vault_pki_secret_backend_intermediate_cert_request')[0]!;
    const inv = buildCryptoInventory({ stacks: tree.stacks, context: tree.context, today: TODAY });
    const cert = (componentByRef(inv.bom, `certificate:${pathOf(csr.body)}`).cryptoProperties as Json).certificateProperties as Json;
    // root_sign_intermediate sets no signature_bits: Vault uses SHA-256 for RSA issuers.
    expect(cert.signatureAlgorithmRef).toBe('algorithm:RSA-PKCS1-1.5-SHA-256-4096');
    expect(cert.issuerName).toBe((componentByRef(inv.bom, `certificate:${pathOf(root.body)}`).cryptoProperties as { certificateProperties: Json }).certificateProperties.subjectName);
    // The intermediate's own key (ec 521 in the fixture) is its subject key.
    expect(cert.subjectPublicKeyRef).toBe(`key:${pathOf(csr.body)}`);
  });
});
