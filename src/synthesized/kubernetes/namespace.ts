/**
 * Namespaces and object metadata: the labels the library puts on what it creates (the constructs
 * write them, analysis reads them), Pod Security levels, reserved names, and where a namespaced
 * object says it lives.
 */
import { referencedResource, resourceAt } from '../references';
import type { ResourceRef, SynthStack } from '../tree';
import { block, literal, stringMap } from '../values';
import { clusterOf } from './cluster';
import { DEFAULT_SA_TYPES, MANIFEST_TYPE, NAMESPACE_TYPES } from './resource-types';

export const LABEL_PREFIX = 'sovereign.slz.dev';
/** What TenantNamespace puts on its namespace and what the ResidencyGuard binding selects. */
export const TENANT_LABEL = `${LABEL_PREFIX}/tenant`;
export const COMPONENT_LABEL = `${LABEL_PREFIX}/component`;
/** The `sovereign.slz.dev/component` value the LogForwarder construct sets on its namespace and objects. */
export const LOG_COLLECTOR_COMPONENT = 'log-forwarder';

/** Namespaces that belong to the cluster; a construct owning one would take it over. */
export const RESERVED_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export function isReservedNamespace(name: string): boolean {
  return RESERVED_NAMESPACES.includes(name) || name.startsWith('kube-');
}

// ---------------------------------------------------------------------------------------------
// Pod Security admission.

export const POD_SECURITY_PREFIX = 'pod-security.kubernetes.io';
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';
export type PodSecurityMode = 'enforce' | 'audit' | 'warn';

/** The label of a Pod Security mode (`pod-security.kubernetes.io/enforce`) or its `-version` pin. */
export function podSecurityLabel(mode: PodSecurityMode | `${PodSecurityMode}-version`): string {
  return `${POD_SECURITY_PREFIX}/${mode}`;
}

const LEVEL_RANK: Readonly<Record<string, number>> = { privileged: 0, baseline: 1, restricted: 2 };

/** How strict a level is (privileged 0, baseline 1, restricted 2); an unknown level counts as privileged. */
export function podSecurityRank(level: string): number {
  return LEVEL_RANK[level] ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Metadata.

export function metadataOf(body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return block(body.metadata) ?? {};
}

/** `metadata` of a typed resource, `manifest.metadata` of a kubernetes_manifest. */
export function objectMetadataOf(type: string, body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return type === MANIFEST_TYPE ? (block(block(body.manifest)?.metadata) ?? {}) : metadataOf(body);
}

const NAME_ATTRIBUTES = new Set(['metadata.name', 'metadata[0].name', 'metadata.0.name', 'id', 'manifest.metadata.name', 'object.metadata.name']);

/** The resource a whole-value reference to its name (`${TYPE.NAME.metadata[0].name}`, `.id`) points to, with that attribute. */
export function referencedObject(stack: SynthStack, value: unknown): { readonly target: ResourceRef; readonly attribute: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const ref = referencedResource(stack, value);
  if (!ref || !NAME_ATTRIBUTES.has(ref.attribute)) return undefined;
  const target = resourceAt(stack, ref.type, ref.name);
  return target ? { target, attribute: ref.attribute } : undefined;
}

/**
 * The literal value of a `metadata.name`-like attribute: a literal string, or a reference to a
 * resource of the same stack whose name is a literal (a default service account is always
 * `default`). Undefined when it cannot be told.
 */
export function resolveName(stack: SynthStack, value: unknown): string | undefined {
  const lit = literal(value);
  if (lit !== undefined) return lit;
  const ref = referencedObject(stack, value);
  if (!ref) return undefined;
  if (DEFAULT_SA_TYPES.includes(ref.target.type)) return 'default';
  if (ref.attribute === 'id' && !NAMESPACE_TYPES.includes(ref.target.type)) return undefined;
  return literal(objectMetadataOf(ref.target.type, ref.target.body).name);
}

// ---------------------------------------------------------------------------------------------
// Namespaces.

export interface NamespaceInfo {
  readonly ref: ResourceRef;
  /** Literal `metadata.name`; undefined when it is a reference. */
  readonly name: string | undefined;
  /** `namespace "records"` or the address, for messages. */
  readonly label: string;
  /** Literal labels; undefined when the labels map is a reference. */
  readonly labels: Readonly<Record<string, unknown>> | undefined;
  /** Carries `sovereign.slz.dev/tenant` (TenantNamespace). */
  readonly tenant: boolean;
  /** The cluster it is applied to (see cluster.ts); undefined when a reference decides it. */
  readonly cluster: string | undefined;
}

export function namespaceInfo(ref: ResourceRef): NamespaceInfo {
  const meta = metadataOf(ref.body);
  const name = literal(meta.name);
  const labelMap = stringMap(meta.labels);
  const labels = labelMap === 'unresolved' ? undefined : (labelMap ?? {});
  const tenant = labels !== undefined && labels[TENANT_LABEL] !== undefined && labels[TENANT_LABEL] !== null && labels[TENANT_LABEL] !== '';
  return { ref, name, label: name === undefined ? `namespace ${ref.address}` : `namespace "${name}"`, labels, tenant, cluster: clusterOf(ref.stack, ref.body) };
}

/** Where a namespaced resource says it lives. */
export type NamespaceTarget =
  | { readonly kind: 'ref'; readonly address: string; readonly name: string | undefined }
  | { readonly kind: 'name'; readonly name: string; readonly implicit: boolean }
  | { readonly kind: 'unresolved'; readonly expr: string };

/** `metadata.namespace` of a resource (of `manifest.metadata` for kubernetes_manifest). Unset means `default`. */
export function namespaceTarget(r: ResourceRef): NamespaceTarget {
  const value = objectMetadataOf(r.type, r.body).namespace;
  if (value === undefined || value === null || value === '') return { kind: 'name', name: 'default', implicit: true };
  const lit = literal(value);
  if (lit !== undefined) return { kind: 'name', name: lit, implicit: false };
  const ref = referencedObject(r.stack, value);
  if (ref && NAMESPACE_TYPES.includes(ref.target.type)) {
    return { kind: 'ref', address: ref.target.address, name: literal(metadataOf(ref.target.body).name) };
  }
  return { kind: 'unresolved', expr: String(value) };
}

/** The namespace name a resource lives in, when it can be told. */
export function namespaceNameOf(r: ResourceRef): string | undefined {
  const t = namespaceTarget(r);
  return t.kind === 'unresolved' ? undefined : (t.name ?? undefined);
}
