/** RV-EGRESS-OPEN: egress opened to anywhere. */
import { NETWORK_POLICY_TYPES } from '../../synthesized/kubernetes/resource-types';
import { newPeers, peerReason } from './_peers';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-EGRESS-OPEN',
  level: 'HIGH',
  title: 'Egress opened to anywhere',
  help: 'An egress rule to 0.0.0.0/0, ::/0, every namespace, or without a destination lets pods send data anywhere, including out of the country.',
  tags: ['network', 'residency', 'kubernetes'],
  scope: 'change',
  types: NETWORK_POLICY_TYPES,
  checks: 'a NetworkPolicy that gains an egress rule to a /0 CIDR, to every namespace (empty namespace selector) or without `to`',
  changed(input) {
    if (!NETWORK_POLICY_TYPES.includes(input.change.type)) return [];
    const labels = newPeers(input, 'egress', true);
    return labels.length ? [peerReason(input, 'egress', labels, true)] : [];
  },
};
