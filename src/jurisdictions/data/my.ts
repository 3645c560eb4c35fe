import type { Jurisdiction } from '../types';
import { PROJECT_DEFAULT_ADMIN_ACCESS, PROJECT_DEFAULT_RETENTION, PROJECT_DEFAULT_UNCERTAIN, projectDefaultCrypto } from './defaults';

const OSA_DEFINITIONS = 'https://registrar.utm.my/bpo/services/pengurusan-fail-rekod/pengurusan-dokumen-terperingkat/definasi/';
// The primary Act text was not read: s.2 is quoted from reproductions of it.
const OSA_S2 =
  'OSA 1972 (Act 88) s.2 (as amended by Act A660, 1986): "official secret" includes documents classified "Rahsia Besar", "Rahsia", "Sulit" or "Terhad" by a Minister, Menteri Besar, Chief Minister or an officer appointed under s.2B — quoted at https://hiropedia.biz.id/wiki/Akta_Rahsia_Rasmi_1972 and https://www.scribd.com/doc/194956852/Akta-Rahsia-Rasmi-1972';
const OSA_SOURCES = [
  OSA_S2,
  OSA_DEFINITIONS,
  'https://hazis.wordpress.com/amalan-dan-kerja-kerja-di-topografi/arahan-perkhidmatan/',
  'https://id.scribd.com/document/4978407/arahan-keselamatan',
  'https://vdokumen.net/draf-utm-garis-panduan-pengelasan-pengelasan-universiti-teknologi-malaysia.html',
] as const;
// The reference doc truncates both addresses with "..."; they are kept up to the truncation.
const SPA2_TOC = 'https://studylib.net/doc/27161027/spa-bil.2-2021-garis-panduan-pengurusan-keselamatan-maklu';
const SPA2_SOURCES = [SPA2_TOC, 'https://studylib.net/doc/25957875/-eng--2021--garis-panduan-pengurusan-keselamatan-maklumat'] as const;
const NCCP_ADOPTED = 'https://digitalpolicyalert.org/event/32552-ministry-of-digital-adopted-national-cloud-computing-policy';
const NCCP_LAUNCHED = 'https://digitalpolicyalert.org/event/32665-ministry-of-digital-launched-national-cloud-computing-policy';
const NCCP_SOURCES = [NCCP_ADOPTED, NCCP_LAUNCHED] as const;
const NCCP_CRITICAL =
  'http://www.ifg.cc/en/aktuelles/nachrichten/regionen/124-my-malaysia/65471-newly-launched-national-cloud-computing-policy-to-drive-malaysia-s-digital-transformation.html';
const PKTN = 'https://www.cybersecurity.my/portal-main/services/pktn-overview';
const SNC = 'https://github.com/intuitem/ciso-assistant-community/blob/main/backend/library/libraries/secnumcloud-3.2.yaml';
const C5 = 'https://github.com/intuitem/ciso-assistant-community/blob/main/backend/library/libraries/bsi-c5-2020.yaml';
const PKTN_NOTE = 'Labels stated; placement by label equivalence. PKTN classes cryptographic products, not information.';
const NCCP_OSA_NOTE = 'NCCP ↔ OSA correspondence not published.';
const ALIBABA_REGIONS = 'Alibaba Cloud open service area (region ids) — https://help.aliyun.com/en/cs/product-overview/open-service-area';
const CSA_NOTIFY = 'https://hhq.com.my/posts/cyber-security-regulations-2024-essential-reporting-audit-and-licensing-obligations/';
const CSA_REGS = 'https://law-partnership.com/subsidiary-legislation-pursuant-to-the-cyber-security-act-2024/';
const CSA_PERIODS = 'https://thestar.com.my/news/nation/2024/08/26/cyber-security-act-2024-and-linked-regulations-to-take-effect-from-today';

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
      confidence: 'stated',
      note: 'The same id is Jakarta at Alibaba Cloud and Manila at Huawei Cloud: key regions by (provider, id).',
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
        'announced 20 Mar 2025 for Q2 2025, three datacentres in Greater Kuala Lumpur (Reuters) — https://insidetelecom.com/microsoft-malaysia-to-launch-three-data-centres-in-q2-2025',
        'launched 28 May 2025 with three availability zones in Greater Kuala Lumpur (Malay Mail report, republished) — https://www.daily8.com/en/hashtag/GreaterKualaLumpur',
      ],
      confidence: 'stated',
      note: 'Greater Kuala Lumpur; opened 28 May 2025.',
    },
    {
      provider: 'azure',
      id: null,
      displayName: 'Southeast Asia 3 (Johor Bahru)',
      country: 'MY',
      kind: 'region',
      status: 'announced',
      sources: [
        'https://w.media/microsoft-launches-its-second-cloud-region-in-malaysia',
        'https://www.crnasia.com/news/2025/data-center/new-microsoft-cloud-region-helps-drive-digital-development-i',
      ],
      confidence: 'stated',
      note: 'Microsoft\'s second Malaysian region: announced with no timeline, not live. Region id unknown; until it is, a site here must be declared inline.',
    },
    {
      provider: 'gcp',
      id: null,
      displayName: 'Malaysia (Elmina Business Park, Selangor)',
      country: 'MY',
      kind: 'region',
      status: 'announced',
      sources: ['https://w.media/google-to-invest-us-2-billion-to-build-its-first-dc-and-cloud-region-in-malaysia', 'https://w.media/google-breaks-ground-on-its-first-data-center-in-malaysia'],
      confidence: 'stated',
      note: 'US$2bn; groundbreaking Oct 2024. Region id unknown: the label asia-southeast5 appears only in unofficial third-party code that mislabels other regions, so it is not used.',
    },
    {
      provider: 'gcp',
      id: null,
      displayName: 'Google Distributed Cloud air-gapped, operated by DNeX',
      country: 'MY',
      kind: 'private-dc',
      status: 'uncertain',
      operator: {
        legalEntity: 'Dagang NeXchange Berhad (DNeX), Malaysia',
        legalSeat: 'MY',
        sources: ['independent catalogue audit, 2026-12-06 (project issue 15); no public source was found in this review'],
        confidence: 'uncertain',
      },
      sources: [
        'what GDC air-gapped is (no connection to Google Cloud) — https://cloud-dot-devsite-v2-prod.appspot.com/distributed-cloud/hosted/docs/latest/gdch/overview',
        'independent catalogue audit, 2026-12-06 (project issue 15): Google Distributed Cloud (air-gapped) operated in Malaysia by a Malaysian partner (DNeX)',
      ],
      confidence: 'uncertain',
      note: 'No public site id; declare such a site inline with the operator\'s legal seat and evidence.',
    },
    {
      provider: 'oracle',
      id: 'ap-kulai-2',
      displayName: 'Malaysia (Kulai, Johor)',
      country: 'MY',
      kind: 'region',
      status: 'ga',
      sources: [
        'OCI region registry (ap-kulai-2, realm OC1, added Feb 2026) — https://github.com/oracle/oci-dotnet-sdk/blob/master/Common/Src/RegionDefinitions.cs',
      ],
      confidence: 'inferred',
      note: 'The id is stated by Oracle\'s SDK; Kulai (Johor, Malaysia) and general availability are read from the id, the commercial realm and third-party region lists.',
    },
    {
      provider: 'alibaba',
      id: 'ap-southeast-3',
      displayName: 'Malaysia (Kuala Lumpur)',
      country: 'MY',
      kind: 'region',
      status: 'ga',
      sources: [ALIBABA_REGIONS, 'https://help.aliyun.com/en/fraud-detection/developer-reference/api-xtee-2021-09-10-endpoint'],
      confidence: 'stated',
      note: 'The same id is Jakarta at AWS and Singapore at Huawei Cloud: key regions by (provider, id).',
    },
    {
      provider: 'alibaba',
      id: 'ap-southeast-8',
      displayName: 'Malaysia (Johor)',
      country: 'MY',
      kind: 'region',
      status: 'ga',
      sources: [ALIBABA_REGIONS, 'https://www.alibabacloud.com/help/en/sls/getcursortime'],
      confidence: 'stated',
    },
    {
      provider: 'huawei',
      id: 'my-kualalumpur-1',
      displayName: 'AP-Kuala Lumpur-OP6 (TM One Alpha Edge)',
      country: 'MY',
      kind: 'region',
      status: 'ga',
      operator: {
        legalEntity: 'TM One (Telekom Malaysia group), Kuala Lumpur, Malaysia',
        legalSeat: 'MY',
        sources: ['Huawei Cloud documents the region\'s endpoints under TM One\'s domain (cdm.my-kualalumpur-1.alphaedge.tmone.com.my) — https://support.huaweicloud.com/intl/zh-cn/my-kualalumpur-1-api-dataartsstudio/dataartsstudio_02_0004.html'],
        confidence: 'inferred',
        note: 'Operation by TM One is read from the endpoint domain; no contract or statement says who operates it.',
      },
      sources: [
        'https://support.huaweicloud.com/intl/zh-cn/my-kualalumpur-1-api-dataartsstudio/dataartsstudio_02_0004.html',
        'https://support.huaweicloud.com/intl/en-us/my-kualalumpur-1-api-vpn/vpn_api_0044.html',
      ],
      confidence: 'stated',
      note: 'A Huawei Cloud Stack site: the operator is inferred, so where operators are restricted declare site.operatorJurisdiction with evidence.',
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
        'https://mygovcloudcfa.mampu.gov.my/soalan_lazim/',
      ],
      confidence: 'stated',
      note: 'The id `pdsa` is this project\'s own (jurisdictions.md §5 proposes `mygovcloud-pdsa`), not an id published by the operator. Government private cloud run by JDN (formerly MAMPU).',
    },
  ],
  classificationSchemes: [
    {
      id: 'MY-OSA-1972',
      name: 'Official Secrets Act 1972 (Act 88) s.2 and Arahan Keselamatan',
      status: 'in-force',
      levels: [
        { label: 'Terhad', labelEn: 'Restricted', ordinal: 2, mappingConfidence: 'stated', note: 'The four labels are those of OSA s.2; level and English name given by the definitions (jurisdictions.md §3.1).' },
        { label: 'Sulit', labelEn: 'Confidential', ordinal: 3, mappingConfidence: 'stated' },
        { label: 'Rahsia', labelEn: 'Secret', ordinal: 4, mappingConfidence: 'stated' },
        { label: 'Rahsia Besar', labelEn: 'Top Secret', ordinal: 5, mappingConfidence: 'stated' },
      ],
      sources: OSA_SOURCES,
      confidence: 'stated',
      note: 'The s.2 wording is taken from reproductions of the Act; the official text (Laws of Malaysia) was not read.',
    },
    {
      id: 'MY-CGSO-SPA2-2021',
      name: 'CGSO Surat Pekeliling Am Bil. 2/2021 (cloud computing information classes)',
      status: 'in-force',
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
      confidence: 'stated',
    },
    {
      id: 'MY-NCCP-2025',
      name: 'National Cloud Computing Policy 2025 (data sensitivity levels)',
      status: 'in-force',
      levels: [
        { label: 'public', labelEn: 'Public', ordinal: 0, mappingConfidence: 'stated' },
        { label: 'internal', labelEn: 'Internal', ordinal: 1, mappingConfidence: 'inferred' },
        { label: 'restricted', labelEn: 'Restricted', ordinal: 2, mappingConfidence: 'uncertain', note: NCCP_OSA_NOTE },
        { label: 'confidential', labelEn: 'Confidential', ordinal: 3, mappingConfidence: 'uncertain', note: NCCP_OSA_NOTE },
      ],
      sources: NCCP_SOURCES,
      confidence: 'stated',
    },
    {
      id: 'MY-PKTN',
      name: 'National Trusted Cryptographic Product scheme (PKTN), CyberSecurity Malaysia',
      status: 'in-force',
      levels: [
        { label: 'Public', ordinal: 0, mappingConfidence: 'inferred', note: PKTN_NOTE },
        { label: 'Restricted', ordinal: 2, mappingConfidence: 'inferred', note: PKTN_NOTE },
        { label: 'Confidential', ordinal: 3, mappingConfidence: 'inferred', note: PKTN_NOTE },
        { label: 'Secret', ordinal: 4, mappingConfidence: 'inferred', note: PKTN_NOTE },
        { label: 'Top Secret', ordinal: 5, mappingConfidence: 'inferred', note: PKTN_NOTE },
      ],
      sources: [PKTN],
      confidence: 'stated',
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
        `OSA 1972 (Act 88) s.2: Rahsia — ${OSA_DEFINITIONS}`,
        `CGSO SPA Bil. 2/2021 §6 (deployment model per class; body text unconfirmed) — ${SPA2_TOC}`,
        'Government studying a sovereign-cloud policy or law for highly sensitive and classified data because of the US CLOUD Act (Sept 2025) — https://mcigroup.my/mci-business/govt-looks-into-sovereign-cloud-policy-to-protect-national-data',
      ],
      confidence: 'uncertain',
      note: 'Placeholder until the SPA Bil. 2/2021 body text is read (jurisdictions.md §3.2): no source found says Rahsia is limited to private cloud or to Malaysian operators.',
    },
  ],
  contracting: [],
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
      regime: 'Cyber Security Act 2024 (Act 854) and Notification of Cyber Security Incident Regulations 2024, NCII entities',
      audience: 'NACSA Chief Executive and the NCII sector lead, through the NC4 system',
      deadlineHours: 6,
      note: 'Notify immediately on becoming aware of an actual or suspected incident; initial submission with prescribed particulars within 6 hours (secondary sources; the regulations were not read).',
      source: `${CSA_NOTIFY} ; ${CSA_REGS} ; https://robinlynnlee.com/?p=58245`,
      confidence: 'stated',
    },
    {
      regime: 'Cyber Security Act 2024 (Act 854) and Notification of Cyber Security Incident Regulations 2024, NCII entities',
      audience: 'NACSA Chief Executive and the NCII sector lead, through the NC4 system (supplemental submission)',
      deadlineHours: 336,
      note: 'Supplemental information (affected NCII, hosts, threat actor, artefacts, TTPs, impact, actions taken) within 14 days after the first notification (secondary sources).',
      source: CSA_REGS,
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
    confidence: 'stated',
  },
  laws: [
    {
      id: 'MY-OSA-1972',
      name: 'Official Secrets Act 1972 (Act 88)',
      status: 'in-force',
      appliesToGovernment: true,
      summary: 's.2 defines "official secret", including material classified Rahsia Besar, Rahsia, Sulit or Terhad by a Minister, Menteri Besar, Chief Minister or an officer appointed under s.2B: the four levels of the MY-OSA-1972 scheme.',
      sources: [OSA_S2],
      confidence: 'stated',
    },
    {
      id: 'MY-CSA-2024',
      name: 'Cyber Security Act 2024 (Act 854) and its 2024 regulations',
      status: 'in-force',
      inForceFrom: '2024-08-26',
      appliesToGovernment: true,
      summary:
        'NCII entities (Government is one of the 11 NCII sectors) notify the NACSA Chief Executive and their sector lead through NC4: immediately, then within 6 hours, then supplemental information within 14 days. Cyber Security (Period for Cyber Security Risk Assessment and Audit) Regulations 2024: a risk assessment at least once a year and an audit at least once every 2 years, or more often if the Chief Executive directs.',
      sources: [CSA_NOTIFY, CSA_REGS, CSA_PERIODS, 'https://www.rdslawpartners.com/post/evaluating-the-impact-of-the-cyber-security-act-2024'],
      confidence: 'stated',
    },
    {
      id: 'MY-PDPA-2010',
      name: 'Personal Data Protection Act 2010 (Act 709), as amended 2024',
      status: 'in-force',
      appliesToGovernment: false,
      summary: 'Does not bind the Federal or State Governments (s.3(1)); binds government-owned companies, contractors and processors. See personalData.',
      sources: ['https://www.pdp.gov.my/jpdpv2/laws-of-malaysia-pdpa/non-application-of-act/?lang=en'],
      confidence: 'stated',
    },
    {
      id: 'MY-NCCP-2025',
      name: 'National Cloud Computing Policy 2025 (Ministry of Digital)',
      status: 'in-force',
      inForceFrom: '2025-08-03',
      appliesToGovernment: true,
      summary: 'Four data sensitivity levels; confidential data processed in a sovereign cloud within Malaysia. A policy, not an Act.',
      sources: NCCP_SOURCES,
      confidence: 'stated',
    },
  ],
  support: {
    maxOrdinal: 4,
    reason:
      'Rahsia Besar (TOP_SECRET, ordinal 5) is not supported in any cloud by this catalogue: no source allows it, and the body text of CGSO SPA Bil. 2/2021, which would say which classes may use which kind of cloud, has not been confirmed.',
  },
  uncertain: [
    'The operative text of CGSO SPA Bil. 2/2021 has not been confirmed, so it is unknown which information class may use public, hybrid or private cloud; the private-only rule from ordinal 4 is a placeholder.',
    'No source says how the NCCP levels (restricted, confidential) correspond to the OSA levels (Terhad, Sulit), or whether Rahsia and Rahsia Besar are excluded from every kind of cloud.',
    'The Google Cloud Malaysia region id and its GA status are unknown.',
    'Azure "Southeast Asia 3" (Johor Bahru) is announced with no timeline; its id is unknown.',
    'Telekom Malaysia\'s own region ids are not documented, so TM sites must be declared inline with their operator; that TM One operates huawei/my-kualalumpur-1 is inferred from its endpoint domain.',
    'No public source was found for Google Distributed Cloud (air-gapped) operated in Malaysia by DNeX; it is listed as reported by the 2026-12-06 audit and must be declared inline.',
    'The location and status of OCI ap-kulai-2 are read from its id and Oracle\'s commercial realm, not from an Oracle region page.',
    'The Cyber Security Act 2024 figures (6 hours, 14 days, yearly risk assessment, audit every 2 years) come from secondary sources; the regulations and the NCSB control text were not read.',
    'The date MAMPU\'s functions became the National Digital Department (JDN) was not found.',
    'The OSA 1972 s.2 wording is taken from reproductions of the Act, not the official text.',
    'The MySEAL 2.0 algorithm list has not been ingested and no NACSA post-quantum migration deadlines were found, so the crypto policy is the project default.',
    'No Malaysian government-wide log-retention figure was found; the 180-day floor and 365-day default are project defaults.',
    'No Malaysian rule on in-country administration or on nationality or clearance of administrators was found; the values in this entry are design choices.',
    'The date of the Malaysian "Cloud First" announcement (c. 2017) is not confirmed.',
    ...PROJECT_DEFAULT_UNCERTAIN,
  ],
  lastReviewed: '2026-12-07',
};
