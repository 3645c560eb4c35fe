/** RV-NETPOL-DENY-REMOVE: a default-deny NetworkPolicy is deleted or stops denying a direction. */
import { deniedPolicyTypes } from '../../synthesized/kubernetes/network-policy';
import { NETWORK_POLICY_TYPES } from '../../synthesized/kubernetes/resource-types';
import { block } from '../../synthesized/values';
import { k8sName, one, q } from './_shared';
import type { ChangeRule } from './types';

/** The directions a policy denies for every pod of its namespace (none for an absent tree). */
function denied(tree: unknown): string[] {
  const body = block(tree);
  return body ? deniedPolicyTypes(body) : [];
}

export const rule: ChangeRule = {
  id: 'RV-NETPOL-DENY-REMOVE',
  level: 'CRITICAL',
  title: 'Default-deny network policy removed',
  help: 'The default-deny policy is what makes every other network policy an allow-list; without it, pods of the namespace can reach and be reached by anything.',
  tags: ['network', 'kubernetes'],
  scope: 'change',
  types: NETWORK_POLICY_TYPES,
  checks: 'a NetworkPolicy that denies a direction for every pod (empty pod selector, no rules) and is deleted, or keeps its place but stops denying it',
  destroyed({ change, before }) {
    if (!NETWORK_POLICY_TYPES.includes(change.type) || change.action === 'replace' || denied(before).length === 0) return [];
    return one(`Default-deny network policy ${q(k8sName(before))} is deleted: pods of the namespace are no longer isolated.`);
  },
  changed({ change, before, after, isUpdate }) {
    if (!NETWORK_POLICY_TYPES.includes(change.type) || !isUpdate) return [];
    const kept = new Set(denied(after));
    const lost = denied(before).filter((d) => !kept.has(d));
    return one(lost.length > 0 && `Network policy ${q(k8sName(after))} no longer denies ${lost.join(' and ').toLowerCase()} by default (its policy types or rules changed): pods of the namespace lose that isolation.`);
  },
};
