import { block, blocks, isUnresolved } from '../../../synthesized';
import type { StackRule } from '../../types';
import { fail, namespacesOf, pass, resourcesInNamespace, unknown } from './_shared';
import { metadataOf } from '../../../synthesized/kubernetes/namespace';
import { LIMIT_RANGE_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { literal, stringMap } from '../../../synthesized/values';

const REQUIRED = ['default.cpu', 'default.memory', 'default_request.cpu', 'default_request.memory'] as const;

export const rule: StackRule = {
  id: 'KT-NS4',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'stack',
  title: 'Every namespace has a LimitRange with container CPU and memory defaults',
  rationale:
    'A container without requests or limits is unbounded on its node, and under a quota on limits it cannot even be admitted. ' +
    'A LimitRange of type Container with default limits and default requests for CPU and memory gives every container bounds ' +
    'it did not declare itself. Every namespace is checked, the platform\'s too.',
  fix:
    'Add a kubernetes_limit_range_v1 in the namespace with a spec.limit block of type "Container" setting default and ' +
    'default_request for cpu and memory (TenantNamespace does this).',
  controls: [
    { framework: 'NSA-CISA', id: 'Resource policies' },
    { framework: 'NIST-800-53', id: 'SC-6' },
  ],
  check(stack, ctx) {
    return namespacesOf(stack).map((ns) => {
      const { sure, maybe } = resourcesInNamespace(ns, LIMIT_RANGE_TYPES, ctx);
      const found = new Set<string>();
      let unresolved = maybe.length > 0;
      for (const lr of sure) {
        const spec = block(lr.body.spec);
        if (isUnresolved(spec?.limit)) unresolved = true;
        for (const item of blocks(spec?.limit)) {
          const type = literal(item.type);
          if (type === undefined) {
            unresolved = true;
            continue;
          }
          if (type !== 'Container') continue;
          for (const key of ['default', 'default_request'] as const) {
            const map = stringMap(item[key]);
            if (map === 'unresolved') unresolved = true;
            else for (const res of ['cpu', 'memory']) if (map?.[res] !== undefined && map[res] !== null && map[res] !== '') found.add(`${key}.${res}`);
          }
        }
      }
      const missing = REQUIRED.filter((k) => !found.has(k));
      if (missing.length === 0) return { resource: ns.ref, outcome: pass };
      if (unresolved) return { resource: ns.ref, outcome: unknown(`${ns.label}: its LimitRange cannot be read (a reference); not shown to set ${missing.join(', ')}`) };
      const names = sure.map((lr) => literal(metadataOf(lr.body).name) ?? lr.address);
      const what = names.length === 0 ? 'it has no LimitRange' : `no Container limit of its LimitRange (${names.join(', ')}) sets ${missing.join(', ')}`;
      return { resource: ns.ref, outcome: fail(`${ns.label} gives containers no default bounds: ${what}`) };
    });
  },
};
