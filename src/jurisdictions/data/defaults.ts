/**
 * Project defaults shared by catalogue entries where no national figure is known
 * (jurisdictions.md §9–§11, §13). They are design choices, not law: every entry that uses them
 * says so in its `basis` and lists the gap in `uncertain`.
 */
import type { AdminAccessPolicy, CryptoAllowance, CryptoPolicy, DatedAlgorithmRule, RetentionPolicy, Sources } from '../types';

const SNC = 'https://github.com/intuitem/ciso-assistant-community/blob/main/backend/library/libraries/secnumcloud-3.2.yaml';
const C5 = 'https://github.com/intuitem/ciso-assistant-community/blob/main/backend/library/libraries/bsi-c5-2020.yaml';
// The guide is v2.04 (2021); the 2025 date belongs only to the third-party YAML packaging of it.
const ANSSI_GUIDE = 'ANSSI, Guide des mécanismes cryptographiques v2.04 (2021) — https://cyber.gouv.fr/sites/default/files/2021/03/anssi-guide-mecanismes_crypto-2.04.pdf';
const ANSSI_CRYPTO = `${ANSSI_GUIDE}; transcribed (packaging dated 2025) at https://github.com/intuitem/ciso-assistant-community/blob/main/backend/library/libraries/anssi-guide-des-mecanismes-cryptographiques.yaml`;
const IR_8547 = 'NIST IR 8547 initial public draft (Nov 2024): all quantum-vulnerable RSA/ECDSA/EdDSA/DH/ECDH disallowed after 2035 — https://csrc.nist.gov/pubs/ir/8547/ipd';
const CNSA_2 = 'https://postquantum.com/security-pqc/nsa-cnsa-2-0-faq-v2-1-update/';
const SP_800_57 = 'NIST SP 800-57 Pt 1 Rev 5 (May 2020) Table 1 — https://doi.org/10.6028/NIST.SP.800-57pt1r5';
const SP_800_57_R6 =
  'NIST SP 800-57 Pt 1 Rev 6 initial public draft, reported published 5 Dec 2025 (independent catalogue audit of 2026-12-06; the NIST page was not read in this review): a draft, so Rev 5 stays the basis';

/**
 * Builds the project-default crypto policy. `nationalList` names the national algorithm list
 * still to be ingested (e.g. `MySEAL`), or is null where the entry records none; it only
 * changes the wording of the leading basis lines.
 */
export function projectDefaultCrypto(nationalList: string | null): CryptoPolicy {
  const lead =
    nationalList === null
      ? 'project default (jurisdictions.md §13), not a national figure: no national algorithm list is catalogued'
      : `project default until ${nationalList} is ingested (jurisdictions.md §13)`;
  const hmacLead =
    nationalList === null
      ? 'project default (SP 800-107 / transit HMAC keys are 256-bit), not a national figure: no national algorithm list is catalogued'
      : `project default (SP 800-107 / transit HMAC keys are 256-bit); ${nationalList} not ingested`;
  const allowed: CryptoAllowance[] = [
    { purpose: 'sym', family: 'AES-GCM', minBits: 256, basis: [lead, `CNSA 2.0: AES-256 — ${CNSA_2}`], confidence: 'stated' },
    {
      purpose: 'hash',
      family: 'SHA-2',
      minBits: 384,
      basis: [lead, `CNSA 2.0: SHA-384/512 — ${CNSA_2}`, `ANSSI RègleHash: hash output ≥ 256 bits (the project floor is stricter) — ${ANSSI_CRYPTO}`],
      confidence: 'stated',
    },
    {
      purpose: 'kem',
      family: 'ML-KEM',
      minBits: 768,
      basis: [lead, 'FIPS 203 ML-KEM-768/1024 (final 13 Aug 2024) — https://csrc.nist.gov/pubs/fips/203/final', `CNSA 2.0 requires ML-KEM-1024 for national security systems — ${CNSA_2}`],
      confidence: 'stated',
    },
    {
      purpose: 'sig',
      family: 'ML-DSA',
      minBits: 65,
      basis: [lead, 'FIPS 204 ML-DSA-65/87 (final 13 Aug 2024) — https://csrc.nist.gov/pubs/fips/204/final', `CNSA 2.0 requires ML-DSA-87 for national security systems — ${CNSA_2}`],
      confidence: 'stated',
    },
    {
      purpose: 'sig',
      family: 'SLH-DSA',
      basis: [lead, 'FIPS 205 SLH-DSA (final 13 Aug 2024) — https://www.nist.gov/news-events/news/2024/08/nist-releases-first-3-finalized-post-quantum-encryption-standards'],
      confidence: 'stated',
    },
    { purpose: 'sig', family: 'ECDSA', minBits: 384, until: '2035-12-31', basis: [lead, IR_8547], confidence: 'stated' },
    {
      purpose: 'sig',
      family: 'RSA',
      minBits: 3072,
      until: '2035-12-31',
      basis: [lead, `ANSSI RègleFactorisation: RSA modulus ≥ 3072 for use from 2031; RecommandationFactorisation: ≥ 3072 even before — ${ANSSI_CRYPTO}`, IR_8547],
      confidence: 'stated',
    },
    {
      purpose: 'pke',
      family: 'RSA',
      minBits: 3072,
      until: '2035-12-31',
      basis: [lead, `ANSSI RègleFactorisation: RSA modulus ≥ 3072 for use from 2031; RecommandationFactorisation: ≥ 3072 even before — ${ANSSI_CRYPTO}`, IR_8547],
      confidence: 'stated',
    },
    {
      purpose: 'mac',
      family: 'HMAC',
      minBits: 256,
      basis: [hmacLead, 'Vault transit: every key gets its own 256-bit HMAC key (cbom.md) — https://developer.hashicorp.com/vault/docs/secrets/transit'],
      confidence: 'inferred',
    },
  ];
  const p256Basis: Sources = [
    'conservative project choice, not a NIST date: secondary summaries put P-256 in the IR 8547 "deprecated after 2030" group, the IPD table does not (jurisdictions.md §11 P-256 note)',
    'https://www.appviewx.com/blogs/a-closer-look-at-nists-legacy-encryption-algorithm-transition-plans-and-finalized-pqc-algorithm-standards/',
    'https://csrc.nist.gov/pubs/ir/8547/ipd',
  ];
  return {
    allowed,
    deprecatedAfter: [
      {
        algorithm: 'RSA-2048',
        after: '2030-12-31',
        basis: ['NIST IR 8547 initial public draft (Nov 2024): quantum-vulnerable algorithms at 112-bit security deprecated after 2030 — https://csrc.nist.gov/pubs/ir/8547/ipd'],
        fromDraft: true,
        confidence: 'stated',
      },
      { algorithm: 'ECDSA-P256', after: '2030-12-31', basis: p256Basis, fromDraft: true, confidence: 'uncertain' },
      { algorithm: 'ECDH-P256', after: '2030-12-31', basis: p256Basis, fromDraft: true, confidence: 'uncertain' },
    ],
    disallowedAfter: ['RSA', 'ECDSA', 'ECDH', 'EdDSA'].map((algorithm): DatedAlgorithmRule => ({ algorithm, after: '2035-12-31', basis: [IR_8547], fromDraft: true, confidence: 'stated' })),
    requireHybridPqcAfter: {
      date: '2030-01-01',
      basis: [
        `ANSSI RecommandationLongTermePQ ("il est recommandé"): for asymmetric mechanisms used after 1 Jan 2030, use at least one mechanism resting on a problem with no known quantum attack — a recommendation, not a rule — ${ANSSI_CRYPTO}`,
        'enforced from that date as the project\'s own choice (jurisdictions.md §13): no catalogued jurisdiction requires it',
      ],
      // The recommendation is stated by the guide; the rule is the project's, hence not `stated`.
      confidence: 'inferred',
      adoptedAs: 'project-choice',
    },
    maxCryptoperiodDays: { dataEncryption: 730, keyWrapping: 730, authentication: 730, master: 365, signing: 1095 },
    keyCustody: 'customer-hsm',
    basis: [
      lead,
      `cryptoperiods: ${SP_800_57} (symmetric data-encryption, key-wrapping and authentication keys ≤ 2 years; master key about 1 year; private signature key 1–3 years); project defaults per jurisdictions.md §10`,
      SP_800_57_R6,
      `key custody in a customer-controlled HSM: SecNumCloud 3.2 10.5.a–d (keys in a security container) — ${SNC}; BSI C5 CRY-03 (keys known only to the customer) — ${C5}`,
    ],
    // Cryptoperiods and custody are the project's reading of guidance, not national figures.
    confidence: 'inferred',
  };
}

export const PROJECT_DEFAULT_CRYPTO: CryptoPolicy = projectDefaultCrypto(null);

export const PROJECT_DEFAULT_RETENTION: RetentionPolicy = {
  securityLogDaysMin: 180,
  securityLogDaysDefault: 365,
  immutable: true,
  separateHost: true,
  basis: [
    'project default, a design choice and not a legal figure: 365 days searchable, floor 180 days, plus archive to the longest applicable sector rule (jurisdictions.md §9)',
    `SecNumCloud 3.2 12.6.c: keep security logs ≥ 6 months; 12.7.c: logs on central servers on a separate physical machine — ${SNC}`,
    `BSI C5 OPS-10 to OPS-14: logs unchangeable and aggregated — ${C5}`,
    'CNIL recommendation 2021: 6 months to 1 year — https://dastra.eu/fr/guide/journaux-de-connexion/512',
  ],
  confidence: 'inferred',
};

export const PROJECT_DEFAULT_ADMIN_ACCESS: AdminAccessPolicy = {
  inCountryOnlyFromOrdinal: 3,
  nationalityRequiredFromOrdinal: 4,
  mfaRequiredFromOrdinal: 0,
  basis: [
    `in-country administration from ordinal 3: project design choice modelled on SecNumCloud 3.2 19.2.c (administration and supervision from inside the EU), not a national rule — ${SNC}`,
    'nationality or clearance claim from ordinal 4: project design choice with no national source (UNCERTAIN)',
    `MFA on every human login: SecNumCloud 3.2 9.6.f (strong MFA on admin interfaces) — ${SNC}; BSI C5 IDM-09 (MFA for production access) — ${C5}`,
  ],
  confidence: 'inferred',
};

/** Open questions that come with the project defaults; every entry using them carries these. */
export const PROJECT_DEFAULT_UNCERTAIN: readonly string[] = [
  'It is not confirmed whether NIST IR 8547 is final or still a draft, whether P-256 and EdDSA fall under "deprecated after 2030", or what the exact per-category CNSA 2.0 years are. NIST SP 800-57 Pt 1 Rev 6 is reported as an initial public draft (5 Dec 2025, not read here); cryptoperiods stay on Rev 5.',
  'The 2030 hybrid post-quantum requirement is the project\'s own rule, built on an ANSSI recommendation (guide v2.04, 2021); no catalogued jurisdiction requires it. Whether a newer edition of the guide changes the recommendation was not checked.',
  'Vault Transit ml-dsa, hybrid (1.19–1.21) and slh-dsa (1.20–1.21) keys are documented as experimental and are Enterprise-only (server-capabilities.ts); whether a release after 1.21 changes either was not checked.',
  'It is not settled whether a locally incorporated operator of a foreign provider\'s platform is outside the foreign law\'s reach, so such sites must be declared per operator.',
];
