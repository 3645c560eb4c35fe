/** RV-RBAC-WIDEN: a role gains permissions, or a binding gains subjects (or binds everyone). */
import { BINDING_TYPES, ROLE_TYPES } from '../../synthesized/kubernetes/resource-types';
import { freshSubjects, grantText, roleGrowth, roleRefName } from './_rbac';
import { few, k8sName, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-RBAC-WIDEN',
  level: 'HIGH',
  title: 'RBAC widened',
  help: 'A role gains verbs or resources, or a binding gains subjects.',
  tags: ['rbac', 'kubernetes'],
  scope: 'change',
  types: [...ROLE_TYPES, ...BINDING_TYPES],
  checks: 'a Role or ClusterRole that gains permissions it did not grant before; a binding that gains subjects, or binds every authenticated, unauthenticated or anonymous user',
  changed(input) {
    const { change, after, isUpdate } = input;
    const name = () => q(k8sName(after));
    if (ROLE_TYPES.includes(change.type)) {
      const { other } = roleGrowth(input);
      return isUpdate && other.length ? [`Role ${name()} gains ${few([...new Set(other.map(grantText))])}.`] : [];
    }
    if (!BINDING_TYPES.includes(change.type)) return [];
    const fresh = freshSubjects(input);
    const everyone = fresh.filter((s) => s.everyone).map((s) => s.label);
    if (everyone.length) return [`Binding ${name()} grants ${q(roleRefName(after))} to ${few(everyone)}: every such user.`];
    return isUpdate && fresh.length ? [`Binding ${name()} gains ${few(fresh.map((s) => s.label))}.`] : [];
  },
};
