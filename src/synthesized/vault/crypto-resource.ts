/**
 * Which Vault resources carry cryptography and what each one's key is, for the CBOM (src/crypto)
 * and the pqc-readiness rules: one classification, so the two never disagree. The algorithms
 * themselves come from the table in src/jurisdictions/algorithms.ts.
 */
import { pkiAlgorithmUse, transitKeyAlgorithms, type AlgorithmUse, type TransitKeyDescription } from '../../jurisdictions/algorithms';
import type { VaultServer } from '../../jurisdictions/server-capabilities';
import { isUnresolved, unresolvedText } from '../values';
import { parsePkiKey } from './pki';
import { parseTransitKey, transitKeySize } from './transit-key';

/** What a crypto-bearing Terraform resource is, for the CBOM and the pqc-readiness rules. */
export type CryptoResourceRole =
  | 'transit-key'
  | 'pki-root-ca'
  | 'pki-intermediate-ca'
  | 'pki-key'
  | 'pki-role'
  /** `root_sign_intermediate`: signs with its issuer's key; its algorithm is the issuer's. */
  | 'pki-signing'
  /** Carries cryptography the inventory does not model (imported PEM bundles, leaf certificates, managed keys). */
  | 'unmodelled';

const CRYPTO_RESOURCES: ReadonlyMap<string, CryptoResourceRole> = new Map<string, CryptoResourceRole>([
  ['vault_transit_secret_backend_key', 'transit-key'],
  ['vault_pki_secret_backend_root_cert', 'pki-root-ca'],
  ['vault_pki_secret_backend_intermediate_cert_request', 'pki-intermediate-ca'],
  ['vault_pki_secret_backend_key', 'pki-key'],
  ['vault_pki_secret_backend_role', 'pki-role'],
  ['vault_pki_secret_backend_root_sign_intermediate', 'pki-signing'],
  ['vault_pki_secret_backend_config_ca', 'unmodelled'],
  ['vault_pki_secret_backend_cert', 'unmodelled'],
  ['vault_pki_secret_backend_sign', 'unmodelled'],
  ['vault_managed_keys', 'unmodelled'],
]);

/** Every Terraform resource type that carries cryptography (rule PQ-4 checks each one maps). */
export const CRYPTO_RESOURCE_TYPES: readonly string[] = [...CRYPTO_RESOURCES.keys()];
/** Resource types that declare a key algorithm (the PQ-1/2/3/5 subjects). */
export const KEY_ALGORITHM_RESOURCE_TYPES: readonly string[] = [...CRYPTO_RESOURCES].filter(([, r]) => r !== 'pki-signing' && r !== 'unmodelled').map(([t]) => t);

export function cryptoResourceRole(type: string): CryptoResourceRole | undefined {
  return CRYPTO_RESOURCES.get(type);
}

/** How a crypto-bearing resource maps onto the inventory. */
export type CryptoResourceClassification =
  | {
      readonly kind: 'mapped';
      readonly role: CryptoResourceRole;
      /** Every algorithm the resource uses: RSA transit keys two (OAEP, PSS), hybrid keys three (combination and halves). */
      readonly algorithms: readonly AlgorithmUse[];
      /** The algorithm its key material (or its leaf keys, for a role) is for. */
      readonly keyAlgorithm: AlgorithmUse;
      /** The key type as the resource declares it (`mldsa-65`, `ec`, …) and its normalised transit description. */
      readonly declaredType: string;
      readonly transitKey?: TransitKeyDescription;
      /** Key size in bits where one is defined (symmetric, RSA, EC, Ed25519). */
      readonly keySizeBits?: number;
      /** The resource creates key material in Vault (a transit key, a CA key, a PKI key); false for a role. */
      readonly holdsKey: boolean;
      /** Dialect mismatches and other facts worth recording; never change the classification. */
      readonly notes: readonly string[];
    }
  | { readonly kind: 'derived'; readonly role: CryptoResourceRole; readonly reason: string }
  /** A `${…}` reference decides the algorithm: known only at plan or apply time. */
  | { readonly kind: 'unresolved'; readonly role: CryptoResourceRole; readonly attribute: string; readonly reason: string; readonly holdsKey: boolean }
  /** A literal value that cannot be classified (managed keys, `any`, a type this table does not know). */
  | { readonly kind: 'unknown'; readonly role: CryptoResourceRole; readonly attribute?: string; readonly reason: string; readonly holdsKey: boolean }
  | { readonly kind: 'not-crypto' };

/**
 * Classifies one Terraform resource (cdk.tf.json or plan JSON values). Never throws. The
 * server only adds notes (a spelling or a key type it refuses): both spellings of every key type classify the same way.
 */
export function classifyCryptoResource(type: string, body: Readonly<Record<string, unknown>>, server?: VaultServer): CryptoResourceClassification {
  const role = CRYPTO_RESOURCES.get(type);
  if (!role) return { kind: 'not-crypto' };
  switch (role) {
    case 'transit-key': {
      const parsed = parseTransitKey(body, server);
      if (!parsed.ok) return { kind: parsed.kind, role, attribute: parsed.attribute, reason: parsed.reason, holdsKey: true };
      const algorithms = transitKeyAlgorithms(parsed.value);
      const size = transitKeySize(parsed.value, body);
      return {
        kind: 'mapped',
        role,
        algorithms,
        keyAlgorithm: algorithms[0]!,
        declaredType: String(body.type ?? 'aes256-gcm96'),
        transitKey: parsed.value,
        ...(size !== undefined ? { keySizeBits: size } : {}),
        holdsKey: true,
        notes: parsed.notes,
      };
    }
    case 'pki-root-ca':
    case 'pki-intermediate-ca':
    case 'pki-key':
    case 'pki-role': {
      const holdsKey = role !== 'pki-role';
      if (holdsKey) {
        const issuance = body.type;
        if (isUnresolved(issuance)) return { kind: 'unresolved', role, attribute: 'type', reason: `type is ${unresolvedText(issuance)}, known only at plan time`, holdsKey };
        if (issuance === 'kms') {
          return { kind: 'unknown', role, attribute: 'type', reason: 'type "kms": the key is a Vault managed key (KMS/HSM) whose algorithm is defined outside Terraform', holdsKey };
        }
        if (issuance === 'existing') {
          return { kind: 'unknown', role, attribute: 'type', reason: 'type "existing": the certificate reuses a PKI key named by key_ref, which this inventory does not follow', holdsKey: false };
        }
      }
      const parsed = parsePkiKey(body);
      if (!parsed.ok) return { kind: parsed.kind, role, attribute: parsed.attribute, reason: parsed.reason, holdsKey };
      const p = parsed.value;
      const keyAlgorithm = pkiAlgorithmUse(p.keyType, p.keyBits, { withHash: role === 'pki-root-ca' || role === 'pki-intermediate-ca', ...(p.signatureBits ? { signatureBits: p.signatureBits } : {}), usePss: p.usePss });
      return {
        kind: 'mapped',
        role,
        algorithms: [keyAlgorithm],
        keyAlgorithm,
        declaredType: `${p.keyType}${p.keyType === 'ed25519' ? '' : ` ${p.keyBits}`}`,
        keySizeBits: p.keyType === 'ed25519' ? 256 : p.keyBits,
        holdsKey,
        notes: parsed.notes,
      };
    }
    case 'pki-signing':
      return { kind: 'derived', role, reason: "signs with its issuer's CA key: the certificate's signature algorithm is the issuer's" };
    case 'unmodelled':
      return {
        kind: 'unknown',
        role,
        reason: `${type} carries cryptography (a key, a certificate or an imported bundle) whose algorithm the inventory cannot read from Terraform`,
        holdsKey: false,
      };
  }
}
