/** RV-SECURITY-UPDATE: an in-place change to a resource that holds a tenancy control. */
import { unjudgedUpdate } from './_update';
import { few, nameOfAny, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-SECURITY-UPDATE',
  level: 'MEDIUM',
  title: 'Security-relevant update',
  help: 'An in-place change to a Vault, RBAC, network, namespace, quota, admission or workload resource.',
  tags: ['update'],
  scope: 'change',
  checks: 'an in-place update no specific rule reports, of a Vault resource or a Kubernetes RBAC, network, namespace, service account, quota, limit, admission, secret or workload resource',
  baseline(input, hits) {
    if (unjudgedUpdate(input, hits) !== 'security') return [];
    const paths = input.change.attrs.map((a) => a.path);
    return one(`${input.change.type} ${q(nameOfAny(input))} changes in place${paths.length ? ` (${few(paths, 4)})` : ''}.`);
  },
};
