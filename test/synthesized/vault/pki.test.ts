/** PKI keys, as VC-PK1 and the CBOM read them. */
import { parsePkiKey, pkiKeyBits, pkiKeyType } from '../../../src/synthesized/vault/pki';

describe('PKI keys', () => {
  it('defaults to rsa 2048 as the provider does', () => {
    expect(pkiKeyType({})).toEqual({ kind: 'value', keyType: 'rsa', defaulted: true });
    expect(pkiKeyBits({ key_bits: 0 }, 'ec')).toEqual({ kind: 'value', bits: 256, defaulted: true });
    expect(parsePkiKey({})).toEqual({ ok: true, value: { keyType: 'rsa', keyBits: 2048, usePss: false }, notes: [] });
  });

  it('reads type, size, signature bits and PSS', () => {
    expect(parsePkiKey({ key_type: 'ec', key_bits: '384', signature_bits: 384, use_pss: 'true' })).toEqual({ ok: true, value: { keyType: 'ec', keyBits: 384, signatureBits: 384, usePss: true }, notes: [] });
    expect(parsePkiKey({ key_type: 'ed25519' })).toMatchObject({ ok: true, value: { keyType: 'ed25519', keyBits: 0 } });
    expect(parsePkiKey({ key_type: 'rsa', signature_bits: '${x}' })).toMatchObject({ ok: true, notes: ['signature_bits is a reference: the digest is named by the key size default'] });
  });

  it('explains what it cannot classify', () => {
    expect(pkiKeyType({ key_type: 'any' })).toEqual({ kind: 'any' });
    expect(parsePkiKey({ key_type: 'any' })).toMatchObject({ ok: false, kind: 'unknown', attribute: 'key_type' });
    expect(parsePkiKey({ key_type: 'dsa' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^key_type "dsa" is not/) });
    expect(parsePkiKey({ key_type: '${var.t}' })).toMatchObject({ ok: false, kind: 'unresolved' });
    expect(parsePkiKey({ key_type: 'ec', key_bits: 192 })).toMatchObject({ ok: false, attribute: 'key_bits', reason: 'key_bits 192 is not a size this inventory can classify for ec' });
    expect(parsePkiKey({ key_type: 'rsa', key_bits: 'big' })).toMatchObject({ ok: false, reason: 'key_bits "big" is not a number' });
  });
});
