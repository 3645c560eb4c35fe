import type { Jurisdiction } from '../types';
import { PROJECT_DEFAULT_ADMIN_ACCESS, PROJECT_DEFAULT_CRYPTO, PROJECT_DEFAULT_RETENTION, PROJECT_DEFAULT_UNCERTAIN } from './defaults';

const DROPPED = 'https://teknologi.bisnis.com/read/20190626/84/937899/klasifikasi-data-hilang-dari-draf-terbaru-revisi-pp-ptse';
const DROPPED_NOTE = 'Dropped from the final PP 71/2019 (Bisnis.com, 26 Jun 2019): never enacted, so it cannot classify a tenancy.';
const PP71_SCOPE = 'https://mplaw.co.id/registration-and-data-center-on-electronic-system-and-electronic-transactions-under-the-new-regulation.html';
const PP71_PASSED = 'https://teknologi.bisnis.com/read/20191022/282/1161825/beleid-sistem-transaksi-elektronik-resmi-disahkan';
const PDP_CONTROLLERS = 'https://resourcehub.bakermckenzie.com/en/resources/cloud-compliance-center/apac/indonesia/topics/data-privacy-and-security';
const PDP_TRANSITION = 'https://soemadipradjataher.com/news-insights/the-deadline-is-approaching-the-two-year-transition-period-to-comply-with-the-personal-data-protection-law-will-end-on-16-october-2024';
const PDP_DRAFT_GR = 'https://www.makarim.com/news/update-on-the-implementing-regulation-for-indonesia-s-personal-data-protection-law';
const ALIBABA_REGIONS = 'Alibaba Cloud open service area (region ids) — https://help.aliyun.com/en/cs/product-overview/open-service-area';

export const INDONESIA: Jurisdiction = {
  countryCode: 'ID',
  name: 'Indonesia',
  completeness: 'sketch',
  regions: [
    {
      provider: 'aws',
      id: 'ap-southeast-3',
      displayName: 'Asia Pacific (Jakarta)',
      country: 'ID',
      kind: 'region',
      status: 'ga',
      sources: ['https://github.com/aws/aws-sdk-js-v3/blob/main/packages/util-endpoints/src/lib/aws/partitions.json'],
      confidence: 'stated',
      note: 'The same id is Kuala Lumpur at Alibaba Cloud and Singapore at Huawei Cloud: key regions by (provider, id).',
    },
    {
      provider: 'azure',
      id: 'indonesiacentral',
      displayName: 'Indonesia Central',
      country: 'ID',
      kind: 'region',
      availabilityZones: 3,
      status: 'ga',
      sources: ['https://learn.microsoft.com/azure/reliability/regions-list', 'https://northflank.com/cloud/azure/regions'],
      confidence: 'stated',
    },
    {
      provider: 'gcp',
      id: 'asia-southeast2',
      displayName: 'Jakarta',
      country: 'ID',
      kind: 'region',
      status: 'ga',
      sources: ['https://docs.cloud.google.com/infrastructure-manager/docs/locations'],
      confidence: 'stated',
    },
    {
      provider: 'oracle',
      id: 'ap-batam-1',
      displayName: 'Indonesia (Batam)',
      country: 'ID',
      kind: 'region',
      status: 'ga',
      sources: ['OCI region registry (ap-batam-1, realm OC1, added Apr 2025) — https://github.com/oracle/oci-dotnet-sdk/blob/master/Common/Src/RegionDefinitions.cs'],
      confidence: 'inferred',
      note: 'The id is stated by Oracle\'s SDK; Batam (Indonesia) and general availability are read from the id, the commercial realm and third-party region lists.',
    },
    {
      provider: 'alibaba',
      id: 'ap-southeast-5',
      displayName: 'Indonesia (Jakarta)',
      country: 'ID',
      kind: 'region',
      status: 'ga',
      sources: [ALIBABA_REGIONS],
      confidence: 'stated',
      note: 'The same id is Malaysia at AWS and Manila at Huawei Cloud: key regions by (provider, id).',
    },
    {
      provider: 'huawei',
      id: 'ap-southeast-4',
      displayName: 'AP-Jakarta',
      country: 'ID',
      kind: 'region',
      status: 'ga',
      sources: ['Huawei Cloud endpoints (亚太-雅加达 = ap-southeast-4) — https://support.huaweicloud.com/intl/zh-cn/vias-api/vias_03_0003.html'],
      confidence: 'stated',
    },
  ],
  classificationSchemes: [
    {
      id: 'ID-KOMINFO-DRAFT',
      name: 'Kominfo electronic data classification (strategic / high / low), draft revision of PP 82/2012',
      status: 'dropped',
      levels: [
        { label: 'low-risk', ordinal: 1, mappingConfidence: 'uncertain', note: DROPPED_NOTE },
        { label: 'high-risk', ordinal: 3, mappingConfidence: 'uncertain', note: DROPPED_NOTE },
        { label: 'strategic', ordinal: 4, mappingConfidence: 'uncertain', note: DROPPED_NOTE },
      ],
      sources: [
        `the classification article is missing from the 19 Jun 2019 draft, which turns to public-scope and private-scope operators instead (Bisnis.com, 26 Jun 2019) — ${DROPPED}`,
        'the three draft categories as Kominfo described them — https://cms-beta.dailysocial.id/post/revisi-pp-pste-kemenkominfo-soroti-perlindungan-data',
        PP71_PASSED,
      ],
      confidence: 'stated',
      note: 'Kept so a file using these labels is told they were dropped; PP 71/2019 uses public and private scope instead.',
    },
  ],
  residency: [
    {
      minOrdinal: 0,
      dataMustResideIn: ['ID'],
      includesBackups: true,
      includesTechnicalData: true,
      allowedDeployment: ['public', 'sovereign', 'private', 'hybrid', 'dedicated'],
      exceptions: 'PP 71/2019 Art. 20(3): abroad only where the storage technology is not available domestically.',
      legalBasis: [
        'PP 71/2019: public-scope electronic system operators must manage, process and store systems and data in Indonesia — https://mansionpromo.co.id/poin-poin-yang-dianggap-ancam-kedaulatan-ri-di-revisi-pp-pste/ ; https://indovoices.com/umum/data-digital-publik-wajib-disimpan-di-dalam-negeri ; https://hukumonline.com/berita/a/pp-pste-dikhawatirkan-ganggu-kedaulatan-data-lt5dc0b5f2420a8/?page=2',
        `Public scope = state institutions and the bodies they appoint; private-scope operators may store inside or outside Indonesia (Art. 21(1)) — ${PP71_SCOPE}`,
      ],
      confidence: 'stated',
      note: 'Stated by secondary sources; the primary text was not checked. Applies to public-scope operators, which is what a government tenancy is, at every level: PP 71/2019 does not grade data. Backups and technical data are read into "systems and data" (inferred).',
    },
  ],
  contracting: [],
  adminAccess: PROJECT_DEFAULT_ADMIN_ACCESS,
  crypto: PROJECT_DEFAULT_CRYPTO,
  retention: PROJECT_DEFAULT_RETENTION,
  notifications: [],
  personalData: {
    law: 'Law No. 27 of 2022 on Personal Data Protection (UU PDP)',
    appliesToGovernment: true,
    crossBorder:
      'The PDP Law sets conditions on transferring personal data outside Indonesia; its implementing government regulation was still a draft in the sources read. For a public-scope system PP 71/2019 keeps the data in Indonesia anyway.',
    dpoRequired: 'Not recorded in this sketch (UNCERTAIN).',
    sources: [
      `controllers and processors include public agencies — ${PDP_CONTROLLERS}`,
      `enacted 17 Oct 2022; the two-year transition ended in Oct 2024 — ${PDP_TRANSITION}`,
      PDP_DRAFT_GR,
    ],
    confidence: 'stated',
  },
  laws: [
    {
      id: 'ID-PP-71-2019',
      name: 'Government Regulation (PP) 71/2019 on Electronic Systems and Transactions',
      status: 'in-force',
      appliesToGovernment: true,
      summary:
        'Signed 10 Oct 2019; replaces PP 82/2012. Divides electronic system operators into public scope (state institutions and bodies they appoint) and private scope. Public scope must manage, process and store systems and data in Indonesia (Art. 20, exception Art. 20(3)); private scope may store abroad (Art. 21(1)). The draft strategic / high / low data classification was dropped before enactment.',
      sources: [PP71_SCOPE, PP71_PASSED, DROPPED, 'https://mansionpromo.co.id/poin-poin-yang-dianggap-ancam-kedaulatan-ri-di-revisi-pp-pste/'],
      confidence: 'stated',
    },
    {
      id: 'ID-PDP-27-2022',
      name: 'Law No. 27 of 2022 on Personal Data Protection',
      status: 'in-force',
      inForceFrom: '2022-10-17',
      appliesToGovernment: true,
      summary: 'Enacted 17 Oct 2022 with a two-year transition: fully binding on controllers and processors, public agencies included, from 17 Oct 2024.',
      sources: [PDP_CONTROLLERS, PDP_TRANSITION, 'https://inhousecommunity.com/article/cross-border-data-transfer-in-indonesia-2023'],
      confidence: 'stated',
    },
  ],
  support: {
    maxOrdinal: 2,
    reason:
      'PP 71/2019 keeps all public-scope data in Indonesia, but no enacted classification scheme and no rule for classified information in any cloud was found (the Kominfo strategic / high / low categories were dropped from the final PP 71/2019), so the catalogue stops at RESTRICTED (2).',
  },
  uncertain: [
    'The Kominfo low-risk, high-risk and strategic categories were dropped from the final PP 71/2019 and are not a classification; Indonesia\'s own security classification of records (if any applies to cloud) is not catalogued, so tenancies are classified with a common level.',
    'The PP 71/2019 residency rule is known from secondary sources; the primary text has not been checked.',
    'The conditions of the PDP Law on transfers abroad and its DPO rules are not recorded; its implementing regulation was a draft in the sources read.',
    'The location and status of OCI ap-batam-1 are read from its id and Oracle\'s commercial realm, not from an Oracle region page.',
    'No Indonesian rule on in-country administration, administrator nationality or clearance, cryptography or log retention is recorded; these use the project defaults, not national figures.',
    'No incident or breach notification deadlines are recorded in this sketch.',
    ...PROJECT_DEFAULT_UNCERTAIN,
  ],
  lastReviewed: '2026-12-07',
};
