import type { Jurisdiction } from '../types';
import { PROJECT_DEFAULT_ADMIN_ACCESS, PROJECT_DEFAULT_CRYPTO, PROJECT_DEFAULT_RETENTION, PROJECT_DEFAULT_UNCERTAIN } from './defaults';

const DECREE_53 = 'https://www.dataguidance.com/news/vietnam-mic-announces-data-localisation-decree ; https://www.tilleke.com/print-insight/?post_id=62094&print=1';

export const VIETNAM: Jurisdiction = {
  countryCode: 'VN',
  name: 'Vietnam',
  completeness: 'sketch',
  regions: [],
  classificationSchemes: [],
  residency: [],
  adminAccess: PROJECT_DEFAULT_ADMIN_ACCESS,
  crypto: PROJECT_DEFAULT_CRYPTO,
  retention: {
    ...PROJECT_DEFAULT_RETENTION,
    securityLogDaysMin: 365,
    basis: [
      `Decree 53/2022 (effective 1 Oct 2022): system logs kept ≥ 12 months (secondary sources) — ${DECREE_53}`,
      'The Decree 53/2022 figure replaces the project floor of 180 days; the default, write-once storage and separate log host are the project default:',
      ...PROJECT_DEFAULT_RETENTION.basis,
    ],
    confidence: 'stated',
  },
  notifications: [],
  support: {
    maxOrdinal: 2,
    reason:
      'No hyperscaler region, no classification scheme and no residency rule for government data were found (the Decree 53/2022 localisation rule covers users\' data held by service providers), so the catalogue stops at RESTRICTED (2).',
  },
  uncertain: [
    'No hyperscaler cloud region was found in Vietnam; every Vietnamese site must be declared inline.',
    `Cybersecurity Law 2018 Art. 26 and Decree 53/2022 require users' personal data, user-generated data and relationship data to be stored in Vietnam for ≥ 24 months after a storage request; this is not a rule for government data, so no residency rule is catalogued (${DECREE_53}).`,
    'No Vietnamese government classification scheme is recorded; tenancies are classified with a common level.',
    'The 12-month system-log figure comes from Decree 53/2022 through secondary sources; whether it binds a government tenancy is not confirmed.',
    'No Vietnamese rule on in-country administration, administrator nationality or clearance, or cryptography is recorded; these use the project defaults, not national figures.',
    'No incident or breach notification deadlines and no personal-data law are recorded in this sketch.',
    ...PROJECT_DEFAULT_UNCERTAIN,
  ],
  lastReviewed: '2026-11-21',
};
