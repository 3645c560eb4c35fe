import { block } from '../../../synthesized';
import type { Outcome, ResourceRule } from '../../types';
import { fail, notApplicable, pass, unknown, workloadLabel } from './_shared';
import { containersOf, podSpecOf } from '../../../synthesized/kubernetes/pod-spec';
import { WORKLOAD_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { boolOf, literal } from '../../../synthesized/values';

const DIGEST = /@sha256:[0-9a-f]{64}$/;

export const rule: ResourceRule = {
  id: 'KT-WL3',
  pack: 'k8s-tenancy',
  level: 'warning',
  scope: 'resource',
  resourceTypes: WORKLOAD_TYPES,
  title: 'Containers have a read-only root filesystem and images pinned by digest',
  rationale:
    'A writable root filesystem lets an attacker who got code execution persist tools and change binaries; a read-only one plus ' +
    'explicit volumes for what must be written limits that. A tag can be moved to a different image after review; a sha256 ' +
    'digest names exactly the image that was reviewed and scanned.',
  fix: 'Set security_context.read_only_root_filesystem = true in each container and reference images as registry/repo:tag@sha256:<digest>.',
  controls: [
    { framework: 'NSA-CISA', id: 'Immutable container file systems' },
    { framework: 'NIST-800-53', id: 'SI-7' },
  ],
  check(resource) {
    const pod = podSpecOf(resource);
    if (!pod) return notApplicable;
    const outcomes: Outcome[] = [];
    for (const c of containersOf(pod)) {
      const problems: string[] = [];
      const unknowns: string[] = [];
      const ro = boolOf(block(c.container.security_context)?.read_only_root_filesystem);
      if (ro === 'unresolved') unknowns.push('read_only_root_filesystem is a reference');
      else if (ro !== true) problems.push('read_only_root_filesystem is not true');
      const image = literal(c.container.image);
      if (image === undefined) unknowns.push(`image ${String(c.container.image)} is known only at plan time`);
      else if (!DIGEST.test(image)) problems.push(`image "${image}" is not pinned by digest (@sha256:…)`);
      const subject = `${workloadLabel(resource)}, ${c.label}`;
      if (problems.length > 0) outcomes.push(fail(`${subject}: ${problems.join('; ')}`, c.attribute));
      else if (unknowns.length > 0) outcomes.push(unknown(`${subject}: ${unknowns.join('; ')}`, c.attribute));
    }
    return outcomes.length > 0 ? outcomes : pass;
  },
};
