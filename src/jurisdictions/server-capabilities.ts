/**
 * Which key types each server accepts, by dialect (Vault, OpenBao), edition (Community,
 * Enterprise) and version. One table, read by landing-zone validation, the KeyManagement
 * construct, the post-quantum recommendations, the pqc-readiness rules and the CBOM, so none of
 * them accepts or recommends a key type the region's server refuses.
 *
 * Only the types that some server refuses are listed; every other transit type (AES-GCM,
 * ChaCha20-Poly1305, ECDSA, Ed25519, RSA, HMAC) and PKI `rsa`/`ec`/`ed25519` are accepted by
 * every release slz models.
 */
import type { TransitKeyType, VaultDialect } from './algorithms';
import type { Confidence, Sources } from './types';

export type VaultEdition = 'community' | 'enterprise';

/** A region's server as slz judges it: declared in the landing-zone file, or the conservative default. */
export interface VaultServer {
  readonly dialect: VaultDialect;
  /** OpenBao has one edition; its edition is never consulted. */
  readonly edition: VaultEdition;
  /** `major.minor[.patch]`: as declared, or ASSUMED_VERSION[dialect]. */
  readonly version: string;
  /** False when `version` is the assumed default: nothing newer than it is taken for granted. */
  readonly versionDeclared: boolean;
}

/** What a landing-zone file (or slz-context.json) says about a server; every field optional. */
export interface VaultServerInput {
  readonly dialect?: VaultDialect;
  readonly edition?: VaultEdition;
  readonly version?: string;
}

/**
 * The version assumed where none is declared. Vault 1.19: a Vault Enterprise Long-Term Support
 * release ("Enterprise LTS: Vault Enterprise 1.19 is a Long-Term Support (LTS) release", Vault
 * 1.19.5 release notes) and the first with any post-quantum transit type; slz assumes no release
 * newer than that, so slh-dsa (1.20) and aes192-cmac (1.20) need a declared version. OpenBao 2.6:
 * the last release line before ML-DSA (2.7); every OpenBao before 2.7 refuses `mldsa-*`, so the
 * exact line assumed does not change a verdict.
 */
export const ASSUMED_VERSION: Readonly<Record<VaultDialect, string>> = { vault: '1.19', openbao: '2.6' };

/** The first major version of each dialect: Vault is 1.x, OpenBao started at 2.0.0 (forked from Vault 1.14). */
export const MAJOR_VERSION: Readonly<Record<VaultDialect, number>> = { vault: 1, openbao: 2 };

const VERSION = /^(\d+)\.(\d+)(?:\.(\d+))?$/;

export function parseVersion(version: string): readonly [number, number, number] | undefined {
  const m = VERSION.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

/** -1, 0 or 1; an unparseable version sorts below every real one (the conservative side). */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a) ?? [-1, 0, 0];
  const pb = parseVersion(b) ?? [-1, 0, 0];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  return 0;
}

/** Fills the conservative defaults: Vault, Community, the assumed version. */
export function vaultServer(input: VaultServerInput = {}): VaultServer {
  const dialect = input.dialect === 'openbao' ? 'openbao' : 'vault';
  const declared = typeof input.version === 'string' && parseVersion(input.version) !== undefined;
  return {
    dialect,
    edition: input.edition === 'enterprise' ? 'enterprise' : 'community',
    version: declared ? input.version!.trim() : ASSUMED_VERSION[dialect],
    versionDeclared: declared,
  };
}

/** `Vault Enterprise 1.21.1`, `OpenBao 2.6 (assumed: no version declared)`. */
export function serverLabel(server: VaultServer, opts: { readonly assumption?: boolean } = {}): string {
  const name = server.dialect === 'openbao' ? 'OpenBao' : `Vault ${server.edition === 'enterprise' ? 'Enterprise' : 'Community'}`;
  const assumed = opts.assumption !== false && !server.versionDeclared ? ' (assumed: no version declared)' : '';
  return `${name} ${server.version}${assumed}`;
}

/** How one server family supports a capability. */
export interface ServerSupport {
  /** Vault editions that accept it (OpenBao: `['community']`, its only edition); empty: none. */
  readonly editions: readonly VaultEdition[];
  /** The first release that accepts it; null where no release slz knows of does. */
  readonly since: string | null;
  /** Documented as experimental ("should not be used in production"). */
  readonly experimental: boolean;
  /** How the server spells it, where that differs from Vault's name. */
  readonly spelling?: string;
  readonly sources: Sources;
  readonly confidence: Confidence;
  readonly note?: string;
  /** The server's own refusal, where known (e.g. Vault Community's ErrPQCEntOnly). */
  readonly refusal?: string;
}

export type CapabilityId = `transit:${TransitKeyType}` | `pki:${PkiServerKeyType}`;

/** PKI `key_type` values a server may offer (the landing-zone file offers rsa, ec, ed25519). */
export type PkiServerKeyType = 'rsa' | 'ec' | 'ed25519' | 'mldsa';

export interface CapabilityFact {
  readonly id: CapabilityId;
  /** What it is, for reports. */
  readonly capability: string;
  readonly vault: ServerSupport;
  readonly openbao: ServerSupport;
}

// Sources, each read for this table (2026-12-06): the Vault API docs per release line, Vault's
// transit source, the OpenBao v2.6.2 source and the pull requests that add ML-DSA for 2.7.
const VAULT_TRANSIT_1_18 = 'hashicorp/web-unified-docs content/vault/v1.18.x/content/api-docs/secret/transit.mdx (no ml-dsa, hybrid or slh-dsa; aes128-cmac and aes256-cmac Enterprise)';
const VAULT_TRANSIT_1_19 = 'hashicorp/web-unified-docs content/vault/v1.19.x/content/api-docs/secret/transit.mdx (ml-dsa and hybrid, Enterprise, "experimental functionality and should not be used in production"; no slh-dsa, no aes192-cmac)';
const VAULT_TRANSIT_1_20 = 'hashicorp/web-unified-docs content/vault/v1.20.x/content/api-docs/secret/transit.mdx (adds slh-dsa and aes192-cmac, Enterprise; "ML-DSA, hybrid, and SLH-DSA schemes are considered experimental")';
const VAULT_TRANSIT_1_21 = 'hashicorp/web-unified-docs content/vault/v1.21.x/content/api-docs/secret/transit.mdx (ml-dsa, hybrid, slh-dsa still experimental and Enterprise)';
const VAULT_CE_REFUSES =
  'hashicorp/vault builtin/logical/transit path_keys.go: `if polReq.KeyType.IsPQC() && !constants.IsEnterprise` → ErrPQCEntOnly "PQC key types are only available in enterprise versions of Vault" (ErrCmacEntOnly likewise for CMAC)';
const WEB_DOCS_681 = 'https://github.com/hashicorp/web-unified-docs/pull/681 (Enterprise tag on the v1.20.x transit PQ types)';
const OPENBAO_3909 = 'https://github.com/openbao/openbao/pull/3909 (transit mldsa-44/65/87, merged 2026-08-31 for v2.7: "We\'ve already merged ML-DSA support for PKI and staged it for v2.7")';
const OPENBAO_2_6 =
  'openbao/openbao v2.6.2 builtin/logical/transit/path_keys.go: key types aes128/256-gcm96, (x)chacha20-poly1305, ecdsa-p256/384/521, ed25519, rsa-2048/3072/4096 and hmac only; any other type is refused ("unknown key type")';
const OPENBAO_3859 = 'https://github.com/openbao/openbao/pull/3859 (PKI key_type mldsa, key_bits 44/65/87, 65 by default; merged for v2.7, needs Go 1.27)';
const OPENBAO_3756 = 'https://github.com/openbao/openbao/issues/3756 (PKI x.509 pure PQC certificates; closed by #3859; hybrid/composite certificates out of scope)';
const OPENBAO_NO_PQ = 'openbao/openbao#3909 adds mldsa-44/65/87 only ("diverges from Hashi\'s enterprise feature"); no slh-dsa or hybrid transit type in v2.6.2 or any merged pull request found';
const OPENBAO_NO_CMAC = 'OpenBao forked from Vault Community, whose CMAC types are Enterprise-only; v2.6.2 has none and no merged pull request adding them was found';
const VAULT_PKI_NO_MLDSA =
  'hashicorp/web-unified-docs content/vault/v1.21.x/content/api-docs/secret/pki/index.mdx (read in part): signature parameters name RSA, ECDSA and Ed25519 issuers only; ML-DSA for Vault PKI appears only in a benchmark document (shared/docs/reference/cbom.md §10)';

const PQC_ENT_ONLY = 'ErrPQCEntOnly: "PQC key types are only available in enterprise versions of Vault"';
const CMAC_ENT_ONLY = 'ErrCmacEntOnly: "CMAC operations are only available in enterprise versions of Vault"';

const NEVER_CMAC_ON_OPENBAO: ServerSupport = { editions: [], since: null, experimental: false, sources: [OPENBAO_NO_CMAC, OPENBAO_2_6], confidence: 'inferred' };

/**
 * The capability table. `since` for the Vault CMAC types is the earliest API documentation read
 * (1.18); earlier releases may accept them but slz does not assume so.
 */
export const SERVER_CAPABILITIES: readonly CapabilityFact[] = [
  {
    id: 'transit:ml-dsa',
    capability: 'Transit ML-DSA-44/65/87 signing keys',
    vault: { editions: ['enterprise'], since: '1.19', experimental: true, sources: [VAULT_TRANSIT_1_19, VAULT_TRANSIT_1_21, VAULT_TRANSIT_1_18, VAULT_CE_REFUSES], confidence: 'stated', refusal: PQC_ENT_ONLY },
    openbao: {
      editions: ['community'],
      since: '2.7',
      experimental: false,
      spelling: 'mldsa-44, mldsa-65, mldsa-87, no parameter_set',
      sources: [OPENBAO_3909, OPENBAO_2_6],
      confidence: 'stated',
      note: 'not documented as experimental in the pull request (inferred)',
    },
  },
  {
    id: 'transit:hybrid',
    capability: 'Transit hybrid keys (ML-DSA + ECDSA/Ed25519)',
    vault: { editions: ['enterprise'], since: '1.19', experimental: true, sources: [VAULT_TRANSIT_1_19, VAULT_TRANSIT_1_21, VAULT_CE_REFUSES], confidence: 'stated', refusal: PQC_ENT_ONLY },
    openbao: { editions: [], since: null, experimental: false, sources: [OPENBAO_NO_PQ, OPENBAO_2_6], confidence: 'inferred' },
  },
  {
    id: 'transit:slh-dsa',
    capability: 'Transit SLH-DSA signing keys',
    vault: { editions: ['enterprise'], since: '1.20', experimental: true, sources: [VAULT_TRANSIT_1_20, VAULT_TRANSIT_1_19, WEB_DOCS_681, VAULT_TRANSIT_1_21], confidence: 'stated', refusal: PQC_ENT_ONLY },
    openbao: { editions: [], since: null, experimental: false, sources: [OPENBAO_NO_PQ, OPENBAO_2_6], confidence: 'inferred' },
  },
  {
    id: 'transit:aes128-cmac',
    capability: 'Transit AES-128-CMAC keys',
    vault: { editions: ['enterprise'], since: '1.18', experimental: false, sources: [VAULT_TRANSIT_1_18, VAULT_CE_REFUSES], confidence: 'stated', note: 'earlier releases not checked', refusal: CMAC_ENT_ONLY },
    openbao: NEVER_CMAC_ON_OPENBAO,
  },
  {
    id: 'transit:aes192-cmac',
    capability: 'Transit AES-192-CMAC keys',
    vault: { editions: ['enterprise'], since: '1.20', experimental: false, sources: [VAULT_TRANSIT_1_20, VAULT_TRANSIT_1_19, VAULT_CE_REFUSES], confidence: 'stated', refusal: CMAC_ENT_ONLY },
    openbao: NEVER_CMAC_ON_OPENBAO,
  },
  {
    id: 'transit:aes256-cmac',
    capability: 'Transit AES-256-CMAC keys',
    vault: { editions: ['enterprise'], since: '1.18', experimental: false, sources: [VAULT_TRANSIT_1_18, VAULT_CE_REFUSES], confidence: 'stated', note: 'earlier releases not checked', refusal: CMAC_ENT_ONLY },
    openbao: NEVER_CMAC_ON_OPENBAO,
  },
  {
    id: 'pki:mldsa',
    capability: 'PKI CA and certificate keys on ML-DSA (key_type mldsa)',
    vault: { editions: [], since: null, experimental: false, sources: [VAULT_PKI_NO_MLDSA], confidence: 'uncertain', note: 'not found in the Vault PKI API docs: treated as refused until confirmed' },
    openbao: { editions: ['community'], since: '2.7', experimental: false, spelling: 'key_type mldsa, key_bits 44, 65 or 87', sources: [OPENBAO_3859, OPENBAO_3756], confidence: 'stated' },
  },
];

/**
 * What the Terraform Vault provider lets slz declare, apart from what the server accepts:
 * `key_type` of the PKI root, intermediate and role resources is validated at plan time against
 * rsa/ec/ed25519 (role: also any) in every release up to v5.11.0, so an ML-DSA CA cannot be
 * declared through Terraform even where the server offers it.
 */
export const PROVIDER_PKI_KEY_TYPES: readonly PkiServerKeyType[] = ['rsa', 'ec', 'ed25519'];
export const PROVIDER_PKI_SOURCE =
  'hashicorp/terraform-provider-vault v5.11.0 vault/resource_pki_secret_backend_root_cert.go and _intermediate_cert_request.go: key_type ValidateFunc StringInSlice(rsa, ec, ed25519); _role.go adds any';

export function capabilityFact(id: CapabilityId): CapabilityFact | undefined {
  return SERVER_CAPABILITIES.find((f) => f.id === id);
}

/** A server's answer to "may I create this key?". */
export type SupportVerdict =
  | { readonly ok: true; readonly experimental: boolean; readonly fact?: CapabilityFact }
  | {
      readonly ok: false;
      /** One clause: why this server refuses it. */
      readonly reason: string;
      /** The servers that do accept it, e.g. `Vault Enterprise 1.20 or newer; OpenBao 2.7 or newer`, or null where none does. */
      readonly acceptedBy: string | null;
      /** True where declaring a newer version (of the same dialect and edition) would lift the refusal. */
      readonly versionBound: boolean;
      readonly fact: CapabilityFact;
    };

function judge(server: VaultServer, fact: CapabilityFact | undefined, what: string): SupportVerdict {
  if (!fact) return { ok: true, experimental: false };
  const support = fact[server.dialect];
  const label = serverLabel(server);
  const acceptedBy = whereAccepted(fact);
  const editionOk = server.dialect === 'openbao' ? support.editions.length > 0 : support.editions.includes(server.edition);
  if (support.since === null || !editionOk) {
    const why =
      server.dialect === 'vault' && support.since !== null && support.editions.includes('enterprise')
        ? `${what} needs Vault Enterprise: ${label} refuses it${support.refusal ? ` (${support.refusal.split(':')[0]})` : ''}`
        : `${what} is not offered by ${server.dialect === 'openbao' ? 'OpenBao' : 'Vault'} in any release slz knows of`;
    return { ok: false, reason: why, acceptedBy, versionBound: false, fact };
  }
  if (compareVersions(server.version, support.since) < 0) {
    const name = server.dialect === 'openbao' ? 'OpenBao' : `Vault ${server.edition === 'enterprise' ? 'Enterprise' : 'Community'}`;
    return { ok: false, reason: `${what} needs ${name} ${support.since} or newer, and the server is ${label}`, acceptedBy, versionBound: true, fact };
  }
  return { ok: true, experimental: support.experimental, fact };
}

/** `Vault Enterprise 1.19 or newer; OpenBao 2.7 or newer`, or null where no server accepts it. */
export function whereAccepted(fact: CapabilityFact): string | null {
  const out: string[] = [];
  if (fact.vault.since !== null && fact.vault.editions.length > 0) {
    const ed = fact.vault.editions.length === 2 ? 'Vault' : `Vault ${fact.vault.editions[0] === 'enterprise' ? 'Enterprise' : 'Community'}`;
    out.push(`${ed} ${fact.vault.since} or newer${fact.vault.experimental ? ' (experimental)' : ''}`);
  }
  if (fact.openbao.since !== null && fact.openbao.editions.length > 0) out.push(`OpenBao ${fact.openbao.since} or newer${fact.openbao.spelling ? ` (${fact.openbao.spelling})` : ''}`);
  return out.length ? out.join('; ') : null;
}

/** Whether the server accepts a transit key type. Types absent from the table are accepted everywhere. */
export function transitKeySupport(server: VaultServer, type: TransitKeyType): SupportVerdict {
  return judge(server, capabilityFact(`transit:${type}`), `transit type ${type}`);
}

/** Whether the server accepts a PKI key type (the server alone: see PROVIDER_PKI_KEY_TYPES for Terraform). */
export function pkiKeySupport(server: VaultServer, keyType: PkiServerKeyType): SupportVerdict {
  return judge(server, capabilityFact(`pki:${keyType}`), `PKI key_type ${keyType}`);
}

/**
 * The region a stack belongs to: stacks are named `<lz>-…-<region>` (stacks/names.ts), so the
 * longest region name the stack name ends with wins.
 */
export function regionOfStack(stackName: string, regions: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const region of regions) {
    if ((stackName === region || stackName.endsWith(`-${region}`)) && (!best || region.length > best.length)) best = region;
  }
  return best;
}

/** The server of the stack's region, or the conservative default where the tree does not say. */
export function serverForStack(stackName: string, servers: Readonly<Record<string, VaultServer>> | undefined): VaultServer {
  const region = servers ? regionOfStack(stackName, Object.keys(servers)) : undefined;
  return region ? servers![region]! : vaultServer();
}
