import type { ResourceRule } from '../../types';
import { checkRbacRules, quote } from './_shared';
import { ROLE_TYPES } from '../../../synthesized/kubernetes/resource-types';

export const rule: ResourceRule = {
  id: 'KT-RB1',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'resource',
  resourceTypes: ROLE_TYPES,
  title: 'Roles name their API groups, resources and verbs: no wildcards',
  rationale:
    'A "*" grants everything that exists now and everything added later (new resources, CRDs, subresources such as pods/exec), ' +
    'so nobody can review what the role really allows. Least privilege needs explicit lists. Applies to every Role and ClusterRole, ' +
    'platform ones included.',
  fix: 'Replace every "*" in rule.api_groups, rule.resources (including "*/sub" and "res/*") and rule.verbs with the explicit values needed.',
  controls: [
    { framework: 'CIS-K8S', id: '5.1.3' },
    { framework: 'NIST-800-53', id: 'AC-6' },
  ],
  check(resource) {
    return checkRbacRules(
      resource,
      (rule) => {
        const found: string[] = [];
        const groups = rule.apiGroups.filter((g) => g.includes('*'));
        const resources = rule.resources.filter((r) => r.includes('*'));
        const verbs = rule.verbs.filter((v) => v.includes('*'));
        if (groups.length > 0) found.push(`api_groups ${quote(groups)}`);
        if (resources.length > 0) found.push(`resources ${quote(resources)}`);
        if (verbs.length > 0) found.push(`verbs ${quote(verbs)}`);
        return found.length > 0 ? `has wildcards: ${found.join(', ')}` : undefined;
      },
      'wildcards',
    );
  },
};
