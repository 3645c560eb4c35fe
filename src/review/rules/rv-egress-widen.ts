/** RV-EGRESS-WIDEN: egress widened. */
import { NETWORK_POLICY_TYPES } from '../../synthesized/kubernetes/resource-types';
import { newPeers, peerReason } from './_peers';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-EGRESS-WIDEN',
  level: 'HIGH',
  title: 'Egress widened',
  help: 'Pods may reach new or wider address ranges. Check every new destination is in-country and needed.',
  tags: ['network', 'residency', 'kubernetes'],
  scope: 'change',
  types: NETWORK_POLICY_TYPES,
  checks: 'a NetworkPolicy that gains an egress CIDR (or a CIDR known only at apply) its previous rules did not cover',
  changed(input) {
    if (!NETWORK_POLICY_TYPES.includes(input.change.type)) return [];
    const labels = newPeers(input, 'egress', false);
    return labels.length ? [peerReason(input, 'egress', labels, false)] : [];
  },
};
