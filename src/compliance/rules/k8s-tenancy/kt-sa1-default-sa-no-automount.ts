import type { StackRule } from '../../types';
import { fail, namespacesOf, pass, resourcesInNamespace, unknown } from './_shared';
import { DEFAULT_SA_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { boolOf } from '../../../synthesized/values';

export const rule: StackRule = {
  id: 'KT-SA1',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'stack',
  title: 'Every namespace\'s default service account mounts no API token',
  rationale:
    'Every pod that names no service account runs as "default", and by default Kubernetes mounts that account\'s API token into it: ' +
    'a credential any compromised container can replay against the API server. Managing the default account with ' +
    'automount_service_account_token = false removes it from every pod that does not ask for a token. The provider default is ' +
    'true, so it must be set explicitly. Every namespace is checked, the platform\'s too.',
  fix: 'Add a kubernetes_default_service_account_v1 in the namespace with automount_service_account_token = false (TenantNamespace does this).',
  controls: [
    { framework: 'CIS-K8S', id: '5.1.5' },
    { framework: 'CIS-K8S', id: '5.1.6' },
    { framework: 'NSA-CISA', id: 'Protecting Pod service account tokens' },
    { framework: 'NIST-800-53', id: 'AC-6' },
  ],
  check(stack, ctx) {
    return namespacesOf(stack).map((ns) => {
      const { sure, maybe } = resourcesInNamespace(ns, DEFAULT_SA_TYPES, ctx);
      const values = sure.map((sa) => boolOf(sa.body.automount_service_account_token));
      if (values.includes(false)) return { resource: ns.ref, outcome: pass };
      if (values.includes('unresolved') || maybe.length > 0) {
        return { resource: ns.ref, outcome: unknown(`${ns.label}: its default service account's automount_service_account_token is known only at plan time`) };
      }
      if (sure.length === 0) {
        return { resource: ns.ref, outcome: fail(`${ns.label} has no kubernetes_default_service_account_v1, so its "default" service account mounts an API token into every pod`) };
      }
      const sa = sure[0];
      const v = values[0];
      return {
        resource: ns.ref,
        outcome: fail(
          `${ns.label}: default service account ${sa?.address ?? ''} has automount_service_account_token ${v === true ? '= true' : 'unset (provider default true)'}`,
          'automount_service_account_token',
        ),
      };
    });
  },
};
