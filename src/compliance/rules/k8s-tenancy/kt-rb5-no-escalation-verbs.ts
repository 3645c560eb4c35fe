import type { ResourceRule } from '../../types';
import { checkRbacRules, quote } from './_shared';
import { grants } from '../../../synthesized/kubernetes/rbac';
import { ROLE_TYPES } from '../../../synthesized/kubernetes/resource-types';

const DANGEROUS = ['bind', 'escalate', 'impersonate'];

export const rule: ResourceRule = {
  id: 'KT-RB5',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'resource',
  resourceTypes: ROLE_TYPES,
  title: 'No bind, escalate or impersonate',
  rationale:
    '"escalate" lets a user write roles with permissions they do not hold, "bind" lets them bind roles they do not hold, and ' +
    '"impersonate" lets them act as any user, group or service account: each turns a narrow grant into any grant. A "*" verb on ' +
    'roles, clusterroles, users, groups or serviceaccounts includes them and is flagged as well.',
  fix: 'Remove the bind, escalate and impersonate verbs (and "*" verbs on RBAC or identity resources); role changes belong to the platform\'s Terraform.',
  controls: [
    { framework: 'CIS-K8S', id: '5.1.8' },
    { framework: 'NIST-800-53', id: 'AC-6' },
  ],
  check(resource) {
    return checkRbacRules(
      resource,
      (rule) => {
        const explicit = rule.verbs.filter((v) => DANGEROUS.includes(v));
        if (explicit.length > 0) return `grants ${quote(explicit)}${rule.resources.length > 0 ? ` on ${quote(rule.resources)}` : ''}`;
        if (!rule.verbs.includes('*')) return undefined;
        const rbac = grants(rule, ['rbac.authorization.k8s.io'], ['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings'], ['*']);
        const ident = grants(rule, ['', 'authentication.k8s.io'], ['users', 'groups', 'serviceaccounts', 'uids'], ['*']);
        const res = [...rbac.resources, ...ident.resources];
        return res.length > 0 ? `grants "*" verbs (including bind, escalate and impersonate) on ${quote(res)}` : undefined;
      },
      'privilege-escalation verbs',
    );
  },
};
