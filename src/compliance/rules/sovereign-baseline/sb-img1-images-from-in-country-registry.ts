/** SB-IMG1: workload images are pulled from an in-country registry. */
import { blocks } from '../../../synthesized';
import { fail, isExpression, pass, read, unknown } from '../../attributes';
import { c5, jurisdiction, nist, snc } from '../../controls';
import { judgeEndpoint, resourceResidency } from '../../residency';
import type { Outcome, ResourceRule } from '../../types';

/** Where the pod spec sits in each workload resource. */
const POD_SPEC: Readonly<Record<string, readonly string[]>> = {
  kubernetes_pod_v1: ['spec'],
  kubernetes_pod: ['spec'],
  kubernetes_deployment_v1: ['spec', 'template', 'spec'],
  kubernetes_deployment: ['spec', 'template', 'spec'],
  kubernetes_daemon_set_v1: ['spec', 'template', 'spec'],
  kubernetes_daemonset: ['spec', 'template', 'spec'],
  kubernetes_stateful_set_v1: ['spec', 'template', 'spec'],
  kubernetes_stateful_set: ['spec', 'template', 'spec'],
  kubernetes_replication_controller_v1: ['spec', 'template', 'spec'],
  kubernetes_job_v1: ['spec', 'template', 'spec'],
  kubernetes_job: ['spec', 'template', 'spec'],
  kubernetes_cron_job_v1: ['spec', 'job_template', 'spec', 'template', 'spec'],
  kubernetes_cron_job: ['spec', 'job_template', 'spec', 'template', 'spec'],
};

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
  resourceTypes: Object.keys(POD_SPEC),
  check(resource, ctx) {
    const scope = resourceResidency(ctx);
    if (!('kind' in scope)) return scope;
    const specPath = POD_SPEC[resource.type]!;
    const spec = read(resource.body, specPath);
    if (spec.kind === 'unresolved') return unknown('the pod spec is only known at plan time');
    if (spec.kind !== 'value') return pass();
    const out: Outcome[] = [];
    for (const kind of ['container', 'init_container']) {
      blocks((spec.value as Record<string, unknown>)[kind]).forEach((c, i) => {
        const attribute = `${specPath.join('.')}.${kind}[${i}].image`;
        const image = c['image'];
        if (typeof image !== 'string') {
          out.push(unknown(`${kind}[${i}] has no literal image`, attribute));
          return;
        }
        if (isExpression(image)) {
          out.push(unknown(`${kind}[${i}] image is ${image}, known only at plan time`, attribute));
          return;
        }
        const registry = imageRegistry(image);
        const v = judgeEndpoint(registry, scope.lz);
        if (v.verdict === 'in') out.push(pass());
        else if (v.verdict === 'out') out.push(fail(`${kind}[${i}] image ${image} comes from ${registry}: ${v.why}`, attribute));
        else out.push(unknown(v.why, attribute));
      });
    }
    return out.length ? out : pass();
  },
};
