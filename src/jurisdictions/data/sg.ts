import type { Jurisdiction } from '../types';
import { PROJECT_DEFAULT_ADMIN_ACCESS, PROJECT_DEFAULT_CRYPTO, PROJECT_DEFAULT_RETENTION, PROJECT_DEFAULT_UNCERTAIN } from './defaults';

const GCC = 'https://www.computerweekly.com/news/366563153/Inside-the-Singapore-governments-cloud-journey';
const SG_GOV_DOC = 'https://www.scribd.com/document/866706848/AUP-Form-WeiQuan';
const LADDER_NOTE = 'Not seen in the source; the full ladder is unconfirmed.';
const LM = 'https://info.standards.tech.gov.sg/control-catalog/cybersecurity/lm/';

export const SINGAPORE: Jurisdiction = {
  countryCode: 'SG',
  name: 'Singapore',
  completeness: 'sketch',
  regions: [
    {
      provider: 'aws',
      id: 'ap-southeast-1',
      displayName: 'Asia Pacific (Singapore)',
      country: 'SG',
      kind: 'region',
      status: 'ga',
      sources: ['https://github.com/aws/aws-sdk-js-v3/blob/main/packages/util-endpoints/src/lib/aws/partitions.json'],
    },
    {
      provider: 'aws',
      id: null,
      displayName: 'Dedicated Local Zones used by the Singapore government',
      country: 'SG',
      kind: 'dedicated-local-zone',
      status: 'uncertain',
      sources: [GCC],
      note: 'Used for sensitive or confidential mission-critical government systems. Id, parent region and status unknown: declare such a site inline.',
    },
    {
      provider: 'azure',
      id: 'southeastasia',
      displayName: 'Southeast Asia',
      country: 'SG',
      kind: 'region',
      status: 'ga',
      sources: ['https://learn.microsoft.com/azure/reliability/regions-list'],
    },
    {
      provider: 'gcp',
      id: 'asia-southeast1',
      displayName: 'Jurong West',
      country: 'SG',
      kind: 'region',
      status: 'ga',
      sources: ['https://docs.cloud.google.com/infrastructure-manager/docs/locations'],
    },
    {
      provider: 'alibaba',
      id: 'ap-southeast-1',
      displayName: 'Singapore',
      country: 'SG',
      kind: 'region',
      status: 'ga',
      sources: ['Alibaba Cloud documentation'],
    },
  ],
  classificationSchemes: [
    {
      id: 'SG-GOV',
      name: 'Singapore Government classification (partial)',
      levels: [
        { label: 'OFFICIAL (OPEN)', ordinal: 0, mappingConfidence: 'uncertain', note: LADDER_NOTE },
        { label: 'OFFICIAL (CLOSED)', ordinal: 1, mappingConfidence: 'inferred', note: 'Seen in a public-service document.' },
        { label: 'RESTRICTED', ordinal: 2, mappingConfidence: 'uncertain', note: LADDER_NOTE },
        { label: 'CONFIDENTIAL', ordinal: 3, mappingConfidence: 'uncertain', note: LADDER_NOTE },
        { label: 'SECRET', ordinal: 4, mappingConfidence: 'inferred', note: 'Only a section titled "Handling of SECRET classification" was seen.' },
        { label: 'TOP SECRET', ordinal: 5, mappingConfidence: 'uncertain', note: LADDER_NOTE },
      ],
      sources: [SG_GOV_DOC],
    },
  ],
  residency: [
    {
      minOrdinal: 1,
      dataMustResideIn: ['SG'],
      includesBackups: true,
      includesTechnicalData: true,
      allowedDeployment: ['public', 'sovereign', 'private', 'hybrid', 'dedicated'],
      legalBasis: [
        `Government on Commercial Cloud: critical and private data geofenced to Singapore so that Singapore law applies (OSA, Computer Misuse Act) — ${GCC}`,
        'GovTech control DP-1: enforce data residency of [type] data in [country] (parameterised) — https://info.standards.tech.gov.sg/control-catalog/cybersecurity/dp/',
      ],
      confidence: 'inferred',
      note: 'The threshold (ordinal 1) is itself uncertain. Backups and technical data are bound as the project\'s design choice (after SecNumCloud 12.5.d / 19.2.d), not by a Singapore text. GCC started with unclassified workloads; sensitive or confidential mission-critical systems run on AWS Dedicated Local Zones.',
    },
  ],
  adminAccess: PROJECT_DEFAULT_ADMIN_ACCESS,
  crypto: PROJECT_DEFAULT_CRYPTO,
  retention: {
    ...PROJECT_DEFAULT_RETENTION,
    basis: [
      ...PROJECT_DEFAULT_RETENTION.basis,
      `GovTech LM-1/LM-2: separate, tamper-resistant log storage; LM-8 security log retention is parameterised and its value is UNCERTAIN — ${LM}`,
    ],
  },
  notifications: [],
  support: {
    maxOrdinal: 3,
    reason:
      'The sources describe commercial cloud geofenced to Singapore, with sensitive or confidential mission-critical systems on AWS Dedicated Local Zones; nothing was found on SECRET or TOP SECRET data in any cloud and the ladder above OFFICIAL (CLOSED) is unconfirmed, so the catalogue stops at CONFIDENTIAL (3).',
  },
  uncertain: [
    'The full Singapore government classification ladder is unconfirmed: only "OFFICIAL (CLOSED)" and a section on handling SECRET were seen, and a separate sensitivity axis (Sensitive-Normal/High) is unconfirmed.',
    'How the Government on Commercial Cloud programme maps classifications to deployments is not known, so the residency threshold at ordinal 1 is uncertain.',
    'The value of GovTech control LM-8 (security log retention) is not known; retention uses the project default.',
    'The id, parent region and status of the AWS Dedicated Local Zones used by the Singapore government are unknown.',
    'No Singapore rule on in-country administration, administrator nationality or clearance, or cryptography is recorded; these use the project defaults, not national figures.',
    'No incident or breach notification deadlines and no personal-data law are recorded in this sketch.',
    ...PROJECT_DEFAULT_UNCERTAIN,
  ],
  lastReviewed: '2026-11-21',
};
