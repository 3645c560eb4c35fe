import { block, blocks, isUnresolved } from '../../../synthesized';
import type { StackRule } from '../../types';
import { admissionObjects, fail, namespacesOf, notApplicable, pass, unknown } from './_shared';
import type { AdmissionObject } from '../../../synthesized/kubernetes/admission';
import { sameCluster } from '../../../synthesized/kubernetes/cluster';
import { type NamespaceInfo, resolveName } from '../../../synthesized/kubernetes/namespace';
import { selectorMatches } from '../../../synthesized/kubernetes/selector';
import { pick, stringList } from '../../../synthesized/values';

const REGION_KEY = 'topology.kubernetes.io/region';

type Tri = 'yes' | 'no' | 'unknown';

function worst(...values: Tri[]): Tri {
  return values.includes('no') ? 'no' : values.includes('unknown') ? 'unknown' : 'yes';
}

/** The policy validates pods: a resource rule covering "" pods on CREATE. */
function matchesPodCreate(policy: AdmissionObject): Tri {
  const mc = block(pick(policy.spec, 'matchConstraints', 'match_constraints'));
  const rulesValue = pick(mc, 'resourceRules', 'resource_rules');
  if (isUnresolved(rulesValue)) return 'unknown';
  let result: Tri = 'no';
  for (const r of blocks(rulesValue)) {
    const groups = stringList(pick(r, 'apiGroups', 'api_groups'));
    const resources = stringList(r.resources);
    const ops = stringList(r.operations);
    const ok = (groups.items.includes('') || groups.items.includes('*')) && (resources.items.includes('pods') || resources.items.includes('*')) && (ops.items.includes('CREATE') || ops.items.includes('*'));
    if (ok) return 'yes';
    if (groups.unresolved || resources.unresolved || ops.unresolved) result = 'unknown';
  }
  return result;
}

/** Some validation expression constrains the pod's region (node selector or affinity on topology.kubernetes.io/region). */
function pinsRegion(policy: AdmissionObject): Tri {
  const list = pick(policy.spec, 'validations', 'validation');
  if (isUnresolved(list)) return 'unknown';
  let result: Tri = 'no';
  for (const v of blocks(list)) {
    if (typeof v.expression === 'string' && isUnresolved(v.expression)) result = 'unknown';
    else if (typeof v.expression === 'string' && v.expression.includes(REGION_KEY)) return 'yes';
  }
  return result;
}

/** Whether a binding selects the namespace (an absent selector matches every namespace). */
function selects(binding: AdmissionObject, ns: NamespaceInfo): Tri {
  const mr = block(pick(binding.spec, 'matchResources', 'match_resources'));
  if (isUnresolved(binding.spec.matchResources)) return 'unknown';
  const selector = pick(mr, 'namespaceSelector', 'namespace_selector');
  return selectorMatches(selector, ns.labels);
}

function clusterTri(a: string | undefined, b: string | undefined): Tri {
  const rel = sameCluster(a, b);
  return rel === 'same' ? 'yes' : rel === 'different' ? 'no' : 'unknown';
}

export const rule: StackRule = {
  id: 'KT-VAP1',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'stack',
  title: 'An admission policy pins tenant pods to in-country regions',
  rationale:
    'Namespaces, quotas and network policies do not decide where a pod runs: the scheduler does, and a cluster may have nodes ' +
    'outside the country. A ValidatingAdmissionPolicy that requires topology.kubernetes.io/region in every tenant pod (node ' +
    'selector or required affinity), bound in the same cluster to a namespace selector that selects the tenant namespace, ' +
    'refuses pods that could land abroad. The policy lives in a separate admission stack, so the whole tree is searched. Tenant ' +
    'namespaces (label sovereign.slz.dev/tenant) are checked; platform namespaces are not, because the log forwarder must run on ' +
    'every node. The region values themselves are checked when the landing zone is synthesized, not here.',
  fix:
    'Add the ResidencyGuard construct (admission stack of the region): a ValidatingAdmissionPolicy validating pods on CREATE/UPDATE ' +
    'with a topology.kubernetes.io/region check, and a ValidatingAdmissionPolicyBinding selecting sovereign.slz.dev/tenant.',
  controls: [
    { framework: 'SECNUMCLOUD', id: '19.2.b' },
    { framework: 'BSI-C5', id: 'PSS-12' },
    { framework: 'NIST-800-53', id: 'SA-9(5)' },
  ],
  check(stack, ctx) {
    const namespaces = namespacesOf(stack);
    if (namespaces.length === 0) return [];
    const { policies, bindings, unresolved } = admissionObjects(ctx, stack);
    return namespaces.map((ns) => {
      if (ns.labels === undefined) return { resource: ns.ref, outcome: unknown(`${ns.label}: its labels are a reference, so whether it is a tenant namespace (and which bindings select it) is known only at plan time`, 'metadata.labels') };
      if (!ns.tenant) return { resource: ns.ref, outcome: notApplicable };
      const notes: string[] = [];
      let best: Tri = 'no';
      for (const b of bindings) {
        const policyName = resolveName(b.ref.stack, pick(b.spec, 'policyName', 'policy_name'));
        const candidates = policyName === undefined ? policies : policies.filter((p) => p.name === policyName || p.name === undefined);
        const bindingSelects = worst(selects(b, ns), clusterTri(ns.cluster, b.cluster));
        if (bindingSelects === 'no') {
          notes.push(`binding "${b.name ?? b.ref.address}" does not select it${clusterTri(ns.cluster, b.cluster) === 'no' ? ' (other cluster)' : ''}`);
          continue;
        }
        if (candidates.length === 0) notes.push(`binding "${b.name ?? b.ref.address}" names policy "${policyName ?? '?'}", which is not in the tree`);
        for (const p of candidates) {
          const pins = pinsRegion(p);
          const pods = matchesPodCreate(p);
          let v = worst(bindingSelects, pins, pods, clusterTri(b.cluster, p.cluster));
          if (policyName === undefined || p.name === undefined) v = v === 'no' ? 'no' : 'unknown';
          if (pins === 'no') notes.push(`policy "${p.name ?? p.ref.address}" does not check ${REGION_KEY}`);
          else if (pods === 'no') notes.push(`policy "${p.name ?? p.ref.address}" does not validate pod creation`);
          if (v === 'yes') return { resource: ns.ref, outcome: pass };
          if (v === 'unknown') best = 'unknown';
        }
      }
      if (best === 'unknown' || unresolved.length > 0) {
        return { resource: ns.ref, outcome: unknown(`tenant ${ns.label}: whether a region-pinning admission policy binds it depends on values known only at plan time`) };
      }
      const why = policies.length === 0 && bindings.length === 0 ? 'the tree has no ValidatingAdmissionPolicy or binding at all' : notes.length > 0 ? notes.join('; ') : 'no policy has a binding';
      return {
        resource: ns.ref,
        outcome: fail(`tenant ${ns.label} is not covered by a ValidatingAdmissionPolicy that pins pods to ${REGION_KEY} through a binding selecting it in the same cluster: ${why}`),
      };
    });
  },
};
