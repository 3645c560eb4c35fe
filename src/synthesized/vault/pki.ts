/**
 * PKI keys of `vault_pki_secret_backend_*` resources (root and intermediate CAs, keys, roles):
 * `key_type`, `key_bits` with Vault's defaults, `signature_bits` and `use_pss`. Read the same way
 * by the vault-crypto rules and the CBOM.
 */
import { classifiablePkiKeyBits, PKI_KEY_TYPES, type PkiKeyType } from '../../jurisdictions/algorithms';
import { read, readBool, readNumber } from '../values';
import type { Parsed } from './parsed';

/** Resources that are, sign or hold a CA: destroying one breaks the chains it anchors. */
export const PKI_CA_RESOURCES: readonly string[] = [
  'vault_pki_secret_backend_root_cert',
  'vault_pki_secret_backend_intermediate_cert_request',
  'vault_pki_secret_backend_intermediate_set_signed',
  'vault_pki_secret_backend_root_sign_intermediate',
  'vault_pki_secret_backend_issuer',
  'vault_pki_secret_backend_key',
  'vault_pki_secret_backend_config_ca',
];

/** Vault's `key_bits` per key type when 0 or unset. */
export const PKI_DEFAULT_KEY_BITS: Readonly<Record<PkiKeyType, number>> = { rsa: 2048, ec: 256, ed25519: 0 };

export type PkiKeyTypeRead =
  | { readonly kind: 'unresolved'; readonly expression: string }
  /** Roles only: the key type of each certificate is chosen by the request. */
  | { readonly kind: 'any' }
  | { readonly kind: 'unrecognised'; readonly value: unknown }
  | { readonly kind: 'value'; readonly keyType: PkiKeyType; readonly defaulted: boolean };

/** `key_type`, defaulting to `rsa` as the provider does. */
export function pkiKeyType(body: Readonly<Record<string, unknown>>): PkiKeyTypeRead {
  const r = read(body, 'key_type');
  if (r.kind === 'unresolved') return r;
  if (r.kind === 'absent') return { kind: 'value', keyType: 'rsa', defaulted: true };
  if (r.value === 'any') return { kind: 'any' };
  if (typeof r.value === 'string' && (PKI_KEY_TYPES as readonly string[]).includes(r.value)) return { kind: 'value', keyType: r.value as PkiKeyType, defaulted: false };
  return { kind: 'unrecognised', value: r.value };
}

export type PkiKeyBitsRead =
  | { readonly kind: 'unresolved'; readonly expression: string }
  | { readonly kind: 'invalid'; readonly value: unknown }
  /** `defaulted` when key_bits is unset or 0 and Vault's default applies. */
  | { readonly kind: 'value'; readonly bits: number; readonly defaulted: boolean };

/** `key_bits` of a key of this type, Vault's default when unset or 0. */
export function pkiKeyBits(body: Readonly<Record<string, unknown>>, keyType: PkiKeyType): PkiKeyBitsRead {
  const r = readNumber(body, 'key_bits');
  if (r.kind === 'unresolved' || r.kind === 'invalid') return r;
  if (r.kind === 'absent' || r.value === 0) return { kind: 'value', bits: PKI_DEFAULT_KEY_BITS[keyType], defaulted: true };
  return { kind: 'value', bits: r.value, defaulted: false };
}

export interface PkiKeyParameters {
  readonly keyType: PkiKeyType;
  readonly keyBits: number;
  readonly signatureBits?: number;
  readonly usePss: boolean;
}

/** Reads `key_type`/`key_bits`/`signature_bits`/`use_pss` of a PKI resource (provider defaults: rsa, 2048), validated enough to classify. */
export function parsePkiKey(body: Readonly<Record<string, unknown>>): Parsed<PkiKeyParameters> {
  const t = pkiKeyType(body);
  if (t.kind === 'unresolved') return { ok: false, kind: 'unresolved', attribute: 'key_type', reason: `key_type is ${t.expression}, known only at plan time` };
  if (t.kind === 'any') return { ok: false, kind: 'unknown', attribute: 'key_type', reason: 'key_type "any": the key type of each certificate is chosen by the request, so it cannot be classified (VC-PK4)' };
  if (t.kind === 'unrecognised') {
    return { ok: false, kind: 'unknown', attribute: 'key_type', reason: `key_type ${JSON.stringify(t.value)} is not a PKI key type this inventory can classify (${PKI_KEY_TYPES.join(', ')})` };
  }
  const keyType = t.keyType;
  const b = pkiKeyBits(body, keyType);
  if (b.kind === 'unresolved') return { ok: false, kind: 'unresolved', attribute: 'key_bits', reason: `key_bits is ${b.expression}, known only at plan time` };
  if (b.kind === 'invalid') return { ok: false, kind: 'unknown', attribute: 'key_bits', reason: `key_bits ${JSON.stringify(b.value)} is not a number` };
  const keyBits = b.bits;
  if (!classifiablePkiKeyBits(keyType, keyBits)) return { ok: false, kind: 'unknown', attribute: 'key_bits', reason: `key_bits ${keyBits} is not a size this inventory can classify for ${keyType}` };
  const notes: string[] = [];
  const sig = readNumber(body, 'signature_bits');
  if (sig.kind === 'unresolved') notes.push('signature_bits is a reference: the digest is named by the key size default');
  const pss = readBool(body, 'use_pss');
  const usePss = pss.kind === 'value' && pss.value;
  return { ok: true, value: { keyType, keyBits, ...(sig.kind === 'value' && sig.value > 0 ? { signatureBits: sig.value } : {}), usePss }, notes };
}
