/**
 * Guardrails every namespace the library creates shares: Pod Security labels, container
 * defaults, a default service account that receives no token, and the names it may not take.
 */
import { DefaultServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/default-service-account-v1';
import { LimitRangeV1 } from '@cdktf/provider-kubernetes/lib/limit-range-v1';
import type { Construct } from 'constructs';
import { podSecurityLabel, type PodSecurityLevel } from '../../src/synthesized/kubernetes/namespace';

// The names and labels analysis reads (src/synthesized/kubernetes/namespace.ts) are the ones written here.
export { isReservedNamespace, RESERVED_NAMESPACES, type PodSecurityLevel } from '../../src/synthesized/kubernetes/namespace';

/** Pod Security Admission labels: `enforce` as given, `audit` and `warn` always `restricted`, all pinned to `version`. */
export function podSecurityLabels(enforce: PodSecurityLevel, version: string): Record<string, string> {
  return {
    [podSecurityLabel('enforce')]: enforce,
    [podSecurityLabel('enforce-version')]: version,
    [podSecurityLabel('audit')]: 'restricted',
    [podSecurityLabel('audit-version')]: version,
    [podSecurityLabel('warn')]: 'restricted',
    [podSecurityLabel('warn-version')]: version,
  };
}

export interface ContainerDefaultsOf {
  readonly cpuRequest: string;
  readonly cpuLimit: string;
  readonly memoryRequest: string;
  readonly memoryLimit: string;
}

/** A LimitRange giving every container default requests and limits (construct id `Limits`). */
export function containerLimitRange(scope: Construct, metadata: { name: string; namespace: string; labels: Record<string, string> }, d: ContainerDefaultsOf): LimitRangeV1 {
  return new LimitRangeV1(scope, 'Limits', {
    metadata,
    spec: { limit: [{ type: 'Container', default: { cpu: d.cpuLimit, memory: d.memoryLimit }, defaultRequest: { cpu: d.cpuRequest, memory: d.memoryRequest } }] },
  });
}

/** The namespace's `default` service account, without token automount: pods that name no account get no API token. */
export function tokenlessDefaultServiceAccount(scope: Construct, namespace: string, labels: Record<string, string>): DefaultServiceAccountV1 {
  return new DefaultServiceAccountV1(scope, 'DefaultServiceAccount', { metadata: { namespace, labels: { ...labels } }, automountServiceAccountToken: false });
}
