/** RV-INGRESS-OPEN: ingress opened to anywhere. */
import { NETWORK_POLICY_TYPES } from '../../synthesized/kubernetes/resource-types';
import { newPeers, peerReason } from './_peers';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-INGRESS-OPEN',
  level: 'HIGH',
  title: 'Ingress opened to anywhere',
  help: 'An ingress rule from 0.0.0.0/0, ::/0, every namespace, or without a source exposes the pods to everything that can route to them.',
  tags: ['network', 'kubernetes'],
  scope: 'change',
  types: NETWORK_POLICY_TYPES,
  checks: 'a NetworkPolicy that gains an ingress rule from a /0 CIDR, from every namespace (empty namespace selector) or without `from`',
  changed(input) {
    if (!NETWORK_POLICY_TYPES.includes(input.change.type)) return [];
    const labels = newPeers(input, 'ingress', true);
    return labels.length ? [peerReason(input, 'ingress', labels, true)] : [];
  },
};
