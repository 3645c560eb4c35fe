/**
 * Pod specs of workload resources: where the pod template sits in each workload type, its
 * containers, and each container's effective security context (container settings over pod ones).
 */
import type { ResourceRef } from '../tree';
import { block, blocks, literal, read, stringList } from '../values';
import { CRON_JOB_TYPES, POD_TYPES } from './resource-types';

export interface PodSpecView {
  readonly spec: Record<string, unknown>;
  /** Attribute path of the pod spec, e.g. `spec.template.spec`. */
  readonly path: string;
}

/** Where the pod spec sits in a workload of this type. */
export function podSpecPath(type: string): readonly string[] {
  if (POD_TYPES.includes(type)) return ['spec'];
  if (CRON_JOB_TYPES.includes(type)) return ['spec', 'job_template', 'spec', 'template', 'spec'];
  return ['spec', 'template', 'spec'];
}

/** A workload's pod spec: absent, known only at plan time (a reference on the way), or the spec. */
export function readPodSpec(type: string, body: Readonly<Record<string, unknown>>): { readonly kind: 'absent' } | { readonly kind: 'unresolved' } | { readonly kind: 'value'; readonly pod: PodSpecView } {
  const path = podSpecPath(type);
  const r = read(body, path);
  if (r.kind === 'unresolved') return { kind: 'unresolved' };
  const spec = r.kind === 'value' ? block(r.value) : undefined;
  return spec ? { kind: 'value', pod: { spec, path: path.join('.') } } : { kind: 'absent' };
}

/** The pod spec of a workload resource, when it is a literal block. */
export function podSpecOf(r: Pick<ResourceRef, 'type' | 'body'>): PodSpecView | undefined {
  const p = readPodSpec(r.type, r.body);
  return p.kind === 'value' ? p.pod : undefined;
}

export interface ContainerView {
  readonly container: Record<string, unknown>;
  /** `spec.template.spec.container[0]`. */
  readonly attribute: string;
  /** `container "fluent-bit"` or `init_container "setup"`. */
  readonly label: string;
  readonly key: 'container' | 'init_container';
  readonly index: number;
}

export function containersOf(pod: PodSpecView): ContainerView[] {
  const out: ContainerView[] = [];
  for (const key of ['container', 'init_container'] as const) {
    blocks(pod.spec[key]).forEach((container, index) => {
      const name = literal(container.name) ?? `#${index}`;
      out.push({ container, attribute: `${pod.path}.${key}[${index}]`, label: `${key} "${name}"`, key, index });
    });
  }
  return out;
}

/** Seccomp profile types the Restricted Pod Security profile allows. */
export const RESTRICTED_SECCOMP_TYPES: readonly string[] = ['RuntimeDefault', 'Localhost'];

export interface SecurityContextView {
  /** The container's `security_context` block (empty when unset). */
  readonly own: Record<string, unknown>;
  /** `run_as_non_root` of the container, else of the pod, as written. */
  readonly runAsNonRoot: unknown;
  /** `seccomp_profile.type` of the container, else of the pod, as written. */
  readonly seccompProfileType: unknown;
  readonly privileged: unknown;
  readonly allowPrivilegeEscalation: unknown;
  readonly readOnlyRootFilesystem: unknown;
  /** `capabilities` as written (possibly a reference) and its drop/add lists. */
  readonly capabilities: unknown;
  readonly drop: ReturnType<typeof stringList>;
  readonly add: ReturnType<typeof stringList>;
}

/** A container's effective security context: its own settings, with the pod's where Kubernetes falls back to them. */
export function securityContextOf(pod: PodSpecView, c: ContainerView): SecurityContextView {
  const podSc = block(pod.spec.security_context) ?? {};
  const sc = block(c.container.security_context) ?? {};
  const caps = block(sc.capabilities);
  return {
    own: sc,
    runAsNonRoot: sc.run_as_non_root !== undefined && sc.run_as_non_root !== null ? sc.run_as_non_root : podSc.run_as_non_root,
    seccompProfileType: block(sc.seccomp_profile)?.type ?? block(podSc.seccomp_profile)?.type,
    privileged: sc.privileged,
    allowPrivilegeEscalation: sc.allow_privilege_escalation,
    readOnlyRootFilesystem: sc.read_only_root_filesystem,
    capabilities: sc.capabilities,
    drop: stringList(caps?.drop),
    add: stringList(caps?.add),
  };
}
