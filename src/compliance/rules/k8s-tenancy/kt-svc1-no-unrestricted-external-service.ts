import { block } from '../../../synthesized';
import type { ResourceRule } from '../../types';
import { fail, pass, unknown, workloadLabel } from './_shared';
import { SERVICE_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { literal, stringList } from '../../../synthesized/values';

export const rule: ResourceRule = {
  id: 'KT-SVC1',
  pack: 'k8s-tenancy',
  level: 'warning',
  scope: 'resource',
  resourceTypes: SERVICE_TYPES,
  title: 'No LoadBalancer without source ranges, no NodePort',
  rationale:
    'A LoadBalancer Service without load_balancer_source_ranges is reachable from anywhere the load balancer is, usually the ' +
    'Internet; a NodePort opens a port on every node\'s address, which source ranges cannot restrict. Both bypass the platform ' +
    'ingress and should be a reviewed exemption.',
  fix: 'Use a ClusterIP Service behind the platform ingress; if a LoadBalancer is unavoidable, set spec.load_balancer_source_ranges to in-country CIDRs.',
  controls: [{ framework: 'NIST-800-53', id: 'SC-7' }],
  check(resource) {
    const spec = block(resource.body.spec) ?? {};
    const raw = spec.type;
    if (raw === undefined || raw === null) return pass;
    const type = literal(raw);
    const subject = workloadLabel(resource);
    if (type === undefined) return unknown(`${subject}: spec.type is known only at plan time`, 'spec.type');
    if (type === 'NodePort') return fail(`${subject} is a NodePort Service: it opens a port on every node`, 'spec.type');
    if (type !== 'LoadBalancer') return pass;
    const ranges = stringList(spec.load_balancer_source_ranges);
    if (ranges.items.length > 0) return pass;
    if (ranges.unresolved) return unknown(`${subject}: spec.load_balancer_source_ranges is known only at plan time`, 'spec.load_balancer_source_ranges');
    return fail(`${subject} is a LoadBalancer Service without load_balancer_source_ranges: reachable from any address`, 'spec.load_balancer_source_ranges');
  },
};
