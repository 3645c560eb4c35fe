/**
 * `vault_transit_secret_backend_key`: its key type as the algorithm table names it (OpenBao's
 * `mldsa-N` spelling included), its parameters, size, rotation and whether its key material can
 * leave Vault. Read the same way by the vault-crypto rules, the CBOM and the plan review.
 */
import {
  HYBRID_EC_TYPES,
  ML_DSA_PARAMETER_SETS,
  SLH_DSA_PARAMETER_SETS,
  TRANSIT_KEY_TYPES,
  type TransitKeyDescription,
  type TransitKeyType,
} from '../../jurisdictions/algorithms';
import { transitKeySupport, type VaultServer } from '../../jurisdictions/server-capabilities';
import { boolOf, durationSeconds, read, readNumber, readString } from '../values';
import type { Parsed } from './parsed';

export const TRANSIT_KEY_RESOURCE = 'vault_transit_secret_backend_key';

/** Vault's (and the provider's) default transit key type. */
export const DEFAULT_TRANSIT_TYPE = 'aes256-gcm96';

export type TransitType =
  | { readonly kind: 'known'; readonly type: TransitKeyType; readonly emitted: string; readonly description: TransitKeyDescription }
  | { readonly kind: 'managed' }
  | { readonly kind: 'unresolved'; readonly expression: string }
  /** `literal` is false when the value is not a string, number or boolean (it is shown as JSON). */
  | { readonly kind: 'unrecognised'; readonly type: string; readonly literal: boolean };

/** The key type (default `aes256-gcm96`), with `parameter_set` and `hybrid_key_type_ec` as written (not validated). */
export function transitKeyType(body: Readonly<Record<string, unknown>>): TransitType {
  const t = readString(body, 'type');
  if (t.kind === 'unresolved') return { kind: 'unresolved', expression: t.expression };
  if (t.kind === 'invalid') return { kind: 'unrecognised', type: JSON.stringify(t.value), literal: false };
  const emitted = t.kind === 'value' ? t.value : DEFAULT_TRANSIT_TYPE;
  if (emitted === 'managed_key') return { kind: 'managed' };
  const param = readString(body, 'parameter_set');
  const ec = readString(body, 'hybrid_key_type_ec');
  const openbao = /^mldsa-(44|65|87)$/.exec(emitted);
  if (openbao) return { kind: 'known', type: 'ml-dsa', emitted, description: { type: 'ml-dsa', parameterSet: openbao[1]! } };
  if (!(TRANSIT_KEY_TYPES as readonly string[]).includes(emitted)) return { kind: 'unrecognised', type: emitted, literal: true };
  const type = emitted as TransitKeyType;
  return {
    kind: 'known',
    type,
    emitted,
    description: { type, ...(param.kind === 'value' ? { parameterSet: param.value } : {}), ...(ec.kind === 'value' ? { hybridKeyTypeEc: ec.value } : {}) },
  };
}

/**
 * The key, validated enough to classify: parameter sets and the hybrid halves checked. Both
 * dialects' spellings are recognised, so the classification never depends on the dialect; a
 * spelling the region's server would refuse is recorded as a note.
 */
export function parseTransitKey(body: Readonly<Record<string, unknown>>, server?: VaultServer): Parsed<TransitKeyDescription> {
  const dialect = server?.dialect;
  const t = transitKeyType(body);
  switch (t.kind) {
    case 'unresolved':
      return { ok: false, kind: 'unresolved', attribute: 'type', reason: `type is ${t.expression}, known only at plan time` };
    case 'managed':
      return { ok: false, kind: 'unknown', attribute: 'type', reason: 'managed_key: the algorithm is defined by the external KMS/HSM key, not in Terraform (VC-TR7)' };
    case 'unrecognised':
      if (!t.literal) return { ok: false, kind: 'unknown', attribute: 'type', reason: `type is not a string (${t.type})` };
      return { ok: false, kind: 'unknown', attribute: 'type', reason: `"${t.type}" is not a transit key type this inventory can classify (${TRANSIT_KEY_TYPES.join(', ')}, mldsa-44|65|87)` };
    case 'known':
      break;
  }
  const notes: string[] = [];
  if (t.type === 'ml-dsa' && t.emitted !== 'ml-dsa') {
    if (dialect === 'vault') notes.push(`${t.emitted} is OpenBao's spelling; Vault names this key type ml-dsa with parameter_set ${t.description.parameterSet}`);
    return { ok: true, value: t.description, notes: [...notes, ...refusalNotes('ml-dsa', server)] };
  }
  const type = t.type;
  const key: { type: TransitKeyType; parameterSet?: string; hybridKeyTypeEc?: string } = { type };
  if (type === 'ml-dsa' || type === 'slh-dsa' || type === 'hybrid') {
    const ps = readString(body, 'parameter_set');
    if (ps.kind === 'unresolved') return { ok: false, kind: 'unresolved', attribute: 'parameter_set', reason: `parameter_set is ${ps.expression}, known only at plan time` };
    const valid: readonly string[] = type === 'slh-dsa' ? SLH_DSA_PARAMETER_SETS : ML_DSA_PARAMETER_SETS;
    if (ps.kind !== 'value' || !valid.includes(ps.value)) {
      const got = ps.kind === 'absent' ? 'none' : JSON.stringify(ps.value);
      return { ok: false, kind: 'unknown', attribute: 'parameter_set', reason: `${type} needs parameter_set (one of ${valid.join(', ')}); got ${got}` };
    }
    key.parameterSet = ps.value;
    if (type === 'ml-dsa' && dialect === 'openbao') notes.push(`OpenBao names ML-DSA keys mldsa-${ps.value} (no parameter_set); "ml-dsa" would be refused`);
  }
  if (type === 'hybrid') {
    const pqc = readString(body, 'hybrid_key_type_pqc');
    if (pqc.kind === 'unresolved') return { ok: false, kind: 'unresolved', attribute: 'hybrid_key_type_pqc', reason: `hybrid_key_type_pqc is ${pqc.expression}, known only at plan time` };
    if (pqc.kind !== 'absent' && !(pqc.kind === 'value' && pqc.value === 'ml-dsa')) {
      return { ok: false, kind: 'unknown', attribute: 'hybrid_key_type_pqc', reason: `hybrid_key_type_pqc "${pqc.kind === 'value' ? pqc.value : JSON.stringify(pqc.value)}" is not ml-dsa, the only post-quantum half Vault offers` };
    }
    const ec = readString(body, 'hybrid_key_type_ec');
    if (ec.kind === 'unresolved') return { ok: false, kind: 'unresolved', attribute: 'hybrid_key_type_ec', reason: `hybrid_key_type_ec is ${ec.expression}, known only at plan time` };
    if (ec.kind !== 'value' || !(HYBRID_EC_TYPES as readonly string[]).includes(ec.value)) {
      const got = ec.kind === 'absent' ? 'none' : JSON.stringify(ec.value);
      return { ok: false, kind: 'unknown', attribute: 'hybrid_key_type_ec', reason: `hybrid keys need hybrid_key_type_ec (one of ${HYBRID_EC_TYPES.join(', ')}); got ${got}` };
    }
    key.hybridKeyTypeEc = ec.value;
  }
  return { ok: true, value: key, notes: [...notes, ...refusalNotes(type, server)] };
}

/** A note where the region's server refuses the key type (the capability table); none without a server. */
function refusalNotes(type: TransitKeyType, server: VaultServer | undefined): string[] {
  if (!server) return [];
  const v = transitKeySupport(server, type);
  return v.ok ? [] : [`the region's server refuses this key: ${v.reason}${v.acceptedBy ? ` (accepted by ${v.acceptedBy})` : ''}`];
}

/** Key size in bits where one is defined (symmetric, RSA, EC, Ed25519; HMAC from `key_size`, in bytes). */
export function transitKeySize(key: TransitKeyDescription, body: Readonly<Record<string, unknown>>): number | undefined {
  switch (key.type) {
    case 'aes128-gcm96':
    case 'aes128-cmac':
      return 128;
    case 'aes192-cmac':
      return 192;
    case 'aes256-gcm96':
    case 'aes256-cmac':
    case 'chacha20-poly1305':
    case 'ed25519':
      return 256;
    case 'hmac': {
      // key_size is in bytes (32–512). There is no usable default: the provider always sends
      // key_size, 0 when unset, and Vault refuses that key (VC-TR5) — so no size is assumed here.
      const size = readNumber(body, 'key_size');
      return size.kind === 'value' && Number.isInteger(size.value) && size.value > 0 ? size.value * 8 : undefined;
    }
    case 'ecdsa-p256':
    case 'ecdsa-p384':
    case 'ecdsa-p521':
      return Number(key.type.slice(7));
    case 'rsa-2048':
    case 'rsa-3072':
    case 'rsa-4096':
      return Number(key.type.slice(4));
    default:
      return undefined;
  }
}

/** The flags that let key material leave Vault; once true, Vault never lets them be turned off. */
export const EXPORT_FLAGS = ['exportable', 'allow_plaintext_backup'] as const;

/** Whether the key material can leave Vault (`exportable` or `allow_plaintext_backup`): `unresolved` when either is a reference. */
export function keyMaterialExportable(body: Readonly<Record<string, unknown>>): boolean | 'unresolved' {
  const flags = EXPORT_FLAGS.map((f) => boolOf(body[f]));
  if (flags.includes('unresolved')) return 'unresolved';
  return flags.includes(true);
}

/** `auto_rotate_period` in seconds (a number of seconds, or a Go duration), as written. */
export type RotationPeriod =
  | { readonly kind: 'absent' }
  | { readonly kind: 'unresolved'; readonly expression: string }
  | { readonly kind: 'invalid'; readonly value: unknown }
  | { readonly kind: 'value'; readonly value: unknown; readonly seconds: number };

export function autoRotatePeriod(body: Readonly<Record<string, unknown>>): RotationPeriod {
  const r = read(body, 'auto_rotate_period');
  if (r.kind !== 'value') return r;
  const seconds = durationSeconds(r.value);
  return seconds === undefined ? { kind: 'invalid', value: r.value } : { kind: 'value', value: r.value, seconds };
}
