import type { Jurisdiction } from '../types';
import { PROJECT_DEFAULT_ADMIN_ACCESS, PROJECT_DEFAULT_CRYPTO, PROJECT_DEFAULT_RETENTION, PROJECT_DEFAULT_UNCERTAIN } from './defaults';

const GCC = 'https://www.computerweekly.com/news/366563153/Inside-the-Singapore-governments-cloud-journey';
const SG_GOV_DOC = 'https://www.scribd.com/document/866706848/AUP-Form-WeiQuan';
const LADDER_NOTE = 'Not seen in the source; the full ladder is unconfirmed.';
const LM = 'https://info.standards.tech.gov.sg/control-catalog/cybersecurity/lm/';
const ALIBABA_REGIONS = 'Alibaba Cloud open service area (region ids) — https://help.aliyun.com/en/cs/product-overview/open-service-area';
const SMART_NATION = 'https://www.smartnation.gov.sg/why-Smart-Nation/secure-smart-nation/personal-data-protection';
const PDPA = 'https://sso.agc.gov.sg/Act/PDPA2012';
const PDPA_S4 = `PDPA 2012 s.4(1)(c): Parts 3, 4, 5, 6, 6A and 6B impose no obligation on any public agency (quoted in secondary commentary; Act at ${PDPA})`;
const MCI_PQ = 'https://www.straitstimes.com/politics/parliament-public-agencies-not-governed-by-pdpa-because-of-fundamental-differences-in-how';

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
      confidence: 'stated',
    },
    {
      provider: 'aws',
      id: null,
      displayName: 'Dedicated Local Zones used by the Singapore government',
      country: 'SG',
      kind: 'dedicated-local-zone',
      status: 'uncertain',
      sources: [GCC],
      confidence: 'uncertain',
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
      confidence: 'stated',
    },
    {
      provider: 'gcp',
      id: 'asia-southeast1',
      displayName: 'Jurong West',
      country: 'SG',
      kind: 'region',
      status: 'ga',
      sources: ['https://docs.cloud.google.com/infrastructure-manager/docs/locations'],
      confidence: 'stated',
    },
    {
      provider: 'alibaba',
      id: 'ap-southeast-1',
      displayName: 'Singapore',
      country: 'SG',
      kind: 'region',
      status: 'ga',
      sources: [ALIBABA_REGIONS],
      confidence: 'stated',
    },
    {
      provider: 'huawei',
      id: 'ap-southeast-3',
      displayName: 'AP-Singapore',
      country: 'SG',
      kind: 'region',
      status: 'ga',
      sources: ['Huawei Cloud endpoints (AP-Singapore = ap-southeast-3) — https://support.huaweicloud.com/intl/en-us/api-cdm/endpoint.html'],
      confidence: 'stated',
      note: 'The same id is Jakarta at AWS and Kuala Lumpur at Alibaba Cloud: key regions by (provider, id).',
    },
    {
      provider: 'tencent',
      id: 'ap-singapore',
      displayName: 'Southeast Asia (Singapore)',
      country: 'SG',
      kind: 'region',
      status: 'ga',
      sources: ['https://tencentcloud.com/document/product/628/33133'],
      confidence: 'stated',
    },
  ],
  classificationSchemes: [
    {
      id: 'SG-GOV',
      name: 'Singapore Government classification (partial)',
      status: 'in-force',
      levels: [
        { label: 'OFFICIAL (OPEN)', ordinal: 0, mappingConfidence: 'uncertain', note: LADDER_NOTE },
        { label: 'OFFICIAL (CLOSED)', ordinal: 1, mappingConfidence: 'inferred', note: 'Seen in a public-service document.' },
        { label: 'RESTRICTED', ordinal: 2, mappingConfidence: 'uncertain', note: LADDER_NOTE },
        { label: 'CONFIDENTIAL', ordinal: 3, mappingConfidence: 'uncertain', note: LADDER_NOTE },
        { label: 'SECRET', ordinal: 4, mappingConfidence: 'inferred', note: 'Only a section titled "Handling of SECRET classification" was seen.' },
        { label: 'TOP SECRET', ordinal: 5, mappingConfidence: 'uncertain', note: LADDER_NOTE },
      ],
      sources: [SG_GOV_DOC],
      confidence: 'inferred',
      note: 'Only part of the ladder was seen in a public-service document.',
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
  contracting: [],
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
  personalData: {
    law: 'Personal Data Protection Act 2012 (PDPA)',
    appliesToGovernment: false,
    crossBorder:
      'PDPA transfer and care obligations do not bind public agencies (s.4(1)(c)); agencies manage data under the Public Sector (Governance) Act 2018 and the Government Instruction Manual on IT Management.',
    dpoRequired: 'The PDPA\'s accountability duties (Part 3) do not bind public agencies (s.4(1)(c)); the agency regime is set by the IM on IT Management, not recorded here.',
    sources: [PDPA_S4, SMART_NATION, MCI_PQ],
    confidence: 'stated',
  },
  laws: [
    {
      id: 'SG-PSGA-2018',
      name: 'Public Sector (Governance) Act 2018',
      status: 'in-force',
      appliesToGovernment: true,
      summary:
        'Governs data management in the public sector with the IM on IT Management; criminal penalties for public officers who recklessly or intentionally disclose data without authorisation, misuse data for gain or re-identify anonymised data (ss.6–8).',
      sources: [SMART_NATION, MCI_PQ],
      confidence: 'stated',
    },
    {
      id: 'SG-IM-IT-MANAGEMENT',
      name: 'Government Instruction Manual on IT Management (IM on IT Management)',
      status: 'in-force',
      appliesToGovernment: true,
      summary: 'Sets the Government\'s data security policies since 2001: how agencies manage and protect data, personal data included, in their ownership or control. Not public; its content is not catalogued.',
      sources: [SMART_NATION],
      confidence: 'stated',
    },
    {
      id: 'SG-PDPA-2012',
      name: 'Personal Data Protection Act 2012',
      status: 'in-force',
      appliesToGovernment: false,
      summary: 'Applies to the private sector; s.4(1)(c) exempts public agencies from Parts 3 to 6B.',
      sources: [PDPA_S4, SMART_NATION],
      confidence: 'stated',
    },
  ],
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
    'The IM on IT Management is not public: what it requires of agencies\' cloud use (residency, retention, notification) is not catalogued.',
    'The PDPA s.4(1)(c) wording is taken from secondary commentary; the Act text was not read.',
    'No incident or breach notification deadlines for public agencies are recorded in this sketch.',
    ...PROJECT_DEFAULT_UNCERTAIN,
  ],
  lastReviewed: '2026-12-07',
};
