import type { ResourceRule } from '../../types';
import { combine, isLogCollector, notApplicable, unknown } from './_shared';
import { metadataOf, namespaceInfo, POD_SECURITY_PREFIX } from '../../../synthesized/kubernetes/namespace';
import { NAMESPACE_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { literal, stringMap } from '../../../synthesized/values';


export const rule: ResourceRule = {
  id: 'KT-NS2',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'resource',
  resourceTypes: NAMESPACE_TYPES,
  title: 'Namespaces enforce the Pod Security "restricted" profile',
  rationale:
    'Pod Security admission is the built-in guard that refuses privileged, root or host-sharing pods. "enforce=restricted" refuses ' +
    'them, a pinned "enforce-version" keeps a cluster upgrade from changing the profile silently, and "audit"/"warn" at restricted ' +
    'report non-compliant workload templates that enforce does not see. Every namespace is checked, with one exception that is ' +
    'itself a rule: the platform log collector (label sovereign.slz.dev/component=log-forwarder on a namespace that is not a ' +
    'tenant\'s) must enforce "privileged", because its read-only hostPath log mounts are refused even by "baseline". For that ' +
    'namespace this rule is not applicable and KT-PLT1 (error) checks what compensates: audit/warn still "restricted", default ' +
    'deny, and pods confined to read-only /var/log mounts with a restricted security context. A tenant namespace carrying the ' +
    'label gets no exception.',
  fix:
    'Label the namespace pod-security.kubernetes.io/enforce=restricted, pod-security.kubernetes.io/enforce-version=<latest|v1.x>, ' +
    'pod-security.kubernetes.io/audit=restricted and pod-security.kubernetes.io/warn=restricted (TenantNamespace does this). ' +
    'Do not label a namespace as the log collector to silence this rule: KT-PLT1 then checks it instead.',
  controls: [
    { framework: 'PSS', id: 'Restricted' },
    { framework: 'CIS-K8S', id: '5.2.1' },
    { framework: 'NSA-CISA', id: 'Pod security' },
    { framework: 'BSI-C5', id: 'PSS-11' },
  ],
  check(resource) {
    const ns = namespaceInfo(resource);
    // Deferred to KT-PLT1, which checks the compensating controls (it fails if they are missing).
    if (isLogCollector(ns)) return notApplicable;
    const labels = stringMap(metadataOf(resource.body).labels);
    if (labels === 'unresolved') return unknown(`${ns.label}: metadata.labels is a reference; the Pod Security labels cannot be checked`, 'metadata.labels');
    const map = labels ?? {};
    const problems: string[] = [];
    const unknowns: string[] = [];
    const want = (key: string, value?: string) => {
      const raw = map[`${POD_SECURITY_PREFIX}/${key}`];
      const lit = literal(raw);
      if (raw === undefined || raw === null || raw === '') problems.push(`${POD_SECURITY_PREFIX}/${key} is not set`);
      else if (lit === undefined) unknowns.push(`${POD_SECURITY_PREFIX}/${key} is a reference`);
      else if (value !== undefined && lit !== value) problems.push(`${POD_SECURITY_PREFIX}/${key} is "${lit}", not "${value}"`);
    };
    want('enforce', 'restricted');
    want('enforce-version');
    want('audit', 'restricted');
    want('warn', 'restricted');
    return combine(problems, unknowns, ns.label, 'metadata.labels');
  },
};
