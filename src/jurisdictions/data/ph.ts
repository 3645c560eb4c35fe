import type { Jurisdiction } from '../types';
import { PROJECT_DEFAULT_ADMIN_ACCESS, PROJECT_DEFAULT_CRYPTO, PROJECT_DEFAULT_RETENTION, PROJECT_DEFAULT_UNCERTAIN } from './defaults';

const DICT_SOURCES = 'http://www.pressreader.com/philippines/the-philippine-star/20200614/281977494863515 ; https://w.media/philippine-government-pushes-cloud-first-policy/';
const ALIBABA_REGIONS = 'Alibaba Cloud open service area (region ids) — https://help.aliyun.com/en/cs/product-overview/open-service-area';

export const PHILIPPINES: Jurisdiction = {
  countryCode: 'PH',
  name: 'Philippines',
  completeness: 'sketch',
  regions: [
    {
      provider: 'aws',
      id: 'ap-southeast-1-mnl-1',
      displayName: 'Manila Local Zone',
      country: 'PH',
      kind: 'local-zone',
      parentRegion: 'ap-southeast-1',
      status: 'ga',
      sources: ['AWS VPC documentation (BYOIP network border groups list), as cited in jurisdictions.md §5'],
      confidence: 'stated',
      note: 'AZ ap-southeast-1-mnl-1a seen in public Terraform code. Control plane in ap-southeast-1 (Singapore); residency is judged on both.',
    },
    {
      provider: 'alibaba',
      id: 'ap-southeast-6',
      displayName: 'Philippines (Manila)',
      country: 'PH',
      kind: 'region',
      status: 'ga',
      sources: [ALIBABA_REGIONS],
      confidence: 'stated',
    },
    {
      provider: 'huawei',
      id: 'ap-southeast-5',
      displayName: 'AP-Manila',
      country: 'PH',
      kind: 'region',
      status: 'ga',
      sources: [
        'the region AP-Manila exists — https://support.huaweicloud.com/intl/en-us/productdesc-cc/cc_01_0004.html',
        'the id ap-southeast-5 has Huawei Cloud SDK endpoints (e.g. vpc.ap-southeast-5.myhuaweicloud.com) with no place name; AP-Manila = ap-southeast-5 comes from third-party code and the 2026-12-06 audit',
      ],
      confidence: 'inferred',
      note: 'The same id is Malaysia at AWS and Jakarta at Alibaba Cloud: key regions by (provider, id).',
    },
  ],
  classificationSchemes: [],
  residency: [],
  contracting: [],
  adminAccess: PROJECT_DEFAULT_ADMIN_ACCESS,
  crypto: PROJECT_DEFAULT_CRYPTO,
  retention: PROJECT_DEFAULT_RETENTION,
  notifications: [],
  laws: [],
  support: {
    maxOrdinal: 2,
    reason:
      'No residency rule was found (only the assertion that Philippine law governs government data in the cloud regardless of location) and the DICT data categories have no ordinal placement, so the catalogue stops at RESTRICTED (2).',
  },
  uncertain: [
    `DICT Department Circular 2017-002, amended by DC No. 010 s.2020, names four government data categories (highly sensitive, above-sensitive, sensitive, non-sensitive), but no ordinal placement has been proposed, so no scheme is catalogued and tenancies are classified with a common level (${DICT_SOURCES}).`,
    `Government data in the cloud is governed by Philippine law "regardless of location": this is a sovereignty assertion, not a residency rule, so no residency rule is catalogued (${DICT_SOURCES}).`,
    'No Azure or Google Cloud region was found in the Philippines.',
    'That Huawei Cloud AP-Manila has the id ap-southeast-5 is inferred from third-party code; Huawei\'s own pages seen give the region name and the id separately.',
    'The AWS Manila Local Zone is controlled from ap-southeast-1 (Singapore), so it cannot satisfy a Philippines-only residency rule.',
    'No Philippine rule on in-country administration, administrator nationality or clearance, cryptography or log retention is recorded; these use the project defaults, not national figures.',
    'No incident or breach notification deadlines and no personal-data law are recorded in this sketch.',
    ...PROJECT_DEFAULT_UNCERTAIN,
  ],
  lastReviewed: '2026-12-07',
};
