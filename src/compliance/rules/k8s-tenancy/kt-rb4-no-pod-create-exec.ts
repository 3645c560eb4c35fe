import type { ResourceRule } from '../../types';
import { checkRbacRules } from './_shared';
import { grants } from '../../../synthesized/kubernetes/rbac';
import { ROLE_TYPES } from '../../../synthesized/kubernetes/resource-types';

export const rule: ResourceRule = {
  id: 'KT-RB4',
  pack: 'k8s-tenancy',
  level: 'warning',
  scope: 'resource',
  resourceTypes: ROLE_TYPES,
  title: 'No role creates bare pods or execs/attaches into them',
  rationale:
    'Creating a pod lets its author run as any service account of the namespace and mount any of its Secrets; exec and attach ' +
    'open a shell that reads memory, mounted secrets and data, and whose content the API audit log does not record. Workloads ' +
    'should be created through controllers and debugged through an audited break-glass path. Older API servers also accept a ' +
    'WebSocket exec/attach with only "get" on the subresource, so that is flagged too.',
  fix: 'Remove create on "pods", and create/get on "pods/exec" and "pods/attach", from the role; deploy through Deployments/Jobs.',
  controls: [
    { framework: 'CIS-K8S', id: '5.1.4' },
    { framework: 'NIST-800-53', id: 'AC-6' },
  ],
  check(resource) {
    return checkRbacRules(
      resource,
      (rule) => {
        const found: string[] = [];
        const create = grants(rule, [''], ['pods', 'pods/exec', 'pods/attach'], ['create']);
        if (create.verbs.length > 0) found.push(`create on ${create.resources.map((r) => `"${r}"`).join(', ')}`);
        const get = grants(rule, [''], ['pods/exec', 'pods/attach'], ['get']);
        if (get.verbs.length > 0) found.push(`get on ${get.resources.map((r) => `"${r}"`).join(', ')}`);
        return found.length > 0 ? `grants ${found.join(' and ')}` : undefined;
      },
      'pod creation and exec',
    );
  },
};
