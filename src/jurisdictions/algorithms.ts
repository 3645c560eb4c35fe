/**
 * What each key type a landing-zone file can declare actually is: family, strength and
 * quantum exposure. One table, read by spec validation, the compliance packs and the CBOM,
 * so they never disagree (shared/docs/reference/cbom.md §9–§10).
 */
import {
  PROVIDER_PKI_KEY_TYPES,
  PROVIDER_PKI_SOURCE,
  SERVER_CAPABILITIES,
  pkiKeySupport,
  serverLabel,
  transitKeySupport,
  vaultServer,
  type CapabilityFact,
  type VaultEdition,
  type VaultServer,
} from './server-capabilities';
import type { CryptoPurpose, KeyCategory } from './types';

/** Vault transit key types the landing-zone file accepts (`managed_key` is not: it cannot be classified). */
export const TRANSIT_KEY_TYPES = [
  'aes128-gcm96',
  'aes256-gcm96',
  'chacha20-poly1305',
  'ed25519',
  'ecdsa-p256',
  'ecdsa-p384',
  'ecdsa-p521',
  'rsa-2048',
  'rsa-3072',
  'rsa-4096',
  'hmac',
  'aes128-cmac',
  'aes192-cmac',
  'aes256-cmac',
  'ml-dsa',
  'slh-dsa',
  'hybrid',
] as const;
export type TransitKeyType = (typeof TRANSIT_KEY_TYPES)[number];

export const ML_DSA_PARAMETER_SETS = ['44', '65', '87'] as const;
export const SLH_DSA_PARAMETER_SETS = [
  'slh-dsa-sha2-128s',
  'slh-dsa-sha2-128f',
  'slh-dsa-sha2-192s',
  'slh-dsa-sha2-192f',
  'slh-dsa-sha2-256s',
  'slh-dsa-sha2-256f',
  'slh-dsa-shake-128s',
  'slh-dsa-shake-128f',
  'slh-dsa-shake-192s',
  'slh-dsa-shake-192f',
  'slh-dsa-shake-256s',
  'slh-dsa-shake-256f',
] as const;
export const HYBRID_EC_TYPES = ['ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521', 'ed25519'] as const;

export const PKI_KEY_TYPES = ['rsa', 'ec', 'ed25519'] as const;
export type PkiKeyType = (typeof PKI_KEY_TYPES)[number];

export type Primitive = 'ae' | 'signature' | 'mac' | 'pke';

/** One algorithm in use. A hybrid key or an RSA key yields more than one. */
export interface AlgorithmInfo {
  /** Canonical name, e.g. `AES-256-GCM`, `ECDSA-P384`, `ML-DSA-65`. */
  readonly id: string;
  /** Family as crypto policies name it: `AES-GCM`, `ECDSA`, `RSA`, `ML-DSA`, `HMAC`, … */
  readonly family: string;
  readonly primitive: Primitive;
  /** Key size in bits, or the parameter-set number for ML-DSA (44/65/87), or the security level for SLH-DSA. */
  readonly strength: number;
  /** Classical security in bits (SP 800-57 Pt 1 Table 2); null where not defined. */
  readonly classicalSecurityBits: number | null;
  /** NIST post-quantum security category (0 for Shor-vulnerable algorithms). */
  readonly nistQuantumSecurityLevel: number;
  /** Broken by a cryptographically relevant quantum computer (Shor). */
  readonly quantumVulnerable: boolean;
  /**
   * On HashiCorp Vault: needs Enterprise (Community rejects the type). Which server accepts a key
   * type is decided by the capability table (server-capabilities.ts), never by this flag: OpenBao
   * 2.7 offers ML-DSA in its only edition.
   */
  readonly enterpriseOnly: boolean;
  /** Documented as experimental by HashiCorp Vault (1.19–1.21); see server-capabilities.ts per server. */
  readonly experimental: boolean;
  /** True where the level or classification is an inference, not a NIST statement (cbom.md §9). */
  readonly inferred: boolean;
  /**
   * Set on the combination of a hybrid key (see `hybridAlgorithm`): its post-quantum and
   * classical halves. Absent on every single algorithm.
   */
  readonly hybridParts?: readonly [AlgorithmInfo, AlgorithmInfo];
}

function info(a: Omit<AlgorithmInfo, 'enterpriseOnly' | 'experimental' | 'inferred'> & Partial<AlgorithmInfo>): AlgorithmInfo {
  return { enterpriseOnly: false, experimental: false, inferred: false, ...a };
}

const RSA_CLASSICAL: Record<number, number> = { 2048: 112, 3072: 128, 4096: 152 };
const EC_CURVES: Record<number, { id: string; classical: number }> = {
  224: { id: 'P224', classical: 112 },
  256: { id: 'P256', classical: 128 },
  384: { id: 'P384', classical: 192 },
  521: { id: 'P521', classical: 256 },
};

function ecdsa(bits: number): AlgorithmInfo {
  const curve = EC_CURVES[bits];
  if (!curve) throw new Error(`unknown EC curve size ${bits}`);
  return info({ id: `ECDSA-${curve.id}`, family: 'ECDSA', primitive: 'signature', strength: bits, classicalSecurityBits: curve.classical, nistQuantumSecurityLevel: 0, quantumVulnerable: true });
}

function rsa(bits: number, primitive: 'signature' | 'pke'): AlgorithmInfo {
  return info({
    id: `RSA-${bits}`,
    family: 'RSA',
    primitive,
    strength: bits,
    classicalSecurityBits: RSA_CLASSICAL[bits] ?? null,
    nistQuantumSecurityLevel: 0,
    quantumVulnerable: true,
    inferred: bits === 4096,
  });
}

const ED25519 = info({ id: 'Ed25519', family: 'EdDSA', primitive: 'signature', strength: 255, classicalSecurityBits: 128, nistQuantumSecurityLevel: 0, quantumVulnerable: true });

const ML_DSA_LEVEL: Record<string, number> = { '44': 2, '65': 3, '87': 5 };

function mlDsa(parameterSet: string): AlgorithmInfo {
  const level = ML_DSA_LEVEL[parameterSet];
  if (level === undefined) throw new Error(`unknown ML-DSA parameter set ${parameterSet}`);
  return info({
    id: `ML-DSA-${parameterSet}`,
    family: 'ML-DSA',
    primitive: 'signature',
    strength: Number(parameterSet),
    classicalSecurityBits: null,
    nistQuantumSecurityLevel: level,
    quantumVulnerable: false,
    enterpriseOnly: true,
    experimental: true,
  });
}

function slhDsa(parameterSet: string): AlgorithmInfo {
  const m = /^slh-dsa-(sha2|shake)-(128|192|256)([sf])$/.exec(parameterSet);
  if (!m) throw new Error(`unknown SLH-DSA parameter set ${parameterSet}`);
  const bits = Number(m[2]);
  return info({
    id: `SLH-DSA-${m[1] === 'sha2' ? 'SHA2' : 'SHAKE'}-${bits}${m[3]}`,
    family: 'SLH-DSA',
    primitive: 'signature',
    strength: bits,
    classicalSecurityBits: null,
    nistQuantumSecurityLevel: bits === 128 ? 1 : bits === 192 ? 3 : 5,
    quantumVulnerable: false,
    enterpriseOnly: true,
    experimental: true,
  });
}

function symmetric(id: string, family: string, primitive: Primitive, bits: number, extra: Partial<AlgorithmInfo> = {}): AlgorithmInfo {
  return info({
    id,
    family,
    primitive,
    strength: bits,
    classicalSecurityBits: bits,
    // NIST categories 1/3/5 are defined by AES-128/192/256 key search (inference, cbom.md §9).
    nistQuantumSecurityLevel: bits >= 256 ? 5 : bits >= 192 ? 3 : 1,
    quantumVulnerable: false,
    inferred: true,
    ...extra,
  });
}

export interface TransitKeyDescription {
  readonly type: TransitKeyType;
  readonly parameterSet?: string;
  readonly hybridKeyTypeEc?: string;
}

/**
 * The algorithms a transit key uses. Throws on an unknown type or a missing/invalid parameter
 * set: callers validate first and use this to classify.
 */
/**
 * Key size in bytes slz gives an hmac transit key when none is declared. Vault accepts 32–512
 * (`sdk/helper/keysutil/policy.go`); the Terraform provider sends `key_size` always, 0 when unset.
 */
export const DEFAULT_HMAC_KEY_BYTES = 32;
export const HMAC_KEY_BYTES_RANGE = { min: 32, max: 512 } as const;

export function describeTransitKey(key: TransitKeyDescription): AlgorithmInfo[] {
  switch (key.type) {
    case 'aes128-gcm96':
      return [symmetric('AES-128-GCM', 'AES-GCM', 'ae', 128)];
    case 'aes256-gcm96':
      return [symmetric('AES-256-GCM', 'AES-GCM', 'ae', 256)];
    case 'chacha20-poly1305':
      return [symmetric('ChaCha20-Poly1305', 'ChaCha20-Poly1305', 'ae', 256)];
    case 'ed25519':
      return [ED25519];
    case 'ecdsa-p256':
      return [ecdsa(256)];
    case 'ecdsa-p384':
      return [ecdsa(384)];
    case 'ecdsa-p521':
      return [ecdsa(521)];
    case 'rsa-2048':
    case 'rsa-3072':
    case 'rsa-4096': {
      const bits = Number(key.type.slice(4));
      return [rsa(bits, 'pke'), rsa(bits, 'signature')];
    }
    case 'hmac':
      // HMAC-SHA-256 (transit's default hash): 256-bit strength with the 32-byte key slz emits.
      return [symmetric('HMAC-SHA-256', 'HMAC', 'mac', 256)];
    case 'aes128-cmac':
    case 'aes192-cmac':
    case 'aes256-cmac': {
      const bits = Number(key.type.slice(3, 6));
      return [symmetric(`AES-${bits}-CMAC`, 'AES-CMAC', 'mac', bits, { enterpriseOnly: true })];
    }
    case 'ml-dsa':
      return [mlDsa(requireParam(key))];
    case 'slh-dsa':
      return [slhDsa(requireParam(key))];
    case 'hybrid': {
      const ec = key.hybridKeyTypeEc;
      const classical = ec === 'ed25519' ? ED25519 : ec && /^ecdsa-p(256|384|521)$/.test(ec) ? ecdsa(Number(ec.slice(7))) : undefined;
      if (!classical) throw new Error(`hybrid key needs hybridKeyTypeEc (one of ${HYBRID_EC_TYPES.join(', ')})`);
      return [mlDsa(requireParam(key)), classical];
    }
  }
}

function requireParam(key: TransitKeyDescription): string {
  if (!key.parameterSet) throw new Error(`${key.type} key needs a parameterSet`);
  return key.parameterSet;
}

/** Valid key sizes per PKI key type; EC 224 is refused (112-bit, deprecated after 2030 by IR 8547 IPD). */
export const PKI_KEY_BITS: Readonly<Record<PkiKeyType, readonly number[]>> = {
  rsa: [2048, 3072, 4096],
  ec: [256, 384, 521],
  ed25519: [0, 256],
};

/** The signature algorithm a PKI CA or role key uses. */
export function describePkiKey(keyType: PkiKeyType, keyBits: number): AlgorithmInfo {
  switch (keyType) {
    case 'rsa':
      return rsa(keyBits, 'signature');
    case 'ec':
      return ecdsa(keyBits);
    case 'ed25519':
      return ED25519;
  }
}

/** Which policy purpose an algorithm serves for a key of a given declared purpose. */
export function policyPurpose(primitive: Primitive): CryptoPurpose {
  switch (primitive) {
    case 'ae':
      return 'sym';
    case 'signature':
      return 'sig';
    case 'mac':
      return 'mac';
    case 'pke':
      return 'pke';
  }
}

// ---------------------------------------------------------------------------------------------
// Hybrid keys, CycloneDX names, and the Terraform resources that carry cryptography.
//
// Everything below is shared by the CBOM (src/crypto) and the pqc-readiness compliance pack, so
// the inventory and the rules classify every resource identically (cbom.md §7–§13).

/**
 * The combination of a hybrid key: safe while either half holds. Policy judges it by its
 * post-quantum half (as landing-zone validation does), so it carries that half's family and
 * strength; its classical security is the classical half's.
 */
export function hybridAlgorithm(pq: AlgorithmInfo, classical: AlgorithmInfo): AlgorithmInfo {
  return info({
    id: `${pq.id}+${classical.id}`,
    family: pq.family,
    primitive: 'signature',
    strength: pq.strength,
    classicalSecurityBits: classical.classicalSecurityBits,
    nistQuantumSecurityLevel: pq.nistQuantumSecurityLevel,
    quantumVulnerable: false,
    enterpriseOnly: pq.enterpriseOnly || classical.enterpriseOnly,
    experimental: pq.experimental || classical.experimental,
    inferred: pq.inferred || classical.inferred,
    hybridParts: [pq, classical],
  });
}

/** Families standardised for post-quantum use (FIPS 203/204/205). */
export const POST_QUANTUM_FAMILIES: readonly string[] = ['ML-DSA', 'SLH-DSA', 'ML-KEM'];

/** CycloneDX 1.6 `algorithmProperties.primitive` values this project emits. */
export type CdxPrimitive = 'ae' | 'signature' | 'mac' | 'pke' | 'combiner' | 'unknown';
/** CycloneDX 1.6 `algorithmProperties.cryptoFunctions` values this project emits. */
export type CdxCryptoFunction = 'keygen' | 'encrypt' | 'decrypt' | 'sign' | 'verify' | 'tag' | 'unknown';
export type SignatureHash = 'SHA-256' | 'SHA-384' | 'SHA-512';
export type RsaScheme = 'oaep' | 'pss' | 'pkcs1v15';

/** How an algorithm is written in a CycloneDX 1.6 BOM. */
export interface CycloneDxAlgorithm {
  /**
   * Component name following the CycloneDX cryptography registry patterns
   * (`schema/cryptography-defs.json`), e.g. `AES-256-GCM`, `ECDSA-P-384-SHA-384`,
   * `RSA-PKCS1-1.5-SHA-384-3072`, `ML-DSA-87`. Hybrid combinations have no registry pattern and
   * are written `<pq>+<classical>`.
   */
  readonly name: string;
  readonly primitive: CdxPrimitive;
  readonly parameterSetIdentifier?: string;
  /** std-curves name (neuromancer.sk), e.g. `nist/P-384`, `other/Ed25519`. */
  readonly curve?: string;
  readonly mode?: 'gcm';
  readonly padding?: 'oaep' | 'pkcs1v15';
  readonly cryptoFunctions: readonly CdxCryptoFunction[];
  readonly oid?: string;
}

// OIDs: NIST CSOR (AES, ML-DSA, SLH-DSA), RFC 8103 (ChaCha20-Poly1305), RFC 8410 (Ed25519),
// RFC 5758 (ecdsa-with-SHA2), RFC 8017 (RSA), RFC 4231 / RFC 8018 (hmacWithSHA256).
const AES_GCM_OID: Record<number, string> = { 128: '2.16.840.1.101.3.4.1.6', 192: '2.16.840.1.101.3.4.1.26', 256: '2.16.840.1.101.3.4.1.46' };
const ECDSA_OID: Record<SignatureHash, string> = { 'SHA-256': '1.2.840.10045.4.3.2', 'SHA-384': '1.2.840.10045.4.3.3', 'SHA-512': '1.2.840.10045.4.3.4' };
const RSA_PKCS1_OID: Record<SignatureHash, string> = { 'SHA-256': '1.2.840.113549.1.1.11', 'SHA-384': '1.2.840.113549.1.1.12', 'SHA-512': '1.2.840.113549.1.1.13' };
const ML_DSA_OID: Record<string, string> = { '44': '2.16.840.1.101.3.4.3.17', '65': '2.16.840.1.101.3.4.3.18', '87': '2.16.840.1.101.3.4.3.19' };
const SLH_DSA_OID_ORDER = ['SHA2-128s', 'SHA2-128f', 'SHA2-192s', 'SHA2-192f', 'SHA2-256s', 'SHA2-256f', 'SHAKE-128s', 'SHAKE-128f', 'SHAKE-192s', 'SHAKE-192f', 'SHAKE-256s', 'SHAKE-256f'];

const SIGN: readonly CdxCryptoFunction[] = ['keygen', 'sign', 'verify'];
const CIPHER: readonly CdxCryptoFunction[] = ['keygen', 'encrypt', 'decrypt'];
const MAC: readonly CdxCryptoFunction[] = ['keygen', 'tag'];

/**
 * The CycloneDX form of a classified algorithm. `hash` names the digest a PKI signature uses
 * (from `signature_bits`); `rsaScheme` the RSA padding (transit encrypts with OAEP and signs with
 * PSS by default; Vault PKI signs with PKCS#1 v1.5 unless `use_pss`).
 */
export function cyclonedxAlgorithm(algo: AlgorithmInfo, opts: { readonly hash?: SignatureHash; readonly rsaScheme?: RsaScheme } = {}): CycloneDxAlgorithm {
  if (algo.hybridParts) {
    const [pq, classical] = algo.hybridParts;
    return { name: `${cyclonedxAlgorithm(pq).name}+${cyclonedxAlgorithm(classical).name}`, primitive: 'combiner', cryptoFunctions: SIGN };
  }
  const bits = String(algo.strength);
  switch (algo.family) {
    case 'AES-GCM':
      return { name: `AES-${bits}-GCM`, primitive: 'ae', parameterSetIdentifier: bits, mode: 'gcm', cryptoFunctions: CIPHER, ...opt('oid', AES_GCM_OID[algo.strength]) };
    case 'ChaCha20-Poly1305':
      return { name: 'ChaCha20-Poly1305', primitive: 'ae', parameterSetIdentifier: '256', cryptoFunctions: CIPHER, oid: '1.2.840.113549.1.9.16.3.18' };
    case 'AES-CMAC':
      return { name: `AES-${bits}-CMAC`, primitive: 'mac', parameterSetIdentifier: bits, cryptoFunctions: MAC };
    case 'HMAC':
      return { name: algo.id, primitive: 'mac', parameterSetIdentifier: '256', cryptoFunctions: MAC, oid: '1.2.840.113549.2.9' };
    case 'EdDSA':
      return { name: 'Ed25519', primitive: 'signature', curve: 'other/Ed25519', cryptoFunctions: SIGN, oid: '1.3.101.112' };
    case 'ECDSA':
      return {
        name: `ECDSA-P-${bits}${opts.hash ? `-${opts.hash}` : ''}`,
        primitive: 'signature',
        curve: `nist/P-${bits}`,
        cryptoFunctions: SIGN,
        ...opt('oid', opts.hash ? ECDSA_OID[opts.hash] : undefined),
      };
    case 'RSA': {
      if (algo.primitive === 'pke') {
        return { name: `RSA-OAEP-${bits}`, primitive: 'pke', parameterSetIdentifier: bits, padding: 'oaep', cryptoFunctions: CIPHER, oid: '1.2.840.113549.1.1.7' };
      }
      const hash = opts.hash ? `-${opts.hash}` : '';
      if ((opts.rsaScheme ?? 'pss') === 'pkcs1v15') {
        return {
          name: `RSA-PKCS1-1.5${hash}-${bits}`,
          primitive: 'signature',
          parameterSetIdentifier: bits,
          padding: 'pkcs1v15',
          cryptoFunctions: SIGN,
          ...opt('oid', opts.hash ? RSA_PKCS1_OID[opts.hash] : undefined),
        };
      }
      return { name: `RSA-PSS${hash}-${bits}`, primitive: 'signature', parameterSetIdentifier: bits, cryptoFunctions: SIGN, oid: '1.2.840.113549.1.1.10' };
    }
    case 'ML-DSA':
      return { name: algo.id, primitive: 'signature', parameterSetIdentifier: bits, cryptoFunctions: SIGN, ...opt('oid', ML_DSA_OID[bits]) };
    case 'SLH-DSA': {
      const set = algo.id.slice('SLH-DSA-'.length);
      const index = SLH_DSA_OID_ORDER.indexOf(set);
      return { name: algo.id, primitive: 'signature', parameterSetIdentifier: set, cryptoFunctions: SIGN, ...opt('oid', index >= 0 ? `2.16.840.1.101.3.4.3.${20 + index}` : undefined) };
    }
    default:
      return { name: algo.id, primitive: algo.primitive, cryptoFunctions: ['unknown'] };
  }
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** One algorithm a resource uses, with its classification and its CycloneDX form. */
export interface AlgorithmUse {
  readonly info: AlgorithmInfo;
  readonly cdx: CycloneDxAlgorithm;
  /** For hybrid keys: the combination, or one of its halves. */
  readonly part?: 'combiner' | 'pq-half' | 'classical-half';
}

function use(algo: AlgorithmInfo, opts: { hash?: SignatureHash; rsaScheme?: RsaScheme } = {}, part?: AlgorithmUse['part']): AlgorithmUse {
  return { info: algo, cdx: cyclonedxAlgorithm(algo, opts), ...(part ? { part } : {}) };
}

/** Vault transit creates a 256-bit HMAC key beside every key, at creation and each rotation (cbom.md §9). */
export const TRANSIT_HMAC_KEY_BITS = 256;
export const TRANSIT_HMAC_ALGORITHM: AlgorithmUse = use(symmetric('HMAC-SHA-256', 'HMAC', 'mac', 256));

/** Server family a region's Vault runs: key-type names differ for post-quantum keys (cbom.md §11). */
export type VaultDialect = 'vault' | 'openbao';

/** The name a transit key type has in a dialect: OpenBao writes ML-DSA as `mldsa-44|65|87` (cbom.md §11). */
export function transitTypeName(key: TransitKeyDescription, dialect: VaultDialect): string {
  if (key.type === 'ml-dsa' && dialect === 'openbao') return `mldsa-${key.parameterSet ?? '?'}`;
  if (key.type === 'ml-dsa' || key.type === 'slh-dsa') return `${key.type} (parameter_set ${key.parameterSet ?? '?'})`;
  if (key.type === 'hybrid') return `hybrid (parameter_set ${key.parameterSet ?? '?'}, hybrid_key_type_ec ${key.hybridKeyTypeEc ?? '?'})`;
  return key.type;
}

/** The algorithms a transit key uses, in CBOM form; the first is what the key material is for. */
export function transitKeyAlgorithms(key: TransitKeyDescription): AlgorithmUse[] {
  const algos = describeTransitKey(key);
  if (key.type === 'hybrid') {
    const [pq, classical] = algos as [AlgorithmInfo, AlgorithmInfo];
    return [use(hybridAlgorithm(pq, classical), {}, 'combiner'), use(pq, {}, 'pq-half'), use(classical, {}, 'classical-half')];
  }
  // RSA: OAEP for encrypt/decrypt, PSS (transit's default signature_algorithm) for sign/verify.
  return algos.map((a) => use(a, a.family === 'RSA' ? { rsaScheme: a.primitive === 'pke' ? 'oaep' : 'pss' } : {}));
}

/** The digest Vault PKI signs with: `signature_bits`, else 256 for RSA and the curve's size for NIST curves. */
function pkiHash(keyType: PkiKeyType, keyBits: number, signatureBits: number | undefined): SignatureHash | undefined {
  if (keyType === 'ed25519') return undefined;
  const bits = signatureBits && signatureBits > 0 ? signatureBits : keyType === 'rsa' ? 256 : keyBits >= 521 ? 512 : keyBits >= 384 ? 384 : 256;
  return bits === 512 ? 'SHA-512' : bits === 384 ? 'SHA-384' : bits === 256 ? 'SHA-256' : undefined;
}

/**
 * A PKI key's algorithm in CBOM form. CA keys (`withHash`) sign certificates, so their name
 * carries the digest (`ECDSA-P-384-SHA-384`); a role's leaf keys are named by key alone.
 */
export function pkiAlgorithmUse(keyType: PkiKeyType, keyBits: number, opts: { readonly withHash: boolean; readonly signatureBits?: number; readonly usePss?: boolean }): AlgorithmUse {
  const algo = describePkiKey(keyType, keyBits);
  const hash = opts.withHash ? pkiHash(keyType, keyBits, opts.signatureBits) : undefined;
  return use(algo, { ...(hash ? { hash } : {}), rsaScheme: opts.usePss ? 'pss' : 'pkcs1v15' });
}

/** Whether the algorithm table can name a PKI key of this type and size (the sizes Vault accepts, P-224 included). */
export function classifiablePkiKeyBits(keyType: PkiKeyType, keyBits: number): boolean {
  return keyType === 'rsa' ? RSA_CLASSICAL[keyBits] !== undefined : keyType === 'ec' ? EC_CURVES[keyBits] !== undefined : keyBits === 0 || keyBits === 256;
}

// ---------------------------------------------------------------------------------------------
// Post-quantum readiness: status, recommended target, what each server offers today.

/** Where an algorithm stands against a cryptographically relevant quantum computer. */
export type PqStatus = 'quantum-vulnerable' | 'symmetric-below-256' | 'quantum-resistant' | 'post-quantum' | 'hybrid' | 'unknown';

export const PQ_STATUS_LABELS: Readonly<Record<PqStatus, string>> = {
  'quantum-vulnerable': 'Quantum-vulnerable (Shor): migrate',
  'symmetric-below-256': 'Symmetric below 256 bits (Grover-weakened)',
  'quantum-resistant': 'Quantum-resistant symmetric (≥ 256 bits)',
  'post-quantum': 'Post-quantum (FIPS 203/204/205)',
  hybrid: 'Hybrid (post-quantum + classical)',
  unknown: 'Unknown: cannot be classified',
};

export function pqStatusOf(algo: AlgorithmInfo | undefined): PqStatus {
  if (!algo) return 'unknown';
  if (algo.hybridParts) return 'hybrid';
  if (algo.quantumVulnerable) return 'quantum-vulnerable';
  if (POST_QUANTUM_FAMILIES.includes(algo.family)) return 'post-quantum';
  return (algo.classicalSecurityBits ?? 0) >= 256 ? 'quantum-resistant' : 'symmetric-below-256';
}

export type PqTargetKind = 'ML-DSA' | 'ML-KEM' | 'hybrid' | 'AES-256';

/** A transit key to declare: what the landing-zone file writes, and how the server spells it. */
export interface TransitKeyToDeclare extends TransitKeyDescription {
  /** Key size in bytes (hmac only). */
  readonly keySize?: number;
  /** The type as the server names it, e.g. `mldsa-87`, `hybrid (parameter_set 87, hybrid_key_type_ec ecdsa-p384)`. */
  readonly spelled: string;
}

/** What to migrate an algorithm to, on one server. */
export interface PqTarget {
  readonly kind: PqTargetKind;
  /** The target algorithm (CBOM naming), e.g. `ML-DSA-87`, `ML-DSA-87+ECDSA-P-384`, `ML-KEM-1024`, `AES-256-GCM`. */
  readonly algorithm: string;
  /** One sentence: the target, why, and where it is available when the server has none. */
  readonly summary: string;
  /** The server the target was chosen for, e.g. `OpenBao 2.7`, `Vault Community 1.19 (assumed: no version declared)`. */
  readonly server: string;
  /**
   * The transit key to declare on that server; null where the server offers no key type for the
   * target (the summary then says which servers do). Never a type the server refuses.
   */
  readonly transitKey: TransitKeyToDeclare | null;
}

function toDeclare(key: TransitKeyDescription & { readonly keySize?: number }, server: VaultServer): TransitKeyToDeclare | null {
  if (!transitKeySupport(server, key.type).ok) return null;
  const spelled = key.type === 'hmac' && key.keySize !== undefined ? `hmac (key_size ${key.keySize})` : transitTypeName(key, server.dialect);
  return { ...key, spelled };
}

/**
 * The recommended post-quantum target for an algorithm on a server, or undefined where none is
 * needed. Without a server the conservative default (Vault Community, the assumed version) is
 * judged, so nothing is recommended that an unknown server might refuse.
 *
 * Signatures go to ML-DSA-87 (CNSA 2.0): on Vault Enterprise as a hybrid key (ML-DSA-87 plus an
 * ECDSA/Ed25519 half, safe while either holds: the ANSSI-style transition the catalogue's
 * `requireHybridPqcAfter` adopts), on OpenBao 2.7+ as `mldsa-87` (it has no hybrid type), and
 * nowhere on a server that offers no post-quantum transit type (Vault Community, OpenBao before
 * 2.7, Vault Enterprise before 1.19). RSA encryption goes to ML-KEM-1024, which no server offers
 * as a transit type. Symmetric keys below 256 bits go to AES-256.
 */
export function recommendedPqTarget(algo: AlgorithmInfo, opts: { readonly usage?: 'transit' | 'pki'; readonly server?: VaultServer } = {}): PqTarget | undefined {
  const server = opts.server ?? vaultServer();
  const label = serverLabel(server);
  const status = pqStatusOf(algo);
  if (status === 'symmetric-below-256') {
    if (algo.primitive === 'mac') {
      const cmac = algo.family === 'AES-CMAC' ? toDeclare({ type: 'aes256-cmac' }, server) : null;
      if (cmac) {
        return { kind: 'AES-256', algorithm: 'AES-256-CMAC', summary: 'AES-256-CMAC keeps a 128-bit margin against Grover search (CNSA 2.0: AES-256)', server: label, transitKey: cmac };
      }
      return {
        kind: 'AES-256',
        algorithm: 'HMAC-SHA-256 (256-bit key)',
        summary: `a 256-bit HMAC key keeps a 128-bit margin against Grover search${algo.family === 'AES-CMAC' ? ` (${label} has no aes256-cmac type)` : ''}`,
        server: label,
        transitKey: toDeclare({ type: 'hmac', keySize: DEFAULT_HMAC_KEY_BYTES }, server),
      };
    }
    return {
      kind: 'AES-256',
      algorithm: 'AES-256-GCM',
      summary: 'AES-256-GCM keeps a 128-bit margin against Grover search (CNSA 2.0: AES-256)',
      server: label,
      transitKey: toDeclare({ type: 'aes256-gcm96' }, server),
    };
  }
  if (status !== 'quantum-vulnerable') return undefined;
  if (algo.primitive === 'pke') {
    return {
      kind: 'ML-KEM',
      algorithm: 'ML-KEM-1024',
      summary:
        'ML-KEM-1024 (FIPS 203; CNSA 2.0), or hybrid ML-KEM + ECDH for key transport; neither Vault nor OpenBao transit offers an ML-KEM key type, so encrypt data with aes256-gcm96 (envelope encryption) meanwhile',
      server: label,
      transitKey: null,
    };
  }
  if (opts.usage === 'pki') {
    const pki = pkiKeySupport(server, 'mldsa');
    const where = pki.ok
      ? `${label} PKI issues ML-DSA certificates (key_type mldsa, key_bits 87), but the Terraform Vault provider accepts only ${PROVIDER_PKI_KEY_TYPES.join('/')} key types, so slz cannot declare the CA yet`
      : `${pki.reason}; ${pki.acceptedBy ? `${pki.acceptedBy} does` : 'no server slz knows of does'}`;
    return {
      kind: 'ML-DSA',
      algorithm: 'ML-DSA-87',
      summary: `an ML-DSA-87 CA hierarchy (FIPS 204; CNSA 2.0) once server, Terraform provider and relying parties accept ML-DSA certificates: ${where}; meanwhile keep the current CA and plan the parallel hierarchy`,
      server: label,
      transitKey: null,
    };
  }
  const ec = algo.family === 'EdDSA' ? 'ed25519' : algo.family === 'ECDSA' && algo.strength >= 384 ? `ecdsa-p${algo.strength}` : 'ecdsa-p384';
  const hybrid = server.dialect === 'vault' ? toDeclare({ type: 'hybrid', parameterSet: '87', hybridKeyTypeEc: ec }, server) : null;
  if (hybrid) {
    const classical = ec === 'ed25519' ? 'Ed25519' : `ECDSA-P-${ec.slice(7)}`;
    return {
      kind: 'hybrid',
      algorithm: `ML-DSA-87+${classical}`,
      summary: `a hybrid ML-DSA-87 + ${classical} key (safe while either half holds; ML-DSA-87 per CNSA 2.0), or plain ML-DSA-87; ${label}: experimental ("should not be used in production")`,
      server: label,
      transitKey: hybrid,
    };
  }
  const mlDsa = toDeclare({ type: 'ml-dsa', parameterSet: '87' }, server);
  if (mlDsa) {
    return { kind: 'ML-DSA', algorithm: 'ML-DSA-87', summary: `ML-DSA-87 (FIPS 204; CNSA 2.0): ${label} offers ${mlDsa.spelled} transit keys (no hybrid type)`, server: label, transitKey: mlDsa };
  }
  const refusal = transitKeySupport(server, 'ml-dsa');
  const elsewhere = !refusal.ok && refusal.acceptedBy ? refusal.acceptedBy : 'no server slz knows of';
  return {
    kind: 'ML-DSA',
    algorithm: 'ML-DSA-87',
    summary: `ML-DSA-87 (FIPS 204; CNSA 2.0), but ${label} offers no post-quantum transit key type: they need ${elsewhere}; keep this key and plan the move`,
    server: label,
    transitKey: null,
  };
}

/**
 * One target for an algorithm used on several servers (one per region). Where every server gets
 * the same key type, that target; otherwise a summary per server and no single key type to
 * declare, so nothing is proposed that one of the servers refuses. No server: the conservative
 * default is judged.
 */
export function recommendedPqTargetOn(algo: AlgorithmInfo, opts: { readonly usage?: 'transit' | 'pki'; readonly servers: readonly VaultServer[] }): PqTarget | undefined {
  const byLabel = new Map(opts.servers.map((s) => [serverLabel(s), s]));
  const servers = [...byLabel.values()];
  if (servers.length <= 1) return recommendedPqTarget(algo, { ...(opts.usage ? { usage: opts.usage } : {}), ...(servers[0] ? { server: servers[0] } : {}) });
  const targets = servers.map((server) => recommendedPqTarget(algo, { ...(opts.usage ? { usage: opts.usage } : {}), server }));
  const first = targets[0];
  if (!first || targets.some((t) => !t)) return first;
  const all = targets as PqTarget[];
  const labels = all.map((t) => t.server).join(', ');
  const same = all.every((t) => t.kind === first.kind && t.algorithm === first.algorithm && t.transitKey?.spelled === first.transitKey?.spelled);
  if (same) return { ...first, server: labels };
  const algorithms = [...new Set(all.map((t) => t.algorithm))];
  const pq = algorithms.every((a) => a.startsWith('ML-DSA-87'));
  return {
    kind: pq ? 'ML-DSA' : first.kind,
    algorithm: pq ? 'ML-DSA-87' : algorithms.join(' / '),
    summary: `the regions' servers differ: ${all.map((t) => `${t.server}: ${t.transitKey ? `${t.algorithm} as ${t.transitKey.spelled}` : `${t.algorithm}, no key type on this server`}`).join('; ')}`,
    server: labels,
    transitKey: null,
  };
}

/** What each server family offers for a migration target, as the report's table shows it. */
export interface PqAvailability {
  readonly capability: string;
  readonly vaultCommunity: string;
  readonly vaultEnterprise: string;
  readonly openbao: string;
  readonly sources: readonly string[];
}

function vaultCell(fact: CapabilityFact, edition: VaultEdition): string {
  const v = fact.vault;
  if (v.since === null || v.editions.length === 0) return v.confidence === 'uncertain' ? 'not confirmed (treated as no)' : 'no';
  if (!v.editions.includes(edition)) return `no — Enterprise-only${v.refusal ? ` (${v.refusal.split(':')[0]})` : ''}`;
  return `yes from ${v.since}${v.experimental ? ', experimental ("should not be used in production")' : ''}`;
}

function openbaoCell(fact: CapabilityFact): string {
  const o = fact.openbao;
  if (o.since === null || o.editions.length === 0) return 'no (no release or merged change found)';
  return `yes from ${o.since}${o.spelling ? `: ${o.spelling}` : ''}; earlier releases refuse it`;
}

/** The capability table (server-capabilities.ts) as report rows, and what no key type gates. */
export const PQ_AVAILABILITY: readonly PqAvailability[] = [
  ...SERVER_CAPABILITIES.map((f) => ({ capability: f.capability, vaultCommunity: vaultCell(f, 'community'), vaultEnterprise: vaultCell(f, 'enterprise'), openbao: openbaoCell(f), sources: [...f.vault.sources, ...f.openbao.sources] })),
  {
    capability: 'PKI ML-DSA CAs through Terraform',
    vaultCommunity: 'no: the provider accepts key_type rsa/ec/ed25519 only',
    vaultEnterprise: 'no: the provider accepts key_type rsa/ec/ed25519 only',
    openbao: 'no: the provider accepts key_type rsa/ec/ed25519 only (the server does from 2.7)',
    sources: [PROVIDER_PKI_SOURCE],
  },
  {
    capability: 'ML-KEM (key encapsulation)',
    vaultCommunity: 'no transit or PKI key type; TLS listeners negotiate X25519MLKEM768 from 1.19.4 (GH-30603)',
    vaultEnterprise: 'no transit or PKI key type; TLS as Community',
    openbao:
      'no transit or PKI key type; TLS listeners negotiate X25519MLKEM768 by default from 2.2 (Go 1.24), and 2.7 can require it with tls_key_exchange_preferences (openbao/openbao#3769; the TLS item #3755 is closed)',
    sources: [
      'Vault 1.19.4 release notes: "core: support for X25519MLKEM768 (post quantum key agreement) in the Go TLS stack. [GH-30603]"',
      'https://github.com/openbao/openbao/pull/3769 (merged 2026-08-14 on main after v2.6.2, not on release/2.6.x; website/content/docs/configuration/listener/tcp.mdx tls_key_exchange_preferences; the description: Go 1.24, used since OpenBao 2.2.x, prefers PQC KEMs by default)',
      'https://github.com/openbao/openbao/issues/3755 (PQC-enabled TLS listeners, closed)',
    ],
  },
  {
    capability: 'AES-256-GCM data keys (aes256-gcm96)',
    vaultCommunity: 'yes (the default type)',
    vaultEnterprise: 'yes (the default type)',
    openbao: 'yes (the default type)',
    sources: ['https://developer.hashicorp.com/vault/api-docs/secret/transit'],
  },
];

/** What a declared key is for. */
export const KEY_PURPOSES = ['encryption', 'key-wrapping', 'signing', 'mac'] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

/** The primitives that can serve each purpose. */
export const PRIMITIVES_FOR_PURPOSE: Readonly<Record<KeyPurpose, readonly Primitive[]>> = {
  encryption: ['ae', 'pke'],
  'key-wrapping': ['ae', 'pke'],
  signing: ['signature'],
  mac: ['mac'],
};

/** The cryptoperiod (NIST SP 800-57 key category) that bounds a key of each purpose. */
export const KEY_CATEGORY_OF_PURPOSE: Readonly<Record<KeyPurpose, KeyCategory>> = {
  encryption: 'dataEncryption',
  'key-wrapping': 'keyWrapping',
  signing: 'signing',
  mac: 'authentication',
};

/** A representative description of a type, for questions that do not depend on its parameter set. */
function representative(type: TransitKeyType): AlgorithmInfo[] {
  return describeTransitKey({ type, parameterSet: type === 'slh-dsa' ? SLH_DSA_PARAMETER_SETS[0] : ML_DSA_PARAMETER_SETS[1], hybridKeyTypeEc: 'ecdsa-p384' });
}

/** Whether a transit key type can serve a purpose (RSA serves encryption and signing). */
export function transitTypeServes(type: TransitKeyType, purpose: KeyPurpose): boolean {
  return representative(type).some((a) => PRIMITIVES_FOR_PURPOSE[purpose].includes(a.primitive));
}

/** Transit key types that can serve a purpose, in TRANSIT_KEY_TYPES order. */
export function transitTypesFor(purpose: KeyPurpose): TransitKeyType[] {
  return TRANSIT_KEY_TYPES.filter((t) => transitTypeServes(t, purpose));
}
