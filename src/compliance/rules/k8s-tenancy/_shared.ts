/**
 * What the k8s-tenancy rules share beyond the meaning of the resources (src/synthesized/kubernetes):
 * outcomes, naming resources in messages, which resources live in a namespace across the checked
 * stacks (indexed once per run), the platform log collector's exception, and judging RBAC rules.
 */
import { constructPathOf, type ResourceRef, type SynthStack } from '../../../synthesized';
import { admissionObject, type AdmissionObject } from '../../../synthesized/kubernetes/admission';
import { clusterOf, sameCluster } from '../../../synthesized/kubernetes/cluster';
import {
  COMPONENT_LABEL,
  LOG_COLLECTOR_COMPONENT,
  metadataOf,
  namespaceInfo,
  namespaceNameOf,
  namespaceTarget,
  RESERVED_NAMESPACES,
  resolveName,
  TENANT_LABEL,
  type NamespaceInfo,
} from '../../../synthesized/kubernetes/namespace';
import { isAggregated, rbacRules, subjectBlocks, type RbacRule } from '../../../synthesized/kubernetes/rbac';
import { MANIFEST_TYPE, NAMESPACE_TYPES, TYPED_VAP_TYPE } from '../../../synthesized/kubernetes/resource-types';
import { literal } from '../../../synthesized/values';
import { memo } from '../../memo';
import type { Outcome, RuleContext } from '../../types';

// ---------------------------------------------------------------------------------------------
// Outcomes.

export const pass: Outcome = { status: 'pass' };
export const notApplicable: Outcome = { status: 'not-applicable' };
export function fail(message: string, attribute?: string): Outcome {
  return attribute === undefined ? { status: 'fail', message } : { status: 'fail', message, attribute };
}
export function unknown(message: string, attribute?: string): Outcome {
  return attribute === undefined ? { status: 'unknown', message } : { status: 'unknown', message, attribute };
}

/** `kubernetes_role_v1 "slz-tenant-admin"`, or the address when the name is not a literal. */
export function describe(r: ResourceRef): string {
  const name = literal(metadataOf(r.body).name);
  return name === undefined ? r.address : `${r.type} "${name}"`;
}

export function quote(list: readonly string[]): string {
  return list.map((s) => `"${s}"`).join(', ');
}

// ---------------------------------------------------------------------------------------------
// Namespaces.

export function namespacesOf(stack: SynthStack): NamespaceInfo[] {
  return ofTypes(stack, NAMESPACE_TYPES).map(namespaceInfo);
}

/** Every stack the rule may look at: the context's stacks plus the one being checked. */
export function allStacks(ctx: RuleContext, stack: SynthStack): readonly SynthStack[] {
  return ctx.stacks.some((s) => s.name === stack.name) ? ctx.stacks : [stack, ...ctx.stacks];
}

/**
 * Resources of some types in one stack, read straight from the type tables (no scan of the
 * whole stack, and no cache: a caller may change the JSON between calls).
 */
export function ofTypes(stack: SynthStack, types: readonly string[]): ResourceRef[] {
  const out: ResourceRef[] = [];
  for (const type of new Set(types)) {
    for (const [name, body] of Object.entries(stack.json.resource?.[type] ?? {})) {
      const address = `${type}.${name}`;
      out.push({ stack, type, name, address, constructPath: constructPathOf(body) ?? `${stack.name}/${address}`, body });
    }
  }
  return out;
}

/**
 * Resources of the given types in a namespace: `sure` when their namespace is the namespace
 * (by reference in the same stack, or by name in a stack applied to the same cluster), `maybe`
 * when it cannot be told (an unresolved namespace expression in the same stack, an unknown
 * cluster, or a namespace whose own name is a reference).
 */
export function resourcesInNamespace(ns: NamespaceInfo, types: readonly string[], ctx: RuleContext): { sure: ResourceRef[]; maybe: ResourceRef[] } {
  const sure: ResourceRef[] = [];
  const maybe: ResourceRef[] = [];
  const own = ns.ref.stack;
  for (const r of ofTypes(own, types)) {
    const t = namespaceTarget(r);
    if (t.kind === 'ref') {
      if (t.address === ns.ref.address) sure.push(r);
    } else if (t.kind === 'name') {
      if (ns.name === undefined) maybe.push(r);
      else if (t.name === ns.name) sure.push(r);
    } else {
      maybe.push(r);
    }
  }
  if (ns.name !== undefined) {
    for (const r of explicitlyNamespaced(ctx, types).get(ns.name) ?? []) {
      if (r.stack.name === own.name) continue;
      const rel = sameCluster(ns.cluster, clusterOf(r.stack, r.body));
      if (rel === 'same') sure.push(r);
      else if (rel === 'unknown') maybe.push(r);
    }
  }
  return { sure, maybe };
}

/** Resources of the types across all stacks whose namespace is written as a literal name, by that name (in stack order). */
function explicitlyNamespaced(ctx: RuleContext, types: readonly string[]): Map<string, ResourceRef[]> {
  return memo(ctx, `k8s:named:${[...new Set(types)].sort().join(',')}`, () => {
    const index = new Map<string, ResourceRef[]>();
    for (const stack of ctx.stacks) {
      for (const r of ofTypes(stack, types)) {
        const t = namespaceTarget(r);
        if (t.kind !== 'name' || t.implicit) continue;
        const list = index.get(t.name);
        if (list) list.push(r);
        else index.set(t.name, [r]);
      }
    }
    return index;
  });
}

/** Namespaces of every stack the rule may look at; memoized when that is exactly the run's stacks. */
function allNamespaces(ctx: RuleContext, stack: SynthStack): NamespaceInfo[] {
  const stacks = allStacks(ctx, stack);
  return stacks === ctx.stacks ? memo(ctx, 'k8s:namespaces', () => ctx.stacks.flatMap(namespacesOf)) : stacks.flatMap(namespacesOf);
}

/** A declared namespace with this literal name, in the given stack or a stack of the same cluster. */
export function namespaceNamed(name: string, cluster: string | undefined, stack: SynthStack, ctx: RuleContext): NamespaceInfo | undefined {
  for (const ns of allNamespaces(ctx, stack)) {
    if (ns.name !== name) continue;
    if (ns.ref.stack.name === stack.name || sameCluster(cluster, ns.cluster) === 'same') return ns;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The platform log collector: the one namespace whose pods may read node log files through
// hostPath. KT-NS2 and KT-WL2 defer to KT-PLT1 for it; KT-PLT1 checks what compensates.

/** Whether a namespace claims to be the platform log collector, and why a claim is refused. */
export interface LogCollectorClaim {
  /** Carries the literal label `sovereign.slz.dev/component: log-forwarder`. */
  readonly claimed: boolean;
  /** Set when the claim is not honoured (a tenant namespace, a reserved namespace). */
  readonly refused?: string;
}

export function logCollectorClaim(ns: NamespaceInfo): LogCollectorClaim {
  // A reference, or labels that are a reference, never make a claim: the exception needs a literal declaration.
  if (ns.labels === undefined || literal(ns.labels[COMPONENT_LABEL]) !== LOG_COLLECTOR_COMPONENT) return { claimed: false };
  // Any tenant label, whatever its value (empty or a reference included): a tenant never becomes platform.
  const tenant = ns.labels[TENANT_LABEL];
  if (tenant !== undefined && tenant !== null) return { claimed: true, refused: `it is a tenant namespace (${TENANT_LABEL} is set), and a tenant cannot declare itself platform` };
  if (ns.name !== undefined && RESERVED_NAMESPACES.includes(ns.name)) return { claimed: true, refused: 'it is a reserved system namespace; the collector needs a namespace of its own' };
  return { claimed: true };
}

/** A namespace whose claim to be the platform log collector is honoured. */
export function isLogCollector(ns: NamespaceInfo): boolean {
  const claim = logCollectorClaim(ns);
  return claim.claimed && claim.refused === undefined;
}

/**
 * The log-collector namespace a workload surely lives in, judged exactly as KT-PLT1 finds the
 * workloads it checks (resourcesInNamespace `sure`). Undefined when there is none, when its
 * namespace is unresolved, or when a namespace that is not a collector may also hold it (two
 * declarations of one name on a cluster): then no exception is granted.
 */
export function logCollectorNamespaceOf(r: ResourceRef, ctx: RuleContext): NamespaceInfo | undefined {
  const namespaces = allNamespaces(ctx, r.stack);
  const collectors = namespaces.filter(isLogCollector);
  if (collectors.length === 0) return undefined;
  const isR = (x: ResourceRef) => x.stack.name === r.stack.name && x.address === r.address;
  const home = collectors.find((ns) => resourcesInNamespace(ns, [r.type], ctx).sure.some(isR));
  if (!home) return undefined;
  for (const ns of namespaces) {
    if (isLogCollector(ns)) continue;
    const { sure, maybe } = resourcesInNamespace(ns, [r.type], ctx);
    if (sure.some(isR) || maybe.some(isR)) return undefined;
  }
  return home;
}

// ---------------------------------------------------------------------------------------------
// RBAC.

export interface Subject {
  readonly index: number;
  readonly kind: string | undefined;
  /** Literal or resolved name; undefined when it cannot be told. */
  readonly name: string | undefined;
  readonly rawName: unknown;
  readonly namespace: unknown;
}

/** The subjects of a binding that are blocks, with their names resolved through references of the same stack. */
export function subjectsOf(r: ResourceRef): Subject[] {
  return subjectBlocks(r.body)
    .filter((s) => !s.unresolved)
    .map((s) => ({ index: s.index, kind: literal(s.kind), name: resolveName(r.stack, s.name), rawName: s.name, namespace: s.namespace }));
}

// ---------------------------------------------------------------------------------------------
// Messages and RBAC judgements.

/** `kubernetes_daemon_set_v1 "slz-log-forwarder"` plus its namespace when known. */
export function workloadLabel(r: ResourceRef): string {
  const ns = namespaceNameOf(r);
  return ns === undefined ? describe(r) : `${describe(r)} in namespace "${ns}"`;
}

/** Combines verdicts: any fail wins, then unknown, else pass. */
export function combine(problems: readonly string[], unknowns: readonly string[], subject: string, attribute?: string): Outcome {
  if (problems.length > 0) return fail(`${subject}: ${problems.join('; ')}`, attribute);
  if (unknowns.length > 0) return unknown(`${subject}: ${unknowns.join('; ')}`, attribute);
  return pass;
}

/**
 * Runs a judgement over every rule block of a Role/ClusterRole: one `fail` per offending block
 * (attribute `rule[i]`), `unknown` for blocks with references that were not shown to offend,
 * `pass` when none. Aggregated ClusterRoles get their rules at run time: `unknown`.
 */
export function checkRbacRules(resource: ResourceRef, judge: (rule: RbacRule) => string | undefined, what: string): Outcome | Outcome[] {
  const subject = describe(resource);
  if (isAggregated(resource.body)) return unknown(`${subject} aggregates its rules from other ClusterRoles at run time (aggregation_rule), so ${what} cannot be checked`, 'aggregation_rule');
  const outcomes: Outcome[] = [];
  for (const rule of rbacRules(resource.body)) {
    const problem = judge(rule);
    if (problem !== undefined) outcomes.push(fail(`${subject} ${rule.attribute} ${problem}`, rule.attribute));
    else if (rule.unresolved) outcomes.push(unknown(`${subject} ${rule.attribute}: api_groups, resources or verbs hold references, so ${what} cannot be checked`, rule.attribute));
  }
  return outcomes.length > 0 ? outcomes : pass;
}

// ---------------------------------------------------------------------------------------------
// Admission objects across the checked stacks.

/** Every admission policy and binding of the tree. */
export function admissionObjects(ctx: RuleContext, stack: SynthStack): { policies: AdmissionObject[]; bindings: AdmissionObject[]; unresolved: ResourceRef[] } {
  return allStacks(ctx, stack) === ctx.stacks ? memo(ctx, 'k8s:admission', () => collectAdmissionObjects(ctx, stack)) : collectAdmissionObjects(ctx, stack);
}

function collectAdmissionObjects(ctx: RuleContext, stack: SynthStack): { policies: AdmissionObject[]; bindings: AdmissionObject[]; unresolved: ResourceRef[] } {
  const policies: AdmissionObject[] = [];
  const bindings: AdmissionObject[] = [];
  const unresolved: ResourceRef[] = [];
  for (const s of allStacks(ctx, stack)) {
    for (const r of ofTypes(s, [MANIFEST_TYPE, TYPED_VAP_TYPE])) {
      const a = admissionObject(r);
      if (a === 'unresolved') unresolved.push(r);
      else if (a?.kind === 'ValidatingAdmissionPolicy') policies.push(a);
      else if (a) bindings.push(a);
    }
  }
  return { policies, bindings, unresolved };
}
