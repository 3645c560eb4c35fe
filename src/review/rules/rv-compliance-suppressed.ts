/** RV-COMPLIANCE-SUPPRESSED: a finding is newly accepted through an exemption. */
import { one } from './_shared';
import type { ComplianceRule } from './types';

export const rule: ComplianceRule = {
  id: 'RV-COMPLIANCE-SUPPRESSED',
  level: 'MEDIUM',
  title: 'Compliance finding newly suppressed',
  help: 'A finding is newly accepted through an exemption; check its reason, owner and expiry.',
  tags: ['compliance'],
  scope: 'compliance',
  checks: 'a finding of the head tree that is suppressed there and was not suppressed in the base',
  check(f, how) {
    return one(how === 'newly-suppressed' && `${f.ruleId} on ${f.constructPath} is newly suppressed (${f.suppressed}).`);
  },
};
