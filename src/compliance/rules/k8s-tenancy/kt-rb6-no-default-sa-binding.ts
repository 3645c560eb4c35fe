import type { Outcome, ResourceRule } from '../../types';
import { describe, fail, pass, subjectsOf, unknown } from './_shared';
import { BINDING_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { literal } from '../../../synthesized/values';

export const rule: ResourceRule = {
  id: 'KT-RB6',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'resource',
  resourceTypes: BINDING_TYPES,
  title: 'No role is bound to a "default" service account',
  rationale:
    'Every pod that names no service account runs as "default": a permission granted to it is granted to every such pod of the ' +
    'namespace, present and future. Permissions belong to a dedicated service account used only by the workload that needs them. ' +
    'A reference to a kubernetes_default_service_account_v1 counts as "default".',
  fix: 'Create a kubernetes_service_account_v1 for the workload, bind the role to it, and set it as the pod template\'s service_account_name.',
  controls: [
    { framework: 'CIS-K8S', id: '5.1.5' },
    { framework: 'NIST-800-53', id: 'AC-6' },
  ],
  check(resource) {
    const outcomes: Outcome[] = [];
    for (const s of subjectsOf(resource)) {
      if (s.kind !== undefined && s.kind !== 'ServiceAccount') continue;
      const attr = `subject[${s.index}]`;
      if (s.kind === undefined) outcomes.push(unknown(`${describe(resource)} ${attr}: kind is a reference`, attr));
      else if (s.name === 'default') {
        const ns = literal(s.namespace);
        outcomes.push(fail(`${describe(resource)} ${attr} binds the "default" service account${ns ? ` of namespace "${ns}"` : ''}`, `${attr}.name`));
      } else if (s.name === undefined) outcomes.push(unknown(`${describe(resource)} ${attr}: service account name ${String(s.rawName)} is known only at plan time`, `${attr}.name`));
    }
    return outcomes.length > 0 ? outcomes : pass;
  },
};
