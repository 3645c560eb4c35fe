/** The crypto inventory's vocabulary: what `buildCryptoInventory` returns besides the BOM itself. */
import type { AlgorithmVerdict, CdxPrimitive, DatedAlgorithmRule, PqStatus, PqTarget, VaultDialect, VaultServer } from '../jurisdictions';
import type { CryptoResourceRole } from '../synthesized/vault/crypto-resource';

/** Where in the synthesized tree something is declared. */
export interface ResourceLocation {
  readonly stack: string;
  /** `type.name`, as in Terraform. */
  readonly address: string;
  readonly constructPath: string;
}

/** One use of an algorithm by a resource. */
export interface AssetUse extends ResourceLocation {
  readonly role: CryptoResourceRole | 'transit-hmac-key' | 'certificate-signature';
  /** For hybrid keys: the combination or one of its halves. */
  readonly part?: 'combiner' | 'pq-half' | 'classical-half';
  readonly dialect?: VaultDialect;
  /** The region's server, where slz-context.json names the region. */
  readonly server?: VaultServer;
}

/** One `cryptographic-asset` component of `assetType: algorithm`, classified. */
export interface CryptoAsset {
  readonly bomRef: string;
  /** CycloneDX registry name, or `UNKNOWN`. */
  readonly name: string;
  /** The classification table's id (`ECDSA-P384`, `RSA-2048`, …), null when unknown. */
  readonly classificationId: string | null;
  readonly family: string | null;
  readonly primitive: CdxPrimitive;
  readonly classicalSecurityBits: number | null;
  readonly nistQuantumSecurityLevel: number | null;
  readonly quantumVulnerable: boolean | null;
  readonly status: PqStatus;
  readonly enterpriseOnly: boolean;
  readonly experimental: boolean;
  /** The level or status is an inference (cbom.md §9), not a NIST statement. */
  readonly inferred: boolean;
  readonly deprecatedAfter?: DatedAlgorithmRule;
  readonly disallowedAfter?: DatedAlgorithmRule;
  /** The jurisdiction policy's verdict on `CryptoInventory.today` (absent when unknown). */
  readonly verdict?: Pick<AlgorithmVerdict, 'status' | 'reason'>;
  /** The policy's hybrid-PQ date that this algorithm does not meet. */
  readonly hybridRequiredAfter?: string;
  readonly target?: PqTarget;
  readonly usedBy: readonly AssetUse[];
  /** Why an UNKNOWN asset could not be classified. */
  readonly unknownReason?: string;
}

export type KeyKind = 'transit-key' | 'transit-hmac-key' | 'pki-ca-key' | 'pki-key';

/** One `related-crypto-material` component (a key). */
export interface KeyEntry extends ResourceLocation {
  readonly bomRef: string;
  readonly name: string;
  readonly kind: KeyKind;
  readonly materialType: 'secret-key' | 'private-key' | 'key';
  readonly algorithmRef: string;
  readonly status: PqStatus;
  readonly sizeBits?: number;
  /** `securedBy.mechanism`. */
  readonly securedBy: string;
  readonly engineRef?: string;
}

/** One `certificate` component (a CA declared in Terraform). */
export interface CertificateEntry extends ResourceLocation {
  readonly bomRef: string;
  readonly name: string;
  readonly ca: 'root' | 'intermediate';
  readonly subjectName?: string;
  readonly issuerName?: string;
  readonly signatureAlgorithmRef?: string;
  readonly subjectPublicKeyRef?: string;
  readonly engineRef?: string;
}

/** A Vault/OpenBao transit or PKI mount (a `service` of the BOM). */
export interface EngineEntry extends ResourceLocation {
  readonly bomRef: string;
  readonly name: string;
  readonly kind: 'transit' | 'pki';
  readonly path?: string;
  readonly vaultAddress?: string;
  readonly dialect?: VaultDialect;
  /** bom-refs of the algorithms, keys and certificates it provides. */
  readonly provides: readonly string[];
}

/** A CycloneDX 1.6 BOM as JSON (with `cryptoProperties`). */
export type CbomDocument = Readonly<Record<string, unknown>>;

export interface CryptoInventory {
  /** The CycloneDX 1.6 BOM. */
  readonly bom: CbomDocument;
  /** The BOM as `cbom.cdx.json` holds it (2-space JSON, final newline): byte-identical for identical input. */
  readonly json: string;
  /** The algorithm assets, classified, sorted by bom-ref. */
  readonly assets: readonly CryptoAsset[];
  readonly keys: readonly KeyEntry[];
  readonly certificates: readonly CertificateEntry[];
  readonly engines: readonly EngineEntry[];
  /** The crypto policy the dates and verdicts come from. */
  readonly policy: {
    /** ISO code, or null for the project default (no landing-zone context). */
    readonly jurisdiction: string | null;
    readonly name: string;
    readonly requireHybridPqcAfter?: string;
    /** Whether that date is a national rule or the project's own choice (jurisdictions HybridPqcRule). */
    readonly requireHybridPqcAdoptedAs?: 'project-choice' | 'national-rule';
  };
  /** Landing-zone name from slz-context.json, when known. */
  readonly landingZone?: string;
  /** Vault dialect per region (slz-context.json), empty when unknown. */
  readonly dialects: Readonly<Record<string, VaultDialect>>;
  /** The server per region as slz judges it (`OpenBao 2.7`, `Vault Community 1.19 (assumed: …)`), empty when unknown. */
  readonly servers: Readonly<Record<string, string>>;
  /** Keys the region's server refuses (capability table): what would fail at apply. */
  readonly refusedKeys: readonly { readonly key: string; readonly constructPath: string; readonly reason: string }[];
  /** The day the verdicts were evaluated on (the BOM itself does not depend on it). */
  readonly today: string;
}
