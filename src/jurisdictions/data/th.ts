import type { Jurisdiction } from '../types';
import { PROJECT_DEFAULT_ADMIN_ACCESS, PROJECT_DEFAULT_CRYPTO, PROJECT_DEFAULT_RETENTION, PROJECT_DEFAULT_UNCERTAIN } from './defaults';

const DGA_CLASSIFICATION = 'https://www.tilleke.com/insights/thailand-releases-draft-guidelines-on-government-cloud-adoption-and-data-classification';
const DGA_CSP = 'https://www.tilleke.com/insights/thailand-drafting-standards-for-government-engaged-cloud-service-providers';
const NCSC_CLOUD = 'https://www.mondaq.com/security/1467124/thailand-issues-draft-cybersecurity-standards-for-cloud-services';
const ALIBABA_REGIONS = 'Alibaba Cloud open service area (region ids) — https://help.aliyun.com/en/cs/product-overview/open-service-area';
const DRAFT_NOTE = 'Inferred from 2025 DGA drafts; the Thai-language label is not recorded.';

export const THAILAND: Jurisdiction = {
  countryCode: 'TH',
  name: 'Thailand',
  completeness: 'sketch',
  regions: [
    {
      provider: 'aws',
      id: 'ap-southeast-7',
      displayName: 'Asia Pacific (Thailand)',
      country: 'TH',
      kind: 'region',
      status: 'ga',
      sources: ['https://github.com/aws/aws-sdk-js-v3/blob/main/packages/util-endpoints/src/lib/aws/partitions.json'],
      confidence: 'stated',
    },
    {
      provider: 'aws',
      id: 'ap-southeast-1-bkk-1',
      displayName: 'Bangkok Local Zone',
      country: 'TH',
      kind: 'local-zone',
      parentRegion: 'ap-southeast-1',
      status: 'ga',
      sources: ['AWS VPC documentation (BYOIP network border groups list), as cited in jurisdictions.md §5'],
      confidence: 'stated',
      note: 'Control plane in ap-southeast-1 (Singapore); residency is judged on both, so this zone cannot satisfy a Thailand-only rule.',
    },
    {
      provider: 'gcp',
      id: 'asia-southeast3',
      displayName: 'Bangkok',
      country: 'TH',
      kind: 'region',
      status: 'ga',
      sources: ['https://docs.cloud.google.com/infrastructure-manager/docs/locations'],
      confidence: 'stated',
    },
    {
      provider: 'alibaba',
      id: 'ap-southeast-7',
      displayName: 'Thailand (Bangkok)',
      country: 'TH',
      kind: 'region',
      status: 'ga',
      sources: [ALIBABA_REGIONS],
      confidence: 'stated',
    },
    {
      provider: 'huawei',
      id: 'ap-southeast-2',
      displayName: 'AP-Bangkok',
      country: 'TH',
      kind: 'region',
      status: 'ga',
      sources: ['Huawei Cloud endpoints (AP-Bangkok = ap-southeast-2) — https://support.huaweicloud.com/intl/en-us/api-cdm/endpoint.html'],
      confidence: 'stated',
      note: 'The same id is Sydney at AWS: key regions by (provider, id).',
    },
    {
      provider: 'tencent',
      id: 'ap-bangkok',
      displayName: 'Southeast Asia (Bangkok)',
      country: 'TH',
      kind: 'region',
      status: 'ga',
      sources: ['https://tencentcloud.com/document/product/628/33133'],
      confidence: 'stated',
    },
  ],
  classificationSchemes: [
    {
      id: 'TH-DGA-DRAFT',
      name: 'DGA draft government-cloud data classification (2025)',
      status: 'draft',
      levels: [
        { label: 'Disclosable', labelEn: 'Disclosable official data', ordinal: 0, mappingConfidence: 'inferred', note: `Suited to Tier 1 CSPs. ${DRAFT_NOTE}` },
        {
          label: 'Protected',
          labelEn: 'Official or protected data (e.g. personal data)',
          ordinal: 2,
          mappingConfidence: 'inferred',
          note: `Suited to Tier 2 CSPs: high-security public cloud or VPC. ${DRAFT_NOTE}`,
        },
        {
          label: 'Highly protected',
          labelEn: 'Highly protected data (e.g. national security)',
          ordinal: 4,
          mappingConfidence: 'inferred',
          note: `Suited to Tier 3 CSPs: sovereign or hybrid cloud. ${DRAFT_NOTE}`,
        },
      ],
      sources: [DGA_CLASSIFICATION, DGA_CSP],
      confidence: 'stated',
      note: 'Drafts under public hearing (guidelines until 12 Aug 2025; CSP standards until 27 Dec 2025): labels resolve with a warning.',
    },
  ],
  residency: [
    {
      minOrdinal: 4,
      dataMustResideIn: ['TH'],
      includesBackups: true,
      includesTechnicalData: true,
      allowedDeployment: ['sovereign', 'hybrid'],
      legalBasis: [
        `DGA draft guidelines (2025): highly protected data on Tier 3 CSPs offering sovereign or hybrid cloud as stipulated by the Ministry of Digital Economy and Society — ${DGA_CLASSIFICATION} ; ${DGA_CSP}`,
      ],
      confidence: 'uncertain',
      note: 'Drafts only. In-country residency is read from "sovereign"; backups and technical data are bound as the project\'s design choice (after SecNumCloud 12.5.d / 19.2.d), not by a Thai text. No Thai source restricts operators to Thai law, so no foreign-law rule is catalogued: the Thai-incorporation rule concerns the contracting entity (see contracting).',
    },
  ],
  contracting: [
    {
      minOrdinal: 0,
      incorporatedIn: ['TH'],
      distributorsAllowed: true,
      status: 'draft',
      legalBasis: [
        `DGA draft Digital Government Standards re: Cloud Service Provider Standards: CSPs of all three tiers must be legal entities incorporated under Thai law and may be authorised distributors of offshore CSPs; public hearing closed 27 Dec 2025 — ${DGA_CSP}`,
      ],
      confidence: 'stated',
      note: 'A procurement rule on who the agency contracts with, at every level; it does not keep a foreign provider\'s home law away from the data, so it is kept apart from foreign-law exposure. A draft: validation warns, it does not refuse.',
    },
  ],
  adminAccess: PROJECT_DEFAULT_ADMIN_ACCESS,
  crypto: PROJECT_DEFAULT_CRYPTO,
  retention: PROJECT_DEFAULT_RETENTION,
  notifications: [],
  laws: [
    {
      id: 'TH-DGA-CSP-DRAFT',
      name: 'DGA draft Digital Government Standards re: Cloud Service Provider Standards',
      status: 'draft',
      appliesToGovernment: true,
      summary:
        'Agencies pick cloud services from a DGA shortlist of three CSP tiers (Tier 1 disclosable official data; Tier 2 official and protected data on high-security public cloud or VPC; Tier 3 highly protected data on sovereign or hybrid cloud). Every tier must be a Thai-incorporated legal entity, which may be an authorised distributor of an offshore CSP. Public hearing closed 27 Dec 2025.',
      sources: [DGA_CSP],
      confidence: 'stated',
    },
    {
      id: 'TH-DGA-CLOUD-DRAFT',
      name: 'DGA draft Government Cloud Usage Guidelines and Data Classification Guidelines (2025)',
      status: 'draft',
      appliesToGovernment: true,
      summary: 'Go Cloud First: agencies choose public, private, hybrid or community cloud by data sensitivity; procurement only from providers meeting government standards. Public hearing until 12 Aug 2025.',
      sources: [DGA_CLASSIFICATION],
      confidence: 'stated',
    },
    {
      id: 'TH-NCSC-CATEGORY-2566',
      name: 'Notification of the NCSC Re: Standards for Defining the Security Category for Data and Information Systems B.E. 2566 (2023)',
      status: 'in-force',
      appliesToGovernment: true,
      summary: 'Sets the impact level (security category) of data and information systems; the draft NCSC cloud standards apply their measures by this level.',
      sources: [NCSC_CLOUD],
      confidence: 'stated',
    },
    {
      id: 'TH-NCSC-CLOUD-DRAFT',
      name: 'Draft NCSC Notification Re: Cloud Cybersecurity Standards (May 2024)',
      status: 'draft',
      appliesToGovernment: true,
      summary:
        'Published 1 May 2024 for public hearing until 14 May 2024: cloud security measures for government agencies, supervising or regulating organisations and CII organisations under the Cybersecurity Act B.E. 2562 (2019), and for their CSPs, scaled by the B.E. 2566 security category.',
      sources: [NCSC_CLOUD],
      confidence: 'stated',
    },
  ],
  support: {
    maxOrdinal: 4,
    reason:
      'The draft DGA tiers stop at "highly protected" (SECRET, 4: sovereign or hybrid cloud); nothing was found on top-secret data in any cloud, so the catalogue stops at SECRET (4).',
  },
  uncertain: [
    'The DGA government-cloud, data-classification and CSP documents are drafts (hearings closed 12 Aug 2025 and 27 Dec 2025); the classification mapping, the ordinal-4 residency rule and the contracting rule may change when they are issued.',
    'The DGA draft requires a Thai-incorporated contracting entity at every tier (authorised distributors allowed); it says nothing on the law governing the operator, so no foreign-law rule is catalogued for Thailand.',
    'Thai data below ordinal 4 has no residency rule in the sources, so none is catalogued.',
    'No Azure region was found in Thailand.',
    'The Government Data Centre and Cloud (GDCC), the central platform from 1 Oct 2025, has no catalogued site id; GDCC sites must be declared inline with their operator (https://bangkokpost.com/business/general/2986926/cloud-first-policy-gets-underway-on-oct-1).',
    'The text of the NCSC security-category notification B.E. 2566 and whether the May 2024 NCSC cloud standards were issued are not confirmed; both are known from one secondary source.',
    'No Thai rule on in-country administration, administrator nationality or clearance, cryptography or log retention is recorded; these use the project defaults, not national figures.',
    'No incident or breach notification deadlines and no personal-data law are recorded in this sketch.',
    ...PROJECT_DEFAULT_UNCERTAIN,
  ],
  lastReviewed: '2026-12-07',
};
