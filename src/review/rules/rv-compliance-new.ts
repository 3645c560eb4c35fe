/** RV-COMPLIANCE-NEW: the head tree has a compliance error the base did not have. */
import { one } from './_shared';
import type { ComplianceRule } from './types';

export const rule: ComplianceRule = {
  id: 'RV-COMPLIANCE-NEW',
  level: 'HIGH',
  title: 'New compliance error',
  help: 'The head tree has a compliance error the base did not have.',
  tags: ['compliance'],
  scope: 'compliance',
  checks: 'an unsuppressed error-level finding of the head tree\'s reports/compliance.json that the base did not have',
  check(f, how) {
    return one(how === 'added' && f.level === 'error' && `New compliance ${f.level} ${f.ruleId} on ${f.constructPath}${f.message ? `: ${f.message}` : ''}.`);
  },
};
