import type { ProviderInfo } from '../types';

const CLOUD_ACT = 'US CLOUD Act (2018), 18 U.S.C. § 2713: disclosure of data in the provider\'s possession, custody or control wherever it is located';
const CLOUD_ACT_URL = 'https://www.law.cornell.edu/uscode/text/18/2713';
const SEAT_NOTE = 'legal seat is a public company fact recorded in jurisdictions.md §6 without a URL';
const PARTNER_NOTE =
  'Dedicated local-partner offerings (this provider\'s platform operated by a national company) must be declared per site with the operator\'s legal seat, not assumed from the brand (jurisdictions.md §6).';
const LOCAL_NOTE = 'Any site of this platform run by another operator must be declared per site with that operator\'s legal seat (jurisdictions.md §6).';
const CFA_SOURCES = [
  'https://www.agmostudio.com/cloud-framework-agreement-cfa-msp-jdn-for-government/',
  'https://www.malaymail.com/news/malaysia/2021/02/19/putrajaya-cloud-service-providers-to-invest-up-to-rm15b-under-the-digital-e/1951011',
];

export const PROVIDERS: readonly ProviderInfo[] = [
  {
    id: 'aws',
    name: 'Amazon Web Services',
    legalEntity: 'Amazon.com, Inc., Seattle, USA',
    legalSeat: 'US',
    extraterritorialLaws: [CLOUD_ACT],
    sources: [CLOUD_ACT_URL, SEAT_NOTE, ...CFA_SOURCES],
    note: `Approved as a CSP under Malaysia's federal Cloud Framework Agreement (jurisdictions.md §4.1). ${PARTNER_NOTE}`,
  },
  {
    id: 'azure',
    name: 'Microsoft Azure',
    legalEntity: 'Microsoft Corporation, Redmond, USA',
    legalSeat: 'US',
    extraterritorialLaws: [CLOUD_ACT],
    sources: [CLOUD_ACT_URL, SEAT_NOTE, ...CFA_SOURCES],
    note: `Approved as a CSP under Malaysia's federal Cloud Framework Agreement (jurisdictions.md §4.1). ${PARTNER_NOTE}`,
  },
  {
    id: 'gcp',
    name: 'Google Cloud',
    legalEntity: 'Google LLC, Mountain View, USA',
    legalSeat: 'US',
    extraterritorialLaws: [CLOUD_ACT],
    sources: [CLOUD_ACT_URL, SEAT_NOTE, ...CFA_SOURCES],
    note: `Approved as a CSP under Malaysia's federal Cloud Framework Agreement (jurisdictions.md §4.1). ${PARTNER_NOTE}`,
  },
  {
    id: 'alibaba',
    name: 'Alibaba Cloud',
    legalEntity: 'Alibaba Group, Hangzhou, China',
    legalSeat: 'CN',
    extraterritorialLaws: ['PRC National Intelligence Law (2017), Art. 7: organisations must support state intelligence work'],
    sources: ['https://en.wikipedia.org/wiki/National_Intelligence_Law_of_the_People%27s_Republic_of_China', SEAT_NOTE, 'https://thesun-ipaper.cld.bz/20251025/5'],
    note: `Not in Malaysia's federal Cloud Framework Agreement; works with state programmes such as Selangor Multi-Cloud (jurisdictions.md §4.1). ${PARTNER_NOTE}`,
  },
  {
    id: 'tm',
    name: 'Telekom Malaysia',
    legalEntity: 'Telekom Malaysia (TM), Kuala Lumpur, Malaysia',
    legalSeat: 'MY',
    extraterritorialLaws: [],
    sources: [SEAT_NOTE, ...CFA_SOURCES, 'https://mygovcloudcfa.jdn.gov.my/skop-csp/'],
    note: `Approved as a CSP under Malaysia's federal Cloud Framework Agreement. Its region ids are not documented, so TM sites are declared inline (jurisdictions.md §5). ${LOCAL_NOTE}`,
  },
  {
    id: 'mygovcloud',
    name: 'MyGovCloud@PDSA',
    legalEntity: 'Government of Malaysia: Jabatan Digital Negara (JDN, formerly MAMPU)',
    legalSeat: 'MY',
    extraterritorialLaws: [],
    sources: [
      'https://govinsider.asia/intl-en/article/cloud-ai-and-blockchain-inside-malaysias-digitalisation-strategy-mampu-azih-bin-yusof',
      'https://grokipedia.com/page/mampu',
      'https://mygovcloudcfa.mampu.gov.my/soalan_lazim/',
    ],
    note: `Government private cloud (Pusat Data Sektor Awam) run by MAMPU, which became JDN in Dec 2023 (jurisdictions.md §4.1). ${LOCAL_NOTE}`,
  },
];
