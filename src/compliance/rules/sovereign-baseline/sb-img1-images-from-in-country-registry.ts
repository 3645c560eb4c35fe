/** SB-IMG1: workload images are pulled from an in-country registry. */
import { fail, pass, unknown } from '../../attributes';
import { c5, jurisdiction, nist, snc } from '../../controls';
import { judgeEndpoint, resourceResidency } from '../../residency';
import type { Outcome, ResourceRule } from '../../types';
import { containersOf, readPodSpec } from '../../../synthesized/kubernetes/pod-spec';
import { isExpression } from '../../../synthesized/values';

/** The workload types whose images are judged (their pod specs are read by src/synthesized/kubernetes/pod-spec.ts). */
const WORKLOADS: readonly string[] = [
  'kubernetes_pod_v1',
  'kubernetes_pod',
  'kubernetes_deployment_v1',
  'kubernetes_deployment',
  'kubernetes_daemon_set_v1',
  'kubernetes_daemonset',
  'kubernetes_stateful_set_v1',
  'kubernetes_stateful_set',
  'kubernetes_replication_controller_v1',
  'kubernetes_job_v1',
  'kubernetes_job',
  'kubernetes_cron_job_v1',
  'kubernetes_cron_job',
];

/** Registry host of an image reference: `registry.example/x/y:tag` → `registry.example`; `nginx` → `docker.io`. */
export function imageRegistry(image: string): string {
  const first = image.split('/')[0]!;
  if (image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return first;
  return 'docker.io';
}

export const rule: ResourceRule = {
  id: 'SB-IMG1',
  pack: 'sovereign-baseline',
  scope: 'resource',
  level: 'error',
  title: 'Container images come from an in-country registry',
  rationale:
    "An image pulled from a registry abroad makes the tenancy depend on a foreign operator at every restart, and lets code nobody in the country reviewed run next to classified data. At or above the residency threshold images must come from the region's in-country registry (the admission policy enforces the same at run time).",
  fix: 'Mirror the image into the in-country registry (regions[].kubernetes.imageRegistry) and reference it there; the registry host must be under network.endpointDomains or inside network.inCountryCidrs.',
  controls: [c5('PSS-11'), snc('19.2.d'), nist('CM-7(5)'), nist('SA-9(5)'), jurisdiction('residency')],
  resourceTypes: WORKLOADS,
  check(resource, ctx) {
    const scope = resourceResidency(ctx);
    if (!('kind' in scope)) return scope;
    const spec = readPodSpec(resource.type, resource.body);
    if (spec.kind === 'unresolved') return unknown('the pod spec is only known at plan time');
    if (spec.kind !== 'value') return pass();
    const out: Outcome[] = [];
    for (const c of containersOf(spec.pod)) {
      const attribute = `${c.attribute}.image`;
      const image = c.container['image'];
      if (typeof image !== 'string') {
        out.push(unknown(`${c.key}[${c.index}] has no literal image`, attribute));
        continue;
      }
      if (isExpression(image)) {
        out.push(unknown(`${c.key}[${c.index}] image is ${image}, known only at plan time`, attribute));
        continue;
      }
      const registry = imageRegistry(image);
      const v = judgeEndpoint(registry, scope.lz);
      if (v.verdict === 'in') out.push(pass());
      else if (v.verdict === 'out') out.push(fail(`${c.key}[${c.index}] image ${image} comes from ${registry}: ${v.why}`, attribute));
      else out.push(unknown(v.why, attribute));
    }
    return out.length ? out : pass();
  },
};
