import type { Jurisdiction } from '../types';
import { PROJECT_DEFAULT_ADMIN_ACCESS, PROJECT_DEFAULT_CRYPTO, PROJECT_DEFAULT_RETENTION, PROJECT_DEFAULT_UNCERTAIN } from './defaults';

const DGA_CLASSIFICATION = 'https://www.tilleke.com/insights/thailand-releases-draft-guidelines-on-government-cloud-adoption-and-data-classification';
const DGA_CSP = 'https://www.tilleke.com/insights/thailand-drafting-standards-for-government-engaged-cloud-service-providers';
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
    },
    {
      provider: 'aws',
      id: 'ap-southeast-1-bkk-1',
      displayName: 'Bangkok Local Zone',
      country: 'TH',
      kind: 'local-zone',
      parentRegion: 'ap-southeast-1',
      status: 'ga',
      sources: ['AWS VPC documentation (BYOIP network border groups list)'],
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
    },
    {
      provider: 'alibaba',
      id: 'ap-southeast-7',
      displayName: 'Thailand (Bangkok)',
      country: 'TH',
      kind: 'region',
      status: 'ga',
      sources: ['Alibaba Cloud documentation'],
    },
  ],
  classificationSchemes: [
    {
      id: 'TH-DGA-DRAFT',
      name: 'DGA draft government-cloud data classification (2025)',
      levels: [
        { label: 'Disclosable', labelEn: 'Disclosable official data', ordinal: 0, mappingConfidence: 'inferred', note: `Tier 1 CSP. ${DRAFT_NOTE}` },
        {
          label: 'Protected',
          labelEn: 'Official or protected data (e.g. personal data)',
          ordinal: 2,
          mappingConfidence: 'inferred',
          note: `Tier 2 CSP: high-security public cloud or VPC. ${DRAFT_NOTE}`,
        },
        {
          label: 'Highly protected',
          labelEn: 'Highly protected data (e.g. national security)',
          ordinal: 4,
          mappingConfidence: 'inferred',
          note: `Tier 3: sovereign or hybrid cloud. ${DRAFT_NOTE}`,
        },
      ],
      sources: [DGA_CLASSIFICATION, DGA_CSP],
    },
  ],
  residency: [
    {
      minOrdinal: 4,
      dataMustResideIn: ['TH'],
      includesBackups: true,
      includesTechnicalData: true,
      allowedDeployment: ['sovereign', 'hybrid'],
      allowedOperatorJurisdictions: ['TH'],
      legalBasis: [
        `DGA draft guidelines (2025): highly protected data on Tier 3, sovereign or hybrid cloud — ${DGA_CLASSIFICATION}`,
        `DGA draft CSP standards: CSPs serving government must be Thai-incorporated — ${DGA_CSP}`,
      ],
      confidence: 'uncertain',
      note: 'Drafts only. Backups and technical data are bound as the project\'s design choice (after SecNumCloud 12.5.d / 19.2.d), not by a Thai text.',
    },
  ],
  adminAccess: PROJECT_DEFAULT_ADMIN_ACCESS,
  crypto: PROJECT_DEFAULT_CRYPTO,
  retention: PROJECT_DEFAULT_RETENTION,
  notifications: [],
  support: {
    maxOrdinal: 4,
    reason:
      'The draft DGA tiers stop at "highly protected" (SECRET, 4: sovereign or hybrid cloud with Thai-incorporated CSPs); nothing was found on top-secret data in any cloud, so the catalogue stops at SECRET (4).',
  },
  uncertain: [
    'The DGA government-cloud and data-classification documents are 2025 drafts; the classification mapping and the ordinal-4 rule may change when they are issued.',
    'The drafts say CSPs serving government must be Thai-incorporated; whether this applies below Tier 3 is not clear, and the catalogue applies it only from ordinal 4.',
    'Thai data below ordinal 4 has no residency rule in the sources, so none is catalogued.',
    'No Azure region was found in Thailand.',
    'The Government Data Centre and Cloud (GDCC), the central platform from 1 Oct 2025, has no catalogued site id; GDCC sites must be declared inline with their operator (https://bangkokpost.com/business/general/2986926/cloud-first-policy-gets-underway-on-oct-1).',
    'No Thai rule on in-country administration, administrator nationality or clearance, cryptography or log retention is recorded; these use the project defaults, not national figures.',
    'No incident or breach notification deadlines and no personal-data law are recorded in this sketch.',
    ...PROJECT_DEFAULT_UNCERTAIN,
  ],
  lastReviewed: '2026-11-21',
};
