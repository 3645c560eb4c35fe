/**
 * What each key type a landing-zone file can declare actually is: family, strength and
 * quantum exposure. One table, read by spec validation, the compliance packs and the CBOM,
 * so they never disagree (shared/docs/reference/cbom.md §9–§10).
 */
import type { CryptoPurpose } from './types';

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

/** OpenBao documents only ML-DSA of the PQ types, and never had Vault Enterprise's CMAC types (cbom.md §11–§12). */
export const OPENBAO_UNSUPPORTED_TYPES: readonly TransitKeyType[] = ['slh-dsa', 'hybrid', 'aes128-cmac', 'aes192-cmac', 'aes256-cmac'];

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
  /** Needs Vault Enterprise (CE rejects the type). */
  readonly enterpriseOnly: boolean;
  /** Documented as experimental by Vault. */
  readonly experimental: boolean;
  /** True where the level or classification is an inference, not a NIST statement (cbom.md §9). */
  readonly inferred: boolean;
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
      // Transit HMAC keys default to 256 bits (cbom.md §9).
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
