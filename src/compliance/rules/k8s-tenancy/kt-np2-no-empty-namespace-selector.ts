import { policyRules, specOf } from '../../../synthesized/kubernetes/network-policy';
import type { Outcome, ResourceRule } from '../../types';
import { fail, pass, unknown, workloadLabel } from './_shared';
import { NETWORK_POLICY_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { selectorIsEmpty } from '../../../synthesized/kubernetes/selector';

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
    if (!specOf(resource.body)) return pass;
    const subject = workloadLabel(resource);
    const outcomes: Outcome[] = [];
    for (const dir of ['ingress', 'egress'] as const) {
      for (const r of policyRules(resource.body, dir)) {
        for (const peer of r.peers) {
          // Absent, or rendered as [] by plan JSON: "this namespace", nothing to flag.
          if (peer.namespaceSelector === undefined) continue;
          const attr = `${peer.attribute}.namespace_selector`;
          const empty = selectorIsEmpty(peer.namespaceSelector);
          if (empty === true) outcomes.push(fail(`${subject}: ${attr} is present but empty, so it selects every namespace of the cluster`, attr));
          else if (empty === 'unresolved') outcomes.push(unknown(`${subject}: ${attr} is known only at plan time`, attr));
        }
      }
    }
    return outcomes.length > 0 ? outcomes : pass;
  },
};
