/**
 * A tenant's keys in the agency's own Vault/OpenBao: one transit engine, one KV v2 engine and
 * one least-privilege policy per workload (DESIGN.md §5; controls 4, 5, 7; rules VC-TR1–TR3,
 * VC-TR6, VC-PL1).
 */
import { KvSecretBackendV2 } from '@cdktf/provider-vault/lib/kv-secret-backend-v2';
import { Mount } from '@cdktf/provider-vault/lib/mount';
import { Policy } from '@cdktf/provider-vault/lib/policy';
import { TransitSecretBackendKey } from '@cdktf/provider-vault/lib/transit-secret-backend-key';
import { Construct } from 'constructs';
import { PropChecker } from '../common/validate';
import { renderVaultPolicy, type VaultPolicyRule } from '../common/vault-policy';

import {
  DEFAULT_HMAC_KEY_BYTES,
  HMAC_KEY_BYTES_RANGE,
  HYBRID_EC_TYPES,
  KEY_PURPOSES,
  ML_DSA_PARAMETER_SETS,
  SLH_DSA_PARAMETER_SETS,
  TRANSIT_KEY_TYPES,
  transitTypesFor,
  type KeyPurpose,
  type TransitKeyType,
} from '../../src/jurisdictions/algorithms';
import { MAJOR_VERSION, parseVersion, transitKeySupport, vaultServer, type VaultEdition, type VaultServer } from '../../src/jurisdictions/server-capabilities';

export { HYBRID_EC_TYPES as HYBRID_EC_KEY_TYPES, ML_DSA_PARAMETER_SETS, SLH_DSA_PARAMETER_SETS, TRANSIT_KEY_TYPES, type TransitKeyType };

/** What a key is for; decides which transit operations a workload is granted. */
export type TransitKeyPurpose = KeyPurpose;

/** Which server the names are emitted for (cbom.md §11). */
export type VaultDialect = 'vault' | 'openbao';

const PURPOSES: readonly TransitKeyPurpose[] = KEY_PURPOSES;

// Which types serve which purpose comes from the one algorithm table validation and the CBOM use.
const TYPES_FOR_PURPOSE: Readonly<Record<TransitKeyPurpose, readonly TransitKeyType[]>> = Object.fromEntries(KEY_PURPOSES.map((p) => [p, transitTypesFor(p)])) as Record<TransitKeyPurpose, TransitKeyType[]>;
const CMAC_TYPES: readonly TransitKeyType[] = ['aes128-cmac', 'aes192-cmac', 'aes256-cmac'];


// Vault mount paths: no leading/trailing slash, no globs, no `..`, nothing a policy path would misread.
const MOUNT_PATH = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;

const SECONDS_PER_DAY = 86_400;

/** One transit key of the tenant. */
export interface TransitKeySpec {
  /** Key name (DNS-1123 label), unique within the tenant; part of every policy path that uses it. */
  readonly name: string;
  /** Vault transit key type; must suit `purpose`. */
  readonly type: TransitKeyType;
  /** What the key is for. */
  readonly purpose: TransitKeyPurpose;
  /** Automatic rotation period in days, from 1 to the construct's `maxRotateDays`. */
  readonly rotateDays: number;
  /**
   * Parameter set: `44`, `65` or `87` for `ml-dsa` and `hybrid` (its ML-DSA half); one of the
   * twelve `slh-dsa-…` sets for `slh-dsa`. Refused for every other type.
   * @default none
   */
  readonly parameterSet?: string;
  /**
   * The classical half of a `hybrid` key: `ecdsa-p256`, `ecdsa-p384`, `ecdsa-p521` or `ed25519`.
   * Required for `hybrid`, refused otherwise.
   * @default none
   */
  readonly hybridKeyTypeEc?: string;
  /**
   * Key size in bytes of an `hmac` key, 32–512. Refused for every other type. The provider always
   * sends `key_size` (0 when unset) and Vault refuses an HMAC key of size 0, so one is always written.
   * @default 32 for hmac
   */
  readonly keySize?: number;
}

/** A workload (Kubernetes service account) and the keys it may use. */
export interface WorkloadKeyAccess {
  /** Service account name (DNS-1123 label); also names the workload's policy and KV folder. */
  readonly serviceAccount: string;
  /** Names of the tenant's keys this workload may use; each must be in `keys`. */
  readonly keys: readonly string[];
  /**
   * Whether the workload reads its own secrets under `<kvPath>/data/<serviceAccount>/`.
   * @default false
   */
  readonly kv?: boolean;
}

export interface KeyManagementProps {
  /** Tenant name (DNS-1123 label). */
  readonly tenant: string;
  /**
   * Mount path of the tenant's transit engine.
   * @default `tenants/<tenant>/transit`
   */
  readonly transitPath?: string;
  /**
   * Mount path of the tenant's KV v2 engine.
   * @default `tenants/<tenant>/kv`
   */
  readonly kvPath?: string;
  /**
   * The tenant's transit keys. Empty → one data-encryption key `data` (aes256-gcm96) rotating
   * every min(365, maxRotateDays) days.
   */
  readonly keys: readonly TransitKeySpec[];
  /** The jurisdiction's cryptoperiod in days: no key may rotate less often. */
  readonly maxRotateDays: number;
  /**
   * Server flavour the key-type names are written for. `openbao` writes ML-DSA as `mldsa-44|65|87`
   * without `parameter_set`.
   * @default 'vault'
   */
  readonly dialect?: VaultDialect;
  /**
   * Vault edition. With `dialect` and `version` it decides which key types the server accepts:
   * a type it refuses (post-quantum and CMAC keys on Community, slh-dsa before Vault 1.20,
   * `mldsa-*` before OpenBao 2.7, …) is refused here rather than failing at apply. Ignored for OpenBao.
   * @default 'community'
   */
  readonly edition?: VaultEdition;
  /**
   * Server version, `major.minor[.patch]` (Vault 1.x, OpenBao 2.x).
   * @default the oldest release slz models for the dialect (Vault 1.19, OpenBao 2.6): nothing newer is assumed
   */
  readonly version?: string;
  /**
   * Workloads and the keys each may use; one policy per workload.
   * @default no workloads (no policies)
   */
  readonly workloads?: readonly WorkloadKeyAccess[];
  /**
   * Seal-wrap both mounts (Vault Enterprise Seal Wrap: stored values are additionally encrypted
   * by the HSM/KMS seal). Community Vault and OpenBao do not implement it, hence off by default.
   * @default false
   */
  readonly sealWrap?: boolean;
  /**
   * Versions kept per KV secret; bounded so old secret values do not linger indefinitely.
   * @default 10
   */
  readonly kvMaxVersions?: number;
}

/** A tenant's transit and KV v2 engines, its non-exportable keys and per-workload policies. */
export class KeyManagement extends Construct {
  /** Mount path of the transit engine. */
  readonly transitPath: string;
  /** Mount path of the KV v2 engine. */
  readonly kvPath: string;
  /** Names of the keys created, in declaration order. */
  readonly keyNames: readonly string[];
  readonly transitMount: Mount;
  readonly kvMount: Mount;

  private readonly tenant: string;
  private readonly serviceAccounts: ReadonlySet<string>;

  constructor(scope: Construct, id: string, props: KeyManagementProps) {
    super(scope, id);

    const tenant = props.tenant;
    const transitPath = props.transitPath ?? `tenants/${tenant}/transit`;
    const kvPath = props.kvPath ?? `tenants/${tenant}/kv`;
    const dialect = props.dialect ?? 'vault';
    const workloads = props.workloads ?? [];
    const kvMaxVersions = props.kvMaxVersions ?? 10;
    const keys: readonly TransitKeySpec[] =
      props.keys.length > 0
        ? props.keys
        : [{ name: 'data', type: 'aes256-gcm96', purpose: 'encryption', rotateDays: Math.min(365, props.maxRotateDays) }];

    const c = new PropChecker('KeyManagement');
    c.dnsLabel('tenant', tenant);
    c.check(MOUNT_PATH.test(transitPath), `transitPath "${transitPath}" must be a mount path of lower-case segments (no leading/trailing "/", no globs)`);
    c.check(MOUNT_PATH.test(kvPath), `kvPath "${kvPath}" must be a mount path of lower-case segments (no leading/trailing "/", no globs)`);
    c.check(transitPath !== kvPath, `transitPath and kvPath must differ (both "${kvPath}")`);
    c.check(dialect === 'vault' || dialect === 'openbao', `dialect must be "vault" or "openbao" (got "${String(dialect)}")`);
    c.check(props.edition === undefined || props.edition === 'community' || props.edition === 'enterprise', `edition must be "community" or "enterprise" (got "${String(props.edition)}")`);
    const parsedVersion = props.version === undefined ? undefined : parseVersion(props.version);
    c.check(
      props.version === undefined || (parsedVersion !== undefined && parsedVersion[0] === MAJOR_VERSION[dialect]),
      `version "${String(props.version)}" must be ${dialect === 'openbao' ? 'an OpenBao 2.x' : 'a Vault 1.x'} release, e.g. ${dialect === 'openbao' ? '2.7' : '1.21.1'}`,
    );
    const server = vaultServer({ dialect, ...(props.edition ? { edition: props.edition } : {}), ...(props.version ? { version: props.version } : {}) });
    const maxOk = Number.isInteger(props.maxRotateDays) && props.maxRotateDays >= 1;
    c.check(maxOk, `maxRotateDays must be a whole number of days, at least 1 (got ${props.maxRotateDays})`);
    c.intRange('kvMaxVersions', kvMaxVersions, 1, 100);
    c.unique('keys[].name', keys.map((k) => k.name));
    keys.forEach((k, i) => checkKey(c, `keys[${i}] (${k.name})`, k, server, maxOk ? props.maxRotateDays : undefined));

    const byName = new Map(keys.map((k) => [k.name, k]));
    c.unique('workloads[].serviceAccount', workloads.map((w) => w.serviceAccount));
    workloads.forEach((w, i) => {
      const at = `workloads[${i}]`;
      c.dnsLabel(`${at}.serviceAccount`, w.serviceAccount);
      c.unique(`${at}.keys`, w.keys);
      for (const name of w.keys) c.check(byName.has(name), `${at}.keys names unknown key "${name}" (known: ${[...byName.keys()].join(', ')})`);
      c.check(w.keys.length > 0 || w.kv === true, `${at} (${w.serviceAccount}) is granted nothing: give it keys or kv`);
    });
    c.throwIfAny();

    this.tenant = tenant;
    this.transitPath = transitPath;
    this.kvPath = kvPath;
    this.keyNames = keys.map((k) => k.name);
    this.serviceAccounts = new Set(workloads.map((w) => w.serviceAccount));
    const sealWrap = props.sealWrap ?? false;

    this.transitMount = new Mount(this, 'transit', {
      path: transitPath,
      type: 'transit',
      description: `Transit engine of tenant ${tenant}`,
      sealWrap,
    });

    for (const k of keys) {
      new TransitSecretBackendKey(this, `key-${k.name}`, {
        backend: this.transitMount.path,
        name: k.name,
        ...emittedKeyType(k, dialect),
        ...(k.type === 'hmac' ? { keySize: k.keySize ?? DEFAULT_HMAC_KEY_BYTES } : {}),
        // Each of these, once true, cannot be turned back off in Vault: key material could
        // leave the agency's custody for good (VC-TR1) or be destroyed by a plan (VC-TR2).
        exportable: false,
        allowPlaintextBackup: false,
        deletionAllowed: false,
        // Provider 5.6 takes seconds.
        autoRotatePeriod: k.rotateDays * SECONDS_PER_DAY,
      });
    }

    this.kvMount = new Mount(this, 'kv', {
      path: kvPath,
      type: 'kv',
      options: { version: '2' },
      description: `KV v2 engine of tenant ${tenant}`,
      sealWrap,
    });
    new KvSecretBackendV2(this, 'kv-config', {
      mount: this.kvMount.path,
      // Check-and-set stops two writers silently overwriting each other's secret versions.
      casRequired: true,
      maxVersions: kvMaxVersions,
    });

    for (const w of workloads) {
      new Policy(this, `policy-${w.serviceAccount}`, {
        name: this.policyNameFor(w.serviceAccount),
        policy: renderVaultPolicy(workloadRules(transitPath, kvPath, w, byName)),
      });
    }
  }

  /** Name of the Vault policy generated for a workload: `<tenant>-<serviceAccount>`. */
  policyNameFor(serviceAccount: string): string {
    if (!this.serviceAccounts.has(serviceAccount)) {
      throw new Error(`KeyManagement: no workload "${serviceAccount}" in tenant ${this.tenant} (known: ${[...this.serviceAccounts].join(', ') || 'none'})`);
    }
    return `${this.tenant}-${serviceAccount}`;
  }
}

function checkKey(c: PropChecker, at: string, k: TransitKeySpec, server: VaultServer, maxRotateDays: number | undefined): void {
  c.dnsLabel(`${at}.name`, k.name);
  const typeOk = (TRANSIT_KEY_TYPES as readonly string[]).includes(k.type);
  c.check(typeOk, `${at}.type "${k.type}" is not a supported transit key type (${TRANSIT_KEY_TYPES.join(', ')})`);
  const purposeOk = PURPOSES.includes(k.purpose);
  c.check(purposeOk, `${at}.purpose "${k.purpose}" must be one of ${PURPOSES.join(', ')}`);
  if (typeOk && purposeOk) {
    const allowed = TYPES_FOR_PURPOSE[k.purpose];
    c.check(allowed.includes(k.type), `${at}: type ${k.type} does not suit purpose ${k.purpose} (use one of ${allowed.join(', ')})`);
  }
  if (maxRotateDays !== undefined) {
    c.check(
      Number.isInteger(k.rotateDays) && k.rotateDays >= 1 && k.rotateDays <= maxRotateDays,
      `${at}.rotateDays must be a whole number from 1 to ${maxRotateDays} (the jurisdiction's cryptoperiod); got ${k.rotateDays}`,
    );
  }

  switch (k.type) {
    case 'ml-dsa':
    case 'hybrid':
      c.check(
        k.parameterSet !== undefined && (ML_DSA_PARAMETER_SETS as readonly string[]).includes(k.parameterSet),
        `${at}.parameterSet must be one of ${ML_DSA_PARAMETER_SETS.join(', ')} for ${k.type} (got ${k.parameterSet ?? 'none'})`,
      );
      break;
    case 'slh-dsa':
      c.check(
        k.parameterSet !== undefined && (SLH_DSA_PARAMETER_SETS as readonly string[]).includes(k.parameterSet),
        `${at}.parameterSet must be one of ${SLH_DSA_PARAMETER_SETS.join(', ')} for slh-dsa (got ${k.parameterSet ?? 'none'})`,
      );
      break;
    default:
      c.check(k.parameterSet === undefined, `${at}.parameterSet applies only to ml-dsa, slh-dsa and hybrid keys, not ${k.type}`);
  }
  if (k.type === 'hybrid') {
    c.check(
      k.hybridKeyTypeEc !== undefined && (HYBRID_EC_TYPES as readonly string[]).includes(k.hybridKeyTypeEc),
      `${at}.hybridKeyTypeEc must be one of ${HYBRID_EC_TYPES.join(', ')} for a hybrid key (got ${k.hybridKeyTypeEc ?? 'none'})`,
    );
  } else {
    c.check(k.hybridKeyTypeEc === undefined, `${at}.hybridKeyTypeEc applies only to hybrid keys, not ${k.type}`);
  }
  if (k.type === 'hmac') {
    const size = k.keySize ?? DEFAULT_HMAC_KEY_BYTES;
    c.check(
      Number.isInteger(size) && size >= HMAC_KEY_BYTES_RANGE.min && size <= HMAC_KEY_BYTES_RANGE.max,
      `${at}.keySize must be a whole number of bytes from ${HMAC_KEY_BYTES_RANGE.min} to ${HMAC_KEY_BYTES_RANGE.max} (Vault refuses other HMAC key sizes); got ${size}`,
    );
  } else {
    c.check(k.keySize === undefined, `${at}.keySize applies only to hmac keys, not ${k.type}`);
  }
  if (typeOk) {
    const support = transitKeySupport(server, k.type);
    c.check(support.ok, support.ok ? '' : `${at}: ${support.reason}${support.acceptedBy ? ` (accepted by ${support.acceptedBy})` : ''}`);
  }
}

function emittedKeyType(
  k: TransitKeySpec,
  dialect: VaultDialect,
): { type: string; parameterSet?: string; hybridKeyTypePqc?: string; hybridKeyTypeEc?: string } {
  if (k.type === 'ml-dsa') {
    // OpenBao names the parameter set in the type itself (cbom.md §11).
    return dialect === 'openbao' ? { type: `mldsa-${k.parameterSet}` } : { type: 'ml-dsa', parameterSet: k.parameterSet };
  }
  if (k.type === 'hybrid') {
    // ML-DSA is the only PQ half Vault offers; parameter_set sizes it.
    return { type: 'hybrid', parameterSet: k.parameterSet, hybridKeyTypePqc: 'ml-dsa', hybridKeyTypeEc: k.hybridKeyTypeEc };
  }
  if (k.type === 'slh-dsa') return { type: 'slh-dsa', parameterSet: k.parameterSet };
  return { type: k.type };
}

/**
 * Exact operation paths only. Vault also accepts the hash or MAC algorithm as a URL suffix
 * (`sign/<key>/sha2-256`); those suffixes are deliberately not granted, so clients pass the
 * algorithm in the request body and no glob is needed.
 */
function workloadRules(
  transitPath: string,
  kvPath: string,
  w: WorkloadKeyAccess,
  byName: ReadonlyMap<string, TransitKeySpec>,
): VaultPolicyRule[] {
  const rules: VaultPolicyRule[] = [];
  const op = (operation: string, key: TransitKeySpec): VaultPolicyRule => ({
    path: `${transitPath}/${operation}/${key.name}`,
    capabilities: ['update'],
    comment: `${key.purpose} key ${key.name}`,
  });
  for (const name of w.keys) {
    const key = byName.get(name);
    if (!key) continue;
    switch (key.purpose) {
      case 'encryption':
        rules.push(op('encrypt', key), op('decrypt', key));
        break;
      case 'key-wrapping':
        // A key-encryption key exists to wrap data keys: datakey/wrapped hands out only the
        // wrapped copy (for storage), datakey/plaintext also the clear DEK to encrypt with locally.
        rules.push(op('encrypt', key), op('decrypt', key), op('datakey/plaintext', key), op('datakey/wrapped', key));
        break;
      case 'signing':
        rules.push(op('sign', key), op('verify', key));
        break;
      case 'mac':
        // CMAC keys answer on their own endpoint; hmac/<key> would use the key's separate HMAC key.
        rules.push(op(CMAC_TYPES.includes(key.type) ? 'cmac' : 'hmac', key), op('verify', key));
        break;
    }
  }
  if (w.kv === true) {
    rules.push(
      { path: `${kvPath}/data/${w.serviceAccount}/*`, capabilities: ['read'], comment: `secrets of ${w.serviceAccount}` },
      { path: `${kvPath}/metadata/${w.serviceAccount}/*`, capabilities: ['list'], comment: `secret names of ${w.serviceAccount}` },
    );
  }
  return rules;
}
