import { block, blocks, isUnresolved, type ResourceRef } from '../../../synthesized';
import type { StackRule } from '../../types';
import { fail, namespacesOf, pass, resourcesInNamespace, unknown } from './_shared';
import { metadataOf } from '../../../synthesized/kubernetes/namespace';
import { RESOURCE_QUOTA_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { literal, stringList, stringMap } from '../../../synthesized/values';

/** Required `spec.hard` keys, with the aliases Kubernetes accepts for them. */
const REQUIRED: readonly (readonly [string, ...string[]])[] = [
  ['requests.cpu', 'cpu'],
  ['requests.memory', 'memory'],
  ['limits.cpu'],
  ['limits.memory'],
  ['pods', 'count/pods'],
];

/** A quota with scopes or a scope selector only bounds some pods, so it does not count. */
export function isScoped(quota: ResourceRef): boolean {
  const spec = block(quota.body.spec);
  return stringList(spec?.scopes).items.length > 0 || stringList(spec?.scopes).unresolved || blocks(spec?.scope_selector).length > 0;
}

export const rule: StackRule = {
  id: 'KT-NS3',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'stack',
  title: 'Every namespace has a ResourceQuota on CPU, memory and pods',
  rationale:
    'Without a quota one namespace can reserve or burst into the whole cluster and starve every other agency: a denial of service ' +
    'by accident or on purpose. A quota on requests and limits for CPU and memory, and on the pod count, bounds what it can take. ' +
    'Quotas limited by scopes only cover some pods and are not counted. Every namespace is checked, the platform\'s too.',
  fix:
    'Add a kubernetes_resource_quota_v1 in the namespace whose spec.hard sets requests.cpu, requests.memory, limits.cpu, ' +
    'limits.memory and pods (TenantNamespace does this from the tenant\'s quota).',
  controls: [
    { framework: 'NSA-CISA', id: 'Resource policies' },
    { framework: 'NIST-800-53', id: 'SC-6' },
  ],
  check(stack, ctx) {
    return namespacesOf(stack).map((ns) => {
      const { sure, maybe } = resourcesInNamespace(ns, RESOURCE_QUOTA_TYPES, ctx);
      const keys = new Set<string>();
      let unresolved = maybe.length > 0;
      for (const q of sure) {
        if (isScoped(q)) continue;
        const hard = stringMap(block(q.body.spec)?.hard);
        if (hard === 'unresolved' || isUnresolved(block(q.body.spec)?.scopes)) unresolved = true;
        else for (const k of Object.keys(hard ?? {})) keys.add(k);
      }
      const missing = REQUIRED.filter((aliases) => !aliases.some((a) => keys.has(a))).map((a) => a[0]);
      if (missing.length === 0) return { resource: ns.ref, outcome: pass };
      if (unresolved) return { resource: ns.ref, outcome: unknown(`${ns.label}: its ResourceQuota cannot be read (spec.hard or the namespace is a reference); not shown to set ${missing.join(', ')}`) };
      const quotas = sure.map((q) => `${literal(metadataOf(q.body).name) ?? q.address}${isScoped(q) ? ' (scoped, ignored)' : ''}`);
      const what = quotas.length === 0 ? 'it has no ResourceQuota' : `its ResourceQuota (${quotas.join(', ')}) does not set ${missing.join(', ')}`;
      return { resource: ns.ref, outcome: fail(`${ns.label} is not bounded: ${what}`) };
    });
  },
};
