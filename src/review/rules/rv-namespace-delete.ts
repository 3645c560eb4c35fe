/** RV-NAMESPACE-DELETE: a Kubernetes or Vault namespace is destroyed with everything in it. */
import { NAMESPACE_TYPES } from '../../synthesized/kubernetes/resource-types';
import { destroyVerb, k8sName, nameOf, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-NAMESPACE-DELETE',
  level: 'CRITICAL',
  title: 'Namespace deleted or replaced',
  help: 'Deleting a Kubernetes namespace deletes every object inside it (workloads, secrets, volume claims, policies); deleting a Vault namespace deletes its mounts, policies and auth methods.',
  tags: ['destroy', 'kubernetes', 'vault'],
  scope: 'change',
  types: ['vault_namespace', ...NAMESPACE_TYPES],
  checks: 'a Kubernetes namespace or `vault_namespace` that is deleted or replaced',
  destroyed({ change, before }) {
    const verb = destroyVerb(change);
    if (change.type === 'vault_namespace') return one(`Vault namespace ${q(nameOf(before, 'path'))} ${verb}, with every mount, policy and auth method inside it.`);
    if (!NAMESPACE_TYPES.includes(change.type)) return [];
    return one(`Kubernetes namespace ${q(k8sName(before))} ${verb}: every object in it (workloads, secrets, volume claims, network policies) is deleted with it.`);
  },
};
