import { isUnresolved } from '../../../synthesized';
import type { ResourceRule } from '../../types';
import { fail, pass, workloadLabel } from './_shared';
import { SECRET_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { stringMap } from '../../../synthesized/values';

export const rule: ResourceRule = {
  id: 'KT-SEC1',
  pack: 'k8s-tenancy',
  level: 'warning',
  scope: 'resource',
  resourceTypes: SECRET_TYPES,
  title: 'Kubernetes Secrets are not written through Terraform state',
  rationale:
    'Values in a kubernetes_secret_v1\'s data or binary_data are stored in the Terraform state (and plan files) in clear, where ' +
    'everyone with state access reads them. Secret material should come from Vault (agent injector or CSI provider), or be passed ' +
    'through the write-only data_wo/binary_data_wo attributes (provider 3.x), which never reach the state.',
  fix: 'Deliver the secret from Vault to the pod, or use data_wo/binary_data_wo (kubernetes provider 3.x).',
  controls: [{ framework: 'CIS-K8S', id: '5.4.2' }, { framework: 'NIST-800-53', id: 'SC-28' }],
  check(resource) {
    const found: string[] = [];
    for (const key of ['data', 'binary_data'] as const) {
      const v = resource.body[key];
      if (v === undefined || v === null) continue;
      if (isUnresolved(v)) {
        found.push(`${key} (from ${v})`);
        continue;
      }
      const map = stringMap(v);
      const keys = map && map !== 'unresolved' ? Object.keys(map) : [];
      if (keys.length > 0) found.push(`${key} keys ${keys.map((k) => `"${k}"`).join(', ')}`);
    }
    if (found.length === 0) return pass;
    return fail(`${workloadLabel(resource)} puts ${found.join(' and ')} into the Terraform state`, found[0]?.startsWith('binary') ? 'binary_data' : 'data');
  },
};
