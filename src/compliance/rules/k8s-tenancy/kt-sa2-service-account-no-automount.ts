import type { ResourceRule } from '../../types';
import { describe, fail, pass, unknown, workloadLabel } from './_shared';
import { SERVICE_ACCOUNT_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { boolOf } from '../../../synthesized/values';

export const rule: ResourceRule = {
  id: 'KT-SA2',
  pack: 'k8s-tenancy',
  level: 'warning',
  scope: 'resource',
  resourceTypes: SERVICE_ACCOUNT_TYPES,
  title: 'Service accounts mount no API token unless a pod asks for one',
  rationale:
    'With automount on the account, every pod that uses it gets an API token, whether it calls the API or not. Turning it off on ' +
    'the account and on in the one pod template that needs it (as the log forwarder does) keeps the credential where it is used. ' +
    'The provider default is true, so it must be set explicitly.',
  fix: 'Set automount_service_account_token = false on the kubernetes_service_account_v1 and opt in per pod (automount or a projected token) where needed.',
  controls: [
    { framework: 'CIS-K8S', id: '5.1.6' },
    { framework: 'NSA-CISA', id: 'Protecting Pod service account tokens' },
    { framework: 'NIST-800-53', id: 'AC-6' },
  ],
  check(resource) {
    const v = boolOf(resource.body.automount_service_account_token);
    if (v === false) return pass;
    if (v === 'unresolved') return unknown(`${describe(resource)}: automount_service_account_token is a reference`, 'automount_service_account_token');
    return fail(`${workloadLabel(resource)} has automount_service_account_token ${v === true ? '= true' : 'unset (provider default true)'}`, 'automount_service_account_token');
  },
};
