/** Reading a `vault_transit_secret_backend_key`'s type the way the algorithm table names it (OpenBao's `mldsa-N` included). */
import { TRANSIT_KEY_TYPES, type TransitKeyDescription, type TransitKeyType } from '../jurisdictions';
import { readString } from './attributes';

export type TransitType =
  | { readonly kind: 'known'; readonly type: TransitKeyType; readonly emitted: string; readonly description: TransitKeyDescription }
  | { readonly kind: 'managed' }
  | { readonly kind: 'unresolved'; readonly expression: string }
  | { readonly kind: 'unrecognised'; readonly type: string };

/** Vault's default transit key type. */
export const DEFAULT_TRANSIT_TYPE = 'aes256-gcm96';

export function transitType(body: Readonly<Record<string, unknown>>): TransitType {
  const t = readString(body, 'type');
  if (t.kind === 'unresolved') return { kind: 'unresolved', expression: t.expression };
  if (t.kind === 'invalid') return { kind: 'unrecognised', type: JSON.stringify(t.value) };
  const emitted = t.kind === 'value' ? t.value : DEFAULT_TRANSIT_TYPE;
  if (emitted === 'managed_key') return { kind: 'managed' };
  const param = readString(body, 'parameter_set');
  const ec = readString(body, 'hybrid_key_type_ec');
  const openbao = /^mldsa-(44|65|87)$/.exec(emitted);
  if (openbao) return { kind: 'known', type: 'ml-dsa', emitted, description: { type: 'ml-dsa', parameterSet: openbao[1]! } };
  if (!(TRANSIT_KEY_TYPES as readonly string[]).includes(emitted)) return { kind: 'unrecognised', type: emitted };
  const type = emitted as TransitKeyType;
  return {
    kind: 'known',
    type,
    emitted,
    description: { type, ...(param.kind === 'value' ? { parameterSet: param.value } : {}), ...(ec.kind === 'value' ? { hybridKeyTypeEc: ec.value } : {}) },
  };
}
