import type { Outcome, ResourceRule } from '../../types';
import { describe, fail, pass, subjectsOf, unknown } from './_shared';
import { BINDING_TYPES } from '../../../synthesized/kubernetes/resource-types';

export const rule: ResourceRule = {
  id: 'KT-RB7',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'resource',
  resourceTypes: BINDING_TYPES,
  title: 'No binding to the system:masters group',
  rationale:
    'Members of system:masters bypass RBAC and every authorization webhook entirely, and the membership lives in client ' +
    'certificates that cannot be revoked. Any binding naming the group hints that someone means to hand out its power.',
  fix: 'Bind roles to identity-provider groups with the least permissions needed; never use system:masters.',
  controls: [
    { framework: 'CIS-K8S', id: '5.1.7' },
    { framework: 'NIST-800-53', id: 'AC-6' },
  ],
  check(resource) {
    const outcomes: Outcome[] = [];
    for (const s of subjectsOf(resource)) {
      const attr = `subject[${s.index}]`;
      if (s.kind === undefined) {
        outcomes.push(unknown(`${describe(resource)} ${attr}: kind is a reference`, attr));
        continue;
      }
      if (s.kind !== 'Group') continue;
      if (s.name === 'system:masters') outcomes.push(fail(`${describe(resource)} ${attr} binds the group "system:masters"`, `${attr}.name`));
      else if (s.name === undefined) outcomes.push(unknown(`${describe(resource)} ${attr}: group name ${String(s.rawName)} is known only at plan time`, `${attr}.name`));
    }
    return outcomes.length > 0 ? outcomes : pass;
  },
};
