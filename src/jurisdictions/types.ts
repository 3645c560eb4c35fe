/**
 * The jurisdiction catalogue's data model (shared/docs/reference/jurisdictions.md §12).
 *
 * Every fact carries its sources and a confidence flag. A fact nobody could confirm is
 * either absent (and listed in `uncertain`) or marked `uncertain` — never invented.
 */

/** ISO 3166-1 alpha-2 country code, upper case. */
export type CountryCode = string;

/** Position on the project's common classification scale (jurisdictions.md §2). */
export type Ordinal = 0 | 1 | 2 | 3 | 4 | 5;

/** How a fact follows from its sources. */
export type Confidence = 'stated' | 'inferred' | 'uncertain';

/**
 * Where a fact comes from: at least one entry, each a URL or a citation naming the document.
 * The tuple type makes an empty list a compile error, not something a test has to catch.
 */
export type Sources = readonly [string, ...string[]];

/** Whether an instrument binds anyone: issued and in force, a draft, or dropped before enactment. */
export type InstrumentStatus = 'in-force' | 'draft' | 'dropped';

/** The common scale's level names, indexed by ordinal. */
export const COMMON_LEVELS = ['PUBLIC', 'OFFICIAL', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET', 'TOP_SECRET'] as const;
export type CommonLevel = (typeof COMMON_LEVELS)[number];

export interface ClassificationLevel {
  /** The label as the scheme writes it, e.g. `Sulit`. */
  readonly label: string;
  /** English equivalent, where the scheme gives or implies one. */
  readonly labelEn?: string;
  /** Position on the common scale. */
  readonly ordinal: Ordinal;
  /**
   * Set when the label is an umbrella over several ordinals (e.g. `Rahsia Rasmi` covers 2–5):
   * it cannot classify a tenancy by itself and is refused with a hint to use the precise marking.
   */
  readonly coversOrdinals?: readonly Ordinal[];
  readonly mappingConfidence: Confidence;
  readonly note?: string;
}

export interface ClassificationScheme {
  /** Scheme id, e.g. `MY-OSA-1972`. */
  readonly id: string;
  readonly name: string;
  /**
   * `draft` labels resolve with a warning; `dropped` labels never classify a tenancy (they are
   * kept so a file using one is told why, instead of being told the label is unknown).
   */
  readonly status: InstrumentStatus;
  readonly levels: readonly ClassificationLevel[];
  readonly sources: Sources;
  /** How far the sources support the scheme's existence and status (the mapping has its own flags). */
  readonly confidence: Confidence;
  readonly note?: string;
}

export type RegionKind = 'region' | 'local-zone' | 'dedicated-local-zone' | 'private-dc';
export type RegionStatus = 'ga' | 'announced' | 'uncertain';

/**
 * Who operates a site where that is not the provider itself (a national partner running the
 * provider's platform). Only a `stated` operator replaces the provider's legal seat in checks;
 * an inferred one must be confirmed by declaring `site.operatorJurisdiction`.
 */
export interface SiteOperator {
  readonly legalEntity: string;
  /** Country of the operator's legal seat; `null` where not known. */
  readonly legalSeat: CountryCode | null;
  readonly sources: Sources;
  readonly confidence: Confidence;
  readonly note?: string;
}

/** A place a tenancy can run. Unique only as (provider, id): ids collide across providers. */
export interface RegionRef {
  readonly provider: string;
  /** The provider's region id; `null` where it is not known yet (never guessed). */
  readonly id: string | null;
  readonly displayName: string;
  /** Where the site physically is. */
  readonly country: CountryCode;
  readonly kind: RegionKind;
  /** For local zones: the region that hosts the control plane; residency is judged on both. */
  readonly parentRegion?: string;
  readonly availabilityZones?: number;
  readonly status: RegionStatus;
  /** Operator other than the provider; absent where the provider operates the site itself. */
  readonly operator?: SiteOperator;
  readonly sources: Sources;
  /** How far the sources support the id, the location and the status together. */
  readonly confidence: Confidence;
  readonly note?: string;
}

/** A cloud provider or operator, with the country whose law governs it. */
export interface ProviderInfo {
  /** Short id used in landing-zone files (`aws`, `azure`, `mygovcloud`, …). */
  readonly id: string;
  readonly name: string;
  /** The legal entity that operates the service. */
  readonly legalEntity: string;
  /** Country of the operator's legal seat: its law reaches data the operator controls. */
  readonly legalSeat: CountryCode;
  /** Laws with extraterritorial reach that follow from the seat. */
  readonly extraterritorialLaws: readonly string[];
  readonly sources: Sources;
  /** How far the sources support the legal seat and the laws that follow from it. */
  readonly confidence: Confidence;
  readonly note?: string;
}

export type Deployment = 'public' | 'sovereign' | 'private' | 'hybrid' | 'dedicated';

export interface ResidencyRule {
  /** Applies at and above this ordinal. */
  readonly minOrdinal: Ordinal;
  readonly dataMustResideIn: readonly CountryCode[];
  /** Backups and replicas are bound too. */
  readonly includesBackups: boolean;
  /** Logs, IdP, PKI, configuration and Terraform state are bound too. */
  readonly includesTechnicalData: boolean;
  readonly allowedDeployment: readonly Deployment[];
  /**
   * Where set, the operator of every site must be under the law of one of these countries
   * (foreign-law exposure: e.g. the US CLOUD Act reaches data wherever it sits). Who the agency
   * signs the contract with is a different question: see `ContractingEntityRule`.
   */
  readonly allowedOperatorJurisdictions?: readonly CountryCode[];
  readonly exceptions?: string;
  readonly legalBasis: Sources;
  readonly confidence: Confidence;
  readonly note?: string;
}

/**
 * Who the agency may contract with: the entity must be incorporated under one of these
 * countries' laws. This is a procurement rule, not protection from foreign law: a locally
 * incorporated distributor of a foreign provider satisfies it while the provider stays exposed
 * to its own country's laws. A `draft` rule yields warnings, an `in-force` one errors.
 */
export interface ContractingEntityRule {
  /** Applies at and above this ordinal. */
  readonly minOrdinal: Ordinal;
  readonly incorporatedIn: readonly CountryCode[];
  /** A locally incorporated authorised distributor of an offshore provider satisfies the rule. */
  readonly distributorsAllowed: boolean;
  readonly status: Exclude<InstrumentStatus, 'dropped'>;
  readonly legalBasis: Sources;
  readonly confidence: Confidence;
  readonly note?: string;
}

export interface AdminAccessPolicy {
  /** From this ordinal, administration must come from in-country networks. */
  readonly inCountryOnlyFromOrdinal: Ordinal | null;
  /** From this ordinal, a nationality or clearance claim is required. */
  readonly nationalityRequiredFromOrdinal: Ordinal | null;
  /** From this ordinal, human logins must carry an MFA claim. */
  readonly mfaRequiredFromOrdinal: Ordinal | null;
  readonly basis: Sources;
  readonly confidence: Confidence;
}

export type CryptoPurpose = 'sym' | 'sig' | 'kem' | 'hash' | 'mac' | 'pke';

/** An algorithm family the policy allows for a purpose, e.g. `{ purpose: 'sig', family: 'ECDSA', minBits: 384 }`. */
export interface CryptoAllowance {
  readonly purpose: CryptoPurpose;
  /** Algorithm family as named in `algorithms.ts` (`AES-GCM`, `ECDSA`, `RSA`, `ML-DSA`, …). */
  readonly family: string;
  /** Minimum key size (bits) or parameter strength; for ML-DSA/ML-KEM the parameter set number. */
  readonly minBits?: number;
  /** Last day the allowance holds (ISO date). */
  readonly until?: string;
  readonly basis: Sources;
  readonly confidence: Confidence;
}

/** Key categories with a maximum cryptoperiod (NIST SP 800-57 Pt 1 Table 1). */
export type KeyCategory = 'dataEncryption' | 'keyWrapping' | 'authentication' | 'master' | 'signing';

export interface DatedAlgorithmRule {
  /** Algorithm id as in `algorithms.ts` (e.g. `RSA-2048`) or family (e.g. `RSA`). */
  readonly algorithm: string;
  /** ISO date after which the rule applies. */
  readonly after: string;
  readonly basis: Sources;
  /** True where the source is a draft (e.g. NIST IR 8547 initial public draft). */
  readonly fromDraft: boolean;
  readonly confidence: Confidence;
}

export interface CryptoPolicy {
  readonly allowed: readonly CryptoAllowance[];
  readonly deprecatedAfter: readonly DatedAlgorithmRule[];
  readonly disallowedAfter: readonly DatedAlgorithmRule[];
  /** From this date asymmetric use must include a post-quantum mechanism (hybrid). */
  readonly requireHybridPqcAfter?: HybridPqcRule;
  readonly nationalAlgorithmList?: { readonly name: string; readonly url: string; readonly ingested: boolean };
  readonly maxCryptoperiodDays: Readonly<Record<KeyCategory, number>>;
  readonly keyCustody: 'customer-only' | 'customer-hsm' | 'provider-managed';
  /** Basis of the cryptoperiods and key custody. */
  readonly basis: Sources;
  readonly confidence: Confidence;
}

export interface HybridPqcRule {
  readonly date: string;
  readonly basis: Sources;
  readonly confidence: Confidence;
  /**
   * `project-choice` where the source only recommends and the project enforces it anyway;
   * `national-rule` where a text of the jurisdiction requires it.
   */
  readonly adoptedAs: 'project-choice' | 'national-rule';
}

export interface RetentionPolicy {
  readonly securityLogDaysMin: number;
  readonly securityLogDaysDefault: number;
  readonly immutable: boolean;
  readonly separateHost: boolean;
  readonly breachRecordDays?: number;
  readonly basis: Sources;
  readonly confidence: Confidence;
}

export interface NotificationDeadline {
  readonly regime: string;
  readonly audience: string;
  readonly deadlineHours: number;
  readonly note?: string;
  readonly source: string;
  readonly confidence: Confidence;
}

export interface PersonalDataLaw {
  readonly law: string;
  readonly appliesToGovernment: boolean | null;
  readonly crossBorder: string;
  readonly dpoRequired: string;
  readonly sources: Sources;
  readonly confidence: Confidence;
}

/** A law, regulation or official instrument the entry relies on or that binds its tenancies. */
export interface LawFact {
  /** Short id, e.g. `MY-CSA-2024`. */
  readonly id: string;
  readonly name: string;
  readonly status: InstrumentStatus;
  /** ISO date it took or takes effect, where known. */
  readonly inForceFrom?: string;
  /** Whether it binds government agencies; `null` where the sources do not say. */
  readonly appliesToGovernment: boolean | null;
  readonly summary: string;
  readonly sources: Sources;
  readonly confidence: Confidence;
}

/**
 * Where the catalogue stops supporting a classification. This is the project's decision, drawn
 * from the entry's facts (an in-force scheme, a rule for the level): not a fact of its own.
 */
export interface SupportLimit {
  /** Highest ordinal the catalogue supports for this country; above it a landing zone is refused. */
  readonly maxOrdinal: Ordinal;
  readonly reason: string;
}

export interface Jurisdiction {
  readonly countryCode: CountryCode;
  readonly name: string;
  /** `full`: filled in and reviewed; `sketch`: what is known, gaps marked. */
  readonly completeness: 'full' | 'sketch';
  readonly regions: readonly RegionRef[];
  readonly classificationSchemes: readonly ClassificationScheme[];
  readonly residency: readonly ResidencyRule[];
  /** Rules on who the agency may contract with (kept apart from foreign-law exposure). */
  readonly contracting: readonly ContractingEntityRule[];
  readonly adminAccess: AdminAccessPolicy;
  readonly crypto: CryptoPolicy;
  readonly retention: RetentionPolicy;
  readonly notifications: readonly NotificationDeadline[];
  readonly personalData?: PersonalDataLaw;
  /** Laws and official instruments recorded for the entry, each with its source. */
  readonly laws: readonly LawFact[];
  readonly support: SupportLimit;
  /** Shown in every compliance report for tenancies under this jurisdiction. */
  readonly uncertain: readonly string[];
  readonly lastReviewed: string;
}
