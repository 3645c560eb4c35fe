import type { ResourceRule } from '../../types';
import { checkRbacRules } from './_shared';
import { grants } from '../../../synthesized/kubernetes/rbac';
import { ROLE_TYPES } from '../../../synthesized/kubernetes/resource-types';

export const rule: ResourceRule = {
  id: 'KT-RB3',
  pack: 'k8s-tenancy',
  level: 'warning',
  scope: 'resource',
  resourceTypes: ROLE_TYPES,
  title: 'No role reads Secrets without naming them',
  rationale:
    'get, list or watch on secrets returns their values: "list" alone dumps every Secret of the namespace (or the cluster, for a ' +
    'ClusterRole), service-account tokens included. Reading a named Secret through resource_names keeps the grant to what the ' +
    'workload needs.',
  fix: 'Drop get/list/watch on secrets, or limit the rule with rule.resource_names to the Secrets needed; keep secret material in Vault.',
  controls: [
    { framework: 'CIS-K8S', id: '5.1.2' },
    { framework: 'NIST-800-53', id: 'AC-6' },
  ],
  check(resource) {
    return checkRbacRules(
      resource,
      (rule) => {
        const g = grants(rule, [''], ['secrets'], ['get', 'list', 'watch']);
        if (g.verbs.length === 0) return undefined;
        // Named Secrets only (list/watch then need a metadata.name field selector).
        if (rule.resourceNames.length > 0) return undefined;
        return `grants ${g.verbs.join(', ')} on "secrets" without resource_names`;
      },
      'access to Secrets',
    );
  },
};
