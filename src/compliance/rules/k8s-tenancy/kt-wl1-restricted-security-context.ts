import type { Outcome, ResourceRule } from '../../types';
import { fail, notApplicable, pass, unknown, workloadLabel } from './_shared';
import { containersOf, podSpecOf, RESTRICTED_SECCOMP_TYPES, securityContextOf } from '../../../synthesized/kubernetes/pod-spec';
import { WORKLOAD_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { boolOf, literal } from '../../../synthesized/values';

export const rule: ResourceRule = {
  id: 'KT-WL1',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'resource',
  resourceTypes: WORKLOAD_TYPES,
  title: 'Containers run with the Pod Security "restricted" security context',
  rationale:
    'A container that may run as root, gain privileges through setuid binaries, keep Linux capabilities or make any system ' +
    'call turns one bug into a node compromise. The restricted profile requires run_as_non_root, no privilege escalation, all ' +
    'capabilities dropped (NET_BIND_SERVICE may be added back) and a RuntimeDefault or Localhost seccomp profile. Pod-level ' +
    'run_as_non_root and seccomp_profile apply to containers that do not set their own. Every workload\'s pod template is checked, ' +
    'init containers included, platform ones too: the namespace\'s Pod Security label does not check templates.',
  fix:
    'In each container\'s security_context set run_as_non_root = true, allow_privilege_escalation = false, capabilities { drop = ["ALL"] } ' +
    'and seccomp_profile { type = "RuntimeDefault" } (or set run_as_non_root and seccomp_profile once in the pod security_context).',
  controls: [
    { framework: 'PSS', id: 'Restricted' },
    { framework: 'CIS-K8S', id: '5.2.6' },
    { framework: 'CIS-K8S', id: '5.2.7' },
    { framework: 'CIS-K8S', id: '5.2.8' },
    { framework: 'CIS-K8S', id: '5.2.9' },
    { framework: 'CIS-K8S', id: '5.2.10' },
    { framework: 'CIS-K8S', id: '5.7.2' },
    { framework: 'CIS-K8S', id: '5.7.3' },
    { framework: 'NSA-CISA', id: 'Non-root containers' },
    { framework: 'BSI-C5', id: 'PSS-11' },
  ],
  check(resource) {
    const pod = podSpecOf(resource);
    if (!pod) return notApplicable;
    const outcomes: Outcome[] = [];
    for (const c of containersOf(pod)) {
      const sc = securityContextOf(pod, c);
      const problems: string[] = [];
      const unknowns: string[] = [];

      const nonRoot = boolOf(sc.runAsNonRoot);
      if (nonRoot === 'unresolved') unknowns.push('run_as_non_root is a reference');
      else if (nonRoot !== true) problems.push('run_as_non_root is not true (container or pod)');

      const ape = boolOf(sc.allowPrivilegeEscalation);
      if (ape === 'unresolved') unknowns.push('allow_privilege_escalation is a reference');
      else if (ape !== false) problems.push(`allow_privilege_escalation is ${ape === true ? 'true' : 'not set (defaults to true)'}`);

      if (!sc.drop.items.some((d) => d.toUpperCase() === 'ALL')) {
        if (sc.drop.unresolved) unknowns.push('capabilities.drop is a reference');
        else problems.push('capabilities.drop does not include "ALL"');
      }
      const extra = sc.add.items.filter((a) => a.toUpperCase() !== 'NET_BIND_SERVICE');
      if (extra.length > 0) problems.push(`capabilities.add includes ${extra.map((a) => `"${a}"`).join(', ')}`);
      else if (sc.add.unresolved) unknowns.push('capabilities.add is a reference');

      const seccomp = literal(sc.seccompProfileType);
      if (seccomp === undefined && sc.seccompProfileType !== undefined && sc.seccompProfileType !== null) unknowns.push('seccomp_profile.type is a reference');
      else if (seccomp === undefined || !RESTRICTED_SECCOMP_TYPES.includes(seccomp)) problems.push(`seccomp_profile.type is ${seccomp === undefined ? 'not set' : `"${seccomp}"`} (container or pod), not RuntimeDefault or Localhost`);

      const subject = `${workloadLabel(resource)}, ${c.label}`;
      if (problems.length > 0) outcomes.push(fail(`${subject}: ${problems.join('; ')}`, `${c.attribute}.security_context`));
      else if (unknowns.length > 0) outcomes.push(unknown(`${subject}: ${unknowns.join('; ')}`, `${c.attribute}.security_context`));
    }
    return outcomes.length > 0 ? outcomes : pass;
  },
};
