import { block, type ResourceRef } from '../../../synthesized';
import type { ResourceRule } from '../../types';
import { combine, describe, ofTypes, unknown } from './_shared';
import { namespaceTarget } from '../../../synthesized/kubernetes/namespace';
import { RESOURCE_QUOTA_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { literal, stringMap } from '../../../synthesized/values';

const KEYS = ['services.loadbalancers', 'services.nodeports'] as const;

function sameNamespace(a: ResourceRef, b: ResourceRef): boolean {
  const ta = namespaceTarget(a);
  const tb = namespaceTarget(b);
  if (ta.kind === 'ref' && tb.kind === 'ref') return ta.address === tb.address;
  if (ta.kind === 'name' && tb.kind === 'name') return ta.name === tb.name;
  return false;
}

function hardOf(q: ResourceRef): Record<string, unknown> | 'unresolved' | undefined {
  return stringMap(block(q.body.spec)?.hard);
}

export const rule: ResourceRule = {
  id: 'KT-NS5',
  pack: 'k8s-tenancy',
  level: 'warning',
  scope: 'resource',
  resourceTypes: RESOURCE_QUOTA_TYPES,
  title: 'Quotas allow no LoadBalancer or NodePort Services',
  rationale:
    'A LoadBalancer or NodePort Service publishes pods straight onto cloud or node addresses, around the platform ingress where ' +
    'TLS, filtering and in-country source ranges are enforced. A quota of "0" for services.loadbalancers and services.nodeports ' +
    'stops a namespace from opening such a door; an exception should be a visible, reasoned exemption. Another quota of the same ' +
    'namespace that sets them to "0" is enough.',
  fix: 'Set spec.hard["services.loadbalancers"] = "0" and spec.hard["services.nodeports"] = "0" in the namespace\'s ResourceQuota, or record an exemption.',
  controls: [
    { framework: 'NSA-CISA', id: 'Network separation' },
    { framework: 'NIST-800-53', id: 'SC-7' },
  ],
  check(resource) {
    const hard = hardOf(resource);
    const subject = describe(resource);
    if (hard === 'unresolved') return unknown(`${subject}: spec.hard is a reference`, 'spec.hard');
    const siblings = ofTypes(resource.stack, RESOURCE_QUOTA_TYPES).filter((r) => r.address !== resource.address && sameNamespace(r, resource));
    const problems: string[] = [];
    const unknowns: string[] = [];
    for (const key of KEYS) {
      const raw = hard?.[key];
      const value = literal(raw);
      if (value !== undefined && /^0+$/.test(value.trim())) continue;
      const elsewhere = siblings.some((s) => {
        const h = hardOf(s);
        const v = h === 'unresolved' ? undefined : literal(h?.[key]);
        return v !== undefined && /^0+$/.test(v.trim());
      });
      if (elsewhere) continue;
      if (raw === undefined || raw === null) problems.push(`spec.hard["${key}"] is not set (unlimited)`);
      else if (value === undefined) unknowns.push(`spec.hard["${key}"] is a reference`);
      else problems.push(`spec.hard["${key}"] is "${value}", not "0"`);
    }
    return combine(problems, unknowns, subject, 'spec.hard');
  },
};
