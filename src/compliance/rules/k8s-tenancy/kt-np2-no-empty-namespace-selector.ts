import { block, blocks } from '../../../synthesized';
import type { Outcome, ResourceRule } from '../../types';
import { fail, NETWORK_POLICY_TYPES, pass, selectorIsEmpty, unknown, workloadLabel } from './_shared';

export const rule: ResourceRule = {
  id: 'KT-NP2',
  pack: 'k8s-tenancy',
  level: 'warning',
  scope: 'resource',
  resourceTypes: NETWORK_POLICY_TYPES,
  title: 'No present-but-empty namespace selector in a NetworkPolicy peer',
  rationale:
    'In a NetworkPolicy peer, a namespace_selector that is present but has no match_labels or match_expressions selects every ' +
    'namespace of the cluster (other agencies, kube-system), while an absent one means "this namespace". The two are one brace ' +
    'apart in code and easy to confuse; an allow that is meant to reach all namespaces should say so through an exemption.',
  fix: 'Give the namespace_selector match_labels (e.g. kubernetes.io/metadata.name = "<namespace>"), or remove it to mean the policy\'s own namespace.',
  controls: [{ framework: 'NSA-CISA', id: 'Network separation' }],
  check(resource) {
    const spec = block(resource.body.spec);
    if (!spec) return pass;
    const subject = workloadLabel(resource);
    const outcomes: Outcome[] = [];
    for (const [dir, peersKey] of [
      ['ingress', 'from'],
      ['egress', 'to'],
    ] as const) {
      blocks(spec[dir]).forEach((r, i) => {
        blocks(r[peersKey]).forEach((peer, j) => {
          if (peer.namespace_selector === undefined || peer.namespace_selector === null) return;
          // Plan JSON renders an absent block as [].
          if (Array.isArray(peer.namespace_selector) && peer.namespace_selector.length === 0) return;
          const attr = `spec.${dir}[${i}].${peersKey}[${j}].namespace_selector`;
          const empty = selectorIsEmpty(peer.namespace_selector);
          if (empty === true) outcomes.push(fail(`${subject}: ${attr} is present but empty, so it selects every namespace of the cluster`, attr));
          else if (empty === 'unresolved') outcomes.push(unknown(`${subject}: ${attr} is known only at plan time`, attr));
        });
      });
    }
    return outcomes.length > 0 ? outcomes : pass;
  },
};
