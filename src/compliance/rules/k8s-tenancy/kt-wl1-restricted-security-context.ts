import { block } from '../../../synthesized';
import type { Outcome, ResourceRule } from '../../types';
import { boolOf, containersOf, fail, literal, notApplicable, pass, podSpecOf, stringList, unknown, workloadLabel, WORKLOAD_TYPES } from './_shared';

const SECCOMP_OK = ['RuntimeDefault', 'Localhost'];

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
    const podSc = block(pod.spec.security_context) ?? {};
    const outcomes: Outcome[] = [];
    for (const c of containersOf(pod)) {
      const sc = block(c.container.security_context) ?? {};
      const problems: string[] = [];
      const unknowns: string[] = [];

      const nonRoot = sc.run_as_non_root !== undefined && sc.run_as_non_root !== null ? boolOf(sc.run_as_non_root) : boolOf(podSc.run_as_non_root);
      if (nonRoot === 'unresolved') unknowns.push('run_as_non_root is a reference');
      else if (nonRoot !== true) problems.push('run_as_non_root is not true (container or pod)');

      const ape = boolOf(sc.allow_privilege_escalation);
      if (ape === 'unresolved') unknowns.push('allow_privilege_escalation is a reference');
      else if (ape !== false) problems.push(`allow_privilege_escalation is ${ape === true ? 'true' : 'not set (defaults to true)'}`);

      const caps = block(sc.capabilities);
      const drop = stringList(caps?.drop);
      const add = stringList(caps?.add);
      if (!drop.items.some((d) => d.toUpperCase() === 'ALL')) {
        if (drop.unresolved) unknowns.push('capabilities.drop is a reference');
        else problems.push('capabilities.drop does not include "ALL"');
      }
      const extra = add.items.filter((a) => a.toUpperCase() !== 'NET_BIND_SERVICE');
      if (extra.length > 0) problems.push(`capabilities.add includes ${extra.map((a) => `"${a}"`).join(', ')}`);
      else if (add.unresolved) unknowns.push('capabilities.add is a reference');

      const seccompRaw = block(sc.seccomp_profile)?.type ?? block(podSc.seccomp_profile)?.type;
      const seccomp = literal(seccompRaw);
      if (seccomp === undefined && seccompRaw !== undefined && seccompRaw !== null) unknowns.push('seccomp_profile.type is a reference');
      else if (seccomp === undefined || !SECCOMP_OK.includes(seccomp)) problems.push(`seccomp_profile.type is ${seccomp === undefined ? 'not set' : `"${seccomp}"`} (container or pod), not RuntimeDefault or Localhost`);

      const subject = `${workloadLabel(resource)}, ${c.label}`;
      if (problems.length > 0) outcomes.push(fail(`${subject}: ${problems.join('; ')}`, `${c.attribute}.security_context`));
      else if (unknowns.length > 0) outcomes.push(unknown(`${subject}: ${unknowns.join('; ')}`, `${c.attribute}.security_context`));
    }
    return outcomes.length > 0 ? outcomes : pass;
  },
};
