/**
 * Admission control: ValidatingAdmissionPolicy and its binding (with provider 2.38 both are
 * kubernetes_manifest, camelCase keys verbatim; provider 3.x adds a typed policy resource, snake
 * case, and no typed binding), and which resources are admission control at all.
 */
import type { ResourceRef } from '../tree';
import { block, isUnresolved, literal } from '../values';
import { clusterOf } from './cluster';
import { metadataOf } from './namespace';
import { MANIFEST_TYPE, TYPED_VAP_TYPE } from './resource-types';

/** Typed resources that are admission control (policies, bindings, validating webhooks). */
export const ADMISSION_RESOURCE_TYPES: readonly string[] = [
  TYPED_VAP_TYPE,
  'kubernetes_validating_admission_policy_binding_v1',
  'kubernetes_validating_webhook_configuration',
  'kubernetes_validating_webhook_configuration_v1',
];

/** Manifest kinds that are admission control. */
export const ADMISSION_KINDS: readonly string[] = ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'ValidatingWebhookConfiguration'];

/** The `kind` of a kubernetes_manifest body, when it is a literal. */
export function manifestKind(body: unknown): string | undefined {
  return literal(block(block(body)?.manifest)?.kind);
}

/** Whether a resource (any body shape) is admission control: a typed admission type, or a manifest of an admission kind. */
export function isAdmissionControl(type: string, body: unknown): boolean {
  if (ADMISSION_RESOURCE_TYPES.includes(type)) return true;
  if (type !== MANIFEST_TYPE) return false;
  const kind = manifestKind(body);
  return kind !== undefined && ADMISSION_KINDS.includes(kind);
}

export type AdmissionKind = 'ValidatingAdmissionPolicy' | 'ValidatingAdmissionPolicyBinding';

export interface AdmissionObject {
  readonly ref: ResourceRef;
  readonly kind: AdmissionKind;
  /** Literal name (or resolved reference). */
  readonly name: string | undefined;
  readonly spec: Record<string, unknown>;
  readonly cluster: string | undefined;
}

/** The admission policy or binding a resource declares, `unresolved` when its kind is a reference, undefined for anything else. */
export function admissionObject(r: ResourceRef): AdmissionObject | 'unresolved' | undefined {
  if (r.type === TYPED_VAP_TYPE) {
    return { ref: r, kind: 'ValidatingAdmissionPolicy', name: literal(metadataOf(r.body).name), spec: block(r.body.spec) ?? {}, cluster: clusterOf(r.stack, r.body) };
  }
  if (r.type !== MANIFEST_TYPE) return undefined;
  const manifest = block(r.body.manifest);
  if (!manifest) return isUnresolved(r.body.manifest) ? 'unresolved' : undefined;
  const apiVersion = manifest.apiVersion;
  const kind = manifest.kind;
  if (isUnresolved(kind) || isUnresolved(apiVersion)) return 'unresolved';
  if (typeof apiVersion !== 'string' || !apiVersion.startsWith('admissionregistration.k8s.io/')) return undefined;
  if (kind !== 'ValidatingAdmissionPolicy' && kind !== 'ValidatingAdmissionPolicyBinding') return undefined;
  return { ref: r, kind, name: literal(block(manifest.metadata)?.name), spec: block(manifest.spec) ?? {}, cluster: clusterOf(r.stack, r.body) };
}
