/** Transit keys, as the vault-crypto rules, the CBOM and the review read them. */
import { vaultServer } from '../../../src/jurisdictions/server-capabilities';
import { autoRotatePeriod, keyMaterialExportable, parseTransitKey, transitKeySize, transitKeyType } from '../../../src/synthesized/vault/transit-key';

describe('the key type', () => {
  it('defaults to aes256-gcm96 and knows managed keys and OpenBao spellings', () => {
    expect(transitKeyType({})).toMatchObject({ kind: 'known', type: 'aes256-gcm96', emitted: 'aes256-gcm96' });
    expect(transitKeyType({ type: 'managed_key' })).toEqual({ kind: 'managed' });
    expect(transitKeyType({ type: 'mldsa-87' })).toMatchObject({ kind: 'known', type: 'ml-dsa', description: { type: 'ml-dsa', parameterSet: '87' } });
    expect(transitKeyType({ type: 'hybrid', parameter_set: 65, hybrid_key_type_ec: 'ed25519' })).toMatchObject({ description: { type: 'hybrid', parameterSet: '65', hybridKeyTypeEc: 'ed25519' } });
  });

  it('tells references from unrecognised literals and non-literals', () => {
    expect(transitKeyType({ type: '${var.t}' })).toEqual({ kind: 'unresolved', expression: '${var.t}' });
    // An escaped `$${` is literal text Vault would receive, not an expression.
    expect(transitKeyType({ type: '$${t}' })).toEqual({ kind: 'unrecognised', type: '$${t}', literal: true });
    expect(transitKeyType({ type: 'des' })).toEqual({ kind: 'unrecognised', type: 'des', literal: true });
    expect(transitKeyType({ type: ['aes'] })).toEqual({ kind: 'unrecognised', type: '["aes"]', literal: false });
  });
});

describe('parseTransitKey', () => {
  it('validates post-quantum parameters', () => {
    expect(parseTransitKey({ type: 'ml-dsa', parameter_set: '65' })).toEqual({ ok: true, value: { type: 'ml-dsa', parameterSet: '65' }, notes: [] });
    expect(parseTransitKey({ type: 'ml-dsa', parameter_set: 65 })).toMatchObject({ ok: true, value: { parameterSet: '65' } });
    expect(parseTransitKey({ type: 'ml-dsa' })).toMatchObject({ ok: false, kind: 'unknown', attribute: 'parameter_set', reason: expect.stringMatching(/got none$/) });
    expect(parseTransitKey({ type: 'slh-dsa', parameter_set: '65' })).toMatchObject({ ok: false, attribute: 'parameter_set', reason: expect.stringMatching(/got "65"$/) });
    expect(parseTransitKey({ type: 'hybrid', parameter_set: '87', hybrid_key_type_ec: 'ecdsa-p384' })).toMatchObject({ ok: true, value: { hybridKeyTypeEc: 'ecdsa-p384' } });
    expect(parseTransitKey({ type: 'hybrid', parameter_set: '87', hybrid_key_type_pqc: 'slh-dsa', hybrid_key_type_ec: 'ed25519' })).toMatchObject({ ok: false, attribute: 'hybrid_key_type_pqc' });
    expect(parseTransitKey({ type: 'hybrid', parameter_set: '87', hybrid_key_type_ec: '${x}' })).toMatchObject({ ok: false, kind: 'unresolved', attribute: 'hybrid_key_type_ec' });
  });

  it('notes spellings the region\'s server would refuse, without changing the classification', () => {
    const enterprise = vaultServer({ dialect: 'vault', edition: 'enterprise', version: '1.21.1' });
    const bao = vaultServer({ dialect: 'openbao', version: '2.7' });
    expect(parseTransitKey({ type: 'mldsa-65' }, enterprise)).toMatchObject({ ok: true, value: { type: 'ml-dsa', parameterSet: '65' }, notes: [expect.stringMatching(/OpenBao's spelling/)] });
    expect(parseTransitKey({ type: 'ml-dsa', parameter_set: '65' }, bao)).toMatchObject({ ok: true, notes: [expect.stringMatching(/mldsa-65/)] });
    expect(parseTransitKey({ type: 'aes256-cmac' }, bao)).toMatchObject({ ok: true, notes: [expect.stringMatching(/^the region's server refuses this key: /)] });
    // The capability table decides: Vault Community refuses post-quantum keys (ErrPQCEntOnly).
    expect(parseTransitKey({ type: 'ml-dsa', parameter_set: '65' }, vaultServer({ dialect: 'vault', edition: 'community' }))).toMatchObject({ ok: true, notes: [expect.stringMatching(/refuses this key/)] });
  });

  it('explains what it cannot classify', () => {
    expect(parseTransitKey({ type: '${var.t}' })).toMatchObject({ ok: false, kind: 'unresolved', reason: 'type is ${var.t}, known only at plan time' });
    expect(parseTransitKey({ type: 'managed_key' })).toMatchObject({ ok: false, kind: 'unknown', reason: expect.stringMatching(/^managed_key/) });
    expect(parseTransitKey({ type: { a: 1 } })).toMatchObject({ ok: false, reason: 'type is not a string ({"a":1})' });
  });
});

describe('size, export and rotation', () => {
  it('sizes keys, HMAC keys from key_size in bytes', () => {
    expect(transitKeySize({ type: 'aes128-gcm96' }, {})).toBe(128);
    expect(transitKeySize({ type: 'rsa-3072' }, {})).toBe(3072);
    // No key_size: the provider sends 0, which Vault refuses (VC-TR5); no size is assumed.
    expect(transitKeySize({ type: 'hmac' }, {})).toBeUndefined();
    expect(transitKeySize({ type: 'hmac' }, { key_size: 0 })).toBeUndefined();
    expect(transitKeySize({ type: 'hmac' }, { key_size: '64' })).toBe(512);
    expect(transitKeySize({ type: 'hmac' }, { key_size: '${x}' })).toBeUndefined();
    expect(transitKeySize({ type: 'ml-dsa', parameterSet: '65' }, {})).toBeUndefined();
  });

  it('says whether key material can leave Vault', () => {
    expect(keyMaterialExportable({})).toBe(false);
    expect(keyMaterialExportable({ exportable: false, allow_plaintext_backup: 'true' })).toBe(true);
    expect(keyMaterialExportable({ exportable: '${var.e}' })).toBe('unresolved');
  });

  it('reads the rotation period in seconds', () => {
    expect(autoRotatePeriod({ auto_rotate_period: 7776000 })).toEqual({ kind: 'value', value: 7776000, seconds: 7776000 });
    expect(autoRotatePeriod({ auto_rotate_period: '720h' })).toMatchObject({ kind: 'value', seconds: 2592000 });
    expect(autoRotatePeriod({ auto_rotate_period: 'monthly' })).toEqual({ kind: 'invalid', value: 'monthly' });
    expect(autoRotatePeriod({})).toEqual({ kind: 'absent' });
  });
});
