import type { Jurisdiction } from '../types';
import { PROJECT_DEFAULT_ADMIN_ACCESS, PROJECT_DEFAULT_CRYPTO, PROJECT_DEFAULT_RETENTION, PROJECT_DEFAULT_UNCERTAIN } from './defaults';

const DRAFT_NOTE = 'Draft category; enactment UNCERTAIN. The Indonesian-language label is not recorded.';

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
      note: 'The same id is Kuala Lumpur at Alibaba Cloud: key regions by (provider, id).',
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
    },
    {
      provider: 'gcp',
      id: 'asia-southeast2',
      displayName: 'Jakarta',
      country: 'ID',
      kind: 'region',
      status: 'ga',
      sources: ['https://docs.cloud.google.com/infrastructure-manager/docs/locations'],
    },
    {
      provider: 'alibaba',
      id: 'ap-southeast-5',
      displayName: 'Indonesia (Jakarta)',
      country: 'ID',
      kind: 'region',
      status: 'ga',
      sources: ['Alibaba Cloud documentation'],
      note: 'The same id is Malaysia at AWS: key regions by (provider, id).',
    },
  ],
  classificationSchemes: [
    {
      id: 'ID-KOMINFO-DRAFT',
      name: 'Kominfo data categories (draft)',
      levels: [
        { label: 'low-risk', ordinal: 1, mappingConfidence: 'uncertain', note: DRAFT_NOTE },
        { label: 'high-risk', ordinal: 3, mappingConfidence: 'uncertain', note: DRAFT_NOTE },
        { label: 'strategic', ordinal: 4, mappingConfidence: 'uncertain', note: `${DRAFT_NOTE} Strategic data must be in Indonesia.` },
      ],
      sources: ['https://bimasoft.co.id/data-digital/'],
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
        'Public scope = state institutions and the bodies they appoint; private-scope operators may store inside or outside Indonesia (Art. 21(1)) — https://mplaw.co.id/registration-and-data-center-on-electronic-system-and-electronic-transactions-under-the-new-regulation.html',
      ],
      confidence: 'stated',
      note: 'Stated by secondary sources; the primary text was not checked. Applies to public-scope operators, which is what a government tenancy is. Backups and technical data are read into "systems and data" (inferred).',
    },
  ],
  adminAccess: PROJECT_DEFAULT_ADMIN_ACCESS,
  crypto: PROJECT_DEFAULT_CRYPTO,
  retention: PROJECT_DEFAULT_RETENTION,
  notifications: [],
  support: {
    maxOrdinal: 4,
    reason:
      'PP 71/2019 keeps all public-scope data in Indonesia and the draft Kominfo categories stop at "strategic" (SECRET, 4); nothing was found on top-secret data in any cloud, so the catalogue stops at SECRET (4).',
  },
  uncertain: [
    'Whether the Kominfo low-risk, high-risk and strategic data categories were enacted is unknown; all their ordinal mappings are uncertain.',
    'The PP 71/2019 residency rule is known from secondary sources; the primary text has not been checked.',
    'No Indonesian rule on in-country administration, administrator nationality or clearance, cryptography or log retention is recorded; these use the project defaults, not national figures.',
    'No incident or breach notification deadlines and no personal-data law are recorded in this sketch.',
    ...PROJECT_DEFAULT_UNCERTAIN,
  ],
  lastReviewed: '2026-11-21',
};
