/** RV-COMPLIANCE-NEW-WARNING: the head tree has a compliance warning the base did not have. */
import { one } from './_shared';
import type { ComplianceRule } from './types';

export const rule: ComplianceRule = {
  id: 'RV-COMPLIANCE-NEW-WARNING',
  level: 'MEDIUM',
  title: 'New compliance warning',
  help: 'The head tree has a compliance warning the base did not have.',
  tags: ['compliance'],
  scope: 'compliance',
  checks: 'an unsuppressed warning-level finding of the head tree\'s reports/compliance.json that the base did not have',
  check(f, how) {
    return one(how === 'added' && f.level === 'warning' && `New compliance ${f.level} ${f.ruleId} on ${f.constructPath}${f.message ? `: ${f.message}` : ''}.`);
  },
};
