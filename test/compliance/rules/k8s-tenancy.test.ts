/**
 * The k8s-tenancy rules, each called directly on real synthesized JSON (the minimal example and
 * the full fixture), unmodified and mutated: compliant, non-compliant, unknown (`${…}`) and
 * not-applicable cases, plus the pack inventory and both JSON shapes (cdk.tf.json and plan).
 */
import { readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import fc from 'fast-check';
import { K8S_TENANCY_RULES } from '../../../src/compliance/packs/k8s-tenancy';
import type { LandingZoneContext, Outcome, ResourceRule, Rule, RuleContext, StackOutcome, StackRule } from '../../../src/compliance/types';
import { readSynthDir, resourcesOf, type ResourceRef, type SynthStack } from '../../../src/synthesized';
import { slz } from '../../helpers/cli';
import { nonEmpty, expectEvery } from '../../helpers/non-empty';
import { synthTree, tempDir } from '../../helpers/synth';
import { rule as NS1 } from '../../../src/compliance/rules/k8s-tenancy/kt-ns1-default-deny';
import { rule as NS2 } from '../../../src/compliance/rules/k8s-tenancy/kt-ns2-pod-security-restricted';
import { rule as NS3 } from '../../../src/compliance/rules/k8s-tenancy/kt-ns3-resource-quota';
import { rule as NS4 } from '../../../src/compliance/rules/k8s-tenancy/kt-ns4-limit-range';
import { rule as NS5 } from '../../../src/compliance/rules/k8s-tenancy/kt-ns5-no-external-services-quota';
import { rule as NS6 } from '../../../src/compliance/rules/k8s-tenancy/kt-ns6-no-system-namespaces';
import { rule as NS7 } from '../../../src/compliance/rules/k8s-tenancy/kt-ns7-sovereignty-labels';
import { rule as SA1 } from '../../../src/compliance/rules/k8s-tenancy/kt-sa1-default-sa-no-automount';
import { rule as SA2 } from '../../../src/compliance/rules/k8s-tenancy/kt-sa2-service-account-no-automount';
import { rule as RB1 } from '../../../src/compliance/rules/k8s-tenancy/kt-rb1-no-wildcards';
import { rule as RB2 } from '../../../src/compliance/rules/k8s-tenancy/kt-rb2-no-cluster-admin';
import { rule as RB3 } from '../../../src/compliance/rules/k8s-tenancy/kt-rb3-no-secret-reads';
import { rule as RB4 } from '../../../src/compliance/rules/k8s-tenancy/kt-rb4-no-pod-create-exec';
import { rule as RB5 } from '../../../src/compliance/rules/k8s-tenancy/kt-rb5-no-escalation-verbs';
import { rule as RB6 } from '../../../src/compliance/rules/k8s-tenancy/kt-rb6-no-default-sa-binding';
import { rule as RB7 } from '../../../src/compliance/rules/k8s-tenancy/kt-rb7-no-system-masters';
import { rule as RB8 } from '../../../src/compliance/rules/k8s-tenancy/kt-rb8-no-token-webhook-csr-access';
import { rule as NP1 } from '../../../src/compliance/rules/k8s-tenancy/kt-np1-no-public-cidr';
import { rule as NP2 } from '../../../src/compliance/rules/k8s-tenancy/kt-np2-no-empty-namespace-selector';
import { rule as NP3 } from '../../../src/compliance/rules/k8s-tenancy/kt-np3-dns-egress-allowed';
import { rule as VAP1 } from '../../../src/compliance/rules/k8s-tenancy/kt-vap1-residency-admission-policy';
import { rule as VAP2 } from '../../../src/compliance/rules/k8s-tenancy/kt-vap2-admission-enforced';
import { rule as WL1 } from '../../../src/compliance/rules/k8s-tenancy/kt-wl1-restricted-security-context';
import { rule as WL2 } from '../../../src/compliance/rules/k8s-tenancy/kt-wl2-no-host-access';
import { rule as WL3 } from '../../../src/compliance/rules/k8s-tenancy/kt-wl3-immutable-pinned-images';
import { rule as SEC1 } from '../../../src/compliance/rules/k8s-tenancy/kt-sec1-secrets-not-in-state';
import { rule as SVC1 } from '../../../src/compliance/rules/k8s-tenancy/kt-svc1-no-unrestricted-external-service';
import { isUnderLogRoot, normalizeHostPath, rule as PLT1 } from '../../../src/compliance/rules/k8s-tenancy/kt-plt1-log-collector-confinement';

const MINIMAL = 'examples/minimal/landing-zone.yaml';
const FULL = 'test/fixtures/landing-zones/full.yaml';
const TODAY = '2026-11-21';
const DIGEST = 'sha256:' + 'a'.repeat(64);

type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Inputs: real synthesized trees, deep-copied per test and mutated.

/**
 * Synthesizes through the CLI (synthTree). Should `slz synth` ever exit 1 because compliance
 * errors are found (the tree is still written), the stacks are read from the output anyway.
 */
function synthStacks(file: string): SynthStack[] {
  try {
    return readSynthDir(synthTree(file).dir);
  } catch {
    const out = join(tempDir(), 'out');
    const run = slz('synth', file, '--out', out);
    if (run.code !== 0 && run.code !== 1) throw new Error(`synth ${file} failed (${run.code}):\n${run.stderr}`);
    return readSynthDir(out);
  }
}

let minimalTree: SynthStack[];
let fullTree: SynthStack[];

beforeAll(() => {
  minimalTree = synthStacks(MINIMAL);
  fullTree = synthStacks(FULL);
});

/** A fresh deep copy of a tree, safe to mutate. */
const minimal = (): SynthStack[] => structuredClone(minimalTree);
const full = (): SynthStack[] => structuredClone(fullTree);

function stackOf(stacks: readonly SynthStack[], fragment: string): SynthStack {
  const s = stacks.find((x) => x.name.includes(fragment));
  if (!s) throw new Error(`no stack matching ${fragment} in ${stacks.map((x) => x.name).join(', ')}`);
  return s;
}

function table(stack: SynthStack): Record<string, Record<string, Json>> {
  const json = stack.json as unknown as { resource?: Record<string, Record<string, Json>> };
  json.resource ??= {};
  return json.resource;
}

function metaName(body: Json): unknown {
  const meta = Array.isArray(body.metadata) ? (body.metadata[0] as Json) : (body.metadata as Json | undefined);
  return meta?.name;
}

/** The body of a resource of `type`, the one whose metadata.name is `name` (or the only/first one). */
function bodyOf(stack: SynthStack, type: string, name?: string): Json {
  const all = Object.values(table(stack)[type] ?? {});
  const found = name === undefined ? all[0] : all.find((b) => metaName(b) === name);
  if (!found) throw new Error(`no ${type} ${name ?? ''} in ${stack.name}`);
  return found;
}

function refOf(stack: SynthStack, type: string, name?: string): ResourceRef {
  const body = bodyOf(stack, type, name);
  const ref = resourcesOf(stack).find((r) => r.body === body);
  if (!ref) throw new Error('unreachable');
  return ref;
}

function deleteResource(stack: SynthStack, type: string, name: string): void {
  const t = table(stack)[type] ?? {};
  const key = Object.keys(t).find((k) => metaName(t[k] as Json) === name);
  if (key === undefined) throw new Error(`no ${type} ${name}`);
  delete t[key];
}

/** Adds a resource (with construct-path metadata) and returns its ref. */
function addResource(stack: SynthStack, type: string, name: string, body: Json): ResourceRef {
  const t = (table(stack)[type] ??= {});
  t[name] = { '//': { metadata: { path: `${stack.name}/test/${name}`, uniqueId: name } }, ...body };
  return resourcesOf(stack).find((r) => r.type === type && r.name === name) as ResourceRef;
}

/** Walks objects (and one-element lists) by dotted path; numeric segments index lists. */
function at(root: Json, path: string): Json {
  let cur: unknown = root;
  for (const seg of path.split('.')) {
    if (/^\d+$/.test(seg)) cur = (cur as unknown[])[Number(seg)];
    else cur = (Array.isArray(cur) ? (cur[0] as Json) : (cur as Json))[seg];
    if (cur === undefined) throw new Error(`nothing at ${path} (${seg})`);
  }
  return (Array.isArray(cur) && cur.length === 1 && typeof cur[0] === 'object' ? cur[0] : cur) as Json;
}

function ctxOf(stacks: readonly SynthStack[], landingZone?: Partial<LandingZoneContext>): RuleContext {
  return landingZone ? { today: TODAY, stacks, landingZone: landingZone as LandingZoneContext } : { today: TODAY, stacks };
}

const COMPONENT = 'sovereign.slz.dev/component';

/** The log forwarder's namespace (slz-logging) in the platform stack. */
function forwarderNamespace(stacks: readonly SynthStack[]): ResourceRef {
  return refOf(stackOf(stacks, 'platform'), 'kubernetes_namespace_v1');
}

/** Removes the log-collector declaration from the forwarder's namespace: it is then judged like any other. */
function undeclare(stacks: readonly SynthStack[]): void {
  delete at(forwarderNamespace(stacks).body as Json, 'metadata.labels')[COMPONENT];
}

// ---------------------------------------------------------------------------------------------
// Running rules.

function runR(rule: ResourceRule, ref: ResourceRef, stacks: readonly SynthStack[], lz?: Partial<LandingZoneContext>): Outcome[] {
  expect(rule.resourceTypes).toContain(ref.type);
  const r = rule.check(ref, ctxOf(stacks, lz));
  return Array.isArray(r) ? [...(r as readonly Outcome[])] : [r as Outcome];
}

/** The single outcome of a resource rule. */
function one(rule: ResourceRule, ref: ResourceRef, stacks: readonly SynthStack[], lz?: Partial<LandingZoneContext>): Outcome {
  const list = runR(rule, ref, stacks, lz);
  expect(list).toHaveLength(1);
  return list[0] as Outcome;
}

function runS(rule: StackRule, stack: SynthStack, stacks: readonly SynthStack[]): StackOutcome[] {
  return [...rule.check(stack, ctxOf(stacks))];
}

/** The outcome of a stack rule for the namespace with this name. */
function forNamespace(rule: StackRule, stack: SynthStack, stacks: readonly SynthStack[], ns: string): Outcome {
  const outs = runS(rule, stack, stacks).filter((o) => o.resource && metaName(o.resource.body as Json) === ns);
  expect(outs).toHaveLength(1);
  return (outs[0] as StackOutcome).outcome;
}

function statuses(outcomes: readonly Outcome[]): string[] {
  return outcomes.map((o) => o.status);
}

/** Asserts a fail (or unknown) whose message contains every fragment. */
function expectOutcome(o: Outcome | undefined, status: 'fail' | 'unknown', ...fragments: string[]): void {
  expect(o?.status).toBe(status);
  const message = o && (o.status === 'fail' || o.status === 'unknown') ? o.message : '';
  for (const f of fragments) expect(message).toContain(f);
}

/** Every outcome of every rule over a tree, as [rule id, construct path, outcome]. */
function runAll(rules: readonly Rule[], stacks: readonly SynthStack[], lz?: Partial<LandingZoneContext>): [string, string, Outcome][] {
  const out: [string, string, Outcome][] = [];
  for (const rule of rules) {
    if (rule.scope === 'stack') {
      for (const s of stacks) for (const so of rule.check(s, ctxOf(stacks, lz))) out.push([rule.id, so.resource?.constructPath ?? s.name, so.outcome]);
    } else {
      for (const s of stacks) {
        for (const r of resourcesOf(s)) {
          if (!rule.resourceTypes.includes(r.type)) continue;
          const res = rule.check(r, ctxOf(stacks, lz));
          for (const o of Array.isArray(res) ? (res as readonly Outcome[]) : [res as Outcome]) out.push([rule.id, r.constructPath, o]);
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The pack.

const CATALOGUE_LEVELS: Record<string, 'error' | 'warning' | 'info'> = {
  'KT-NS1': 'error',
  'KT-NS2': 'error',
  'KT-NS3': 'error',
  'KT-NS4': 'error',
  'KT-NS5': 'warning',
  'KT-NS6': 'error',
  'KT-NS7': 'warning',
  'KT-SA1': 'error',
  'KT-SA2': 'warning',
  'KT-RB1': 'error',
  'KT-RB2': 'error',
  'KT-RB3': 'warning',
  'KT-RB4': 'warning',
  'KT-RB5': 'error',
  'KT-RB6': 'error',
  'KT-RB7': 'error',
  'KT-RB8': 'warning',
  'KT-NP1': 'error',
  'KT-NP2': 'warning',
  'KT-NP3': 'info',
  'KT-NP4': 'error',
  'KT-VAP1': 'error',
  'KT-VAP2': 'error',
  'KT-WL1': 'error',
  'KT-WL2': 'error',
  'KT-WL3': 'warning',
  'KT-SEC1': 'warning',
  'KT-SVC1': 'warning',
  'KT-PLT1': 'error',
  'KT-LOG1': 'error',
};

describe('K8S_TENANCY_RULES', () => {
  it('lists every catalogue rule once, in catalogue order, at the catalogue level', () => {
    expect(K8S_TENANCY_RULES.map((r) => r.id)).toEqual(Object.keys(CATALOGUE_LEVELS));
    for (const r of K8S_TENANCY_RULES) expect([r.id, r.level]).toEqual([r.id, CATALOGUE_LEVELS[r.id]]);
  });

  it('has full metadata on every rule', () => {
    for (const r of K8S_TENANCY_RULES) {
      expect(r.pack).toBe('k8s-tenancy');
      expect(r.title.length).toBeGreaterThan(10);
      expect(r.rationale.length).toBeGreaterThan(80);
      expect(r.fix.length).toBeGreaterThan(20);
      for (const c of r.controls) expect(['CIS-K8S', 'NSA-CISA', 'PSS', 'NIST-800-53', 'SECNUMCLOUD', 'BSI-C5']).toContain(c.framework);
      if (r.scope === 'resource') expect(r.resourceTypes.length).toBeGreaterThan(0);
    }
    const stackRules = K8S_TENANCY_RULES.filter((r) => r.scope === 'stack').map((r) => r.id);
    expect(stackRules).toEqual(['KT-NS1', 'KT-NS3', 'KT-NS4', 'KT-SA1', 'KT-NP3', 'KT-NP4', 'KT-VAP1', 'KT-PLT1', 'KT-LOG1']);
  });

  it('has one file per rule, named after its id', () => {
    const dir = join(__dirname, '../../../src/compliance/rules/k8s-tenancy');
    const files = readdirSync(dir).filter((f) => f.startsWith('kt-'));
    expect(files).toHaveLength(K8S_TENANCY_RULES.length);
    for (const r of K8S_TENANCY_RULES) expect(files.filter((f) => f.startsWith(`${r.id.toLowerCase()}-`))).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// The unmodified trees.

describe.each([
  ['minimal', () => minimalTree, 1],
  ['full', () => fullTree, 2],
])('the unmodified %s tree', (_name, tree, regions) => {
  it('raises no error-level fail in the whole pack: the log forwarder is judged by KT-PLT1, which it passes', () => {
    const results = runAll(K8S_TENANCY_RULES, tree(), { inCountryCidrs: ['10.0.0.0/8', 'fd00:4d59::/32'] });
    const errors = results.filter(([id, , o]) => CATALOGUE_LEVELS[id] === 'error' && o.status === 'fail');
    expect(errors).toEqual([]);
    // The exception is a rule, not a silence: per region, KT-PLT1 passed the namespace and the DaemonSet ...
    const plt1 = results.filter(([id, , o]) => id === 'KT-PLT1' && o.status === 'pass').map(([, path]) => path.replace(/^.*-platform-[a-z]+\//, ''));
    expect(plt1).toEqual(Array(regions).fill(['log-forwarder/Namespace', 'log-forwarder/DaemonSet']).flat());
    // ... and KT-NS2 / KT-WL2 deferred to it for exactly those two resources.
    const deferred = results.filter(([id, , o]) => (id === 'KT-NS2' || id === 'KT-WL2') && o.status === 'not-applicable').map(([id, path]) => `${id} ${path.replace(/^.*-platform-[a-z]+\//, '')}`);
    expect(deferred).toEqual([...Array(regions).fill('KT-NS2 log-forwarder/Namespace'), ...Array(regions).fill('KT-WL2 log-forwarder/DaemonSet')]);
  });

  it('resolves every reference it meets: no unknown outcome', () => {
    const unknowns = runAll(K8S_TENANCY_RULES, tree()).filter(([, , o]) => o.status === 'unknown');
    expect(unknowns).toEqual([]);
  });

  it('raises only the unpinned forwarder image as a warning', () => {
    const warnings = runAll(K8S_TENANCY_RULES, tree()).filter(([id, , o]) => CATALOGUE_LEVELS[id] === 'warning' && o.status === 'fail');
    expect(warnings.map(([id]) => id)).toEqual(Array(regions).fill('KT-WL3'));
  });
});

/** The same tree in plan-JSON shape: single nested blocks as one-element lists. */
const BLOCK_KEYS = new Set([
  'metadata',
  'spec',
  'template',
  'job_template',
  'security_context',
  'capabilities',
  'seccomp_profile',
  'role_ref',
  'pod_selector',
  'namespace_selector',
  'ip_block',
  'selector',
  'strategy',
  'host_path',
  'empty_dir',
  'config_map',
  'resources',
  'aggregation_rule',
]);
const MAP_KEYS = new Set(['manifest', 'labels', 'annotations', 'hard', 'data', 'default', 'default_request', 'match_labels', 'limits', 'requests', '//']);

function planShape(value: unknown, key?: string): unknown {
  if (key !== undefined && MAP_KEYS.has(key)) return value;
  if (Array.isArray(value)) return value.map((v) => planShape(v));
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value as Json)) {
      const shaped = planShape(v, k);
      out[k] = BLOCK_KEYS.has(k) && shaped && typeof shaped === 'object' && !Array.isArray(shaped) ? [shaped] : shaped;
    }
    return out;
  }
  return value;
}

describe('both JSON shapes', () => {
  it('gives the same outcomes on plan-shaped blocks (one-element lists) as on cdk.tf.json objects', () => {
    const stacks = full();
    const planned = stacks.map((s) => ({ ...s, json: { ...s.json, resource: planShape(s.json.resource) } }) as SynthStack);
    const a = runAll(K8S_TENANCY_RULES, stacks).map(([id, path, o]) => [id, path, o.status, 'message' in o ? o.message : '']);
    const b = runAll(K8S_TENANCY_RULES, planned).map(([id, path, o]) => [id, path, o.status, 'message' in o ? o.message : '']);
    expect(b).toEqual(a);
    // The shape really changed.
    expect(Array.isArray(bodyOf(stackOf(planned, 'tenant-analytics'), 'kubernetes_network_policy_v1', 'default-deny').spec)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Namespace level.

describe('KT-NS1 default deny', () => {
  it('passes every namespace with the NetworkFirewall default deny', () => {
    const stacks = full();
    for (const s of nonEmpty(stacks.filter((x) => x.name.includes('-tenant-')), 'tenant stack')) {
      expect(statuses(runS(NS1, s, stacks).map((o) => o.outcome))).toEqual(['pass']);
    }
  });

  it('fails a tenant namespace whose default-deny policy is removed', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    deleteResource(tenant, 'kubernetes_network_policy_v1', 'default-deny');
    expectOutcome(forNamespace(NS1, tenant, stacks, 'records'), 'fail', 'namespace "records"', 'ingress and egress', 'allow-dns', 'allow-same-namespace');
  });

  it('fails when the deny covers only one direction or carries a rule', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    at(bodyOf(tenant, 'kubernetes_network_policy_v1', 'default-deny'), 'spec').policy_types = ['Ingress'];
    expectOutcome(forNamespace(NS1, tenant, stacks, 'records'), 'fail', 'namespace "records"', 'for egress');

    const again = minimal();
    const t2 = stackOf(again, 'tenant-records');
    at(bodyOf(t2, 'kubernetes_network_policy_v1', 'default-deny'), 'spec').ingress = [{}];
    expectOutcome(forNamespace(NS1, t2, again, 'records'), 'fail', 'for ingress');
  });

  it('accepts deny-ingress and deny-egress as two policies', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    const deny = bodyOf(tenant, 'kubernetes_network_policy_v1', 'default-deny');
    at(deny, 'spec').policy_types = ['Ingress'];
    const egress = structuredClone(deny);
    at(egress, 'metadata').name = 'deny-egress';
    at(egress, 'spec').policy_types = ['Egress'];
    addResource(tenant, 'kubernetes_network_policy_v1', 'deny-egress', egress);
    expect(forNamespace(NS1, tenant, stacks, 'records').status).toBe('pass');
  });

  it('is unknown when the selector or the policy namespace is a reference', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    at(bodyOf(tenant, 'kubernetes_network_policy_v1', 'default-deny'), 'spec').pod_selector = '${var.selector}';
    expectOutcome(forNamespace(NS1, tenant, stacks, 'records'), 'unknown', 'namespace "records"');

    const again = minimal();
    const t2 = stackOf(again, 'tenant-records');
    at(bodyOf(t2, 'kubernetes_network_policy_v1', 'default-deny'), 'metadata').namespace = '${var.namespace}';
    expectOutcome(forNamespace(NS1, t2, again, 'records'), 'unknown', 'namespace "records"');
  });

  it('checks the platform log forwarder namespace like any other', () => {
    const stacks = minimal();
    const platform = stackOf(stacks, 'platform');
    expect(forNamespace(NS1, platform, stacks, 'slz-logging').status).toBe('pass');
    delete table(platform).kubernetes_network_policy_v1;
    expectOutcome(forNamespace(NS1, platform, stacks, 'slz-logging'), 'fail', 'namespace "slz-logging"', 'no NetworkPolicy at all');
  });

  it('checks an unlabelled namespace of a foreign app, across its stacks, by cluster', () => {
    const provider = (host: string) => ({ kubernetes: [{ host }] });
    const nsStack: SynthStack = {
      name: 'payments-ns',
      file: 'stacks/payments-ns/cdk.tf.json',
      json: { provider: provider('https://k8s.a.example'), resource: { kubernetes_namespace_v1: { ns: { metadata: { name: 'payments' } } } } },
    };
    const policies: SynthStack = {
      name: 'payments-net',
      file: 'stacks/payments-net/cdk.tf.json',
      json: {
        provider: provider('https://k8s.a.example'),
        resource: { kubernetes_network_policy_v1: { deny: { metadata: { name: 'deny-all', namespace: 'payments' }, spec: { pod_selector: {}, policy_types: ['Ingress', 'Egress'] } } } },
      },
    };
    expect(forNamespace(NS1, nsStack, [nsStack, policies], 'payments').status).toBe('pass');
    // The same policy applied to another cluster does not protect this namespace.
    const elsewhere = { ...policies, json: { ...policies.json, provider: provider('https://k8s.b.example') } };
    expectOutcome(forNamespace(NS1, nsStack, [nsStack, elsewhere], 'payments'), 'fail', 'namespace "payments"');
    // A stack without namespaces has nothing to judge.
    expect(runS(NS1, policies, [nsStack, policies])).toEqual([]);
  });
});

describe('KT-NS2 Pod Security restricted', () => {
  it('passes a tenant namespace', () => {
    const stacks = minimal();
    expect(one(NS2, refOf(stackOf(stacks, 'tenant-records'), 'kubernetes_namespace_v1'), stacks).status).toBe('pass');
  });

  it('defers the declared log collector namespace to KT-PLT1', () => {
    const stacks = minimal();
    expect(one(NS2, forwarderNamespace(stacks), stacks).status).toBe('not-applicable');
  });

  it('fails the privileged log forwarder namespace once it no longer declares itself the log collector (by label, not by name)', () => {
    const stacks = minimal();
    undeclare(stacks);
    expectOutcome(one(NS2, forwarderNamespace(stacks), stacks), 'fail', 'namespace "slz-logging"', 'enforce is "privileged", not "restricted"');
    // A reference is no declaration.
    at(forwarderNamespace(stacks).body as Json, 'metadata.labels')[COMPONENT] = '${var.component}';
    expectOutcome(one(NS2, forwarderNamespace(stacks), stacks), 'fail', 'enforce is "privileged"');
  });

  it('fails missing enforce-version and a baseline warn level', () => {
    const stacks = minimal();
    const ns = refOf(stackOf(stacks, 'tenant-records'), 'kubernetes_namespace_v1');
    const labels = at(ns.body as Json, 'metadata.labels');
    delete labels['pod-security.kubernetes.io/enforce-version'];
    labels['pod-security.kubernetes.io/warn'] = 'baseline';
    expectOutcome(one(NS2, ns, stacks), 'fail', 'namespace "records"', 'enforce-version is not set', 'warn is "baseline"');
  });

  it('is unknown when the labels or a level are references', () => {
    const stacks = minimal();
    const ns = refOf(stackOf(stacks, 'tenant-records'), 'kubernetes_namespace_v1');
    at(ns.body as Json, 'metadata.labels')['pod-security.kubernetes.io/enforce'] = '${var.level}';
    expectOutcome(one(NS2, ns, stacks), 'unknown', 'namespace "records"', 'enforce is a reference');
    at(ns.body as Json, 'metadata').labels = '${var.labels}';
    expectOutcome(one(NS2, ns, stacks), 'unknown', 'metadata.labels is a reference');
  });
});

describe('KT-NS3 ResourceQuota', () => {
  it('passes tenant and platform namespaces', () => {
    const stacks = full();
    for (const o of nonEmpty(stacks.flatMap((s) => runS(NS3, s, stacks)), 'outcome of NS3')) expect(o.outcome.status).toBe('pass');
  });

  it('fails a quota without limits.memory, naming the key', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    delete at(bodyOf(tenant, 'kubernetes_resource_quota_v1'), 'spec.hard')['limits.memory'];
    expectOutcome(forNamespace(NS3, tenant, stacks, 'records'), 'fail', 'namespace "records"', 'tenant-quota', 'limits.memory');
  });

  it('fails a namespace without quota, and ignores a scoped quota', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    at(bodyOf(tenant, 'kubernetes_resource_quota_v1'), 'spec').scopes = ['BestEffort'];
    expectOutcome(forNamespace(NS3, tenant, stacks, 'records'), 'fail', 'tenant-quota (scoped, ignored)');
    deleteResource(tenant, 'kubernetes_resource_quota_v1', 'tenant-quota');
    expectOutcome(forNamespace(NS3, tenant, stacks, 'records'), 'fail', 'namespace "records"', 'has no ResourceQuota');
  });

  it('accepts the cpu/memory aliases of requests.*', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    const hard = at(bodyOf(tenant, 'kubernetes_resource_quota_v1'), 'spec.hard');
    hard.cpu = hard['requests.cpu'];
    delete hard['requests.cpu'];
    expect(forNamespace(NS3, tenant, stacks, 'records').status).toBe('pass');
  });

  it('is unknown when spec.hard is a reference', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    at(bodyOf(tenant, 'kubernetes_resource_quota_v1'), 'spec').hard = '${var.hard}';
    expectOutcome(forNamespace(NS3, tenant, stacks, 'records'), 'unknown', 'namespace "records"');
  });
});

describe('KT-NS4 LimitRange', () => {
  it('passes tenant and platform namespaces', () => {
    const stacks = full();
    for (const o of nonEmpty(stacks.flatMap((s) => runS(NS4, s, stacks)), 'outcome of NS4')) expect(o.outcome.status).toBe('pass');
  });

  it('fails a Container limit without default_request.memory', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    delete at(bodyOf(tenant, 'kubernetes_limit_range_v1'), 'spec.limit.0.default_request').memory;
    expectOutcome(forNamespace(NS4, tenant, stacks, 'records'), 'fail', 'namespace "records"', 'tenant-limits', 'default_request.memory');
  });

  it('fails a Pod-type limit only, and a namespace without LimitRange', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    at(bodyOf(tenant, 'kubernetes_limit_range_v1'), 'spec.limit.0').type = 'Pod';
    expectOutcome(forNamespace(NS4, tenant, stacks, 'records'), 'fail', 'default.cpu');
    deleteResource(tenant, 'kubernetes_limit_range_v1', 'tenant-limits');
    expectOutcome(forNamespace(NS4, tenant, stacks, 'records'), 'fail', 'namespace "records"', 'has no LimitRange');
  });

  it('is unknown when the limit type is a reference', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    at(bodyOf(tenant, 'kubernetes_limit_range_v1'), 'spec.limit.0').type = '${var.kind}';
    expectOutcome(forNamespace(NS4, tenant, stacks, 'records'), 'unknown', 'namespace "records"');
  });
});

describe('KT-NS5 no LoadBalancer/NodePort quota', () => {
  it('passes quotas that set both to "0"', () => {
    const stacks = full();
    for (const r of nonEmpty(stacks.flatMap((s) => resourcesOf(s).filter((x) => x.type === 'kubernetes_resource_quota_v1')), 'kubernetes_resource_quota_v1')) expect(one(NS5, r, stacks).status).toBe('pass');
  });

  it('fails a non-zero or missing value, naming the key', () => {
    const stacks = minimal();
    const quota = refOf(stackOf(stacks, 'tenant-records'), 'kubernetes_resource_quota_v1');
    const hard = at(quota.body as Json, 'spec.hard');
    hard['services.nodeports'] = '2';
    delete hard['services.loadbalancers'];
    expectOutcome(one(NS5, quota, stacks), 'fail', 'tenant-quota', 'services.loadbalancers"] is not set', 'services.nodeports"] is "2"');
  });

  it('passes when another quota of the namespace sets them to "0"', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    const quota = bodyOf(tenant, 'kubernetes_resource_quota_v1');
    const services = structuredClone(quota);
    at(services, 'metadata').name = 'services-quota';
    at(services, 'spec').hard = { 'services.loadbalancers': '0', 'services.nodeports': '0' };
    delete at(quota, 'spec.hard')['services.loadbalancers'];
    delete at(quota, 'spec.hard')['services.nodeports'];
    const added = addResource(tenant, 'kubernetes_resource_quota_v1', 'services', services);
    expect(one(NS5, refOf(tenant, 'kubernetes_resource_quota_v1', 'tenant-quota'), stacks).status).toBe('pass');
    expect(one(NS5, added, stacks).status).toBe('pass');
  });

  it('is unknown when a value is a reference', () => {
    const stacks = minimal();
    const quota = refOf(stackOf(stacks, 'tenant-records'), 'kubernetes_resource_quota_v1');
    at(quota.body as Json, 'spec.hard')['services.loadbalancers'] = '${var.lbs}';
    expectOutcome(one(NS5, quota, stacks), 'unknown', 'services.loadbalancers');
  });
});

describe('KT-NS6 no system namespaces', () => {
  it('passes every namespaced resource of the trees', () => {
    const stacks = full();
    for (const r of nonEmpty(stacks.flatMap((s) => resourcesOf(s).filter((x) => NS6.resourceTypes.includes(x.type))), 'resource NS6 applies to')) expect(runR(NS6, r, stacks).map((o) => o.status)).not.toContain('fail');
  });

  it('fails a resource in kube-system and one without a namespace (default)', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    const sa = refOf(tenant, 'kubernetes_service_account_v1', 'api');
    at(sa.body as Json, 'metadata').namespace = 'kube-system';
    expectOutcome(one(NS6, sa, stacks), 'fail', 'kubernetes_service_account_v1 "api"', 'system namespace "kube-system"');
    const quota = refOf(tenant, 'kubernetes_resource_quota_v1');
    delete at(quota.body as Json, 'metadata').namespace;
    expectOutcome(one(NS6, quota, stacks), 'fail', 'tenant-quota', '"default"');
  });

  it('is unknown for a namespace expression, not applicable to a cluster-scoped manifest', () => {
    const stacks = minimal();
    const sa = refOf(stackOf(stacks, 'tenant-records'), 'kubernetes_service_account_v1', 'api');
    at(sa.body as Json, 'metadata').namespace = '${var.namespace}';
    expectOutcome(one(NS6, sa, stacks), 'unknown', '"api"', '${var.namespace}');
    const policy = resourcesOf(stackOf(stacks, 'admission')).find((r) => r.type === 'kubernetes_manifest') as ResourceRef;
    expect(one(NS6, policy, stacks).status).toBe('not-applicable');
  });
});

describe('KT-NS7 sovereignty labels', () => {
  it('passes tenant namespaces and the platform namespace (owner = component)', () => {
    const stacks = full();
    for (const r of nonEmpty(stacks.flatMap((s) => resourcesOf(s).filter((x) => x.type === 'kubernetes_namespace_v1')), 'kubernetes_namespace_v1')) expect(one(NS7, r, stacks).status).toBe('pass');
  });

  it('fails a namespace without agency and owner labels', () => {
    const stacks = minimal();
    const ns = refOf(stackOf(stacks, 'tenant-records'), 'kubernetes_namespace_v1');
    const labels = at(ns.body as Json, 'metadata.labels');
    delete labels['sovereign.slz.dev/agency'];
    delete labels['sovereign.slz.dev/tenant'];
    expectOutcome(one(NS7, ns, stacks), 'fail', 'namespace "records"', 'no agency label', 'no owner label');
  });

  it('is unknown when the labels are a reference', () => {
    const stacks = minimal();
    const ns = refOf(stackOf(stacks, 'tenant-records'), 'kubernetes_namespace_v1');
    at(ns.body as Json, 'metadata').labels = '${local.labels}';
    expectOutcome(one(NS7, ns, stacks), 'unknown', 'namespace "records"');
  });
});

// ---------------------------------------------------------------------------------------------
// Service accounts and RBAC.

describe('KT-SA1 default service account', () => {
  it('passes every namespace of the trees', () => {
    const stacks = full();
    for (const o of nonEmpty(stacks.flatMap((s) => runS(SA1, s, stacks)), 'outcome of SA1')) expect(o.outcome.status).toBe('pass');
  });

  it('fails automount = true, and a missing default service account', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    bodyOf(tenant, 'kubernetes_default_service_account_v1').automount_service_account_token = true;
    expectOutcome(forNamespace(SA1, tenant, stacks, 'records'), 'fail', 'namespace "records"', 'automount_service_account_token = true');
    delete table(tenant).kubernetes_default_service_account_v1;
    expectOutcome(forNamespace(SA1, tenant, stacks, 'records'), 'fail', 'namespace "records"', 'has no kubernetes_default_service_account_v1');
  });

  it('is unknown when automount is a reference', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    bodyOf(tenant, 'kubernetes_default_service_account_v1').automount_service_account_token = '${var.automount}';
    expectOutcome(forNamespace(SA1, tenant, stacks, 'records'), 'unknown', 'namespace "records"');
  });
});

describe('KT-SA2 service accounts', () => {
  it('passes every service account of the trees', () => {
    const stacks = full();
    for (const r of nonEmpty(stacks.flatMap((s) => resourcesOf(s).filter((x) => x.type === 'kubernetes_service_account_v1')), 'kubernetes_service_account_v1')) expect(one(SA2, r, stacks).status).toBe('pass');
  });

  it('fails an account that leaves automount at the provider default', () => {
    const stacks = minimal();
    const sa = refOf(stackOf(stacks, 'tenant-records'), 'kubernetes_service_account_v1', 'api');
    delete (sa.body as Json).automount_service_account_token;
    expectOutcome(one(SA2, sa, stacks), 'fail', 'kubernetes_service_account_v1 "api" in namespace "records"', 'unset (provider default true)');
  });

  it('is unknown when automount is a reference', () => {
    const stacks = minimal();
    const sa = refOf(stackOf(stacks, 'tenant-records'), 'kubernetes_service_account_v1', 'api');
    (sa.body as Json).automount_service_account_token = '${var.automount}';
    expectOutcome(one(SA2, sa, stacks), 'unknown', '"api"');
  });
});

/** The tenant roles (full tree) and the log forwarder's ClusterRole. */
function roleRefs(stacks: readonly SynthStack[]): ResourceRef[] {
  return stacks.flatMap((s) => resourcesOf(s).filter((r) => r.type === 'kubernetes_role_v1' || r.type === 'kubernetes_cluster_role_v1'));
}

function roleRule(body: Json, i: number): Json {
  return (body.rule as Json[])[i] as Json;
}

describe.each([
  ['KT-RB1', RB1],
  ['KT-RB3', RB3],
  ['KT-RB4', RB4],
  ['KT-RB5', RB5],
  ['KT-RB8', RB8],
])('%s on the generated roles', (_id, rule) => {
  it('passes the tenant roles and the log forwarder ClusterRole', () => {
    const stacks = full();
    const roles = roleRefs(stacks);
    expect(roles.length).toBe(8);
    for (const r of roles) expect(one(rule, r, stacks).status).toBe('pass');
  });

  it('is unknown for an aggregated ClusterRole', () => {
    const stacks = minimal();
    const cr = refOf(stackOf(stacks, 'platform'), 'kubernetes_cluster_role_v1');
    (cr.body as Json).aggregation_rule = { cluster_role_selectors: [{ match_labels: { 'rbac.example/aggregate-to-tenant': 'true' } }] };
    expectOutcome(one(rule, cr, stacks), 'unknown', 'aggregation_rule');
  });
});

function tenantRole(stacks: readonly SynthStack[], tier: 'admin' | 'developer' | 'viewer'): ResourceRef {
  return refOf(stackOf(stacks, 'tenant-patient-records-cyberjaya'), 'kubernetes_role_v1', `slz-tenant-${tier}`);
}

describe('KT-RB1 no wildcards', () => {
  it('fails a "*" verb and a "pods/*" resource, naming the rule block', () => {
    const stacks = full();
    const role = tenantRole(stacks, 'developer');
    (roleRule(role.body as Json, 2).verbs as string[]).push('*');
    roleRule(role.body as Json, 5).resources = ['pods/*'];
    const out = runR(RB1, role, stacks);
    expect(statuses(out)).toEqual(['fail', 'fail']);
    expectOutcome(out[0], 'fail', 'kubernetes_role_v1 "slz-tenant-developer"', 'rule[2]', 'verbs "*"');
    expectOutcome(out[1], 'fail', 'rule[5]', 'resources "pods/*"');
    expect(out[0]?.status === 'fail' && out[0].attribute).toBe('rule[2]');
  });

  it('is unknown when verbs are a reference', () => {
    const stacks = full();
    const role = tenantRole(stacks, 'viewer');
    roleRule(role.body as Json, 0).verbs = '${var.verbs}';
    expectOutcome(one(RB1, role, stacks), 'unknown', 'rule[0]');
  });
});

describe('KT-RB2 cluster-admin and tenant ClusterRoleBindings', () => {
  function bindings(stacks: readonly SynthStack[]): ResourceRef[] {
    return stacks.flatMap((s) => resourcesOf(s).filter((r) => RB2.resourceTypes.includes(r.type)));
  }

  it('passes the tenant RoleBindings, the log forwarder ClusterRoleBinding and the workloads\' system:auth-delegator bindings', () => {
    const stacks = full();
    // 8 RoleBindings and forwarder bindings, plus one token-review binding per tenant stack with workloads.
    expect(bindings(stacks).length).toBe(11);
    for (const b of bindings(stacks)) expect(one(RB2, b, stacks).status).toBe('pass');
  });

  it('fails a binding to cluster-admin', () => {
    const stacks = full();
    const rb = refOf(stackOf(stacks, 'tenant-patient-records-cyberjaya'), 'kubernetes_role_binding_v1', 'slz-tenant-admin');
    at(rb.body as Json, 'role_ref').kind = 'ClusterRole';
    at(rb.body as Json, 'role_ref').name = 'cluster-admin';
    expectOutcome(one(RB2, rb, stacks), 'fail', 'kubernetes_role_binding_v1 "slz-tenant-admin"', '"cluster-admin"');
  });

  it('fails a ClusterRoleBinding labelled for a tenant or binding a tenant service account', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    const crb = addResource(tenant, 'kubernetes_cluster_role_binding_v1', 'tenant_crb', {
      metadata: { name: 'records-reader', labels: { 'sovereign.slz.dev/tenant': 'records' } },
      role_ref: { api_group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subject: [{ kind: 'ServiceAccount', name: '${kubernetes_service_account_v1.namespace_ServiceAccount-api_789E20A8.metadata[0].name}', namespace: '${kubernetes_namespace_v1.namespace_Namespace_F993C02C.metadata[0].name}' }],
    });
    const out = runR(RB2, crb, stacks);
    expect(statuses(out)).toEqual(['fail', 'fail']);
    expectOutcome(out[0], 'fail', 'tenant "records"');
    expectOutcome(out[1], 'fail', 'service account "api"', 'tenant namespace "records"');
  });

  it('is unknown when role_ref.name is a reference it cannot follow', () => {
    const stacks = full();
    const rb = refOf(stackOf(stacks, 'tenant-patient-records-cyberjaya'), 'kubernetes_role_binding_v1', 'slz-tenant-viewer');
    at(rb.body as Json, 'role_ref').name = '${var.role}';
    expectOutcome(one(RB2, rb, stacks), 'unknown', '"slz-tenant-viewer"', '${var.role}');
  });
});

describe('KT-RB3 Secret reads', () => {
  it('fails get/list on secrets without resource_names and passes named ones', () => {
    const stacks = full();
    const role = tenantRole(stacks, 'admin');
    const secrets = (role.body.rule as Json[]).findIndex((r) => (r.resources as string[]).includes('secrets'));
    (roleRule(role.body as Json, secrets).verbs as string[]).push('get', 'list');
    expectOutcome(one(RB3, role, stacks), 'fail', '"slz-tenant-admin"', `rule[${secrets}]`, 'get, list on "secrets" without resource_names');
    roleRule(role.body as Json, secrets).resource_names = ['pull-secret'];
    expect(one(RB3, role, stacks).status).toBe('pass');
  });

  it('is unknown when the verbs on secrets are a reference', () => {
    const stacks = full();
    const role = tenantRole(stacks, 'admin');
    const secrets = (role.body.rule as Json[]).findIndex((r) => (r.resources as string[]).includes('secrets'));
    roleRule(role.body as Json, secrets).verbs = '${var.secret_verbs}';
    expectOutcome(one(RB3, role, stacks), 'unknown', `rule[${secrets}]`, 'access to Secrets');
  });

  it('catches a wildcard resource in the core group', () => {
    const stacks = full();
    const role = tenantRole(stacks, 'viewer');
    roleRule(role.body as Json, 0).resources = ['*'];
    expectOutcome(one(RB3, role, stacks), 'fail', 'rule[0]', 'get, list, watch on "secrets"');
  });
});

describe('KT-RB4 pod create and exec', () => {
  it('fails create on pods and get on pods/exec', () => {
    const stacks = full();
    const role = tenantRole(stacks, 'developer');
    (roleRule(role.body as Json, 9).verbs as string[]).push('create');
    (role.body.rule as Json[]).push({ api_groups: [''], resources: ['pods/exec', 'pods/attach'], verbs: ['get'] });
    const out = runR(RB4, role, stacks);
    expectOutcome(out[0], 'fail', 'rule[9]', 'create on "pods"');
    expectOutcome(out[1], 'fail', 'get on "pods/exec", "pods/attach"');
  });

  it('is unknown when resources are a reference', () => {
    const stacks = full();
    const role = tenantRole(stacks, 'developer');
    roleRule(role.body as Json, 9).resources = '${var.resources}';
    expectOutcome(one(RB4, role, stacks), 'unknown', 'rule[9]');
  });
});

describe('KT-RB5 escalation verbs', () => {
  it('fails escalate/bind/impersonate and "*" verbs on roles', () => {
    const stacks = minimal();
    const cr = refOf(stackOf(stacks, 'platform'), 'kubernetes_cluster_role_v1');
    (cr.body.rule as Json[]).push({ api_groups: [''], resources: ['users', 'groups'], verbs: ['impersonate'] });
    (cr.body.rule as Json[]).push({ api_groups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['*'] });
    const out = runR(RB5, cr, stacks);
    expectOutcome(out[0], 'fail', 'kubernetes_cluster_role_v1 "slz-log-forwarder-slz-logging"', 'rule[1]', '"impersonate"');
    expectOutcome(out[1], 'fail', 'rule[2]', '"*" verbs', '"clusterroles"');
  });

  it('is unknown when verbs are a reference', () => {
    const stacks = minimal();
    const cr = refOf(stackOf(stacks, 'platform'), 'kubernetes_cluster_role_v1');
    roleRule(cr.body as Json, 0).verbs = ['get', '${var.extra}'];
    expectOutcome(one(RB5, cr, stacks), 'unknown', 'rule[0]');
  });
});

describe('KT-RB6 default service account bindings', () => {
  it('passes the generated bindings', () => {
    const stacks = full();
    for (const r of nonEmpty(stacks.flatMap((s) => resourcesOf(s).filter((x) => RB6.resourceTypes.includes(x.type))), 'resource RB6 applies to')) expect(one(RB6, r, stacks).status).toBe('pass');
  });

  it('fails a subject named default, also through a reference to the default service account', () => {
    const stacks = minimal();
    const platform = stackOf(stacks, 'platform');
    const crb = refOf(platform, 'kubernetes_cluster_role_binding_v1');
    (crb.body.subject as Json[]).push({ kind: 'ServiceAccount', name: 'default', namespace: 'slz-logging' });
    (crb.body.subject as Json[])[0]!.name = '${kubernetes_default_service_account_v1.log-forwarder_DefaultServiceAccount_48597708.metadata[0].name}';
    const out = runR(RB6, crb, stacks);
    expect(statuses(out)).toEqual(['fail', 'fail']);
    expectOutcome(out[0], 'fail', 'subject[0]', '"default" service account');
    expectOutcome(out[1], 'fail', 'subject[1]', '"default" service account of namespace "slz-logging"');
  });

  it('is unknown for a service account name it cannot follow', () => {
    const stacks = minimal();
    const crb = refOf(stackOf(stacks, 'platform'), 'kubernetes_cluster_role_binding_v1');
    (crb.body.subject as Json[])[0]!.name = '${var.sa}';
    expectOutcome(one(RB6, crb, stacks), 'unknown', 'subject[0]', '${var.sa}');
  });
});

describe('KT-RB7 system:masters', () => {
  it('passes the generated bindings (IdP groups)', () => {
    const stacks = full();
    for (const r of nonEmpty(stacks.flatMap((s) => resourcesOf(s).filter((x) => RB7.resourceTypes.includes(x.type))), 'resource RB7 applies to')) expect(one(RB7, r, stacks).status).toBe('pass');
  });

  it('fails a binding to system:masters', () => {
    const stacks = full();
    const rb = refOf(stackOf(stacks, 'tenant-patient-records-kulim'), 'kubernetes_role_binding_v1', 'slz-tenant-admin');
    (rb.body.subject as Json[]).push({ api_group: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:masters' });
    expectOutcome(one(RB7, rb, stacks), 'fail', '"slz-tenant-admin"', 'subject[1]', '"system:masters"');
  });

  it('is unknown for a group name that is a reference', () => {
    const stacks = full();
    const rb = refOf(stackOf(stacks, 'tenant-patient-records-kulim'), 'kubernetes_role_binding_v1', 'slz-tenant-admin');
    (rb.body.subject as Json[])[0]!.name = '${var.admins}';
    expectOutcome(one(RB7, rb, stacks), 'unknown', 'subject[0]');
  });
});

describe('KT-RB8 token, admission and CSR approval', () => {
  it('fails each kind of grant', () => {
    const stacks = full();
    const role = tenantRole(stacks, 'admin');
    const rules = role.body.rule as Json[];
    const n = rules.length;
    rules.push({ api_groups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] });
    rules.push({ api_groups: ['admissionregistration.k8s.io'], resources: ['validatingadmissionpolicybindings'], verbs: ['patch', 'delete'] });
    rules.push({ api_groups: ['certificates.k8s.io'], resources: ['certificatesigningrequests/approval'], verbs: ['update'] });
    const out = runR(RB8, role, stacks);
    expect(statuses(out)).toEqual(['fail', 'fail', 'fail']);
    expectOutcome(out[0], 'fail', `rule[${n}]`, 'create on "serviceaccounts/token"');
    expectOutcome(out[1], 'fail', 'patch/delete on "validatingadmissionpolicybindings"');
    expectOutcome(out[2], 'fail', 'update on "certificatesigningrequests/approval"');
  });

  it('is unknown when a rule\'s resources are a reference', () => {
    const stacks = full();
    const role = tenantRole(stacks, 'viewer');
    (role.body.rule as Json[]).push({ api_groups: ['admissionregistration.k8s.io'], resources: '${var.admission_resources}', verbs: ['get'] });
    expectOutcome(one(RB8, role, stacks), 'unknown', 'rule[8]', 'token, admission and CSR-approval access');
  });
});

// ---------------------------------------------------------------------------------------------
// Network policy.

function policyRef(stacks: readonly SynthStack[], stack: string, name: string): ResourceRef {
  return refOf(stackOf(stacks, stack), 'kubernetes_network_policy_v1', name);
}

describe('KT-NP1 no public CIDR', () => {
  it('passes the generated policies, also against the in-country CIDRs', () => {
    const stacks = full();
    for (const r of nonEmpty(stacks.flatMap((s) => resourcesOf(s).filter((x) => x.type === 'kubernetes_network_policy_v1')), 'kubernetes_network_policy_v1')) {
      expect(one(NP1, r, stacks).status).toBe('pass');
      expect(one(NP1, r, stacks, { inCountryCidrs: ['10.0.0.0/8'] }).status).toBe('pass');
    }
  });

  it('fails egress to 0.0.0.0/0 and ingress from ::/0 without except, naming the CIDR', () => {
    const stacks = full();
    const egress = policyRef(stacks, 'tenant-patient-records-cyberjaya', 'allow-egress-his');
    at(egress.body as Json, 'spec.egress.0.to.0.ip_block').cidr = '0.0.0.0/0';
    expectOutcome(one(NP1, egress, stacks), 'fail', '"allow-egress-his" in namespace "patient-records"', 'spec.egress[0].to[0].ip_block.cidr "0.0.0.0/0"', 'every address');
    const ingress = policyRef(stacks, 'tenant-patient-records-cyberjaya', 'allow-ingress-hospital-lan');
    at(ingress.body as Json, 'spec.ingress.0.from.0.ip_block').cidr = '::/0';
    expectOutcome(one(NP1, ingress, stacks), 'fail', '"::/0"', 'ingress from every address');
  });

  it('with the landing zone known, fails any CIDR outside the in-country blocks, /0 with except included', () => {
    const stacks = full();
    const egress = policyRef(stacks, 'tenant-patient-records-cyberjaya', 'allow-egress-his');
    const ipb = at(egress.body as Json, 'spec.egress.0.to.0.ip_block');
    ipb.cidr = '0.0.0.0/0';
    ipb.except = ['10.0.0.0/8'];
    expect(one(NP1, egress, stacks).status).toBe('pass');
    expectOutcome(one(NP1, egress, stacks, { inCountryCidrs: ['10.0.0.0/8'] }), 'fail', '"0.0.0.0/0"', 'outside the in-country CIDRs (10.0.0.0/8)');
    ipb.cidr = '8.8.8.0/24';
    delete ipb.except;
    expectOutcome(one(NP1, egress, stacks, { inCountryCidrs: ['10.0.0.0/8'] }), 'fail', '"8.8.8.0/24"');
  });

  it('is unknown for a CIDR reference and fails an invalid CIDR', () => {
    const stacks = full();
    const egress = policyRef(stacks, 'tenant-patient-records-cyberjaya', 'allow-egress-his');
    at(egress.body as Json, 'spec.egress.0.to.0.ip_block').cidr = '${var.his_cidr}';
    expectOutcome(one(NP1, egress, stacks), 'unknown', 'spec.egress[0].to[0].ip_block.cidr', '${var.his_cidr}');
    at(egress.body as Json, 'spec.egress.0.to.0.ip_block').cidr = '10.20.0.0/33';
    expectOutcome(one(NP1, egress, stacks), 'fail', 'not a valid CIDR');
  });
});

describe('KT-NP2 empty namespace selector', () => {
  it('passes the generated policies (DNS peer has match_labels)', () => {
    const stacks = full();
    for (const r of nonEmpty(stacks.flatMap((s) => resourcesOf(s).filter((x) => x.type === 'kubernetes_network_policy_v1')), 'kubernetes_network_policy_v1')) expect(one(NP2, r, stacks).status).toBe('pass');
  });

  it('fails a present-but-empty namespace selector, naming the peer', () => {
    const stacks = minimal();
    const dns = policyRef(stacks, 'tenant-records', 'allow-dns');
    at(dns.body as Json, 'spec.egress.0.to.0').namespace_selector = {};
    expectOutcome(one(NP2, dns, stacks), 'fail', '"allow-dns" in namespace "records"', 'spec.egress[0].to[0].namespace_selector', 'every namespace');
    at(dns.body as Json, 'spec.egress.0.to.0').namespace_selector = [{ match_labels: {}, match_expressions: [] }];
    expectOutcome(one(NP2, dns, stacks), 'fail', 'present but empty');
    at(dns.body as Json, 'spec.egress.0.to.0').namespace_selector = [];
    expect(one(NP2, dns, stacks).status).toBe('pass');
  });

  it('is unknown when the selector labels are a reference', () => {
    const stacks = minimal();
    const dns = policyRef(stacks, 'tenant-records', 'allow-dns');
    at(dns.body as Json, 'spec.egress.0.to.0').namespace_selector = { match_labels: '${var.labels}' };
    expectOutcome(one(NP2, dns, stacks), 'unknown', 'namespace_selector');
  });
});

describe('KT-NP3 DNS allowed', () => {
  it('passes every namespace of the trees (allow-dns) and is not applicable without egress deny', () => {
    const stacks = full();
    for (const o of nonEmpty(stacks.flatMap((s) => runS(NP3, s, stacks)), 'outcome of NP3')) expect(o.outcome.status).toBe('pass');
    const again = minimal();
    const tenant = stackOf(again, 'tenant-records');
    deleteResource(tenant, 'kubernetes_network_policy_v1', 'default-deny');
    expect(forNamespace(NP3, tenant, again, 'records').status).toBe('not-applicable');
  });

  it('fails when DNS is not allowed, or only over UDP', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    const ports = at(bodyOf(tenant, 'kubernetes_network_policy_v1', 'allow-dns'), 'spec.egress.0').ports as Json[];
    ports.pop();
    expectOutcome(forNamespace(NP3, tenant, stacks, 'records'), 'fail', 'namespace "records"', '53/TCP');
    deleteResource(tenant, 'kubernetes_network_policy_v1', 'allow-dns');
    expectOutcome(forNamespace(NP3, tenant, stacks, 'records'), 'fail', 'no NetworkPolicy allows DNS', '53/UDP and 53/TCP');
  });

  it('is unknown when whether egress is denied is known only at plan time', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    deleteResource(tenant, 'kubernetes_network_policy_v1', 'allow-dns');
    at(bodyOf(tenant, 'kubernetes_network_policy_v1', 'default-deny'), 'spec').policy_types = '${var.types}';
    expectOutcome(forNamespace(NP3, tenant, stacks, 'records'), 'unknown', 'namespace "records"');
  });
});

// ---------------------------------------------------------------------------------------------
// Admission.

function manifestOf(stack: SynthStack, kind: string): Json {
  const body = Object.values(table(stack).kubernetes_manifest ?? {}).find((b) => (b.manifest as Json).kind === kind);
  if (!body) throw new Error(`no ${kind}`);
  return body.manifest as Json;
}

describe('KT-VAP1 residency admission policy', () => {
  it('passes every tenant namespace of both trees; platform namespaces are not applicable; admission stacks hold none', () => {
    for (const stacks of [minimal(), full()]) {
      const kinds = (['admission', 'tenant', 'platform'] as const).map((kind) => [kind, stacks.filter((s) => s.name.includes(`-${kind}-`))] as const);
      expect(kinds.flatMap(([, of]) => of).length).toBe(stacks.length);
      for (const [kind, of] of kinds) {
        for (const s of nonEmpty(of, `${kind} stack`)) {
          const outs = runS(VAP1, s, stacks);
          if (kind === 'admission') expect(outs).toEqual([]);
          else expect(statuses(outs.map((o) => o.outcome))).toEqual([kind === 'tenant' ? 'pass' : 'not-applicable']);
        }
      }
    }
  });

  it('fails every tenant namespace when the tree has no admission stack', () => {
    const stacks = minimal().filter((s) => !s.name.includes('admission'));
    expectOutcome(forNamespace(VAP1, stackOf(stacks, 'tenant-records'), stacks, 'records'), 'fail', 'tenant namespace "records"', 'no ValidatingAdmissionPolicy or binding at all');
  });

  it('checks per cluster: the kulim tenant fails without the kulim admission stack, cyberjaya still passes', () => {
    const stacks = full().filter((s) => s.name !== 'moh-admission-kulim');
    expectOutcome(forNamespace(VAP1, stackOf(stacks, 'tenant-patient-records-kulim'), stacks, 'patient-records'), 'fail', 'tenant namespace "patient-records"', 'other cluster');
    expect(forNamespace(VAP1, stackOf(stacks, 'tenant-patient-records-cyberjaya'), stacks, 'patient-records').status).toBe('pass');
  });

  it('fails when the binding does not select the namespace, or the policy does not check the region', () => {
    const stacks = minimal();
    const binding = manifestOf(stackOf(stacks, 'admission'), 'ValidatingAdmissionPolicyBinding');
    at(binding, 'spec.matchResources').namespaceSelector = { matchLabels: { 'sovereign.slz.dev/tenant': 'someone-else' } };
    expectOutcome(forNamespace(VAP1, stackOf(stacks, 'tenant-records'), stacks, 'records'), 'fail', '"records"', 'binding "slz-residency-tenants" does not select it');

    const again = minimal();
    const policy = manifestOf(stackOf(again, 'admission'), 'ValidatingAdmissionPolicy');
    at(policy, 'spec').validations = (at(policy, 'spec').validations as Json[]).slice(0, 3);
    expectOutcome(forNamespace(VAP1, stackOf(again, 'tenant-records'), again, 'records'), 'fail', 'policy "slz-residency" does not check topology.kubernetes.io/region');
  });

  it('is unknown when the binding names its policy through a reference it cannot follow', () => {
    const stacks = minimal();
    at(manifestOf(stackOf(stacks, 'admission'), 'ValidatingAdmissionPolicyBinding'), 'spec').policyName = '${var.policy}';
    expectOutcome(forNamespace(VAP1, stackOf(stacks, 'tenant-records'), stacks, 'records'), 'unknown', 'tenant namespace "records"');
  });

  it('is unknown when the namespace labels are a reference', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    at(bodyOf(tenant, 'kubernetes_namespace_v1'), 'metadata').labels = '${local.labels}';
    expectOutcome(forNamespace(VAP1, tenant, stacks, 'records'), 'unknown', 'namespace "records"', 'labels are a reference');
  });

  it('follows a reference from the binding to the policy manifest', () => {
    const stacks = minimal();
    const admission = stackOf(stacks, 'admission');
    const policyKey = Object.keys(table(admission).kubernetes_manifest ?? {}).find((k) => k.includes('Policy')) as string;
    at(manifestOf(admission, 'ValidatingAdmissionPolicyBinding'), 'spec').policyName = `\${kubernetes_manifest.${policyKey}.manifest.metadata.name}`;
    expect(forNamespace(VAP1, stackOf(stacks, 'tenant-records'), stacks, 'records').status).toBe('pass');
  });
});

describe('KT-VAP2 admission enforced', () => {
  function manifests(stacks: readonly SynthStack[]): ResourceRef[] {
    return resourcesOf(stackOf(stacks, 'admission')).filter((r) => r.type === 'kubernetes_manifest');
  }

  it('passes the generated policy (Fail) and binding (Deny)', () => {
    const stacks = minimal();
    expect(manifests(stacks).map((r) => one(VAP2, r, stacks).status)).toEqual(['pass', 'pass']);
  });

  it('fails failurePolicy Ignore and an Audit/Warn-only binding', () => {
    const stacks = minimal();
    const admission = stackOf(stacks, 'admission');
    at(manifestOf(admission, 'ValidatingAdmissionPolicy'), 'spec').failurePolicy = 'Ignore';
    at(manifestOf(admission, 'ValidatingAdmissionPolicyBinding'), 'spec').validationActions = ['Audit', 'Warn'];
    const [binding, policy] = manifests(stacks).map((r) => one(VAP2, r, stacks));
    expectOutcome(policy, 'fail', 'ValidatingAdmissionPolicy "slz-residency"', 'failurePolicy "Ignore"');
    expectOutcome(binding, 'fail', 'ValidatingAdmissionPolicyBinding "slz-residency-tenants"', '[Audit, Warn]', 'without Deny');
  });

  it('is unknown for references, not applicable to other manifests, and reads the typed 3.x policy', () => {
    const stacks = minimal();
    const admission = stackOf(stacks, 'admission');
    at(manifestOf(admission, 'ValidatingAdmissionPolicyBinding'), 'spec').validationActions = '${var.actions}';
    expectOutcome(one(VAP2, manifests(stacks)[0] as ResourceRef, stacks), 'unknown', 'validationActions');

    const cm = addResource(admission, 'kubernetes_manifest', 'cm', { manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'slz-logging' } } });
    expect(one(VAP2, cm, stacks).status).toBe('not-applicable');
    const typed = addResource(admission, 'kubernetes_validating_admission_policy_v1', 'typed', { metadata: { name: 'typed-policy' }, spec: { failure_policy: 'Ignore' } });
    expectOutcome(one(VAP2, typed, stacks), 'fail', 'ValidatingAdmissionPolicy "typed-policy"', '"Ignore"');
  });
});

// ---------------------------------------------------------------------------------------------
// Workloads.

function daemonSet(stacks: readonly SynthStack[]): ResourceRef {
  return refOf(stackOf(stacks, 'platform'), 'kubernetes_daemon_set_v1');
}

const POD = 'spec.template.spec';

/** A Deployment built from the forwarder's pod template, hardened: no hostPath, digest-pinned image. */
function cleanDeployment(stacks: SynthStack[]): ResourceRef {
  const tenant = stackOf(stacks, 'tenant-records');
  const body = structuredClone(bodyOf(stackOf(stacks, 'platform'), 'kubernetes_daemon_set_v1'));
  at(body, 'metadata').namespace = '${kubernetes_namespace_v1.namespace_Namespace_F993C02C.metadata[0].name}';
  at(body, 'metadata').name = 'api';
  const pod = at(body, POD);
  pod.volume = (pod.volume as Json[]).filter((v) => !v.host_path);
  const c = at(body, `${POD}.container.0`);
  c.volume_mount = (c.volume_mount as Json[]).filter((m) => !String(m.mount_path).startsWith('/var/log'));
  c.name = 'api';
  c.image = `registry.cyberjaya.agency.example.gov.my/records/api:1.0@${DIGEST}`;
  return addResource(tenant, 'kubernetes_deployment_v1', 'api', body);
}

describe('KT-WL1 restricted security context', () => {
  it('passes the log forwarder DaemonSet (pod and container contexts)', () => {
    const stacks = full();
    for (const r of nonEmpty(stacks.flatMap((s) => resourcesOf(s).filter((x) => WL1.resourceTypes.includes(x.type))), 'resource WL1 applies to')) expect(one(WL1, r, stacks).status).toBe('pass');
  });

  it('fails a container without drop ALL, run_as_non_root and seccomp, naming the container', () => {
    const stacks = minimal();
    const ds = daemonSet(stacks);
    const sc = at(ds.body as Json, `${POD}.container.0.security_context`);
    delete sc.capabilities;
    delete sc.run_as_non_root;
    delete at(ds.body as Json, `${POD}.security_context`).run_as_non_root;
    sc.seccomp_profile = { type: 'Unconfined' };
    expectOutcome(one(WL1, ds, stacks), 'fail', 'kubernetes_daemon_set_v1 "slz-log-forwarder" in namespace "slz-logging", container "fluent-bit"', 'capabilities.drop', 'run_as_non_root', '"Unconfined"');
  });

  it('checks init containers and CronJob templates; added capabilities beyond NET_BIND_SERVICE fail', () => {
    const stacks = minimal();
    const dep = cleanDeployment(stacks);
    expect(one(WL1, dep, stacks).status).toBe('pass');
    const pod = at(dep.body as Json, POD);
    pod.init_container = [{ name: 'setup', image: `r.example/setup@${DIGEST}`, security_context: { allow_privilege_escalation: false, capabilities: { drop: ['ALL'], add: ['NET_ADMIN'] } } }];
    expectOutcome(one(WL1, dep, stacks), 'fail', 'init_container "setup"', 'capabilities.add includes "NET_ADMIN"');

    const cron = addResource(stackOf(stacks, 'tenant-records'), 'kubernetes_cron_job_v1', 'nightly', {
      metadata: { name: 'nightly', namespace: 'records' },
      spec: { schedule: '0 1 * * *', job_template: { metadata: {}, spec: { template: { metadata: {}, spec: { container: [{ name: 'job', image: 'x', security_context: { allow_privilege_escalation: true } }] } } } } },
    });
    expectOutcome(one(WL1, cron, stacks), 'fail', 'kubernetes_cron_job_v1 "nightly"', 'container "job"', 'allow_privilege_escalation is true');
  });

  it('is unknown when a setting is a reference, not applicable without a pod template', () => {
    const stacks = minimal();
    const ds = daemonSet(stacks);
    at(ds.body as Json, `${POD}.container.0.security_context`).allow_privilege_escalation = '${var.escalate}';
    expectOutcome(one(WL1, ds, stacks), 'unknown', 'container "fluent-bit"', 'allow_privilege_escalation is a reference');
    const bare = addResource(stackOf(stacks, 'tenant-records'), 'kubernetes_deployment_v1', 'bare', { metadata: { name: 'bare', namespace: 'records' } });
    expect(one(WL1, bare, stacks).status).toBe('not-applicable');
  });
});

describe('KT-WL2 host access', () => {
  it('defers the log forwarder DaemonSet to KT-PLT1 while its namespace declares itself the log collector', () => {
    const stacks = minimal();
    expect(one(WL2, daemonSet(stacks), stacks).status).toBe('not-applicable');
  });

  it('reports each hostPath volume of an undeclared log forwarder separately, naming volume, path and access', () => {
    const stacks = minimal();
    undeclare(stacks);
    const out = runR(WL2, daemonSet(stacks), stacks);
    expect(statuses(out)).toEqual(['fail', 'fail']);
    expectOutcome(out[0], 'fail', 'kubernetes_daemon_set_v1 "slz-log-forwarder" in namespace "slz-logging"', 'volume "varlogcontainers"', '/var/log/containers', 'mounted read-only');
    expectOutcome(out[1], 'fail', 'volume "varlogpods"', '/var/log/pods', 'mounted read-only');
    expect(out.map((o) => (o.status === 'fail' ? o.attribute : ''))).toEqual([`${POD}.volume[0].host_path`, `${POD}.volume[1].host_path`]);
  });

  it('passes a pod with no host access', () => {
    const stacks = minimal();
    expect(one(WL2, cleanDeployment(stacks), stacks).status).toBe('pass');
  });

  it('fails host_network, privileged, host_port and a writable hostPath mount', () => {
    const stacks = minimal();
    undeclare(stacks);
    const ds = daemonSet(stacks);
    const pod = at(ds.body as Json, POD);
    pod.host_network = true;
    const c = at(ds.body as Json, `${POD}.container.0`);
    at(c, 'security_context').privileged = true;
    c.port = [{ container_port: 2020, host_port: 2020 }];
    (c.volume_mount as Json[])[0]!.read_only = false;
    const out = runR(WL2, ds, stacks);
    expectOutcome(out[0], 'fail', 'host_network = true');
    expectOutcome(out[1], 'fail', 'container "fluent-bit" is privileged');
    expectOutcome(out[2], 'fail', 'host_port 2020');
    expectOutcome(out[3], 'fail', 'volume "varlogcontainers"', 'mounted read-write by container "fluent-bit"');
  });

  it('is unknown when host_pid is a reference', () => {
    const stacks = minimal();
    const dep = cleanDeployment(stacks);
    at(dep.body as Json, POD).host_pid = '${var.debug}';
    expectOutcome(one(WL2, dep, stacks), 'unknown', 'host_pid');
  });
});

describe('KT-WL3 read-only root and pinned images', () => {
  it('passes a digest-pinned image with a read-only root filesystem', () => {
    const stacks = minimal();
    expect(one(WL3, cleanDeployment(stacks), stacks).status).toBe('pass');
  });

  it('fails the tag-only forwarder image and a writable root filesystem', () => {
    const stacks = minimal();
    const ds = daemonSet(stacks);
    expectOutcome(one(WL3, ds, stacks), 'fail', 'container "fluent-bit"', 'fluent-bit:3.2" is not pinned by digest');
    at(ds.body as Json, `${POD}.container.0.security_context`).read_only_root_filesystem = false;
    expectOutcome(one(WL3, ds, stacks), 'fail', 'read_only_root_filesystem is not true');
  });

  it('is unknown when the image is a reference', () => {
    const stacks = minimal();
    const dep = cleanDeployment(stacks);
    at(dep.body as Json, `${POD}.container.0`).image = '${var.image}';
    expectOutcome(one(WL3, dep, stacks), 'unknown', 'container "api"', '${var.image}');
  });
});

// ---------------------------------------------------------------------------------------------
// Platform exceptions that are rules: the log collector (KT-PLT1, with KT-NS2/KT-WL2 deferring).

describe('KT-PLT1 log collector confinement', () => {
  /** KT-PLT1's outcomes for one stack, as [subject name, outcome]. */
  function plt1(stacks: readonly SynthStack[], fragment = 'platform'): [string, Outcome][] {
    return runS(PLT1, stackOf(stacks, fragment), stacks).map((o) => [String(metaName(o.resource!.body as Json)), o.outcome]);
  }
  const failsOf = (out: [string, Outcome][]): Outcome[] => out.map(([, o]) => o).filter((o) => o.status === 'fail');
  const attrOf = (o: Outcome | undefined): string | undefined => (o && (o.status === 'fail' || o.status === 'unknown') ? o.attribute : undefined);

  it('passes the log forwarder namespace and DaemonSet of both trees, and is not applicable to every other namespace', () => {
    for (const stacks of [minimal(), full()]) {
      for (const s of nonEmpty(stacks.filter((x) => x.name.includes('-platform-')), 'platform stack')) {
        expect(runS(PLT1, s, stacks).map((o) => [metaName(o.resource!.body as Json), o.outcome.status])).toEqual([['slz-logging', 'pass'], ['slz-log-forwarder', 'pass']]);
      }
      expectEvery(
        stacks.filter((x) => !x.name.includes('-platform-')).flatMap((s) => runS(PLT1, s, stacks)),
        (o) => o.outcome.status === 'not-applicable',
        'KT-PLT1 outcome outside the platform stacks',
      );
    }
  });

  it('fails a writable hostPath mount, naming volume, container and setting', () => {
    const stacks = minimal();
    const mounts = at(daemonSet(stacks).body as Json, `${POD}.container.0`).volume_mount as Json[];
    mounts[0]!.read_only = false;
    let fails = failsOf(plt1(stacks));
    expect(fails).toHaveLength(1);
    expectOutcome(fails[0], 'fail', 'kubernetes_daemon_set_v1 "slz-log-forwarder" in namespace "slz-logging"', 'container "fluent-bit" mounts host_path volume "varlogcontainers"', 'writable', 'read_only is false');
    expect(attrOf(fails[0])).toBe(`${POD}.container[0].volume_mount[0].read_only`);
    delete mounts[0]!.read_only;
    mounts[1]!.read_only = false;
    fails = failsOf(plt1(stacks));
    expect(fails).toHaveLength(2);
    expectOutcome(fails[0], 'fail', '"varlogcontainers"', 'read_only is not set (defaults to false)');
    expectOutcome(fails[1], 'fail', '"varlogpods"', 'read_only is false');
  });

  it('checks the read-only mount in every container, init containers included', () => {
    const stacks = minimal();
    const pod = at(daemonSet(stacks).body as Json, POD);
    const init = structuredClone((pod.container as Json[])[0]!);
    init.name = 'setup';
    (init.volume_mount as Json[])[1]!.read_only = false;
    pod.init_container = [init];
    const fails = failsOf(plt1(stacks));
    expect(fails).toHaveLength(1);
    expectOutcome(fails[0], 'fail', 'init_container "setup" mounts host_path volume "varlogpods"', 'writable');
  });

  it.each([
    ['/etc', 'host_path "/etc" is not under /var/log/'],
    ['/var/log/../etc', 'host_path "/var/log/../etc" contains a ".." segment'],
    ['/var/log/pods/../../../etc', 'contains a ".." segment'],
    ['/var/log', 'host_path "/var/log" is not under /var/log/'],
    ['/var/log/', 'is not under /var/log/'],
    ['/var/logs-evil/x', 'is not under /var/log/'],
    ['/', 'host_path "/" is not under /var/log/'],
    ['var/log/pods', 'is not an absolute path'],
  ])('fails a hostPath volume at %s', (path, fragment) => {
    const stacks = minimal();
    at(daemonSet(stacks).body as Json, `${POD}.volume.0.host_path`).path = path;
    const fails = failsOf(plt1(stacks));
    expect(fails).toHaveLength(1);
    expectOutcome(fails[0], 'fail', 'volume "varlogcontainers"', fragment);
    expect(attrOf(fails[0])).toBe(`${POD}.volume[0].host_path.path`);
  });

  it('accepts a hostPath under /var/log written with extra "/" or "." segments', () => {
    const stacks = minimal();
    at(daemonSet(stacks).body as Json, `${POD}.volume.1.host_path`).path = '//var/./log//pods/';
    expect(failsOf(plt1(stacks))).toEqual([]);
  });

  it.each<[string, (pod: Json, c: Json) => void, string, string]>([
    ['privileged', (_p, c) => (at(c, 'security_context').privileged = true), 'container "fluent-bit" is privileged', 'container[0].security_context.privileged'],
    ['host_network', (p) => (p.host_network = true), 'host_network = true', 'host_network'],
    ['host_pid', (p) => (p.host_pid = true), 'host_pid = true', 'host_pid'],
    ['host_ipc', (p) => (p.host_ipc = true), 'host_ipc = true', 'host_ipc'],
    ['a host port', (_p, c) => (c.port = [{ container_port: 2020, host_port: 2020 }]), 'binds host_port 2020', 'container[0].port[0].host_port'],
    ['run_as_non_root false', (_p, c) => (at(c, 'security_context').run_as_non_root = false), 'run_as_non_root is false', 'container[0].security_context.run_as_non_root'],
    ['a writable root filesystem', (_p, c) => delete at(c, 'security_context').read_only_root_filesystem, 'read_only_root_filesystem is not set, must be true', 'container[0].security_context.read_only_root_filesystem'],
    ['privilege escalation', (_p, c) => (at(c, 'security_context').allow_privilege_escalation = true), 'allow_privilege_escalation is true, must be false', 'container[0].security_context.allow_privilege_escalation'],
    ['no drop ALL', (_p, c) => (at(c, 'security_context.capabilities').drop = ['NET_RAW']), 'capabilities.drop does not include "ALL"', 'container[0].security_context.capabilities.drop'],
    ['an added capability, even NET_BIND_SERVICE', (_p, c) => (at(c, 'security_context.capabilities').add = ['NET_BIND_SERVICE']), 'capabilities.add includes "NET_BIND_SERVICE"', 'container[0].security_context.capabilities.add'],
    ['an unconfined seccomp profile', (_p, c) => (at(c, 'security_context.seccomp_profile').type = 'Unconfined'), 'seccomp_profile.type is "Unconfined"', 'container[0].security_context.seccomp_profile.type'],
  ])('fails %s, as its own finding', (_name, mutate, fragment, attribute) => {
    const stacks = minimal();
    const body = daemonSet(stacks).body as Json;
    mutate(at(body, POD), at(body, `${POD}.container.0`));
    const fails = failsOf(plt1(stacks));
    expect(fails).toHaveLength(1);
    expectOutcome(fails[0], 'fail', 'kubernetes_daemon_set_v1 "slz-log-forwarder"', fragment);
    expect(attrOf(fails[0])).toBe(`${POD}.${attribute}`);
  });

  it('reports several failed conditions as several findings', () => {
    const stacks = minimal();
    const body = daemonSet(stacks).body as Json;
    at(body, `${POD}.volume.0.host_path`).path = '/etc';
    (at(body, `${POD}.container.0`).volume_mount as Json[])[0]!.read_only = false;
    at(body, `${POD}.container.0.security_context`).privileged = true;
    const fails = failsOf(plt1(stacks));
    expect(fails).toHaveLength(3);
    expectOutcome(fails[0], 'fail', '"/etc" is not under /var/log/');
    expectOutcome(fails[1], 'fail', 'mounts host_path volume "varlogcontainers" (/etc) writable');
    expectOutcome(fails[2], 'fail', 'is privileged');
  });

  it('fails when the namespace\'s audit or warn level is not restricted', () => {
    const stacks = minimal();
    const labels = at(forwarderNamespace(stacks).body as Json, 'metadata.labels');
    labels['pod-security.kubernetes.io/audit'] = 'privileged';
    let fails = failsOf(plt1(stacks));
    expect(fails).toHaveLength(1);
    expectOutcome(fails[0], 'fail', 'namespace "slz-logging"', 'pod-security.kubernetes.io/audit is "privileged", not "restricted"');
    expect(attrOf(fails[0])).toBe('metadata.labels["pod-security.kubernetes.io/audit"]');
    delete labels['pod-security.kubernetes.io/warn'];
    fails = failsOf(plt1(stacks));
    expect(fails).toHaveLength(2);
    expectOutcome(fails[1], 'fail', 'pod-security.kubernetes.io/warn is not set');
  });

  it('fails when the namespace has no default-deny NetworkPolicy, or it leaves a direction open', () => {
    const stacks = minimal();
    const platform = stackOf(stacks, 'platform');
    at(bodyOf(platform, 'kubernetes_network_policy_v1', 'default-deny'), 'spec').policy_types = ['Ingress'];
    let fails = failsOf(plt1(stacks));
    expect(fails).toHaveLength(1);
    expectOutcome(fails[0], 'fail', 'namespace "slz-logging"', 'no default-deny NetworkPolicy for egress');
    deleteResource(platform, 'kubernetes_network_policy_v1', 'default-deny');
    fails = failsOf(plt1(stacks));
    expectOutcome(fails[0], 'fail', 'no default-deny NetworkPolicy for ingress and egress');
  });

  it('is unknown, never a pass, when a checked value is a reference', () => {
    const cases: ((body: Json, ns: Json) => void)[] = [
      (b) => (at(b, `${POD}.volume.0.host_path`).path = '${var.log_dir}'),
      (b) => ((at(b, `${POD}.container.0`).volume_mount as Json[])[0]!.read_only = '${var.ro}'),
      (b) => ((at(b, `${POD}.container.0`).volume_mount as Json[])[2]!.name = '${var.mount}'),
      (b) => (at(b, `${POD}`).volume = '${var.volumes}'),
      (b) => (at(b, POD).dynamic = { volume: { for_each: '${var.volumes}', content: { name: '${volume.key}', host_path: { path: '${volume.value}' } } } }),
      (b) => (at(b, `${POD}.container.0`).volume_mount = '${var.mounts}'),
      (b) => (at(b, `${POD}.container.0.security_context`).privileged = '${var.privileged}'),
      (b) => (at(b, POD).host_network = '${var.host_network}'),
      (_b, ns) => (at(ns, 'metadata.labels')['pod-security.kubernetes.io/warn'] = '${var.warn}'),
    ];
    for (const mutate of cases) {
      const stacks = minimal();
      mutate(daemonSet(stacks).body as Json, forwarderNamespace(stacks).body as Json);
      const out = plt1(stacks).map(([, o]) => o);
      expect(statuses(out)).toContain('unknown');
      expect(statuses(out)).not.toContain('fail');
    }
  });

  it('judges a namespace that merely carries the label by its compensation: NS2/WL2 defer, KT-PLT1 fails', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    const ns = addResource(tenant, 'kubernetes_namespace_v1', 'sneaky', { metadata: { name: 'sneaky', labels: { [COMPONENT]: 'log-forwarder', 'pod-security.kubernetes.io/enforce': 'privileged' } } });
    const body = structuredClone(bodyOf(stackOf(stacks, 'platform'), 'kubernetes_daemon_set_v1'));
    at(body, 'metadata').name = 'node-reader';
    at(body, 'metadata').namespace = '${kubernetes_namespace_v1.sneaky.metadata[0].name}';
    at(body, POD).volume = [{ name: 'root', host_path: { path: '/' } }];
    at(body, `${POD}.container.0`).volume_mount = [{ name: 'root', mount_path: '/host' }];
    const ds = addResource(tenant, 'kubernetes_daemon_set_v1', 'node-reader', body);

    expect(one(NS2, ns, stacks).status).toBe('not-applicable');
    expect(one(WL2, ds, stacks).status).toBe('not-applicable');
    const out = plt1(stacks, 'tenant-records');
    const onDs = failsOf(out.filter(([n]) => n === 'node-reader'));
    expectOutcome(onDs[0], 'fail', 'kubernetes_daemon_set_v1 "node-reader" in namespace "sneaky"', 'volume "root" host_path "/" is not under /var/log/');
    expectOutcome(onDs[1], 'fail', 'container "fluent-bit" mounts host_path volume "root" (/) writable');
    const onNs = failsOf(out.filter(([n]) => n === 'sneaky'));
    expect(onNs.map((o) => (o.status === 'fail' ? o.message : ''))).toEqual([
      expect.stringContaining('pod-security.kubernetes.io/audit is not set'),
      expect.stringContaining('pod-security.kubernetes.io/warn is not set'),
      expect.stringContaining('no default-deny NetworkPolicy for ingress and egress'),
    ]);
    // The tenant namespace of the same stack is untouched.
    expect(out.filter(([n]) => n === 'records').map(([, o]) => o.status)).toEqual(['not-applicable']);
  });

  it('grants a tenant namespace that also sets the log-forwarder label no exception: NS2/WL2 still fail', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    const ns = refOf(tenant, 'kubernetes_namespace_v1');
    const labels = at(ns.body as Json, 'metadata.labels');
    expect(labels['sovereign.slz.dev/tenant']).toBeDefined();
    labels[COMPONENT] = 'log-forwarder';
    labels['pod-security.kubernetes.io/enforce'] = 'privileged';
    // A copy of the (otherwise compliant) forwarder DaemonSet, placed in the tenant namespace.
    const body = structuredClone(bodyOf(stackOf(stacks, 'platform'), 'kubernetes_daemon_set_v1'));
    at(body, 'metadata').namespace = '${kubernetes_namespace_v1.namespace_Namespace_F993C02C.metadata[0].name}';
    const ds = addResource(tenant, 'kubernetes_daemon_set_v1', 'tenant-logs', body);

    expectOutcome(one(NS2, ns, stacks), 'fail', 'namespace "records"', 'enforce is "privileged", not "restricted"');
    const wl2 = runR(WL2, ds, stacks);
    expect(statuses(wl2)).toEqual(['fail', 'fail']);
    expectOutcome(wl2[0], 'fail', 'in namespace "records"', 'volume "varlogcontainers"');
    // KT-PLT1 reports the refused claim and does not judge (or pass) the tenant's workloads.
    const out = plt1(stacks, 'tenant-records');
    expect(out).toHaveLength(1);
    expectOutcome(out[0]![1], 'fail', 'namespace "records" carries sovereign.slz.dev/component=log-forwarder', 'tenant namespace', 'no log-collector exception');
    // Whatever the tenant label's value.
    labels['sovereign.slz.dev/tenant'] = '';
    expect(one(NS2, ns, stacks).status).toBe('fail');
    expect(statuses(runR(WL2, ds, stacks))).toEqual(['fail', 'fail']);
  });

  it('refuses the claim for a reserved namespace', () => {
    const stacks = minimal();
    const ns = addResource(stackOf(stacks, 'platform'), 'kubernetes_namespace_v1', 'ks', { metadata: { name: 'kube-system', labels: { [COMPONENT]: 'log-forwarder' } } });
    expect(one(NS2, ns, stacks).status).toBe('fail');
    expectOutcome(forNamespace(PLT1, stackOf(stacks, 'platform'), stacks, 'kube-system'), 'fail', 'namespace "kube-system"', 'reserved system namespace');
  });

  it('follows the collector namespace across stacks by name, and withdraws the exception when another declaration of that name may hold the workload', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    const body = structuredClone(bodyOf(stackOf(stacks, 'platform'), 'kubernetes_daemon_set_v1'));
    at(body, 'metadata').name = 'extra-reader';
    at(body, 'metadata').namespace = 'slz-logging';
    const ds = addResource(tenant, 'kubernetes_daemon_set_v1', 'extra-reader', body);
    expect(one(WL2, ds, stacks).status).toBe('not-applicable');
    // KT-PLT1 judges it with the collector namespace's stack.
    expect(plt1(stacks).map(([n, o]) => [n, o.status])).toEqual([['slz-logging', 'pass'], ['slz-log-forwarder', 'pass'], ['extra-reader', 'pass']]);
    // A second, undeclared namespace of that name on the same cluster: no exception.
    addResource(tenant, 'kubernetes_namespace_v1', 'dup', { metadata: { name: 'slz-logging' } });
    expect(statuses(runR(WL2, ds, stacks))).toEqual(['fail', 'fail']);
  });

  it('accepts a hostPath only when it resolves (POSIX) under /var/log/, whatever the spelling', () => {
    const seg = fc.constantFrom('var', 'log', 'pods', 'containers', 'etc', '..', '.', '', 'log..x');
    fc.assert(
      fc.property(fc.array(seg, { maxLength: 6 }), fc.boolean(), (segments, absolute) => {
        const path = `${absolute ? '/' : ''}${segments.join('/')}`;
        const stacks = structuredClone(minimalTree);
        at(daemonSet(stacks).body as Json, `${POD}.volume.0.host_path`).path = path;
        const passed = failsOf(plt1(stacks)).length === 0;
        expect(passed).toBe(isUnderLogRoot(path));
        if (passed) {
          // Soundness against an independent oracle: the path really lies below /var/log/.
          expect(path.startsWith('/')).toBe(true);
          expect(posix.normalize(path)).toMatch(/^\/var\/log\/[^/]/);
          expect(segments).not.toContain('..');
        }
        const n = normalizeHostPath(path);
        if (segments.includes('..')) expect(n.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
    expect(isUnderLogRoot('/var/log/containers')).toBe(true);
    expect(isUnderLogRoot('/var/log/pods/ns_pod_uid/c')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Secrets and Services (the library creates none: synthetic resources in a tenant stack).

describe('KT-SEC1 Secrets through Terraform state', () => {
  it('fails data in state, passes write-only data', () => {
    const stacks = minimal();
    const tenant = stackOf(stacks, 'tenant-records');
    const ns = '${kubernetes_namespace_v1.namespace_Namespace_F993C02C.metadata[0].name}';
    const inState = addResource(tenant, 'kubernetes_secret_v1', 'pull', { metadata: { name: 'pull-secret', namespace: ns }, data: { '.dockerconfigjson': '${var.pull}' } });
    expectOutcome(one(SEC1, inState, stacks), 'fail', 'kubernetes_secret_v1 "pull-secret" in namespace "records"', '".dockerconfigjson"', 'Terraform state');
    const writeOnly = addResource(tenant, 'kubernetes_secret_v1', 'wo', { metadata: { name: 'wo', namespace: ns }, data_wo: { token: '${var.token}' } });
    expect(one(SEC1, writeOnly, stacks).status).toBe('pass');
  });

  it('fails a data map that is itself a reference', () => {
    const stacks = minimal();
    const s = addResource(stackOf(stacks, 'tenant-records'), 'kubernetes_secret_v1', 'ref', { metadata: { name: 'from-vault', namespace: 'records' }, data: '${data.vault_kv_secret_v2.x.data}' });
    expectOutcome(one(SEC1, s, stacks), 'fail', '"from-vault"', 'data (from ${data.vault_kv_secret_v2.x.data})');
  });
});

describe('KT-SVC1 external Services', () => {
  function service(stacks: SynthStack[], name: string, spec: Json): ResourceRef {
    return addResource(stackOf(stacks, 'tenant-records'), 'kubernetes_service_v1', name, { metadata: { name, namespace: 'records' }, spec });
  }

  it('passes ClusterIP and a LoadBalancer with source ranges', () => {
    const stacks = minimal();
    expect(one(SVC1, service(stacks, 'api', { type: 'ClusterIP', port: [{ port: 80 }] }), stacks).status).toBe('pass');
    expect(one(SVC1, service(stacks, 'lb', { type: 'LoadBalancer', load_balancer_source_ranges: ['10.0.0.0/8'] }), stacks).status).toBe('pass');
  });

  it('fails NodePort and an open LoadBalancer', () => {
    const stacks = minimal();
    expectOutcome(one(SVC1, service(stacks, 'np', { type: 'NodePort' }), stacks), 'fail', 'kubernetes_service_v1 "np"', 'NodePort');
    expectOutcome(one(SVC1, service(stacks, 'open', { type: 'LoadBalancer' }), stacks), 'fail', '"open"', 'without load_balancer_source_ranges');
  });

  it('is unknown when the type is a reference', () => {
    const stacks = minimal();
    expectOutcome(one(SVC1, service(stacks, 'var', { type: '${var.type}' }), stacks), 'unknown', '"var"', 'spec.type');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties.

describe('properties', () => {
  it('KT-RB1 fails exactly the roles with a "*" somewhere in groups, resources or verbs', () => {
    const word = fc.constantFrom('', 'apps', 'pods', 'get', 'list', 'secrets', '*', 'pods/*', '*/scale', 'watch');
    fc.assert(
      fc.property(fc.array(fc.record({ api_groups: fc.array(word, { maxLength: 3 }), resources: fc.array(word, { maxLength: 3 }), verbs: fc.array(word, { maxLength: 3 }) }), { maxLength: 4 }), (rules) => {
        const stacks = structuredClone(minimalTree);
        const cr = refOf(stackOf(stacks, 'platform'), 'kubernetes_cluster_role_v1');
        (cr.body as Json).rule = rules;
        const out = runR(RB1, cr, stacks);
        const wild = rules.filter((r) => [...r.api_groups, ...r.resources, ...r.verbs].some((x) => x.includes('*'))).length;
        expect(out.filter((o) => o.status === 'fail')).toHaveLength(wild);
        if (wild === 0) expect(statuses(out)).toEqual(['pass']);
      }),
      { numRuns: 60 },
    );
  });

  it('any unresolved value in a tenant namespace\'s guard rails never yields a pass where the literal failed', () => {
    // Replacing the quota's hard map by a reference turns a missing key from fail into unknown, never pass.
    fc.assert(
      fc.property(fc.constantFrom('requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory', 'pods'), (key) => {
        const stacks = structuredClone(minimalTree);
        const tenant = stackOf(stacks, 'tenant-records');
        delete at(bodyOf(tenant, 'kubernetes_resource_quota_v1'), 'spec.hard')[key];
        expect(forNamespace(NS3, tenant, stacks, 'records').status).toBe('fail');
        at(bodyOf(tenant, 'kubernetes_resource_quota_v1'), 'spec').hard = '${var.hard}';
        expect(forNamespace(NS3, tenant, stacks, 'records').status).toBe('unknown');
      }),
      { numRuns: 5 },
    );
  });
});
