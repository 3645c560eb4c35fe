/** RV-RBAC-CLUSTER-BINDING: a new ClusterRoleBinding grants its role in every namespace. */
import { CLUSTER_ROLE_BINDING_TYPES } from '../../synthesized/kubernetes/resource-types';
import { roleRefName, subjectsOf } from './_rbac';
import { few, k8sName, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-RBAC-CLUSTER-BINDING',
  level: 'HIGH',
  title: 'New cluster-wide role binding',
  help: 'A ClusterRoleBinding grants its role in every namespace, tenants included.',
  tags: ['rbac', 'kubernetes'],
  scope: 'change',
  types: CLUSTER_ROLE_BINDING_TYPES,
  checks: 'a ClusterRoleBinding that is created (not replaced)',
  changed({ change, after }) {
    if (!CLUSTER_ROLE_BINDING_TYPES.includes(change.type) || change.action !== 'create') return [];
    return one(`New cluster role binding ${q(k8sName(after))} grants ${q(roleRefName(after))} in every namespace to ${few(subjectsOf(after).map((s) => s.label))}.`);
  },
};
