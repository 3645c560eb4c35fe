/** RV-RBAC-WILDCARD: a role gains a wildcard or escalation permission, or a binding grants cluster-admin. */
import { ESCALATION_VERBS } from '../../synthesized/kubernetes/rbac';
import { BINDING_TYPES, ROLE_TYPES } from '../../synthesized/kubernetes/resource-types';
import { grantText, literalRoleRef, roleGrowth, roleRefName, subjectsOf } from './_rbac';
import { few, k8sName, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-RBAC-WILDCARD',
  level: 'HIGH',
  title: 'Wildcard or escalation permission granted',
  help: 'A `*` verb, resource or API group, escalate/bind/impersonate, or a cluster-admin binding grants more than any tenant role needs.',
  tags: ['rbac', 'kubernetes'],
  scope: 'change',
  types: [...ROLE_TYPES, ...BINDING_TYPES],
  checks: `a Role or ClusterRole that gains a \`*\` verb, resource or API group or ${ESCALATION_VERBS.join('/')}; a binding that starts granting cluster-admin`,
  changed(input) {
    const { change, before, after, creates } = input;
    const name = () => q(k8sName(after));
    if (ROLE_TYPES.includes(change.type)) {
      const { wild } = roleGrowth(input);
      return wild.length ? [`Role ${name()} grants ${few([...new Set(wild.map(grantText))])}.`] : [];
    }
    if (BINDING_TYPES.includes(change.type) && roleRefName(after) === 'cluster-admin' && (creates || literalRoleRef(before) !== 'cluster-admin')) {
      return [`Binding ${name()} grants cluster-admin to ${few(subjectsOf(after).map((s) => s.label))}.`];
    }
    return [];
  },
};
