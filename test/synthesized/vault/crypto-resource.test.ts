/** Which Vault resources carry cryptography and what their keys are: one classification for the CBOM and the pqc-readiness rules. */
import { classifyCryptoResource, cryptoResourceRole, KEY_ALGORITHM_RESOURCE_TYPES } from '../../../src/synthesized/vault/crypto-resource';

describe('classifyCryptoResource', () => {
  it('maps a transit key to its algorithms, size and type', () => {
    const c = classifyCryptoResource('vault_transit_secret_backend_key', { type: 'rsa-3072' });
    expect(c).toMatchObject({ kind: 'mapped', role: 'transit-key', declaredType: 'rsa-3072', keySizeBits: 3072, holdsKey: true });
    if (c.kind !== 'mapped') throw new Error('mapped');
    expect(c.algorithms.map((a) => a.cdx.name)).toHaveLength(2);
  });

  it('maps CA keys with their digest, and a role\'s leaf keys without', () => {
    const root = classifyCryptoResource('vault_pki_secret_backend_root_cert', { type: 'internal', key_type: 'ec', key_bits: 384 });
    const role = classifyCryptoResource('vault_pki_secret_backend_role', { key_type: 'ec', key_bits: 384 });
    expect(root).toMatchObject({ kind: 'mapped', declaredType: 'ec 384', holdsKey: true });
    expect(role).toMatchObject({ kind: 'mapped', holdsKey: false });
    if (root.kind !== 'mapped' || role.kind !== 'mapped') throw new Error('mapped');
    expect(root.keyAlgorithm.cdx.name).toMatch(/SHA-384/);
    expect(role.keyAlgorithm.cdx.name).not.toMatch(/SHA/);
  });

  it('says what it cannot classify and why', () => {
    expect(classifyCryptoResource('vault_pki_secret_backend_root_cert', { type: 'kms' })).toMatchObject({ kind: 'unknown', attribute: 'type' });
    expect(classifyCryptoResource('vault_pki_secret_backend_root_cert', { type: '${var.t}' })).toMatchObject({ kind: 'unresolved', reason: 'type is ${var.t}, known only at plan time' });
    expect(classifyCryptoResource('vault_pki_secret_backend_root_sign_intermediate', {})).toMatchObject({ kind: 'derived' });
    expect(classifyCryptoResource('vault_pki_secret_backend_cert', {})).toMatchObject({ kind: 'unknown', holdsKey: false });
    expect(classifyCryptoResource('vault_mount', {})).toEqual({ kind: 'not-crypto' });
  });

  it('lists the roles of crypto-bearing types', () => {
    expect(cryptoResourceRole('vault_pki_secret_backend_key')).toBe('pki-key');
    expect(cryptoResourceRole('kubernetes_secret_v1')).toBeUndefined();
    expect(KEY_ALGORITHM_RESOURCE_TYPES).not.toContain('vault_pki_secret_backend_root_sign_intermediate');
  });
});
