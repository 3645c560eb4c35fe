import type { ProviderInfo, Sources } from '../types';

const CLOUD_ACT = 'US CLOUD Act (2018), 18 U.S.C. § 2713: disclosure of data in the provider\'s possession, custody or control wherever it is located';
const CLOUD_ACT_URL = 'https://www.law.cornell.edu/uscode/text/18/2713';
const PRC_NIL = 'PRC National Intelligence Law (2017), Art. 7: organisations must support state intelligence work';
const PRC_NIL_URL = 'https://en.wikipedia.org/wiki/National_Intelligence_Law_of_the_People%27s_Republic_of_China';
const SEAT_NOTE = 'legal seat is a public company fact recorded in jurisdictions.md §6 without a URL';
const NEW_SEAT_NOTE = 'legal seat is a public company fact, not in jurisdictions.md §6 and recorded here without a URL';
const PARTNER_NOTE =
  'Dedicated local-partner offerings (this provider\'s platform operated by a national company) must be declared per site with the operator\'s legal seat, not assumed from the brand (jurisdictions.md §6).';
const LOCAL_NOTE = 'Any site of this platform run by another operator must be declared per site with that operator\'s legal seat (jurisdictions.md §6).';
const CFA_SOURCES = [
  'https://www.agmostudio.com/cloud-framework-agreement-cfa-msp-jdn-for-government/',
  'https://www.malaymail.com/news/malaysia/2021/02/19/putrajaya-cloud-service-providers-to-invest-up-to-rm15b-under-the-digital-e/1951011',
] as const;
/** MAMPU's move under the Ministry of Digital and its restructuring into JDN are two events. */
const MAMPU_TO_MINISTRY: Sources = [
  'MAMPU placed under the new Ministry of Digital (formed 12 Dec 2023), announced 14 Dec 2023 — https://thesun.my/local_news/mampu-to-be-placed-under-digital-ministry-DO11866630',
  'confirmed by the Cabinet on 10 Jan 2024 — https://www.malaymail.com/news/malaysia/2024/01/10/fahmi-confirms-dnb-among-agencies-going-to-gobinds-digital-ministry/111636',
];
const MAMPU_TO_JDN =
  'MAMPU\'s functions restructured into the National Digital Department (Jabatan Digital Negara, JDN), reported by Nov 2024; effective date not found — https://web11.bernama.com/en/general/news.php?id=2361704';

export const PROVIDERS: readonly ProviderInfo[] = [
  {
    id: 'aws',
    name: 'Amazon Web Services',
    legalEntity: 'Amazon.com, Inc., Seattle, USA',
    legalSeat: 'US',
    extraterritorialLaws: [CLOUD_ACT],
    sources: [CLOUD_ACT_URL, SEAT_NOTE, ...CFA_SOURCES],
    confidence: 'stated',
    note: `Approved as a CSP under Malaysia's federal Cloud Framework Agreement (jurisdictions.md §4.1). ${PARTNER_NOTE}`,
  },
  {
    id: 'azure',
    name: 'Microsoft Azure',
    legalEntity: 'Microsoft Corporation, Redmond, USA',
    legalSeat: 'US',
    extraterritorialLaws: [CLOUD_ACT],
    sources: [CLOUD_ACT_URL, SEAT_NOTE, ...CFA_SOURCES],
    confidence: 'stated',
    note: `Approved as a CSP under Malaysia's federal Cloud Framework Agreement (jurisdictions.md §4.1). ${PARTNER_NOTE}`,
  },
  {
    id: 'gcp',
    name: 'Google Cloud',
    legalEntity: 'Google LLC, Mountain View, USA',
    legalSeat: 'US',
    extraterritorialLaws: [CLOUD_ACT],
    sources: [CLOUD_ACT_URL, SEAT_NOTE, ...CFA_SOURCES],
    confidence: 'stated',
    note: `Approved as a CSP under Malaysia's federal Cloud Framework Agreement (jurisdictions.md §4.1). ${PARTNER_NOTE}`,
  },
  {
    id: 'oracle',
    name: 'Oracle Cloud Infrastructure',
    legalEntity: 'Oracle Corporation, Austin, Texas, USA',
    legalSeat: 'US',
    extraterritorialLaws: [CLOUD_ACT],
    sources: [CLOUD_ACT_URL, NEW_SEAT_NOTE, 'OCI region registry: https://github.com/oracle/oci-dotnet-sdk/blob/master/Common/Src/RegionDefinitions.cs'],
    confidence: 'inferred',
    note: `A US-seated provider: the CLOUD Act reaches data it controls wherever the region is. ${PARTNER_NOTE}`,
  },
  {
    id: 'alibaba',
    name: 'Alibaba Cloud',
    legalEntity: 'Alibaba Group, Hangzhou, China',
    legalSeat: 'CN',
    extraterritorialLaws: [PRC_NIL],
    sources: [PRC_NIL_URL, SEAT_NOTE, 'https://thesun-ipaper.cld.bz/20251025/5'],
    confidence: 'stated',
    note: `Not in Malaysia's federal Cloud Framework Agreement; works with state programmes such as Selangor Multi-Cloud (jurisdictions.md §4.1). ${PARTNER_NOTE}`,
  },
  {
    id: 'huawei',
    name: 'Huawei Cloud',
    legalEntity: 'Huawei Cloud, part of Huawei Technologies Co., Ltd., Shenzhen, China',
    legalSeat: 'CN',
    extraterritorialLaws: [PRC_NIL],
    sources: [PRC_NIL_URL, NEW_SEAT_NOTE, 'https://support.huaweicloud.com/intl/en-us/api-cdm/endpoint.html'],
    confidence: 'inferred',
    note: `Its Kuala Lumpur site (my-kualalumpur-1) is served from TM One's domain and is catalogued with that operator, inferred only. ${PARTNER_NOTE}`,
  },
  {
    id: 'tencent',
    name: 'Tencent Cloud',
    legalEntity: 'Tencent Holdings Ltd., Shenzhen, China',
    legalSeat: 'CN',
    extraterritorialLaws: [PRC_NIL],
    sources: [PRC_NIL_URL, NEW_SEAT_NOTE, 'https://tencentcloud.com/document/product/628/33133'],
    confidence: 'inferred',
    note: PARTNER_NOTE,
  },
  {
    id: 'tm',
    name: 'Telekom Malaysia',
    legalEntity: 'Telekom Malaysia (TM), Kuala Lumpur, Malaysia',
    legalSeat: 'MY',
    extraterritorialLaws: [],
    sources: [SEAT_NOTE, ...CFA_SOURCES, 'https://mygovcloudcfa.jdn.gov.my/skop-csp/'],
    confidence: 'stated',
    note: `Approved as a CSP under Malaysia's federal Cloud Framework Agreement. Its own region ids are not documented, so TM sites are declared inline (jurisdictions.md §5); TM One operates the Huawei-based site huawei/my-kualalumpur-1 (inferred). ${LOCAL_NOTE}`,
  },
  {
    id: 'mygovcloud',
    name: 'MyGovCloud@PDSA',
    legalEntity: 'Government of Malaysia: Jabatan Digital Negara (JDN, formerly MAMPU)',
    legalSeat: 'MY',
    extraterritorialLaws: [],
    sources: [
      'https://govinsider.asia/intl-en/article/cloud-ai-and-blockchain-inside-malaysias-digitalisation-strategy-mampu-azih-bin-yusof',
      'https://mygovcloudcfa.mampu.gov.my/soalan_lazim/',
      ...MAMPU_TO_MINISTRY,
      MAMPU_TO_JDN,
    ],
    confidence: 'stated',
    note: `Government private cloud (Pusat Data Sektor Awam) run by MAMPU, which was placed under the Ministry of Digital (Dec 2023, confirmed Jan 2024) and later restructured into JDN (reported by Nov 2024). ${LOCAL_NOTE}`,
  },
];
