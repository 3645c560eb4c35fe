/** RV-INGRESS-WIDEN: ingress widened. */
import { NETWORK_POLICY_TYPES } from '../../synthesized/kubernetes/resource-types';
import { newPeers, peerReason } from './_peers';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-INGRESS-WIDEN',
  level: 'HIGH',
  title: 'Ingress widened',
  help: 'New or wider source ranges may reach the pods.',
  tags: ['network', 'kubernetes'],
  scope: 'change',
  types: NETWORK_POLICY_TYPES,
  checks: 'a NetworkPolicy that gains an ingress CIDR (or a CIDR known only at apply) its previous rules did not cover',
  changed(input) {
    if (!NETWORK_POLICY_TYPES.includes(input.change.type)) return [];
    const labels = newPeers(input, 'ingress', false);
    return labels.length ? [peerReason(input, 'ingress', labels, false)] : [];
  },
};
