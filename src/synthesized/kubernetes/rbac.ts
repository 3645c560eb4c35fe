/**
 * RBAC semantics: the rules of a Role/ClusterRole, what a rule grants (Kubernetes matching of
 * `*`, subresources and non-resource URLs), role references and binding subjects.
 */
import { block, blocks, entries, stringList } from '../values';

export interface RbacRule {
  readonly index: number;
  /** `rule[0]`. */
  readonly attribute: string;
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  readonly resourceNames: readonly string[];
  readonly nonResourceUrls: readonly string[];
  /** Some list (or element) is a reference. */
  readonly unresolved: boolean;
}

/** The rule blocks of a Role or ClusterRole body. */
export function rbacRules(body: Readonly<Record<string, unknown>>): RbacRule[] {
  return blocks(body.rule).map((rule, index) => {
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
export function isAggregated(body: Readonly<Record<string, unknown>>): boolean {
  const agg = block(body.aggregation_rule);
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

/** Verbs that turn a narrow grant into any grant: write roles beyond one's own, bind them, act as anyone. */
export const ESCALATION_VERBS: readonly string[] = ['bind', 'escalate', 'impersonate'];

/** One permission a role grants: a verb on a resource of an API group (or a non-resource URL), for some names. */
export interface Grant {
  /** The API group; `nonResourceURL` for a non-resource URL. */
  readonly group: string;
  readonly resource: string;
  readonly verb: string;
  /** Sorted, comma-joined `resource_names`; `*` for every name. */
  readonly names: string;
}

/** Every (group, resource, verb, names) a role's rules grant; a rule without api_groups counts as the core group. */
export function grantsOf(body: Readonly<Record<string, unknown>>): Grant[] {
  const out: Grant[] = [];
  for (const rule of rbacRules(body)) {
    const names = [...rule.resourceNames].sort().join(',') || '*';
    for (const verb of rule.verbs) {
      for (const group of rule.apiGroups.length ? rule.apiGroups : ['']) for (const resource of rule.resources) out.push({ group, resource, verb, names });
      for (const url of rule.nonResourceUrls) out.push({ group: 'nonResourceURL', resource: url, verb, names: '*' });
    }
  }
  return out;
}

const covers = (have: string, want: string) => have === '*' || have === want;

/** Whether one of `held` already grants `g` (wildcards included). */
export function grantCovered(g: Grant, held: readonly Grant[]): boolean {
  return held.some((b) => covers(b.group, g.group) && covers(b.resource, g.resource) && covers(b.verb, g.verb) && (b.names === '*' || b.names === g.names));
}

/** A grant that is a wildcard or an escalation verb. */
export function isWildcardGrant(g: Grant): boolean {
  return g.group === '*' || g.resource === '*' || g.verb === '*' || ESCALATION_VERBS.includes(g.verb);
}

// ---------------------------------------------------------------------------------------------
// Bindings.

/** `role_ref` of a RoleBinding or ClusterRoleBinding, as written. */
export function roleRefOf(body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return block(body.role_ref) ?? {};
}

/** A binding subject as written (values may be references). */
export interface SubjectBlock {
  readonly index: number;
  /** The subject itself is a reference (or a masked value): who it names is known only at apply. */
  readonly unresolved: boolean;
  readonly kind: unknown;
  readonly name: unknown;
  readonly namespace: unknown;
}

/** Every entry of `subject`, in order; an entry that is not a block is an unresolved subject. */
export function subjectBlocks(body: Readonly<Record<string, unknown>>): SubjectBlock[] {
  return entries(body.subject).map((entry, index) => {
    const s = Array.isArray(entry) ? undefined : block(entry);
    return s ? { index, unresolved: false, kind: s.kind, name: s.name, namespace: s.namespace } : { index, unresolved: true, kind: undefined, name: undefined, namespace: undefined };
  });
}

const EVERYONE_GROUPS = ['system:authenticated', 'system:unauthenticated', 'system:anonymous'];

/** A subject that stands for every user (authenticated, unauthenticated or anonymous), not one identity. */
export function isEveryone(kind: string | undefined, name: string | undefined, namespace: string | undefined): boolean {
  if (namespace) return false;
  return (kind === 'Group' && name !== undefined && EVERYONE_GROUPS.includes(name)) || (kind === 'User' && name === 'system:anonymous');
}
