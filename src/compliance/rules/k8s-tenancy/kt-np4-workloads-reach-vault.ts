/** KT-NP4: a tenant namespace whose workloads log in to Vault lets them reach it through its NetworkPolicies. */
import type { StackRule } from '../../types';
import { denyCoverage, egressReaches, policyRules } from '../../../synthesized/kubernetes/network-policy';
import { NETWORK_POLICY_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { defaultVaultAddress } from '../../../synthesized/vault/server';
import { stringList } from '../../../synthesized/values';
import { isIpLiteral } from '../../../landing-zone/net';
import { fail, namespacesOf, ofTypes, pass, resourcesInNamespace, unknown } from './_shared';

const AUTH_ROLE_TYPES = ['vault_kubernetes_auth_backend_role'];

export const rule: StackRule = {
  id: 'KT-NP4',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'stack',
  title: 'Tenant workloads can reach their Vault',
  rationale:
    'A tenant namespace is default-deny. When Vault Kubernetes-auth roles are bound to its service accounts, its workloads must ' +
    "reach Vault to log in, encrypt, sign and read secrets; without an egress policy to Vault's address and port every one of " +
    'those calls is dropped at runtime, though every plan looks clean. The destination is judged from the stack\'s Vault ' +
    'address: its port, and its IP when the address is one (a name is matched by any IP block or, for Vault in the cluster, a namespace selector).',
  fix: "Open egress to Vault: give regions[].vault.cidr (Vault outside the cluster) or regions[].vault.inCluster (Vault in it); by hand, NetworkFirewall.allowEgress / allowEgressToPods on the address's port.",
  controls: [
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'NIST-800-53', id: 'SC-12' },
    { framework: 'BSI-C5', id: 'COS-06' },
  ],
  check(stack, ctx) {
    const roles = ofTypes(stack, AUTH_ROLE_TYPES);
    if (roles.length === 0) return [];
    const address = defaultVaultAddress(stack);
    let target: { port: number; ip: string | undefined } | undefined;
    try {
      if (address) {
        const url = new URL(address);
        const host = url.hostname.replace(/^\[|\]$/g, '');
        target = { port: url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : 443, ip: isIpLiteral(host) ? host : undefined };
      }
    } catch {
      target = undefined;
    }
    const out = [];
    for (const ns of namespacesOf(stack).filter((n) => n.tenant && n.name !== undefined)) {
      const bound = roles.some((r) => stringList(r.body.bound_service_account_namespaces).items.includes(ns.name!));
      if (!bound) continue;
      if (!target) {
        out.push({ resource: ns.ref, outcome: unknown(`${ns.label}: its workloads log in to Vault, whose address is given only at apply (VAULT_ADDR): whether its NetworkPolicies reach it cannot be judged`) });
        continue;
      }
      const { sure, maybe } = resourcesInNamespace(ns, NETWORK_POLICY_TYPES, ctx);
      if (denyCoverage(sure, maybe).egress === 'no') {
        out.push({ resource: ns.ref, outcome: pass });
        continue;
      }
      const verdicts = [...sure, ...maybe].flatMap((p) => policyRules(p.body, 'egress').map((r) => egressReaches(r, target!.port, target!.ip)));
      if (verdicts.includes('yes') && sure.some((p) => policyRules(p.body, 'egress').some((r) => egressReaches(r, target!.port, target!.ip) === 'yes'))) {
        out.push({ resource: ns.ref, outcome: pass });
      } else if (verdicts.includes('yes') || verdicts.includes('unknown')) {
        out.push({ resource: ns.ref, outcome: unknown(`${ns.label}: whether its workloads reach Vault at ${address} depends on values known only at plan time`) });
      } else {
        out.push({
          resource: ns.ref,
          outcome: fail(`${ns.label} is default-deny and no NetworkPolicy lets its workloads reach Vault at ${address} (TCP ${target.port}): their Vault logins, key operations and secret reads will all be dropped`),
        });
      }
    }
    return out;
  },
};
