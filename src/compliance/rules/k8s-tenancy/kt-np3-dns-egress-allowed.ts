import { block, type ResourceRef } from '../../../synthesized';
import type { StackRule } from '../../types';
import { namespacesOf, notApplicable, pass, resourcesInNamespace, unknown, fail } from './_shared';
import { denyCoverage, policyRules, specOf } from '../../../synthesized/kubernetes/network-policy';
import { NETWORK_POLICY_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { selectorIsEmpty, selectorMatches } from '../../../synthesized/kubernetes/selector';
import { literal, stringList } from '../../../synthesized/values';

const DNS_PORT_NAMES = ['dns', 'dns-tcp', 'dns-udp'];
const KUBE_SYSTEM_LABELS = { 'kubernetes.io/metadata.name': 'kube-system' };

/** Protocols (UDP/TCP) on which one egress rule allows port 53 to a DNS-like destination. */
function dnsProtocols(policy: ResourceRef): Set<string> {
  const out = new Set<string>();
  const spec = specOf(policy.body);
  if (!spec || selectorIsEmpty(spec.pod_selector) !== true) return out;
  if (!stringList(spec.policy_types).items.includes('Egress')) return out;
  for (const r of policyRules(policy.body, 'egress')) {
    const peers = r.peers.filter((p) => !p.unresolved);
    // No peers = every destination; otherwise kube-system (by namespace selector) or an ip_block (NodeLocal DNS).
    const destOk = peers.length === 0 || peers.some((p) => p.ipBlock !== undefined || (block(p.namespaceSelector) !== undefined && selectorMatches(p.namespaceSelector, KUBE_SYSTEM_LABELS) === 'yes'));
    if (!destOk) continue;
    if (r.ports.length === 0) {
      out.add('UDP');
      out.add('TCP');
      continue;
    }
    for (const p of r.ports) {
      const port = literal(p.port);
      const end = Number(literal(p.end_port));
      const protocol = literal(p.protocol) ?? 'TCP';
      const n = Number(port);
      const covers = port === undefined ? p.port === undefined || p.port === null : DNS_PORT_NAMES.includes(port) || n === 53 || (Number.isFinite(end) && n <= 53 && end >= 53);
      if (covers) out.add(protocol.toUpperCase());
    }
  }
  return out;
}

export const rule: StackRule = {
  id: 'KT-NP3',
  pack: 'k8s-tenancy',
  level: 'info',
  scope: 'stack',
  title: 'With egress denied, DNS is explicitly allowed',
  rationale:
    'Once egress is denied by default, name resolution is the first thing to break: every connection by host name fails before ' +
    'any other allow matters. An explicit allow to the cluster DNS (kube-system, port 53 over UDP and TCP; TCP for large answers) ' +
    'keeps workloads working without opening anything else. Only namespaces whose egress is denied by default are checked.',
  fix: 'Add an egress NetworkPolicy to namespace kube-system (pods k8s-app=kube-dns) on 53/UDP and 53/TCP (NetworkFirewall creates "allow-dns").',
  controls: [],
  check(stack, ctx) {
    return namespacesOf(stack).map((ns) => {
      const { sure, maybe } = resourcesInNamespace(ns, NETWORK_POLICY_TYPES, ctx);
      const cov = denyCoverage(sure, maybe);
      if (cov.egress === 'no') return { resource: ns.ref, outcome: notApplicable };
      const protocols = new Set<string>();
      for (const p of sure) for (const proto of dnsProtocols(p)) protocols.add(proto);
      if (protocols.has('UDP') && protocols.has('TCP')) return { resource: ns.ref, outcome: pass };
      if (cov.egress === 'unknown' || maybe.length > 0) return { resource: ns.ref, outcome: unknown(`${ns.label}: its egress policies are known only at plan time`) };
      const missing = ['UDP', 'TCP'].filter((x) => !protocols.has(x));
      return { resource: ns.ref, outcome: fail(`${ns.label} denies egress but no NetworkPolicy allows DNS (port 53/${missing.join(' and 53/')} to kube-system): name resolution will fail`) };
    });
  },
};
