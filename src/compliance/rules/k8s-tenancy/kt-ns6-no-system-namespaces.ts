import type { ResourceRule } from '../../types';
import { describe, fail, notApplicable, pass, unknown } from './_shared';
import { isReservedNamespace, namespaceTarget } from '../../../synthesized/kubernetes/namespace';
import { MANIFEST_TYPE, NAMESPACED_TYPES } from '../../../synthesized/kubernetes/resource-types';

export const rule: ResourceRule = {
  id: 'KT-NS6',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'resource',
  resourceTypes: [...NAMESPACED_TYPES, MANIFEST_TYPE],
  title: 'Nothing is created in default or the kube-* system namespaces',
  rationale:
    '"default" has none of the tenancy guard rails (no default deny, no quota, no restricted Pod Security), and kube-system, ' +
    'kube-public and kube-node-lease belong to the cluster itself: objects there run next to, or are read by, the control plane. ' +
    'A namespaced object without metadata.namespace lands in "default". Every namespaced resource is checked, whoever creates it.',
  fix: 'Set metadata.namespace to the tenant\'s (or platform component\'s) own namespace, normally by referencing its kubernetes_namespace_v1.',
  controls: [
    { framework: 'CIS-K8S', id: '5.7.4' },
    { framework: 'NSA-CISA', id: 'Namespaces' },
    { framework: 'BSI-C5', id: 'COS-06' },
  ],
  check(resource) {
    const t = namespaceTarget(resource);
    const subject = describe(resource);
    if (t.kind === 'name') {
      if (t.implicit) {
        // kubernetes_manifest of a cluster-scoped kind has no namespace.
        if (resource.type === MANIFEST_TYPE) return notApplicable;
        return fail(`${subject} has no metadata.namespace, so the provider creates it in "default"`, 'metadata.namespace');
      }
      return isReservedNamespace(t.name) ? fail(`${subject} is created in the system namespace "${t.name}"`, 'metadata.namespace') : pass;
    }
    if (t.kind === 'ref') {
      if (t.name === undefined) return unknown(`${subject}: its namespace ${t.address} has a name known only at plan time`, 'metadata.namespace');
      return isReservedNamespace(t.name) ? fail(`${subject} is created in the system namespace "${t.name}"`, 'metadata.namespace') : pass;
    }
    return unknown(`${subject}: metadata.namespace is ${t.expr}, known only at plan time`, 'metadata.namespace');
  },
};
