import type { StackRule } from '../../types';
import { fail, namespacesOf, pass, resourcesInNamespace, unknown } from './_shared';
import { metadataOf } from '../../../synthesized/kubernetes/namespace';
import { denyCoverage } from '../../../synthesized/kubernetes/network-policy';
import { NETWORK_POLICY_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { literal } from '../../../synthesized/values';

// The default-deny logic (denyAll, denyCoverage) lives in _shared.ts: KT-NP3 and KT-PLT1 reuse it.
export { denyAll, denyCoverage } from '../../../synthesized/kubernetes/network-policy';

export const rule: StackRule = {
  id: 'KT-NS1',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'stack',
  title: 'Every namespace denies all ingress and egress by default',
  rationale:
    'NetworkPolicies only add allowances: a pod no policy selects can talk to and be reached from anything in the cluster, ' +
    'including other agencies and the Internet. A policy with an empty pod selector, both policy types and no rules isolates ' +
    'every pod of the namespace, so only the traffic other policies explicitly allow gets through. Every namespace is checked, ' +
    'platform and foreign ones included: an unlabelled namespace is just as open.',
  fix:
    'Add a kubernetes_network_policy_v1 in the namespace with spec.pod_selector {}, spec.policy_types ["Ingress", "Egress"] and ' +
    'no ingress/egress blocks (the NetworkFirewall construct creates it as "default-deny"), then allow the flows you need.',
  controls: [
    { framework: 'CIS-K8S', id: '5.3.2' },
    { framework: 'NSA-CISA', id: 'Network separation' },
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'SECNUMCLOUD', id: '13.2.a' },
    { framework: 'BSI-C5', id: 'COS-06' },
  ],
  check(stack, ctx) {
    return namespacesOf(stack).map((ns) => {
      const { sure, maybe } = resourcesInNamespace(ns, NETWORK_POLICY_TYPES, ctx);
      const cov = denyCoverage(sure, maybe);
      if (cov.ingress === 'deny' && cov.egress === 'deny') return { resource: ns.ref, outcome: pass };
      const missing = (['ingress', 'egress'] as const).filter((d) => cov[d] === 'no');
      if (missing.length === 0) {
        return {
          resource: ns.ref,
          outcome: unknown(`${ns.label}: whether a default-deny NetworkPolicy covers it depends on values known only at plan time (namespace, selector or policy types are references)`),
        };
      }
      const names = sure.map((p) => literal(metadataOf(p.body).name) ?? p.address);
      const found = names.length === 0 ? 'it has no NetworkPolicy at all' : `its policies (${names.join(', ')}) all allow some traffic or leave a direction open`;
      return {
        resource: ns.ref,
        outcome: fail(
          `${ns.label} has no default-deny NetworkPolicy for ${missing.join(' and ')} (empty pod_selector, policy_types ${missing.map((d) => (d === 'ingress' ? 'Ingress' : 'Egress')).join(' and ')}, no rules): ${found}`,
        ),
      };
    });
  },
};
