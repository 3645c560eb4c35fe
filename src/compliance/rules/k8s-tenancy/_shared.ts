/**
 * Helpers shared by the k8s-tenancy rules: resource types, labels, namespaces (and which
 * resources live in which namespace), clusters, label selectors, default-deny network policy,
 * the platform log collector, RBAC rules and pod templates.
 *
 * Everything reads synthesized Terraform JSON (cdk.tf.json or plan JSON): single nested blocks
 * may be objects or one-element lists, references are `${…}` strings. A value that is a
 * reference this module cannot follow is reported as unresolved, so rules can say `unknown`.
 */
import { block, blocks, constructPathOf, isUnresolved, type ResourceRef, type SynthStack } from '../../../synthesized';
import { memo } from '../../memo';
import type { Outcome, RuleContext } from '../../types';

// ---------------------------------------------------------------------------------------------
// Resource types (the `_v1` names of provider 2.x, plus the older unversioned names with the
// same schema, so trees written against either are checked).

export const NAMESPACE_TYPES: readonly string[] = ['kubernetes_namespace_v1', 'kubernetes_namespace'];
export const NETWORK_POLICY_TYPES: readonly string[] = ['kubernetes_network_policy_v1', 'kubernetes_network_policy'];
export const RESOURCE_QUOTA_TYPES: readonly string[] = ['kubernetes_resource_quota_v1', 'kubernetes_resource_quota'];
export const LIMIT_RANGE_TYPES: readonly string[] = ['kubernetes_limit_range_v1', 'kubernetes_limit_range'];
export const DEFAULT_SA_TYPES: readonly string[] = ['kubernetes_default_service_account_v1', 'kubernetes_default_service_account'];
export const SERVICE_ACCOUNT_TYPES: readonly string[] = ['kubernetes_service_account_v1', 'kubernetes_service_account'];
export const ROLE_TYPES: readonly string[] = ['kubernetes_role_v1', 'kubernetes_role', 'kubernetes_cluster_role_v1', 'kubernetes_cluster_role'];
export const ROLE_BINDING_TYPES: readonly string[] = ['kubernetes_role_binding_v1', 'kubernetes_role_binding'];
export const CLUSTER_ROLE_BINDING_TYPES: readonly string[] = ['kubernetes_cluster_role_binding_v1', 'kubernetes_cluster_role_binding'];
export const BINDING_TYPES: readonly string[] = [...ROLE_BINDING_TYPES, ...CLUSTER_ROLE_BINDING_TYPES];
export const SECRET_TYPES: readonly string[] = ['kubernetes_secret_v1', 'kubernetes_secret'];
export const SERVICE_TYPES: readonly string[] = ['kubernetes_service_v1', 'kubernetes_service'];
export const MANIFEST_TYPE = 'kubernetes_manifest';
/** The typed ValidatingAdmissionPolicy of provider 3.x (there is no typed binding). */
export const TYPED_VAP_TYPE = 'kubernetes_validating_admission_policy_v1';

/** Workloads whose pod template is at `spec.template.spec`. */
const TEMPLATE_WORKLOADS = [
  'kubernetes_deployment_v1',
  'kubernetes_deployment',
  'kubernetes_stateful_set_v1',
  'kubernetes_stateful_set',
  'kubernetes_daemon_set_v1',
  'kubernetes_daemonset',
  'kubernetes_job_v1',
  'kubernetes_job',
  'kubernetes_replication_controller_v1',
  'kubernetes_replication_controller',
];
/** Pods: the pod spec is `spec`. */
const POD_TYPES = ['kubernetes_pod_v1', 'kubernetes_pod'];
/** CronJobs: the pod spec is `spec.job_template.spec.template.spec`. */
const CRON_TYPES = ['kubernetes_cron_job_v1', 'kubernetes_cron_job'];
export const WORKLOAD_TYPES: readonly string[] = [...POD_TYPES, ...TEMPLATE_WORKLOADS, ...CRON_TYPES];

/** Namespaced object types (a namespaced object without `metadata.namespace` lands in `default`). */
export const NAMESPACED_TYPES: readonly string[] = [
  ...NETWORK_POLICY_TYPES,
  ...RESOURCE_QUOTA_TYPES,
  ...LIMIT_RANGE_TYPES,
  ...DEFAULT_SA_TYPES,
  ...SERVICE_ACCOUNT_TYPES,
  'kubernetes_role_v1',
  'kubernetes_role',
  ...ROLE_BINDING_TYPES,
  ...SECRET_TYPES,
  ...SERVICE_TYPES,
  'kubernetes_config_map_v1',
  'kubernetes_config_map',
  'kubernetes_persistent_volume_claim_v1',
  'kubernetes_persistent_volume_claim',
  'kubernetes_ingress_v1',
  'kubernetes_ingress',
  'kubernetes_horizontal_pod_autoscaler_v1',
  'kubernetes_horizontal_pod_autoscaler_v2',
  'kubernetes_horizontal_pod_autoscaler',
  'kubernetes_pod_disruption_budget_v1',
  'kubernetes_pod_disruption_budget',
  'kubernetes_endpoints_v1',
  'kubernetes_endpoints',
  'kubernetes_endpoint_slice_v1',
  ...WORKLOAD_TYPES,
];

// ---------------------------------------------------------------------------------------------
// Labels and well-known names.

export const LABEL_PREFIX = 'sovereign.slz.dev';
/** What TenantNamespace puts on its namespace and what the ResidencyGuard binding selects. */
export const TENANT_LABEL = `${LABEL_PREFIX}/tenant`;
export const COMPONENT_LABEL = `${LABEL_PREFIX}/component`;
/** The `sovereign.slz.dev/component` value the LogForwarder construct sets on its namespace and objects. */
export const LOG_COLLECTOR_COMPONENT = 'log-forwarder';
export const RESERVED_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

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

// ---------------------------------------------------------------------------------------------
// Values.

export type Obj = Record<string, unknown>;

/** A literal string, or undefined (absent, not a string, or an unresolved reference). */
export function literal(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && !isUnresolved(value) ? value : undefined;
}

/** A boolean attribute: true, false, absent, or unresolved (`${…}`). Accepts "true"/"false" strings. */
export function boolOf(value: unknown): boolean | 'unresolved' | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  if (isUnresolved(value)) return 'unresolved';
  return undefined;
}

/** A list of strings: `unresolved` when the list or an element is a reference. */
export function stringList(value: unknown): { readonly items: readonly string[]; readonly unresolved: boolean } {
  if (value === undefined || value === null) return { items: [], unresolved: false };
  if (isUnresolved(value)) return { items: [], unresolved: true };
  const list = Array.isArray(value) ? value : [value];
  const items: string[] = [];
  let unresolved = false;
  for (const v of list) {
    if (typeof v === 'string' && !isUnresolved(v)) items.push(v);
    else if (typeof v === 'number') items.push(String(v));
    else unresolved = true;
  }
  return { items, unresolved };
}

/** A string map (labels, quota `hard`): undefined when absent, `unresolved` when a reference. */
export function stringMap(value: unknown): Record<string, unknown> | 'unresolved' | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnresolved(value)) return 'unresolved';
  const b = block(value);
  return b ?? undefined;
}

/** The first of several spellings of a key (camelCase in manifests, snake_case in typed resources). */
export function pick(obj: Obj | undefined, ...keys: string[]): unknown {
  if (!obj) return undefined;
  for (const k of keys) if (obj[k] !== undefined && obj[k] !== null) return obj[k];
  return undefined;
}

export function metadataOf(body: Readonly<Obj>): Obj {
  return block(body.metadata) ?? {};
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
// References inside one stack: `${TYPE.NAME.metadata[0].name}` and friends.

const REF = /^\$\{([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)\.(metadata(?:\[0\]|\.0)?\.name|id|(?:manifest|object)\.metadata\.name)\}$/;

/** The resource a whole-value reference points to, with the attribute path. */
export function referenced(stack: SynthStack, value: unknown): { readonly target: ResourceRef; readonly attribute: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = REF.exec(value.trim());
  if (!m) return undefined;
  const [, type = '', name = '', attribute = ''] = m;
  const body = stack.json.resource?.[type]?.[name];
  if (!body) return undefined;
  const target = ofTypes(stack, [type]).find((r) => r.name === name);
  return target ? { target, attribute } : undefined;
}

/**
 * The literal value of a `metadata.name`-like attribute: a literal string, or a reference to a
 * resource of the same stack whose name is a literal (a default service account is always
 * `default`). Undefined when it cannot be told.
 */
export function resolveName(stack: SynthStack, value: unknown): string | undefined {
  const lit = literal(value);
  if (lit !== undefined) return lit;
  const ref = referenced(stack, value);
  if (!ref) return undefined;
  if (DEFAULT_SA_TYPES.includes(ref.target.type)) return 'default';
  if (ref.attribute === 'id' && !NAMESPACE_TYPES.includes(ref.target.type)) return undefined;
  if (ref.target.type === MANIFEST_TYPE) return literal(block(block(ref.target.body.manifest)?.metadata)?.name);
  return literal(metadataOf(ref.target.body).name);
}

// ---------------------------------------------------------------------------------------------
// Clusters: two stacks talk to the same cluster when their kubernetes provider configurations
// name the same API server (or, without a host, the same kubeconfig context).

/** A key identifying the cluster a resource is applied to; undefined when it is a reference. */
export function clusterOf(stack: SynthStack, body: Readonly<Obj>): string | undefined {
  const configs = (stack.json.provider?.kubernetes ?? []).filter((c): c is Obj => !!c && typeof c === 'object');
  if (configs.length === 0) return 'env:';
  const providerRef = typeof body.provider === 'string' ? body.provider.replace(/^\$\{|\}$/g, '') : undefined;
  const alias = providerRef?.startsWith('kubernetes.') ? providerRef.slice('kubernetes.'.length) : undefined;
  const config = alias ? configs.find((c) => c.alias === alias) : (configs.find((c) => c.alias === undefined || c.alias === null) ?? configs[0]);
  if (!config) return undefined;
  if (config.host !== undefined && config.host !== null) {
    const host = literal(config.host);
    return host === undefined ? undefined : `host:${host.trim().toLowerCase().replace(/\/+$/, '')}`;
  }
  if (config.config_context !== undefined && config.config_context !== null) {
    const context = literal(config.config_context);
    return context === undefined ? undefined : `context:${context}`;
  }
  return 'env:';
}

export function sameCluster(a: string | undefined, b: string | undefined): 'same' | 'different' | 'unknown' {
  if (a === undefined || b === undefined) return 'unknown';
  return a === b ? 'same' : 'different';
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

export function namespacesOf(stack: SynthStack): NamespaceInfo[] {
  return ofTypes(stack, NAMESPACE_TYPES).map(namespaceInfo);
}

/** Where a namespaced resource says it lives. */
export type NamespaceTarget =
  | { readonly kind: 'ref'; readonly address: string; readonly name: string | undefined }
  | { readonly kind: 'name'; readonly name: string; readonly implicit: boolean }
  | { readonly kind: 'unresolved'; readonly expr: string };

/** `metadata.namespace` of a resource (of `manifest.metadata` for kubernetes_manifest). Unset means `default`. */
export function namespaceTarget(r: ResourceRef): NamespaceTarget {
  const meta = r.type === MANIFEST_TYPE ? (block(block(r.body.manifest)?.metadata) ?? {}) : metadataOf(r.body);
  const value = meta.namespace;
  if (value === undefined || value === null || value === '') return { kind: 'name', name: 'default', implicit: true };
  const lit = literal(value);
  if (lit !== undefined) return { kind: 'name', name: lit, implicit: false };
  const ref = referenced(r.stack, value);
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
// Label selectors (Kubernetes semantics; camelCase or snake_case keys).

export function selectorIsEmpty(selector: unknown): boolean | 'unresolved' {
  if (isUnresolved(selector)) return 'unresolved';
  const sel = block(selector);
  if (!sel) return true;
  const labels = pick(sel, 'matchLabels', 'match_labels');
  const exprs = pick(sel, 'matchExpressions', 'match_expressions');
  if (isUnresolved(labels) || isUnresolved(exprs)) return 'unresolved';
  const labelCount = labels && typeof labels === 'object' ? Object.keys(block(labels) ?? {}).length : 0;
  return labelCount === 0 && blocks(exprs).length === 0;
}

/** Whether a label selector selects an object with these labels; `unknown` when parts are references. */
export function selectorMatches(selector: unknown, labels: Readonly<Record<string, unknown>> | undefined): 'yes' | 'no' | 'unknown' {
  if (isUnresolved(selector) || labels === undefined) return 'unknown';
  const sel = block(selector);
  if (!sel) return 'yes';
  let result: 'yes' | 'unknown' = 'yes';
  const matchLabels = pick(sel, 'matchLabels', 'match_labels');
  if (isUnresolved(matchLabels)) result = 'unknown';
  else {
    for (const [k, v] of Object.entries(block(matchLabels) ?? {})) {
      const want = literal(v);
      const have = literal(labels[k]);
      if (want === undefined || (labels[k] !== undefined && have === undefined)) result = 'unknown';
      else if (have !== want) return 'no';
    }
  }
  const exprs = pick(sel, 'matchExpressions', 'match_expressions');
  if (isUnresolved(exprs)) return 'unknown';
  for (const e of blocks(exprs)) {
    const key = literal(e.key);
    const op = literal(e.operator);
    const values = stringList(e.values);
    if (key === undefined || op === undefined || values.unresolved) {
      result = 'unknown';
      continue;
    }
    const present = labels[key] !== undefined && labels[key] !== null;
    const value = literal(labels[key]);
    if (present && value === undefined) {
      result = 'unknown';
      continue;
    }
    let ok: boolean;
    switch (op) {
      case 'Exists':
        ok = present;
        break;
      case 'DoesNotExist':
        ok = !present;
        break;
      case 'In':
        ok = present && values.items.includes(value as string);
        break;
      case 'NotIn':
        ok = !present || !values.items.includes(value as string);
        break;
      default:
        return 'unknown';
    }
    if (!ok) return 'no';
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Default-deny NetworkPolicy (KT-NS1, reused by KT-NP3 and KT-PLT1).

export type DenyVerdict = 'deny' | 'unknown' | 'no';

/** Whether one NetworkPolicy is a deny-all for each direction: empty pod selector, the type listed, no rules of that direction. */
export function denyAll(policy: ResourceRef): { readonly ingress: DenyVerdict; readonly egress: DenyVerdict } {
  const spec = block(policy.body.spec);
  if (!spec) return { ingress: 'no', egress: 'no' };
  const empty = selectorIsEmpty(spec.pod_selector);
  const types = stringList(spec.policy_types);
  const direction = (name: 'Ingress' | 'Egress', rulesKey: 'ingress' | 'egress'): DenyVerdict => {
    if (empty === false) return 'no';
    const rulesValue = spec[rulesKey];
    const rules = blocks(rulesValue);
    if (rules.length > 0) return 'no';
    // Without policy_types Kubernetes assumes Ingress (plus Egress when egress rules exist).
    const listed = types.items.length > 0 || types.unresolved ? types.items.includes(name) : name === 'Ingress';
    if (!listed) return types.unresolved ? 'unknown' : 'no';
    return empty === 'unresolved' || isUnresolved(rulesValue) ? 'unknown' : 'deny';
  };
  return { ingress: direction('Ingress', 'ingress'), egress: direction('Egress', 'egress') };
}

/** Coverage of a namespace in one direction by the policies in it. */
export function denyCoverage(sure: readonly ResourceRef[], maybe: readonly ResourceRef[]): { readonly ingress: DenyVerdict; readonly egress: DenyVerdict } {
  const of = (dir: 'ingress' | 'egress'): DenyVerdict => {
    const sureV = sure.map((p) => denyAll(p)[dir]);
    if (sureV.includes('deny')) return 'deny';
    if (sureV.includes('unknown') || maybe.some((p) => denyAll(p)[dir] !== 'no')) return 'unknown';
    return 'no';
  };
  return { ingress: of('ingress'), egress: of('egress') };
}

// ---------------------------------------------------------------------------------------------
// RBAC.

export interface RbacRule {
  readonly index: number;
  readonly attribute: string;
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  readonly resourceNames: readonly string[];
  readonly nonResourceUrls: readonly string[];
  /** Some list (or element) is a reference. */
  readonly unresolved: boolean;
}

export function rbacRules(r: ResourceRef): RbacRule[] {
  return blocks(r.body.rule).map((rule, index) => {
    const apiGroups = stringList(rule.api_groups);
    const resources = stringList(rule.resources);
    const verbs = stringList(rule.verbs);
    const resourceNames = stringList(rule.resource_names);
    const nonResourceUrls = stringList(rule.non_resource_urls);
    return {
      index,
      attribute: `rule[${index}]`,
      apiGroups: apiGroups.items,
      resources: resources.items,
      verbs: verbs.items,
      resourceNames: resourceNames.items,
      nonResourceUrls: nonResourceUrls.items,
      unresolved: apiGroups.unresolved || resources.unresolved || verbs.unresolved || resourceNames.unresolved || nonResourceUrls.unresolved,
    };
  });
}

/** A ClusterRole whose rules are aggregated from other roles at run time (not visible here). */
export function isAggregated(r: ResourceRef): boolean {
  const agg = block(r.body.aggregation_rule);
  return !!agg && blocks(agg.cluster_role_selectors).length > 0;
}

// Kubernetes RBAC resource matching: "*", an exact "res/sub", or "*/sub" for a subresource of any resource.
function resourceMatches(ruleResource: string, wanted: string): boolean {
  if (ruleResource === '*' || ruleResource === wanted) return true;
  const slash = wanted.indexOf('/');
  return slash >= 0 && ruleResource === `*${wanted.slice(slash)}`;
}

/** The verbs of a rule that grant one of `verbs` on one of `resources` in one of `groups` (`*` counts). */
export function grants(rule: RbacRule, groups: readonly string[], resources: readonly string[], verbs: readonly string[]): { verbs: string[]; resources: string[] } {
  const groupOk = rule.apiGroups.some((g) => g === '*' || groups.includes(g));
  if (!groupOk) return { verbs: [], resources: [] };
  const matchedResources = resources.filter((w) => rule.resources.some((rr) => resourceMatches(rr, w)));
  const matchedVerbs = verbs.filter((v) => rule.verbs.includes(v) || rule.verbs.includes('*'));
  if (matchedResources.length === 0 || matchedVerbs.length === 0) return { verbs: [], resources: [] };
  return { verbs: matchedVerbs, resources: matchedResources };
}

export interface Subject {
  readonly index: number;
  readonly kind: string | undefined;
  /** Literal or resolved name; undefined when it cannot be told. */
  readonly name: string | undefined;
  readonly rawName: unknown;
  readonly namespace: unknown;
}

export function subjectsOf(r: ResourceRef): Subject[] {
  return blocks(r.body.subject).map((s, index) => ({
    index,
    kind: literal(s.kind),
    name: resolveName(r.stack, s.name),
    rawName: s.name,
    namespace: s.namespace,
  }));
}

// ---------------------------------------------------------------------------------------------
// Pod templates.

export interface PodSpecView {
  readonly spec: Obj;
  /** Attribute path of the pod spec, e.g. `spec.template.spec`. */
  readonly path: string;
}

export function podSpecOf(r: ResourceRef): PodSpecView | undefined {
  const spec = block(r.body.spec);
  if (!spec) return undefined;
  if (POD_TYPES.includes(r.type)) return { spec, path: 'spec' };
  if (CRON_TYPES.includes(r.type)) {
    const pod = block(block(block(block(spec.job_template)?.spec)?.template)?.spec);
    return pod ? { spec: pod, path: 'spec.job_template.spec.template.spec' } : undefined;
  }
  const pod = block(block(spec.template)?.spec);
  return pod ? { spec: pod, path: 'spec.template.spec' } : undefined;
}

export interface ContainerView {
  readonly container: Obj;
  readonly attribute: string;
  /** `container "fluent-bit"` or `init_container "setup"`. */
  readonly label: string;
}

export function containersOf(pod: PodSpecView): ContainerView[] {
  const out: ContainerView[] = [];
  for (const key of ['container', 'init_container'] as const) {
    blocks(pod.spec[key]).forEach((container, i) => {
      const name = literal(container.name) ?? `#${i}`;
      out.push({ container, attribute: `${pod.path}.${key}[${i}]`, label: `${key} "${name}"` });
    });
  }
  return out;
}

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
  if (isAggregated(resource)) return unknown(`${subject} aggregates its rules from other ClusterRoles at run time (aggregation_rule), so ${what} cannot be checked`, 'aggregation_rule');
  const outcomes: Outcome[] = [];
  for (const rule of rbacRules(resource)) {
    const problem = judge(rule);
    if (problem !== undefined) outcomes.push(fail(`${subject} ${rule.attribute} ${problem}`, rule.attribute));
    else if (rule.unresolved) outcomes.push(unknown(`${subject} ${rule.attribute}: api_groups, resources or verbs hold references, so ${what} cannot be checked`, rule.attribute));
  }
  return outcomes.length > 0 ? outcomes : pass;
}

// ---------------------------------------------------------------------------------------------
// Admission: ValidatingAdmissionPolicy and its binding. With provider 2.38 both are
// kubernetes_manifest (camelCase keys, verbatim); provider 3.x adds a typed policy resource
// (snake_case). There is no typed binding.

export type AdmissionKind = 'ValidatingAdmissionPolicy' | 'ValidatingAdmissionPolicyBinding';

export interface AdmissionObject {
  readonly ref: ResourceRef;
  readonly kind: AdmissionKind;
  /** Literal name (or resolved reference). */
  readonly name: string | undefined;
  readonly spec: Obj;
  readonly cluster: string | undefined;
}

/** The admission object a resource declares, `unresolved` when its kind is a reference, undefined for anything else. */
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
