import type { Jurisdiction } from '../types';
import { PROJECT_DEFAULT_ADMIN_ACCESS, PROJECT_DEFAULT_RETENTION, PROJECT_DEFAULT_UNCERTAIN, projectDefaultCrypto } from './defaults';

const OSA_DEFINITIONS = 'https://registrar.utm.my/bpo/services/pengurusan-fail-rekod/pengurusan-dokumen-terperingkat/definasi/';
const OSA_SOURCES = [
  OSA_DEFINITIONS,
  'https://hazis.wordpress.com/amalan-dan-kerja-kerja-di-topografi/arahan-perkhidmatan/',
  'https://id.scribd.com/document/4978407/arahan-keselamatan',
  'https://vdokumen.net/draf-utm-garis-panduan-pengelasan-pengelasan-universiti-teknologi-malaysia.html',
];
// The reference doc truncates both addresses with "..."; they are kept up to the truncation.
const SPA2_TOC = 'https://studylib.net/doc/27161027/spa-bil.2-2021-garis-panduan-pengurusan-keselamatan-maklu';
const SPA2_SOURCES = [SPA2_TOC, 'https://studylib.net/doc/25957875/-eng--2021--garis-panduan-pengurusan-keselamatan-maklumat'];
const NCCP_ADOPTED = 'https://digitalpolicyalert.org/event/32552-ministry-of-digital-adopted-national-cloud-computing-policy';
const NCCP_LAUNCHED = 'https://digitalpolicyalert.org/event/32665-ministry-of-digital-launched-national-cloud-computing-policy';
const NCCP_SOURCES = [NCCP_ADOPTED, NCCP_LAUNCHED];
const NCCP_CRITICAL =
  'http://www.ifg.cc/en/aktuelles/nachrichten/regionen/124-my-malaysia/65471-newly-launched-national-cloud-computing-policy-to-drive-malaysia-s-digital-transformation.html';
const PKTN = 'https://www.cybersecurity.my/portal-main/services/pktn-overview';
const SNC = 'https://github.com/intuitem/ciso-assistant-community/blob/main/backend/library/libraries/secnumcloud-3.2.yaml';
const C5 = 'https://github.com/intuitem/ciso-assistant-community/blob/main/backend/library/libraries/bsi-c5-2020.yaml';
const PKTN_NOTE = 'Labels stated; placement by label equivalence. PKTN classes cryptographic products, not information.';
const NCCP_OSA_NOTE = 'NCCP ↔ OSA correspondence not published.';

export const MALAYSIA: Jurisdiction = {
  countryCode: 'MY',
  name: 'Malaysia',
  completeness: 'full',
  regions: [
    {
      provider: 'aws',
      id: 'ap-southeast-5',
      displayName: 'Asia Pacific (Malaysia)',
      country: 'MY',
      kind: 'region',
      status: 'ga',
      sources: ['https://github.com/aws/aws-sdk-js-v3/blob/main/packages/util-endpoints/src/lib/aws/partitions.json', 'https://git.drupalcode.org/project/cloud/-/merge_requests/2324'],
      note: 'The same id is Jakarta at Alibaba Cloud: key regions by (provider, id).',
    },
    {
      provider: 'azure',
      id: 'malaysiawest',
      displayName: 'Malaysia West',
      country: 'MY',
      kind: 'region',
      availabilityZones: 3,
      status: 'ga',
      sources: [
        'https://learn.microsoft.com/en-ca/dotnet/api/azure.core.azurelocation.malaysiawest?view=azure-dotnet',
        'https://learn.microsoft.com/azure/reliability/regions-list',
        'https://northflank.com/cloud/azure/regions',
        'https://windowsforum.com/threads/microsoft-launches-malaysia-west-cloud-region-boosting-digital-transformation-ai-leadership.368092/',
      ],
      note: 'Greater Kuala Lumpur.',
    },
    {
      provider: 'azure',
      id: null,
      displayName: 'Southeast Asia 3 (Johor Bahru)',
      country: 'MY',
      kind: 'region',
      status: 'uncertain',
      sources: ['https://www.windowsnews.ai/article/microsoft-azure-southeast-asia-3-launches-in-johor-bahru-for-ai-workloads.392262'],
      note: 'Announced per a secondary source; region id and status unconfirmed. Until the id is known, a site here must be declared inline.',
    },
    {
      provider: 'gcp',
      id: null,
      displayName: 'Malaysia (Elmina Business Park, Selangor)',
      country: 'MY',
      kind: 'region',
      status: 'announced',
      sources: ['https://w.media/google-to-invest-us-2-billion-to-build-its-first-dc-and-cloud-region-in-malaysia', 'https://w.media/google-breaks-ground-on-its-first-data-center-in-malaysia'],
      note: 'US$2bn; groundbreaking Oct 2024. Region id unknown: the label asia-southeast5 appears only in unofficial third-party code that mislabels other regions, so it is not used.',
    },
    {
      provider: 'alibaba',
      id: 'ap-southeast-3',
      displayName: 'Malaysia (Kuala Lumpur)',
      country: 'MY',
      kind: 'region',
      status: 'ga',
      sources: ['Alibaba Cloud documentation', 'https://help.aliyun.com/en/fraud-detection/developer-reference/api-xtee-2021-09-10-endpoint'],
      note: 'The same id is Jakarta at AWS: key regions by (provider, id).',
    },
    {
      provider: 'mygovcloud',
      id: 'pdsa',
      displayName: 'MyGovCloud@PDSA (Pusat Data Sektor Awam)',
      country: 'MY',
      kind: 'private-dc',
      status: 'ga',
      sources: [
        'https://govinsider.asia/intl-en/article/cloud-ai-and-blockchain-inside-malaysias-digitalisation-strategy-mampu-azih-bin-yusof',
        'https://grokipedia.com/page/mampu',
        'https://mygovcloudcfa.mampu.gov.my/soalan_lazim/',
      ],
      note: 'The id `pdsa` is this project\'s own (jurisdictions.md §5 proposes `mygovcloud-pdsa`), not an id published by the operator. Government private cloud run by JDN (formerly MAMPU).',
    },
  ],
  classificationSchemes: [
    {
      id: 'MY-OSA-1972',
      name: 'Official Secrets Act 1972 (Act 88) and Arahan Keselamatan',
      levels: [
        { label: 'Terhad', labelEn: 'Restricted', ordinal: 2, mappingConfidence: 'stated', note: 'Level and English name given by the definitions (jurisdictions.md §3.1).' },
        { label: 'Sulit', labelEn: 'Confidential', ordinal: 3, mappingConfidence: 'stated' },
        { label: 'Rahsia', labelEn: 'Secret', ordinal: 4, mappingConfidence: 'stated' },
        { label: 'Rahsia Besar', labelEn: 'Top Secret', ordinal: 5, mappingConfidence: 'stated' },
      ],
      sources: OSA_SOURCES,
    },
    {
      id: 'MY-CGSO-SPA2-2021',
      name: 'CGSO Surat Pekeliling Am Bil. 2/2021 (cloud computing information classes)',
      levels: [
        { label: 'Data Terbuka', labelEn: 'Open data', ordinal: 0, mappingConfidence: 'inferred', note: 'Class name stated; position inferred.' },
        { label: 'Rasmi', labelEn: 'Official', ordinal: 1, mappingConfidence: 'inferred' },
        {
          label: 'Rahsia Rasmi',
          labelEn: 'Official secret',
          ordinal: 2,
          coversOrdinals: [2, 3, 4, 5],
          mappingConfidence: 'inferred',
          note: 'Umbrella over all four OSA levels; the real level comes from the OSA marking.',
        },
      ],
      sources: SPA2_SOURCES,
    },
    {
      id: 'MY-NCCP-2025',
      name: 'National Cloud Computing Policy 2025 (data sensitivity levels)',
      levels: [
        { label: 'public', labelEn: 'Public', ordinal: 0, mappingConfidence: 'stated' },
        { label: 'internal', labelEn: 'Internal', ordinal: 1, mappingConfidence: 'inferred' },
        { label: 'restricted', labelEn: 'Restricted', ordinal: 2, mappingConfidence: 'uncertain', note: NCCP_OSA_NOTE },
        { label: 'confidential', labelEn: 'Confidential', ordinal: 3, mappingConfidence: 'uncertain', note: NCCP_OSA_NOTE },
      ],
      sources: NCCP_SOURCES,
    },
    {
      id: 'MY-PKTN',
      name: 'National Trusted Cryptographic Product scheme (PKTN), CyberSecurity Malaysia',
      levels: [
        { label: 'Public', ordinal: 0, mappingConfidence: 'inferred', note: PKTN_NOTE },
        { label: 'Restricted', ordinal: 2, mappingConfidence: 'inferred', note: PKTN_NOTE },
        { label: 'Confidential', ordinal: 3, mappingConfidence: 'inferred', note: PKTN_NOTE },
        { label: 'Secret', ordinal: 4, mappingConfidence: 'inferred', note: PKTN_NOTE },
        { label: 'Top Secret', ordinal: 5, mappingConfidence: 'inferred', note: PKTN_NOTE },
      ],
      sources: [PKTN],
    },
  ],
  residency: [
    {
      minOrdinal: 3,
      dataMustResideIn: ['MY'],
      includesBackups: true,
      includesTechnicalData: true,
      allowedDeployment: ['sovereign', 'private', 'dedicated'],
      legalBasis: [
        `NCCP 2025: confidential data must be processed in a sovereign cloud within Malaysia — ${NCCP_ADOPTED} ; ${NCCP_LAUNCHED}`,
        `NCCP 2025: critical national data stays in Malaysia — ${NCCP_CRITICAL}`,
        `backups bound as a design choice after SecNumCloud 3.2 12.5.d — ${SNC}; BSI C5 PSS-12 — ${C5}`,
        `technical data bound as a design choice after SecNumCloud 3.2 19.2.d — ${SNC}`,
      ],
      confidence: 'inferred',
      note: 'Stated for NCCP "confidential"; inferred for OSA Sulit and above, because the NCCP ↔ OSA correspondence is not published.',
    },
    {
      minOrdinal: 4,
      dataMustResideIn: ['MY'],
      includesBackups: true,
      includesTechnicalData: true,
      allowedDeployment: ['private'],
      allowedOperatorJurisdictions: ['MY'],
      legalBasis: [
        `OSA 1972 (Act 88): Rahsia — ${OSA_DEFINITIONS}`,
        `CGSO SPA Bil. 2/2021 §6 (deployment model per class; body text unconfirmed) — ${SPA2_TOC}`,
        'Government studying a sovereign-cloud policy or law for highly sensitive and classified data because of the US CLOUD Act (Sept 2025) — https://mcigroup.my/mci-business/govt-looks-into-sovereign-cloud-policy-to-protect-national-data',
      ],
      confidence: 'uncertain',
      note: 'Placeholder until the SPA Bil. 2/2021 body text is read (jurisdictions.md §3.2): no source found says Rahsia is limited to private cloud or to Malaysian operators.',
    },
  ],
  adminAccess: {
    ...PROJECT_DEFAULT_ADMIN_ACCESS,
    basis: [
      ...PROJECT_DEFAULT_ADMIN_ACCESS.basis,
      'No Malaysian in-country-administration or nationality rule was found; the Malaysian values are design choices (jurisdictions.md §13, §16 item 14).',
      'BNM RMiT makes MFA mandatory for Malaysian banks (sectoral; paragraph numbers unverified) — https://eoasis.rajahtann.com/eoasis/gn/regionnews.asp?id=1344&n=41&c=6',
    ],
  },
  crypto: {
    ...projectDefaultCrypto('MySEAL'),
    nationalAlgorithmList: { name: 'MySEAL 2.0', url: 'https://www.cybersecurity.my/portal-main/services/myseal-overview', ingested: false },
  },
  retention: {
    ...PROJECT_DEFAULT_RETENTION,
    breachRecordDays: 730,
    basis: [
      ...PROJECT_DEFAULT_RETENTION.basis,
      'No Malaysian government-wide cloud log-retention figure was found (jurisdictions.md §9).',
      'PDPA (Amendment) Act 2024: breach records kept ≥ 2 years, data controllers only — https://stpartners.my/personal-data-protection-amendment-act-2024/',
    ],
  },
  notifications: [
    {
      regime: 'Cyber Security Act 2024 (Act 854), NCII entities',
      audience: 'NACSA NC4',
      deadlineHours: 6,
      note: 'Notify immediately on becoming aware; initial submission within 6 hours; supplemental submission deadline UNCERTAIN (commonly reported as 14 days, unverified).',
      source: 'https://robinlynnlee.com/?p=58245',
      confidence: 'stated',
    },
    {
      regime: 'PDPA 2010 (Act 709) s.12B, as amended 2024',
      audience: 'Personal Data Protection Commissioner',
      deadlineHours: 72,
      note: 'Data controllers only, where significant harm is caused or likely (e.g. > 1,000 data subjects or sensitive data); follow-ups at the latest 30 days after the notice. Federal and State Governments are exempt (s.3(1)).',
      source: 'https://www.tmi.gr.jp/service/global/asia-pacific/2025/17439.html',
      confidence: 'stated',
    },
    {
      regime: 'PDPA 2010 (Act 709), as amended 2024',
      audience: 'Affected data subjects',
      deadlineHours: 168,
      note: 'Within 7 days when significant harm is likely. Data controllers only; Federal and State Governments are exempt (s.3(1)).',
      source: 'https://stpartners.my/personal-data-protection-amendment-act-2024/',
      confidence: 'stated',
    },
  ],
  personalData: {
    law: 'Personal Data Protection Act 2010 (Act 709), as amended by the PDPA (Amendment) Act 2024',
    appliesToGovernment: false,
    crossBorder:
      'No localisation rule. s.129 (in force since 1 Apr 2025; ministerial whitelist removed): transfer allowed where the destination has a substantially similar law or an adequate level of protection (s.129(2), with a Transfer Impact Assessment reassessed every 3 years), or under the s.129(3) exceptions (consent, contract necessity, legal proceedings, vital interests, all reasonable precautions and due diligence, public interest).',
    dpoRequired:
      'Above 20,000 data subjects, above 10,000 with sensitive data, or for regular and systematic monitoring; resident in Malaysia ≥ 180 days a year or easily reachable; notified to the Commissioner within 21 days. The Act does not bind Federal or State Governments (s.3(1)); government-owned companies are probably bound.',
    sources: [
      'https://www.pdp.gov.my/jpdpv2/laws-of-malaysia-pdpa/non-application-of-act/?lang=en',
      'https://www.legal500.com/developments/thought-leadership/malaysian-personal-data-protection-act-2010-does-it-apply-to-government-agencies/',
      'https://mylaw.my/legislation/act-2010-709/section-129',
      'https://www.skrine.com/insights/alerts/may-2025/cross-border-personal-data-transfer-guidelines-lau',
      'https://www.roedl.com/en-GB/de/insights/Pages/newsflash-malaysia/2025_05/malaysia-part3-personal-data-protection-amendment-act-2024.aspx',
      'https://stpartners.my/personal-data-protection-amendment-act-2024/',
    ],
  },
  support: {
    maxOrdinal: 4,
    reason:
      'Rahsia Besar (TOP_SECRET, ordinal 5) is not supported in any cloud by this catalogue: no source allows it, and the body text of CGSO SPA Bil. 2/2021, which would say which classes may use which kind of cloud, has not been confirmed.',
  },
  uncertain: [
    'The operative text of CGSO SPA Bil. 2/2021 has not been confirmed, so it is unknown which information class may use public, hybrid or private cloud; the private-only rule from ordinal 4 is a placeholder.',
    'No source says how the NCCP levels (restricted, confidential) correspond to the OSA levels (Terhad, Sulit), or whether Rahsia and Rahsia Besar are excluded from every kind of cloud.',
    'The Google Cloud Malaysia region id and its GA status are unknown.',
    'The id and status of Azure "Southeast Asia 3" (Johor Bahru) are unknown.',
    'Telekom Malaysia region ids are not documented, so TM sites must be declared inline with their operator.',
    'Under the Cyber Security Act 2024 the supplemental incident-submission deadline (14 days is unverified), the risk-assessment and audit periods, and the NCSB control text are not confirmed.',
    'The MySEAL 2.0 algorithm list has not been ingested and no NACSA post-quantum migration deadlines were found, so the crypto policy is the project default.',
    'No Malaysian government-wide log-retention figure was found; the 180-day floor and 365-day default are project defaults.',
    'No Malaysian rule on in-country administration or on nationality or clearance of administrators was found; the values in this entry are design choices.',
    'The date of the Malaysian "Cloud First" announcement (c. 2017) is not confirmed.',
    ...PROJECT_DEFAULT_UNCERTAIN,
  ],
  lastReviewed: '2026-11-21',
};
