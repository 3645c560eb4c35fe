/** RV-PSA-AUDIT-DOWNGRADE: a namespace's Pod Security audit or warn level is lowered or removed. */
import { NAMESPACE_TYPES } from '../../synthesized/kubernetes/resource-types';
import { podSecurityLabel } from '../../synthesized/kubernetes/namespace';
import { psaDowngrades } from './rv-psa-downgrade';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-PSA-AUDIT-DOWNGRADE',
  level: 'MEDIUM',
  title: 'Pod Security audit/warn level downgraded',
  help: 'Violations are no longer reported at the previous level.',
  tags: ['kubernetes', 'pod-security'],
  scope: 'change',
  types: NAMESPACE_TYPES,
  checks: `a Kubernetes namespace whose \`${podSecurityLabel('audit')}\` or \`${podSecurityLabel('warn')}\` label is lowered or removed`,
  changed: (input) => psaDowngrades(input, ['audit', 'warn']),
};
