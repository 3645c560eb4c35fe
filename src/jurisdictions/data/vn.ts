import type { Jurisdiction } from '../types';
import { PROJECT_DEFAULT_ADMIN_ACCESS, PROJECT_DEFAULT_CRYPTO, PROJECT_DEFAULT_RETENTION, PROJECT_DEFAULT_UNCERTAIN } from './defaults';

const DECREE_53 = 'https://www.dataguidance.com/news/vietnam-mic-announces-data-localisation-decree ; https://www.tilleke.com/print-insight/?post_id=62094&print=1';
const DATA_LAW = 'https://english.luatvietnam.vn/thong-tin/law-on-data-2024-no-60-2024-qh15-380165-d1.html';
const DATA_LAW_DATE = 'https://mondaq.com:443/privacy-protection/1583740/legal-update-on-the-draft-legal-documents-guiding-the-data-law';
const DECISION_20 = 'https://thuviennhadat.vn/van-ban-phap-luat-viet-nam/quyet-dinh-20-2025-qd-ttg-danh-muc-du-lieu-quan-trong-du-lieu-cot-loi-663548.html?trang=2';
const PDPL = 'https://www.tilleke.com/insights/new-decree-provides-guidance-for-vietnams-personal-data-protection-law';
const PDPL_DLA = 'https://www.dlapiperdataprotection.com/?c=VN&t=law';
const PDPL_RT = 'https://www.rajahtannasia.com/?p=184709';
const PDPL_DUTIES = 'https://erudituslegal.com/personal-data-protection-law-2025-decree-3562025nd-cp-p79';

export const VIETNAM: Jurisdiction = {
  countryCode: 'VN',
  name: 'Vietnam',
  completeness: 'sketch',
  regions: [
    {
      provider: 'aws',
      id: 'ap-southeast-1-han-1',
      displayName: 'Hanoi Local Zone',
      country: 'VN',
      kind: 'local-zone',
      parentRegion: 'ap-southeast-1',
      status: 'ga',
      sources: [
        'independent catalogue audit, 2026-12-06 (project issue 15): AWS Hanoi local zone ap-southeast-1-han-1, parent Singapore',
        'zone ap-southeast-1-han-1a used in public Terraform code, and the network border group ap-southeast-1-han-1 in the AWS price-list region index as read by third-party code; the AWS Local Zones list (https://docs.aws.amazon.com/local-zones/latest/ug/available-local-zones.html) was not read in full',
      ],
      confidence: 'inferred',
      note: 'Control plane in ap-southeast-1 (Singapore); residency is judged on both, so this zone cannot satisfy a Vietnam-only rule.',
    },
  ],
  classificationSchemes: [],
  residency: [],
  contracting: [],
  adminAccess: PROJECT_DEFAULT_ADMIN_ACCESS,
  crypto: PROJECT_DEFAULT_CRYPTO,
  retention: {
    ...PROJECT_DEFAULT_RETENTION,
    securityLogDaysMin: 365,
    basis: [
      `Decree 53/2022 (effective 1 Oct 2022): system logs kept ≥ 12 months, for investigating violations of Cybersecurity Law Art. 26 by enterprises subject to localisation (secondary sources) — ${DECREE_53}`,
      'Applied to government tenancies by analogy, as the project\'s choice: the decree does not address them. The default, write-once storage and separate log host are the project default:',
      ...PROJECT_DEFAULT_RETENTION.basis,
    ],
    // The 12-month figure binds localising enterprises, not government tenancies.
    confidence: 'inferred',
  },
  notifications: [],
  personalData: {
    law: 'Law No. 91/2025/QH15 on Personal Data Protection, with Decree 356/2025/ND-CP',
    appliesToGovernment: true,
    crossBorder: 'Cross-border transfers of personal data need a transfer impact assessment filed with the authority (PDPL Art. 27; Decree 356 ch. III).',
    dpoRequired: 'A data protection officer or dedicated data protection function (PDPL Art. 28), with qualifications set by Decree 356.',
    sources: [
      `passed 26 Jun 2025, in force 1 Jan 2026 with Decree 356/2025 (31 Dec 2025), replacing Decree 13/2023 — ${PDPL} ; ${PDPL_DLA} ; ${PDPL_RT}`,
      `duties (Arts. 24–30; Decree 356 ch. II–III) — ${PDPL_DUTIES}`,
      'applies to Vietnamese agencies, organisations and individuals (scope as summarised by secondary sources; "agencies" read as including state agencies) — https://www.simunainfosec.com/blog/vn-pdpl-2025-law-91-overview/',
    ],
    confidence: 'inferred',
  },
  laws: [
    {
      id: 'VN-DECREE-53-2022',
      name: 'Decree 53/2022/ND-CP detailing the Cybersecurity Law 2018',
      status: 'in-force',
      inForceFrom: '2022-10-01',
      appliesToGovernment: null,
      summary:
        'Localisation under Cybersecurity Law Art. 26: users\' personal data, user-generated data and relationship data stored in Vietnam ≥ 24 months after a storage request, and system logs ≥ 12 months, by enterprises subject to it. Not a rule for government data.',
      sources: [DECREE_53],
      confidence: 'stated',
    },
    {
      id: 'VN-DATA-LAW-2024',
      name: 'Law on Data No. 60/2024/QH15',
      status: 'in-force',
      inForceFrom: '2025-07-01',
      appliesToGovernment: true,
      summary:
        'Passed 30 Nov 2024, in force 1 Jul 2025: digital data, its protection, the National Data Center and the National Integrated Database; rules for core and important data; applies to Vietnamese authorities, organisations and individuals. Detailed by Decree 165/2025/ND-CP.',
      sources: [DATA_LAW, DATA_LAW_DATE, 'https://english.luatvietnam.vn/hanh-chinh/decree-165-2025-nd-cp-detail-the-law-on-data-404569-d1.html'],
      confidence: 'stated',
    },
    {
      id: 'VN-DECISION-20-2025',
      name: 'Decision 20/2025/QĐ-TTg promulgating the lists of important data and core data',
      status: 'in-force',
      appliesToGovernment: true,
      summary: 'Issued 1 Jul 2025 by the Prime Minister under the Law on Data and Decree 165/2025: the lists of important and core data; the Ministry of Public Security implements it (the Ministry of Defence for military and cipher data). The lists are not mapped onto the common scale.',
      sources: [DECISION_20],
      confidence: 'stated',
    },
    {
      id: 'VN-PDPL-91-2025',
      name: 'Law No. 91/2025/QH15 on Personal Data Protection and Decree 356/2025/ND-CP',
      status: 'in-force',
      inForceFrom: '2026-01-01',
      appliesToGovernment: true,
      summary:
        'Passed 26 Jun 2025; law and Decree 356 (31 Dec 2025) in force 1 Jan 2026, replacing Decree 13/2023 (dates stated). That it binds state agencies is read from its scope ("Vietnamese agencies, organisations and individuals"). See personalData.',
      sources: [PDPL, PDPL_DLA, PDPL_RT, 'https://www.simunainfosec.com/blog/vn-pdpl-2025-law-91-overview/'],
      confidence: 'inferred',
    },
  ],
  support: {
    maxOrdinal: 2,
    reason:
      'No classification scheme and no residency rule for government data were found (the Decree 53/2022 localisation rule covers users\' data held by service providers; the Law on Data\'s core and important data lists are not mapped onto levels), and the only hyperscaler site (the AWS Hanoi local zone) is controlled from Singapore, so the catalogue stops at RESTRICTED (2).',
  },
  uncertain: [
    'The only hyperscaler site found in Vietnam is the AWS Hanoi local zone, known from the 2026-12-06 audit and third-party code; its control plane is in Singapore. Other Vietnamese sites must be declared inline.',
    `Cybersecurity Law 2018 Art. 26 and Decree 53/2022 require users' personal data, user-generated data and relationship data to be stored in Vietnam for ≥ 24 months after a storage request; this is not a rule for government data, so no residency rule is catalogued (${DECREE_53}).`,
    'The Law on Data 2024 and Decision 20/2025/QĐ-TTg define core and important data, but how they map onto classification levels, and what they require of cloud hosting, is not catalogued.',
    'No Vietnamese government classification scheme is recorded; tenancies are classified with a common level.',
    'The 12-month system-log figure of Decree 53/2022 binds enterprises under localisation; the catalogue applies it to government tenancies by analogy.',
    'That the PDP Law 91/2025 binds state agencies is read from its scope ("agencies"), not confirmed from its text.',
    'One secondary source reports 1 Jul 2026 as the PDP Law\'s effective date; Tilleke & Gibbins, Rajah & Tann and DLA Piper give 1 Jan 2026, which the catalogue uses.',
    'No Vietnamese rule on in-country administration, administrator nationality or clearance, or cryptography is recorded; these use the project defaults, not national figures.',
    'No incident or breach notification deadlines are recorded in this sketch.',
    ...PROJECT_DEFAULT_UNCERTAIN,
  ],
  lastReviewed: '2026-12-07',
};
