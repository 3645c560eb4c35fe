import { block, blocks } from '../../../synthesized';
import type { Outcome, ResourceRule } from '../../types';
import { fail, logCollectorNamespaceOf, notApplicable, pass, unknown, workloadLabel } from './_shared';
import { containersOf, podSpecOf } from '../../../synthesized/kubernetes/pod-spec';
import { WORKLOAD_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { boolOf, literal } from '../../../synthesized/values';

export const rule: ResourceRule = {
  id: 'KT-WL2',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'resource',
  resourceTypes: WORKLOAD_TYPES,
  title: 'Pods share nothing with the host: no host namespaces, privileged containers, hostPath or hostPort',
  rationale:
    'Host networking, PID or IPC namespaces, privileged containers and hostPath volumes give a pod the node itself: other ' +
    'tenants\' traffic, processes, files and credentials. A hostPort exposes the pod on the node\'s address, around NetworkPolicy ' +
    'and the ingress. Each offending setting is reported on its own, naming the volume, path or container. The one deliberate ' +
    'use, the platform log collector reading /var/log/containers and /var/log/pods, is handled by a rule, not a suppression: ' +
    'workloads in a namespace labelled sovereign.slz.dev/component=log-forwarder (not a tenant\'s) are not applicable here and ' +
    'KT-PLT1 (error) checks them instead, allowing only read-only hostPath mounts under /var/log/ and none of the other host access.',
  fix: 'Remove host_network/host_pid/host_ipc, privileged, host_path volumes and host_port; use emptyDir, ConfigMaps, projected volumes or PVCs instead.',
  controls: [
    { framework: 'PSS', id: 'Baseline' },
    { framework: 'CIS-K8S', id: '5.2.2' },
    { framework: 'CIS-K8S', id: '5.2.3' },
    { framework: 'CIS-K8S', id: '5.2.4' },
    { framework: 'CIS-K8S', id: '5.2.5' },
    { framework: 'CIS-K8S', id: '5.2.12' },
    { framework: 'CIS-K8S', id: '5.2.13' },
    { framework: 'NSA-CISA', id: 'Pod security' },
    { framework: 'BSI-C5', id: 'PSS-11' },
  ],
  check(resource, ctx) {
    const pod = podSpecOf(resource);
    if (!pod) return notApplicable;
    // Deferred to KT-PLT1, which checks every host access of these workloads more narrowly.
    if (logCollectorNamespaceOf(resource, ctx)) return notApplicable;
    const subject = workloadLabel(resource);
    const outcomes: Outcome[] = [];
    for (const key of ['host_network', 'host_pid', 'host_ipc'] as const) {
      const v = boolOf(pod.spec[key]);
      const attr = `${pod.path}.${key}`;
      if (v === true) outcomes.push(fail(`${subject}: ${key} = true shares the node's ${key.slice(5).toUpperCase()} namespace`, attr));
      else if (v === 'unresolved') outcomes.push(unknown(`${subject}: ${key} is known only at plan time`, attr));
    }
    const containers = containersOf(pod);
    for (const c of containers) {
      const priv = boolOf(block(c.container.security_context)?.privileged);
      const attr = `${c.attribute}.security_context.privileged`;
      if (priv === true) outcomes.push(fail(`${subject}: ${c.label} is privileged`, attr));
      else if (priv === 'unresolved') outcomes.push(unknown(`${subject}: ${c.label} privileged is known only at plan time`, attr));
      blocks(c.container.port).forEach((p, i) => {
        if (p.host_port === undefined || p.host_port === null) return;
        const hp = literal(p.host_port);
        const pattr = `${c.attribute}.port[${i}].host_port`;
        if (hp === undefined) outcomes.push(unknown(`${subject}: ${c.label} port[${i}].host_port is known only at plan time`, pattr));
        else if (hp !== '0') outcomes.push(fail(`${subject}: ${c.label} binds host_port ${hp} on the node`, pattr));
      });
    }
    blocks(pod.spec.volume).forEach((v, i) => {
      const hp = block(v.host_path);
      if (!hp) return;
      const name = literal(v.name) ?? `#${i}`;
      const path = literal(hp.path) ?? String(hp.path);
      // How the volume is mounted: read-only everywhere, or written by some container.
      const writers: string[] = [];
      let mounted = false;
      for (const c of containers) {
        for (const m of blocks(c.container.volume_mount)) {
          if (literal(m.name) !== name) continue;
          mounted = true;
          if (boolOf(m.read_only) !== true) writers.push(c.label);
        }
      }
      const access = !mounted ? 'not mounted by any container' : writers.length === 0 ? 'mounted read-only' : `mounted read-write by ${writers.join(', ')}`;
      outcomes.push(fail(`${subject}: volume "${name}" is a host_path of the node's ${path} (${access})`, `${pod.path}.volume[${i}].host_path`));
    });
    return outcomes.length > 0 ? outcomes : pass;
  },
};
