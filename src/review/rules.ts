/**
 * Risk rules for tenancy resources (plan-review.md §10). Each rule has a stable id, one level and
 * a plain-words explanation; `classify` applies them to one change, seeing only masked trees.
 * The order of RULES is the ranking order within a level (destruction before widening).
 */
import { describeTransitKey, type TransitKeyDescription } from '../jurisdictions/algorithms';
import { cidrContains, parseCidr, type Cidr } from '../landing-zone/net';
import type { Change, RiskLevel } from './model';
import { at, bool, canonical, emptySelector, isPlainObject, list, num, RefValue, str, strings } from './values';

export interface RuleMeta {
  readonly id: string;
  readonly level: RiskLevel;
  readonly title: string;
  /** Why it matters and what to check, for SARIF help and the docs. */
  readonly help: string;
  readonly tags: readonly string[];
}

export const RULES: readonly RuleMeta[] = [
  // CRITICAL: destroyed data or trust anchors, removed guardrails, irreversible settings.
  { id: 'RV-KEY-DELETE', level: 'CRITICAL', title: 'Transit key deleted or replaced', help: 'Destroying a Vault transit key destroys its key material: data encrypted, wrapped or signed with it can no longer be decrypted or verified. Keep the key; rotate it instead of replacing it.', tags: ['destroy', 'crypto', 'vault'] },
  { id: 'RV-PKI-DELETE', level: 'CRITICAL', title: 'PKI CA deleted or replaced', help: 'Destroying a root or intermediate CA, issuer or CA key breaks every certificate chain it anchors; destroying a signed intermediate can revoke it. Plan a CA rotation with overlap instead.', tags: ['destroy', 'pki', 'vault'] },
  { id: 'RV-MOUNT-DELETE', level: 'CRITICAL', title: 'KV, transit or PKI mount deleted or replaced', help: 'Disabling a Vault secrets engine deletes everything stored under it (secrets, keys, certificates). A replacement is a new, empty engine.', tags: ['destroy', 'vault'] },
  { id: 'RV-NAMESPACE-DELETE', level: 'CRITICAL', title: 'Namespace deleted or replaced', help: 'Deleting a Kubernetes namespace deletes every object inside it (workloads, secrets, volume claims, policies); deleting a Vault namespace deletes its mounts, policies and auth methods.', tags: ['destroy', 'kubernetes', 'vault'] },
  { id: 'RV-AUDIT-DELETE', level: 'CRITICAL', title: 'Vault audit device removed', help: 'Without this audit device, requests are no longer recorded there; removing the in-country device breaks the audit-trail control.', tags: ['destroy', 'audit', 'vault'] },
  { id: 'RV-NETPOL-DENY-REMOVE', level: 'CRITICAL', title: 'Default-deny network policy removed', help: 'The default-deny policy is what makes every other network policy an allow-list; without it, pods of the namespace can reach and be reached by anything.', tags: ['network', 'kubernetes'] },
  { id: 'RV-ADMISSION-DELETE', level: 'CRITICAL', title: 'Admission policy removed', help: 'The ValidatingAdmissionPolicy and its binding pin tenant pods to in-country nodes and registries; without them, nothing stops a pod from running elsewhere or pulling foreign images.', tags: ['destroy', 'residency', 'kubernetes'] },
  { id: 'RV-KEY-EXPORTABLE', level: 'CRITICAL', title: 'Transit key made exportable', help: 'Once a transit key is exportable, Vault never allows turning it back: its key material can leave Vault, which defeats the point of in-country key custody.', tags: ['irreversible', 'crypto', 'vault'] },
  { id: 'RV-KEY-PLAINTEXT-BACKUP', level: 'CRITICAL', title: 'Transit key allows plaintext backup', help: 'allow_plaintext_backup cannot be turned off again; a plaintext backup carries the key material out of Vault.', tags: ['irreversible', 'crypto', 'vault'] },
  { id: 'RV-KEY-DELETABLE', level: 'CRITICAL', title: 'Transit key made deletable', help: 'deletion_allowed = true is the step before destroying a key; destroyed key material cannot be recovered.', tags: ['crypto', 'vault'] },
  { id: 'RV-PSA-DOWNGRADE', level: 'CRITICAL', title: 'Pod Security enforcement downgraded', help: 'Lowering pod-security.kubernetes.io/enforce (restricted → baseline/privileged, or removing it) lets privileged or host-access pods into the namespace.', tags: ['kubernetes', 'pod-security'] },
  // HIGH: widening access, replacing things, weakening crypto, unknowns.
  { id: 'RV-UNKNOWN-ACTION', level: 'HIGH', title: 'Unrecognized plan action', help: 'The plan holds an action this reviewer does not know; it is never treated as safe. Read the plan itself.', tags: ['plan'] },
  { id: 'RV-REPLACE', level: 'HIGH', title: 'Resource replaced', help: 'The object is destroyed and created again (or a new one is created and the old one forgotten); its identity, state and anything bound to it change.', tags: ['replace'] },
  { id: 'RV-MOUNT-REMOUNT', level: 'HIGH', title: 'Vault mount moved to a new path', help: 'A remount keeps the data but every policy, role and client that names the old path stops working.', tags: ['vault'] },
  { id: 'RV-ADMISSION-WEAKEN', level: 'HIGH', title: 'Admission control weakened', help: 'The residency admission policy stops denying, fails open, loses validations, changes scope, or a tenant namespace loses the label that puts it in scope.', tags: ['residency', 'kubernetes'] },
  { id: 'RV-EGRESS-OPEN', level: 'HIGH', title: 'Egress opened to anywhere', help: 'An egress rule to 0.0.0.0/0, ::/0, every namespace, or without a destination lets pods send data anywhere, including out of the country.', tags: ['network', 'residency', 'kubernetes'] },
  { id: 'RV-EGRESS-WIDEN', level: 'HIGH', title: 'Egress widened', help: 'Pods may reach new or wider address ranges. Check every new destination is in-country and needed.', tags: ['network', 'residency', 'kubernetes'] },
  { id: 'RV-INGRESS-OPEN', level: 'HIGH', title: 'Ingress opened to anywhere', help: 'An ingress rule from 0.0.0.0/0, ::/0, every namespace, or without a source exposes the pods to everything that can route to them.', tags: ['network', 'kubernetes'] },
  { id: 'RV-INGRESS-WIDEN', level: 'HIGH', title: 'Ingress widened', help: 'New or wider source ranges may reach the pods.', tags: ['network', 'kubernetes'] },
  { id: 'RV-RBAC-WILDCARD', level: 'HIGH', title: 'Wildcard or escalation permission granted', help: 'A `*` verb, resource or API group, escalate/bind/impersonate, or a cluster-admin binding grants more than any tenant role needs.', tags: ['rbac', 'kubernetes'] },
  { id: 'RV-RBAC-WIDEN', level: 'HIGH', title: 'RBAC widened', help: 'A role gains verbs or resources, or a binding gains subjects.', tags: ['rbac', 'kubernetes'] },
  { id: 'RV-RBAC-CLUSTER-BINDING', level: 'HIGH', title: 'New cluster-wide role binding', help: 'A ClusterRoleBinding grants its role in every namespace, tenants included.', tags: ['rbac', 'kubernetes'] },
  { id: 'RV-AUTH-WIDEN', level: 'HIGH', title: 'Vault auth role widened', help: 'The role accepts more identities (service accounts, namespaces, claims, audiences, source ranges) or hands out more policies.', tags: ['identity', 'vault'] },
  { id: 'RV-AUTH-TTL', level: 'HIGH', title: 'Vault token lifetime lengthened', help: 'Longer token TTLs keep stolen tokens useful for longer.', tags: ['identity', 'vault'] },
  { id: 'RV-POLICY-SUDO', level: 'HIGH', title: 'Vault policy grants sudo or every path', help: 'sudo reaches root-protected endpoints; a `*` path grants the capabilities on everything.', tags: ['vault', 'policy'] },
  { id: 'RV-POLICY-WIDEN', level: 'HIGH', title: 'Vault policy widened', help: 'The policy gains paths or capabilities, or loses a deny.', tags: ['vault', 'policy'] },
  { id: 'RV-KEY-QUANTUM', level: 'HIGH', title: 'New quantum-vulnerable key', help: 'RSA, ECDSA and Ed25519 are broken by a cryptographically relevant quantum computer (Shor). New keys should be symmetric or post-quantum (ML-DSA, SLH-DSA, hybrid) where the jurisdiction allows.', tags: ['crypto', 'pqc', 'vault'] },
  { id: 'RV-KEY-ROTATION-OFF', level: 'HIGH', title: 'Key rotation switched off', help: 'auto_rotate_period = 0 stops automatic rotation: the key outlives its cryptoperiod.', tags: ['crypto', 'vault'] },
  { id: 'RV-KEY-MIN-DECRYPT-DOWN', level: 'HIGH', title: 'Older key versions re-enabled for decryption', help: 'Lowering min_decryption_version makes retired key versions usable again.', tags: ['crypto', 'vault'] },
  { id: 'RV-STATE-BACKEND', level: 'HIGH', title: 'State backend changed', help: 'The stack stores its state elsewhere; without a migration Terraform starts from empty state and plans to create everything again.', tags: ['terraform', 'residency'] },
  { id: 'RV-COMPLIANCE-NEW', level: 'HIGH', title: 'New compliance error', help: 'The head tree has a compliance error the base did not have.', tags: ['compliance'] },
  // MEDIUM: review, but usually fine.
  { id: 'RV-PSA-AUDIT-DOWNGRADE', level: 'MEDIUM', title: 'Pod Security audit/warn level downgraded', help: 'Violations are no longer reported at the previous level.', tags: ['kubernetes', 'pod-security'] },
  { id: 'RV-DELETE', level: 'MEDIUM', title: 'Resource deleted', help: 'The object is destroyed.', tags: ['destroy'] },
  { id: 'RV-FORGET', level: 'MEDIUM', title: 'Resource forgotten', help: 'Terraform stops managing the object but does not destroy it: it keeps running, unmanaged and unreviewed.', tags: ['state'] },
  { id: 'RV-IMPORT', level: 'MEDIUM', title: 'Resource imported', help: 'An existing object comes under management; check the configuration matches what really exists.', tags: ['state'] },
  { id: 'RV-MOVE', level: 'MEDIUM', title: 'Resource moved', help: 'The object changes address in state (moved block or refactor); nothing is recreated if the move is all that happens.', tags: ['state'] },
  { id: 'RV-DRIFT', level: 'MEDIUM', title: 'Changed outside Terraform', help: 'The real object differs from the last applied state: someone or something changed it outside the pipeline.', tags: ['drift'] },
  { id: 'RV-QUOTA-RAISE', level: 'MEDIUM', title: 'Quota or limit raised', help: 'A resource quota or limit grows by more than half, or is removed.', tags: ['kubernetes', 'quota'] },
  { id: 'RV-PROVIDER-CHANGE', level: 'MEDIUM', title: 'Provider configuration changed', help: 'The stack now talks to another cluster or Vault, or authenticates differently.', tags: ['terraform'] },
  { id: 'RV-COMPLIANCE-NEW-WARNING', level: 'MEDIUM', title: 'New compliance warning', help: 'The head tree has a compliance warning the base did not have.', tags: ['compliance'] },
  { id: 'RV-COMPLIANCE-SUPPRESSED', level: 'MEDIUM', title: 'Compliance finding newly suppressed', help: 'A finding is newly accepted through an exemption; check its reason, owner and expiry.', tags: ['compliance'] },
  { id: 'RV-OUTPUT-UNMASKED', level: 'MEDIUM', title: 'Output no longer sensitive', help: 'An output that was sensitive is no longer marked so; Terraform will print it. (This report still masks it.)', tags: ['secrets'] },
  { id: 'RV-SECURITY-UPDATE', level: 'MEDIUM', title: 'Security-relevant update', help: 'An in-place change to a Vault, RBAC, network, namespace, quota, admission or workload resource.', tags: ['update'] },
  // LOW / INFO.
  { id: 'RV-METADATA-UPDATE', level: 'LOW', title: 'Labels, annotations or description only', help: 'Only descriptive metadata changes.', tags: ['update'] },
  { id: 'RV-UPDATE', level: 'LOW', title: 'In-place update', help: 'An in-place change to a resource that holds no security control.', tags: ['update'] },
  { id: 'RV-CREATE', level: 'LOW', title: 'Resource created', help: 'A new object.', tags: ['create'] },
  { id: 'RV-READ', level: 'INFO', title: 'Data source read', help: 'A data source is read during apply.', tags: ['read'] },
  { id: 'RV-NOOP', level: 'INFO', title: 'No change', help: 'Nothing to do.', tags: ['no-op'] },
];

export const RULE_BY_ID: ReadonlyMap<string, RuleMeta> = new Map(RULES.map((r) => [r.id, r]));
const RULE_ORDER: ReadonlyMap<string, number> = new Map(RULES.map((r, i) => [r.id, i]));

export function ruleOrder(id: string): number {
  return RULE_ORDER.get(id) ?? RULES.length;
}

export function levelOf(id: string): RiskLevel {
  const r = RULE_BY_ID.get(id);
  if (!r) throw new Error(`unknown review rule ${id}`);
  return r.level;
}

/** A rule's verdict before it is attached to a change. */
export interface Hit {
  readonly ruleId: string;
  readonly reason: string;
}

export interface RuleInput {
  readonly change: Pick<Change, 'type' | 'name' | 'address' | 'previousAddress' | 'action' | 'actions' | 'destroys' | 'source' | 'moved' | 'importing' | 'replacePaths' | 'actionReason' | 'predicted' | 'attrs' | 'replaceOrder'>;
  /** Masked trees (undefined when absent). */
  readonly before: unknown;
  readonly after: unknown;
}

// ---------------------------------------------------------------------------------------------
// Resource families

const PKI_CA = new Set([
  'vault_pki_secret_backend_root_cert',
  'vault_pki_secret_backend_intermediate_cert_request',
  'vault_pki_secret_backend_intermediate_set_signed',
  'vault_pki_secret_backend_root_sign_intermediate',
  'vault_pki_secret_backend_issuer',
  'vault_pki_secret_backend_key',
  'vault_pki_secret_backend_config_ca',
]);
const DATA_MOUNT_TYPES = new Set(['kv', 'kv-v2', 'generic', 'transit', 'pki']);
const NAMESPACES = new Set(['kubernetes_namespace', 'kubernetes_namespace_v1', 'vault_namespace']);
const NETPOLS = new Set(['kubernetes_network_policy', 'kubernetes_network_policy_v1']);
const ROLES = new Set(['kubernetes_role', 'kubernetes_role_v1', 'kubernetes_cluster_role', 'kubernetes_cluster_role_v1']);
const BINDINGS = new Set(['kubernetes_role_binding', 'kubernetes_role_binding_v1', 'kubernetes_cluster_role_binding', 'kubernetes_cluster_role_binding_v1']);
const CLUSTER_BINDINGS = new Set(['kubernetes_cluster_role_binding', 'kubernetes_cluster_role_binding_v1']);
const ADMISSION_TYPES = new Set([
  'kubernetes_validating_admission_policy_v1',
  'kubernetes_validating_admission_policy_binding_v1',
  'kubernetes_validating_webhook_configuration',
  'kubernetes_validating_webhook_configuration_v1',
]);
const ADMISSION_KINDS = new Set(['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'ValidatingWebhookConfiguration']);
const REMOUNTABLE = new Set(['vault_mount', 'vault_auth_backend', 'vault_jwt_auth_backend']);
const QUOTAS = new Set(['kubernetes_resource_quota', 'kubernetes_resource_quota_v1']);
const LIMIT_RANGES = new Set(['kubernetes_limit_range', 'kubernetes_limit_range_v1']);
const SECURITY_K8S =
  /^kubernetes_(cluster_)?role(_binding)?(_v1)?$|^kubernetes_network_policy(_v1)?$|^kubernetes_namespace(_v1)?$|^kubernetes_(default_)?service_account(_v1)?$|^kubernetes_resource_quota(_v1)?$|^kubernetes_limit_range(_v1)?$|^kubernetes_manifest$|^kubernetes_(validating|mutating)_|^kubernetes_secret(_v1)?$|^kubernetes_(daemon_set|deployment|stateful_set|pod|job|cron_job)(_v1)?$/;

/** Resources whose in-place changes matter to the tenancy's controls. */
export function isSecurityType(type: string): boolean {
  return type.startsWith('vault_') || SECURITY_K8S.test(type);
}

function isAdmission(type: string, tree: unknown): boolean {
  if (ADMISSION_TYPES.has(type)) return true;
  if (type !== 'kubernetes_manifest') return false;
  const kind = str(at(tree, 'manifest', 'kind'));
  return kind !== undefined && ADMISSION_KINDS.has(kind);
}

// ---------------------------------------------------------------------------------------------
// Helpers

const q = (s: string | undefined): string => (s === undefined ? '(unnamed)' : `"${s}"`);

function nameOf(tree: unknown, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = k.includes('.') ? at(tree, ...k.split('.')) : at(tree, k);
    const s = str(v);
    if (s !== undefined) return s;
  }
  return undefined;
}

function k8sName(tree: unknown): string | undefined {
  return nameOf(tree, 'metadata.name', 'manifest.metadata.name', 'path');
}

function few(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

function destroyVerb(change: RuleInput['change']): string {
  if (change.action === 'replace') return change.predicted ? 'would be destroyed and created again (predicted)' : 'is destroyed and created again';
  return 'is deleted';
}

function labelsOf(tree: unknown): Record<string, unknown> {
  const l = at(tree, 'metadata', 'labels');
  return isPlainObject(l) ? l : {};
}

// ---- network policies

interface Peer {
  readonly key: string;
  readonly label: string;
  readonly cidr?: Cidr;
  readonly except: readonly string[];
  readonly open: boolean;
  /** Only CIDR and open peers are judged: namespace/pod selectors stay inside the cluster. */
  readonly judged: boolean;
}

function peersOf(np: unknown, dir: 'egress' | 'ingress'): Peer[] {
  const peers: Peer[] = [];
  const rules = list(at(np, 'spec', dir));
  for (const rule of rules) {
    if (!isPlainObject(rule)) continue;
    const targets = list(rule[dir === 'egress' ? 'to' : 'from']);
    if (targets.length === 0) {
      peers.push({ key: 'any', label: dir === 'egress' ? 'any destination (rule without `to`)' : 'any source (rule without `from`)', except: [], open: true, judged: true });
      continue;
    }
    for (const t of targets) {
      const ip = at(t, 'ip_block') ?? at(t, 'ipBlock');
      if (ip !== undefined && ip !== null && !(Array.isArray(ip) && ip.length === 0)) {
        const text = str(at(ip, 'cidr'));
        const except = strings(at(ip, 'except')).sort();
        if (text === undefined) {
          peers.push({ key: `cidr:?${canonical(ip)}`, label: 'a CIDR known only at apply', except, open: false, judged: true });
          continue;
        }
        const parsed = parseCidr(text);
        const cidr = 'error' in parsed ? undefined : parsed;
        const open = cidr ? cidr.prefix === 0 : /^(0\.0\.0\.0|::)\/0$/.test(text);
        peers.push({ key: `cidr:${text}|${except.join(',')}`, label: except.length ? `${text} (except ${except.join(', ')})` : text, ...(cidr ? { cidr } : {}), except, open, judged: true });
        continue;
      }
      const ns = at(t, 'namespace_selector') ?? at(t, 'namespaceSelector');
      if (ns !== undefined && ns !== null && !(Array.isArray(ns) && ns.length === 0)) {
        if (emptySelector(ns)) {
          peers.push({ key: 'ns:*', label: 'pods in every namespace (empty namespace selector)', except: [], open: true, judged: true });
        } else {
          peers.push({ key: `ns:${canonical(ns)}|${canonical(at(t, 'pod_selector'))}`, label: 'selected namespaces', except: [], open: false, judged: false });
        }
        continue;
      }
      peers.push({ key: `pod:${canonical(at(t, 'pod_selector'))}`, label: 'pods of the namespace', except: [], open: false, judged: false });
    }
  }
  return peers;
}

function peerCovered(p: Peer, before: readonly Peer[]): boolean {
  return before.some((b) => {
    if (b.key === 'any' || b.key === p.key) return true;
    if (b.key === 'ns:*' && p.key.startsWith('ns:')) return true;
    if (b.cidr && p.cidr && cidrContains(b.cidr, p.cidr)) return b.except.every((e) => p.except.includes(e)) || b.except.length === 0;
    return false;
  });
}

/** The directions (Ingress, Egress) a policy denies for every pod of its namespace. */
function deniedDirections(np: unknown): Set<string> {
  const out = new Set<string>();
  if (np === undefined || np === null) return out;
  const spec = at(np, 'spec');
  if (spec === undefined) return out;
  const podSel = at(spec, 'pod_selector') ?? at(spec, 'podSelector');
  if (podSel !== undefined && podSel !== null && !emptySelector(podSel) && !(Array.isArray(podSel) && podSel.length === 0)) return out;
  for (const t of strings(at(spec, 'policy_types') ?? at(spec, 'policyTypes'))) if (list(at(spec, t.toLowerCase())).length === 0) out.add(t);
  return out;
}

function isDefaultDeny(np: unknown): boolean {
  return deniedDirections(np).size > 0;
}

// ---- RBAC

interface Grant {
  readonly group: string;
  readonly resource: string;
  readonly verb: string;
  readonly names: string;
}

function grantsOf(role: unknown): Grant[] {
  const out: Grant[] = [];
  for (const rule of list(at(role, 'rule'))) {
    const groups = strings(at(rule, 'api_groups'));
    const resources = strings(at(rule, 'resources'));
    const urls = strings(at(rule, 'non_resource_urls'));
    const verbs = strings(at(rule, 'verbs'));
    const names = strings(at(rule, 'resource_names')).sort().join(',') || '*';
    for (const verb of verbs) {
      for (const group of groups.length ? groups : ['']) for (const resource of resources) out.push({ group, resource, verb, names });
      for (const url of urls) out.push({ group: 'nonResourceURL', resource: url, verb, names: '*' });
    }
  }
  return out;
}

const matches = (have: string, want: string) => have === '*' || have === want;

function grantCovered(g: Grant, before: readonly Grant[]): boolean {
  return before.some((b) => matches(b.group, g.group) && matches(b.resource, g.resource) && matches(b.verb, g.verb) && (b.names === '*' || b.names === g.names));
}

const grantText = (g: Grant) => `${g.verb} ${g.group ? `${g.group}/` : ''}${g.resource}${g.names !== '*' ? ` (${g.names})` : ''}`;

const ESCALATION_VERBS = new Set(['escalate', 'bind', 'impersonate']);

/** A string, or the expression of a reference, for naming things in reasons. */
function txt(v: unknown): string | undefined {
  if (v instanceof RefValue) return v.expr;
  return str(v);
}

function subjectsOf(binding: unknown): string[] {
  return list(at(binding, 'subject')).map((s) => `${txt(at(s, 'kind')) ?? '?'} ${txt(at(s, 'namespace')) ? `${txt(at(s, 'namespace'))}/` : ''}${txt(at(s, 'name')) ?? '?'}`);
}

const EVERYONE = /^Group (system:authenticated|system:unauthenticated|system:anonymous)$|^User system:anonymous$/;

// ---- Vault policies

/** Path → capabilities of an ACL policy (HCL or JSON); undefined when it cannot be read. */
export function policyGrants(text: string): Map<string, Set<string>> | undefined {
  const out = new Map<string, Set<string>>();
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const doc = JSON.parse(trimmed) as { path?: Record<string, { capabilities?: unknown }> };
      for (const [p, body] of Object.entries(doc.path ?? {})) out.set(p, new Set(strings(body?.capabilities)));
      return out;
    } catch {
      return undefined;
    }
  }
  const src = text.replace(/^\s*(#|\/\/).*$/gm, '');
  const head = /path\s+"((?:[^"\\]|\\.)*)"\s*\{/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(src))) {
    let depth = 1;
    let i = head.lastIndex;
    for (; i < src.length && depth > 0; i++) {
      if (src[i] === '{') depth++;
      else if (src[i] === '}') depth--;
    }
    const body = src.slice(head.lastIndex, i - 1);
    const caps = /capabilities\s*=\s*\[([^\]]*)\]/.exec(body);
    const set = out.get(m[1] ?? '') ?? new Set<string>();
    for (const c of caps?.[1]?.matchAll(/"([^"]+)"/g) ?? []) if (c[1]) set.add(c[1]);
    out.set(m[1] ?? '', set);
    head.lastIndex = i;
  }
  return out;
}

const GLOBS = new Map<string, RegExp>();

function globCovers(pattern: string, path: string): boolean {
  if (pattern === path) return true;
  if (!pattern.includes('*') && !pattern.includes('+')) return false;
  let re = GLOBS.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.replace(/[.?^${}()|[\]\\]/g, '\\$&').replace(/\+/g, '[^/]+').replace(/\*$/, '.*')}$`);
    if (GLOBS.size > 10_000) GLOBS.clear();
    GLOBS.set(pattern, re);
  }
  return re.test(path);
}

// ---- quantities

const SUFFIX: Record<string, number> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

export function quantity(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)([a-zA-Z]{0,2})\s*$/.exec(v);
  if (!m) return undefined;
  const factor = m[2] ? SUFFIX[m[2]] : 1;
  return factor === undefined ? undefined : Number(m[1]) * factor;
}

const PSA_RANK: Record<string, number> = { privileged: 0, baseline: 1, restricted: 2 };

// ---------------------------------------------------------------------------------------------
// Classification

/**
 * The risks of one change. Specific rules first; when none fires, one baseline risk for its
 * action. Imports, moves, forgets and unknown actions are always reported on top.
 */
export function classify(input: RuleInput): Hit[] {
  const { change } = input;
  const hits: Hit[] = [];
  const add = (ruleId: string, reason: string) => hits.push({ ruleId, reason });

  if (change.source === 'drift') {
    add('RV-DRIFT', driftReason(input));
    return hits;
  }

  if (change.action === 'unknown') add('RV-UNKNOWN-ACTION', `Terraform plans the action [${change.actions.map((a) => JSON.stringify(a)).join(', ')}], which this reviewer does not recognize; treat it as dangerous until you have read the plan.`);

  if (change.destroys) destroyRules(input, add);
  const changesObject = change.action === 'create' || change.action === 'update' || change.action === 'replace' || change.action === 'unknown';
  if (changesObject && input.after !== undefined && input.after !== null) changeRules(input, add);

  const specific = hits.length > 0;
  switch (change.action) {
    case 'replace':
      if (!hits.some((h) => levelOf(h.ruleId) === 'CRITICAL' && change.destroys)) add('RV-REPLACE', replaceReason(input));
      break;
    case 'delete':
      if (!specific) add('RV-DELETE', `${change.type} ${q(nameOfAny(input))} is deleted${change.actionReason ? ` (${change.actionReason.text.toLowerCase()})` : ''}.`);
      break;
    case 'forget':
      add('RV-FORGET', `${change.type} ${q(nameOfAny(input))} is removed from Terraform state but not destroyed: it keeps running unmanaged.`);
      break;
    case 'update':
      if (!specific) updateBaseline(input, add);
      break;
    case 'create':
      if (!specific) add('RV-CREATE', `${change.type} ${q(nameOfAny(input))} is created.`);
      break;
    case 'read':
      add('RV-READ', `Data source ${change.address} is read during apply${change.actionReason ? ` (${change.actionReason.text.toLowerCase()})` : ''}.`);
      break;
    case 'noop':
      if (!change.importing && !change.moved) add('RV-NOOP', change.actionReason ? `No change (${change.actionReason.text.toLowerCase()}).` : 'No change.');
      break;
    case 'unknown':
      break;
  }
  if (change.importing) add('RV-IMPORT', `${change.address} is imported${change.importing.id ? ` from id ${JSON.stringify(change.importing.id)}` : ''}: check the configuration matches the real object before apply overwrites it.`);
  if (change.moved) add('RV-MOVE', `${change.address} was moved from ${change.previousAddress ?? 'a previous address'}; its state follows it and nothing is recreated by the move itself.`);
  return hits;
}

function nameOfAny(input: RuleInput): string | undefined {
  const t = input.after ?? input.before;
  return nameOf(t, 'name', 'role_name', 'metadata.name', 'manifest.metadata.name', 'path') ?? input.change.name;
}

function driftReason(input: RuleInput): string {
  const { change } = input;
  const what = change.action === 'delete' ? 'was deleted outside Terraform' : change.action === 'create' ? 'appeared outside Terraform' : 'was changed outside Terraform';
  const attrs = change.attrs.length && change.action === 'update' ? ` (${few(change.attrs.map((a) => a.path), 4)})` : '';
  return `${change.address} ${what}${attrs}; find out who changed it and whether the plan reverts it.`;
}

function replaceReason(input: RuleInput): string {
  const { change } = input;
  const name = q(nameOfAny(input));
  const forced = change.attrs.filter((a) => a.forcesReplacement).map((a) => a.path);
  const paths = change.replacePaths.length ? change.replacePaths : forced;
  const why = paths.length ? `: ${few(paths)} cannot change in place` : change.actionReason ? ` (${change.actionReason.text.toLowerCase()})` : '';
  if (change.replaceOrder === 'create-then-forget' || change.replaceOrder === 'forget-then-create') {
    return `${change.type} ${name} must be replaced${why}; the existing object is not destroyed but forgotten (destroy = false).`;
  }
  const order = change.replaceOrder === 'create-before-destroy' ? ' (new one created first)' : change.replaceOrder === 'delete-before-create' ? ' (old one destroyed first: a gap follows)' : '';
  return `${change.type} ${name} ${change.predicted ? 'would be replaced (predicted: confirm with terraform plan)' : 'is replaced'}${why}${order}.`;
}

function destroyRules(input: RuleInput, add: (id: string, reason: string) => void): void {
  const { change, before } = input;
  const verb = destroyVerb(change);
  const t = change.type;
  if (t === 'vault_transit_secret_backend_key') {
    add('RV-KEY-DELETE', `Transit key ${q(nameOf(before, 'name') ?? nameOf(input.after, 'name'))} ${verb}: its key material is gone, and data encrypted, wrapped or signed with it can no longer be decrypted or verified.`);
  } else if (PKI_CA.has(t)) {
    const cn = nameOf(before, 'common_name', 'issuer_name', 'key_name') ?? nameOf(input.after, 'common_name', 'issuer_name', 'key_name');
    add('RV-PKI-DELETE', `PKI ${t.replace('vault_pki_secret_backend_', '').replace(/_/g, ' ')} ${q(cn)} ${verb}: certificates chained to it stop validating${t.endsWith('root_sign_intermediate') ? ', and the signed intermediate may be revoked' : ''}.`);
  } else if (t === 'vault_mount') {
    const type = str(at(before, 'type')) ?? str(at(input.after, 'type'));
    if (type === undefined || DATA_MOUNT_TYPES.has(type)) {
      add('RV-MOUNT-DELETE', `Vault ${type ?? 'secrets'} engine at ${q(str(at(before, 'path')))} ${verb}: Vault deletes everything stored under it${type === undefined ? ' (its type could not be read)' : ''}.`);
    }
  } else if (NAMESPACES.has(t)) {
    const name = t === 'vault_namespace' ? nameOf(before, 'path') : k8sName(before);
    add('RV-NAMESPACE-DELETE', t === 'vault_namespace' ? `Vault namespace ${q(name)} ${verb}, with every mount, policy and auth method inside it.` : `Kubernetes namespace ${q(name)} ${verb}: every object in it (workloads, secrets, volume claims, network policies) is deleted with it.`);
  } else if (t === 'vault_audit' && change.action !== 'replace') {
    add('RV-AUDIT-DELETE', `Vault audit device ${q(nameOf(before, 'path'))} (${str(at(before, 'type')) ?? 'unknown type'}) is removed: requests stop being recorded there.`);
  } else if (NETPOLS.has(t) && change.action !== 'replace' && isDefaultDeny(before)) {
    add('RV-NETPOL-DENY-REMOVE', `Default-deny network policy ${q(k8sName(before))} is deleted: pods of the namespace are no longer isolated.`);
  } else if (isAdmission(t, before) && change.action !== 'replace') {
    add('RV-ADMISSION-DELETE', `Admission ${str(at(before, 'manifest', 'kind')) ?? t} ${q(k8sName(before))} is deleted: pods are no longer checked for in-country nodes and registries.`);
  }
}

function changeRules(input: RuleInput, add: (id: string, reason: string) => void): void {
  const { change, after } = input;
  const t = change.type;
  // Compared with the object before: an update, a replacement (same logical resource) or an
  // unknown action. A create compares with nothing.
  const isUpdate = change.action !== 'create' && input.before !== undefined && input.before !== null;
  const before = isUpdate ? input.before : undefined;
  const creates = change.actions.includes('create');

  if (t === 'vault_transit_secret_backend_key') {
    const name = q(nameOf(after, 'name'));
    const flag = (key: string, id: string, what: string) => {
      if (bool(at(after, key)) === true && bool(at(before, key)) !== true) add(id, `Transit key ${name} ${what}. This cannot be undone.`);
    };
    flag('exportable', 'RV-KEY-EXPORTABLE', 'becomes exportable: its key material can be taken out of Vault');
    flag('allow_plaintext_backup', 'RV-KEY-PLAINTEXT-BACKUP', 'allows plaintext backups of its key material');
    if (bool(at(after, 'deletion_allowed')) === true && bool(at(before, 'deletion_allowed')) !== true) {
      add('RV-KEY-DELETABLE', `Transit key ${name} becomes deletable (deletion_allowed = true): the next step can destroy it for good.`);
    }
    if (creates) {
      const type = at(after, 'type') === undefined || at(after, 'type') === null ? 'aes256-gcm96' : str(at(after, 'type'));
      if (type !== undefined) {
        const desc: TransitKeyDescription = { type: type as TransitKeyDescription['type'] };
        const ps = str(at(after, 'parameter_set'));
        const ec = str(at(after, 'hybrid_key_type_ec'));
        try {
          const algs = describeTransitKey({ ...desc, ...(ps ? { parameterSet: ps } : {}), ...(ec ? { hybridKeyTypeEc: ec } : {}) });
          if (algs.length > 0 && algs.every((a) => a.quantumVulnerable)) {
            add('RV-KEY-QUANTUM', `New transit key ${name} uses ${few([...new Set(algs.map((a) => a.id))])}, which a quantum computer breaks (Shor); prefer a symmetric or post-quantum (ML-DSA, SLH-DSA, hybrid) key.`);
          }
        } catch {
          // Unknown or incomplete type: the compliance rules report it; nothing to classify here.
        }
      }
    }
    if (isUpdate) {
      const rb = num(at(before, 'auto_rotate_period'));
      const ra = num(at(after, 'auto_rotate_period'));
      if (rb !== undefined && rb > 0 && ra === 0) add('RV-KEY-ROTATION-OFF', `Transit key ${name} stops rotating automatically (auto_rotate_period ${rb} → 0).`);
      const mb = num(at(before, 'min_decryption_version'));
      const ma = num(at(after, 'min_decryption_version'));
      if (mb !== undefined && ma !== undefined && ma < mb) add('RV-KEY-MIN-DECRYPT-DOWN', `Transit key ${name} accepts older versions for decryption again (min_decryption_version ${mb} → ${ma}).`);
    }
  }

  if (change.action === 'update' && REMOUNTABLE.has(t)) {
    const pb = str(at(before, 'path'));
    const pa = at(after, 'path');
    if (pb !== undefined && pa !== undefined && str(pa) !== pb) {
      add('RV-MOUNT-REMOUNT', `Vault ${t === 'vault_mount' ? 'secrets engine' : 'auth method'} at ${q(pb)} is remounted at ${typeof pa === 'string' ? q(pa) : 'a path known only at apply'}: policies, roles and clients naming the old path stop working.`);
    }
  }

  if (NAMESPACES.has(t) && t !== 'vault_namespace' && isUpdate) {
    const lb = labelsOf(before);
    const la = labelsOf(after);
    const ns = q(k8sName(after));
    for (const mode of ['enforce', 'audit', 'warn']) {
      const key = `pod-security.kubernetes.io/${mode}`;
      const vb = lb[key];
      const va = la[key];
      if (typeof vb !== 'string') continue;
      const rb = PSA_RANK[vb] ?? 0;
      const ra = typeof va === 'string' ? (PSA_RANK[va] ?? 0) : va === undefined || va === null ? 0 : rb;
      if (ra < rb) {
        add(mode === 'enforce' ? 'RV-PSA-DOWNGRADE' : 'RV-PSA-AUDIT-DOWNGRADE', `Namespace ${ns}: Pod Security ${mode} goes from ${vb} to ${typeof va === 'string' ? va : 'unset (cluster default, usually privileged)'}.`);
      }
    }
    if (typeof lb['sovereign.slz.dev/tenant'] === 'string' && (la['sovereign.slz.dev/tenant'] === undefined || la['sovereign.slz.dev/tenant'] === null)) {
      add('RV-ADMISSION-WEAKEN', `Namespace ${ns} loses its sovereign.slz.dev/tenant label: the residency admission policy no longer applies to its pods.`);
    }
  }

  if (NETPOLS.has(t)) {
    const name = q(k8sName(after));
    if (isUpdate) {
      const kept = deniedDirections(after);
      const lost = [...deniedDirections(before)].filter((d) => !kept.has(d));
      if (lost.length) add('RV-NETPOL-DENY-REMOVE', `Network policy ${name} no longer denies ${lost.join(' and ').toLowerCase()} by default (its policy types or rules changed): pods of the namespace lose that isolation.`);
    }
    for (const dir of ['egress', 'ingress'] as const) {
      const pb = isUpdate ? peersOf(before, dir) : [];
      const fresh = peersOf(after, dir).filter((p) => p.judged && !peerCovered(p, pb));
      const unique = (ps: Peer[]) => [...new Set(ps.map((p) => p.label))];
      const open = unique(fresh.filter((p) => p.open));
      const wider = unique(fresh.filter((p) => !p.open));
      const verb = change.action === 'create' ? 'allows' : 'now allows';
      if (open.length) add(dir === 'egress' ? 'RV-EGRESS-OPEN' : 'RV-INGRESS-OPEN', `Network policy ${name} ${verb} ${dir} ${dir === 'egress' ? 'to' : 'from'} ${few(open)}.`);
      if (wider.length) add(dir === 'egress' ? 'RV-EGRESS-WIDEN' : 'RV-INGRESS-WIDEN', `Network policy ${name} ${verb} ${dir} ${dir === 'egress' ? 'to' : 'from'} ${few(wider)}${isUpdate ? ', not covered before' : ''}${dir === 'egress' ? ': check it is in-country and needed' : ''}.`);
    }
  }

  if (ROLES.has(t)) {
    const name = q(k8sName(after));
    const gb = isUpdate ? grantsOf(before) : [];
    const ga = grantsOf(after);
    const fresh = ga.filter((g) => !grantCovered(g, gb));
    const wild = fresh.filter((g) => g.group === '*' || g.resource === '*' || g.verb === '*' || ESCALATION_VERBS.has(g.verb));
    if (wild.length) add('RV-RBAC-WILDCARD', `Role ${name} grants ${few([...new Set(wild.map(grantText))])}.`);
    if (isUpdate && fresh.length > wild.length) add('RV-RBAC-WIDEN', `Role ${name} gains ${few([...new Set(fresh.filter((g) => !wild.includes(g)).map(grantText))])}.`);
  }

  if (BINDINGS.has(t)) {
    const name = q(k8sName(after));
    const roleRef = txt(at(after, 'role_ref', 'name'));
    const sa = subjectsOf(after);
    const sb = isUpdate ? new Set(subjectsOf(before)) : new Set<string>();
    const fresh = sa.filter((s) => !sb.has(s));
    if (roleRef === 'cluster-admin' && (creates || str(at(before, 'role_ref', 'name')) !== 'cluster-admin')) add('RV-RBAC-WILDCARD', `Binding ${name} grants cluster-admin to ${few(sa)}.`);
    if (CLUSTER_BINDINGS.has(t) && change.action === 'create') add('RV-RBAC-CLUSTER-BINDING', `New cluster role binding ${name} grants ${q(roleRef)} in every namespace to ${few(sa)}.`);
    const everyone = fresh.filter((s) => EVERYONE.test(s));
    if (everyone.length) add('RV-RBAC-WIDEN', `Binding ${name} grants ${q(roleRef)} to ${few(everyone)}: every such user.`);
    else if (isUpdate && fresh.length) add('RV-RBAC-WIDEN', `Binding ${name} gains ${few(fresh)}.`);
  }

  if (t === 'vault_kubernetes_auth_backend_role' || t === 'vault_jwt_auth_backend_role') authRules(input, add);

  if (t === 'vault_policy') {
    const name = q(nameOf(after, 'name'));
    const ta = at(after, 'policy');
    const tb = at(before, 'policy');
    const ga = typeof ta === 'string' ? policyGrants(ta) : undefined;
    const gb = isUpdate && typeof tb === 'string' ? policyGrants(tb) : isUpdate ? undefined : new Map<string, Set<string>>();
    if (ga && gb) {
      const sudo: string[] = [];
      const widened: string[] = [];
      for (const [path, caps] of ga) {
        const covering = [...gb].filter(([p]) => globCovers(p, path));
        const had = new Set(covering.flatMap(([, c]) => [...c]));
        if (caps.has('sudo') && !had.has('sudo')) sudo.push(`sudo on "${path}"`);
        if ((path === '*' || path === '+/*' || path === 'sys/*') && !gb.has(path)) sudo.push(`every path under "${path}"`);
        if (!isUpdate) continue;
        const newCaps = [...caps].filter((c) => c !== 'deny' && !had.has(c) && !had.has('root'));
        if (covering.length === 0 && !caps.has('deny')) widened.push(`new path "${path}" (${[...caps].join(', ') || 'no capabilities'})`);
        else if (newCaps.length) widened.push(`${newCaps.join(', ')} on "${path}"`);
        if (had.has('deny') && !caps.has('deny')) widened.push(`deny lifted on "${path}"`);
      }
      if (isUpdate) for (const [path, caps] of gb) if (caps.has('deny') && !ga.has(path)) widened.push(`deny on "${path}" removed`);
      if (sudo.length) add('RV-POLICY-SUDO', `Vault policy ${name} grants ${few(sudo)}.`);
      if (widened.length) add('RV-POLICY-WIDEN', `Vault policy ${name} gains ${few(widened)}.`);
    }
  }

  if (isUpdate && isAdmission(t, after)) {
    const m = (tree: unknown) => at(tree, 'manifest');
    const kind = str(at(after, 'manifest', 'kind'));
    const name = q(k8sName(after));
    const weaker: string[] = [];
    const actionsB = strings(at(m(before), 'spec', 'validationActions'));
    const actionsA = strings(at(m(after), 'spec', 'validationActions'));
    if (actionsB.includes('Deny') && !actionsA.includes('Deny')) weaker.push(`it no longer denies (validationActions ${actionsA.join(', ') || 'none'})`);
    const fb = str(at(m(before), 'spec', 'failurePolicy')) ?? 'Fail';
    const fa = str(at(m(after), 'spec', 'failurePolicy')) ?? 'Fail';
    if (fb === 'Fail' && fa === 'Ignore') weaker.push('it fails open (failurePolicy Ignore)');
    const vb = list(at(m(before), 'spec', 'validations')).map(canonical);
    const va = new Set(list(at(m(after), 'spec', 'validations')).map(canonical));
    const lost = vb.filter((v) => !va.has(v)).length;
    if (lost) weaker.push(`${lost} validation${lost === 1 ? ' is' : 's are'} removed or rewritten`);
    for (const scope of ['matchResources', 'matchConstraints', 'paramRef', 'policyName']) {
      if (canonical(at(m(before), 'spec', scope)) !== canonical(at(m(after), 'spec', scope))) weaker.push(`its ${scope} changes`);
    }
    if (weaker.length) add('RV-ADMISSION-WEAKEN', `Admission ${kind ?? t} ${name}: ${few(weaker)}.`);
  }

  if (isUpdate && (QUOTAS.has(t) || LIMIT_RANGES.has(t))) {
    const raised: string[] = [];
    const compare = (label: string, vb: unknown, va: unknown) => {
      const b = quantity(vb);
      if (b === undefined) return;
      const a = quantity(va);
      if (va === undefined || va === null) raised.push(`${label} removed (was ${String(vb)})`);
      else if (a !== undefined && a > b * 1.5) raised.push(`${label} ${String(vb)} → ${String(va)}`);
    };
    if (QUOTAS.has(t)) {
      const hb = at(before, 'spec', 'hard');
      const ha = at(after, 'spec', 'hard');
      if (isPlainObject(hb)) for (const [k, v] of Object.entries(hb)) compare(k, v, isPlainObject(ha) ? ha[k] : undefined);
    } else {
      const lb = list(at(before, 'spec', 'limit'));
      const la = list(at(after, 'spec', 'limit'));
      lb.forEach((limit, i) => {
        for (const field of ['max', 'default', 'default_request']) {
          const vb = at(limit, field);
          const va = at(la[i], field);
          if (isPlainObject(vb)) for (const [k, v] of Object.entries(vb)) compare(`${str(at(limit, 'type')) ?? 'limit'} ${field} ${k}`, v, isPlainObject(va) ? va[k] : undefined);
        }
      });
    }
    if (raised.length) add('RV-QUOTA-RAISE', `${t.startsWith('kubernetes_resource_quota') ? 'Quota' : 'Limit range'} ${q(k8sName(after))}: ${few(raised)}.`);
  }
}

function authRules(input: RuleInput, add: (id: string, reason: string) => void): void {
  const { change, after } = input;
  const isUpdate = change.action !== 'create' && input.before !== undefined && input.before !== null;
  const before = isUpdate ? input.before : undefined;
  const name = q(nameOf(after, 'role_name'));
  const wider: string[] = [];
  const setGrowth = (key: string, label: string) => {
    const a = strings(at(after, key));
    const b = new Set(isUpdate ? strings(at(before, key)) : []);
    if (a.includes('*') && !b.has('*')) wider.push(`any ${label} ("*")`);
    else if (isUpdate && !b.has('*')) {
      const fresh = a.filter((x) => !b.has(x));
      if (fresh.length) wider.push(`${label} ${few(fresh.map((x) => JSON.stringify(x)))}`);
    }
  };
  if (change.type === 'vault_kubernetes_auth_backend_role') {
    setGrowth('bound_service_account_names', 'service account');
    setGrowth('bound_service_account_namespaces', 'namespace');
    if (isUpdate && at(before, 'bound_service_account_namespace_selector') !== at(after, 'bound_service_account_namespace_selector') && str(at(after, 'bound_service_account_namespace_selector'))) {
      wider.push('namespaces matching a new namespace selector');
    }
  } else {
    setGrowth('bound_audiences', 'audience');
    const cb = at(before, 'bound_claims');
    const ca = at(after, 'bound_claims');
    if (isUpdate && isPlainObject(cb)) {
      for (const [k, v] of Object.entries(cb)) {
        const nv = isPlainObject(ca) ? ca[k] : undefined;
        if (nv === undefined || nv === null) wider.push(`bound claim "${k}" removed`);
        else if (canonical(nv) !== canonical(v)) wider.push(`bound claim "${k}" changed`);
      }
    }
    if (!isUpdate && !isPlainObject(ca) && !str(at(after, 'bound_subject'))) wider.push('any token of the issuer (no bound claims or subject)');
    const sb = str(at(before, 'bound_subject'));
    if (isUpdate && sb && str(at(after, 'bound_subject')) !== sb) wider.push('bound subject changed or removed');
    const cidrsB = strings(at(before, 'token_bound_cidrs'));
    const cidrsA = strings(at(after, 'token_bound_cidrs'));
    if (isUpdate && cidrsB.length > 0) {
      if (cidrsA.length === 0) wider.push('logins from any address (token_bound_cidrs removed)');
      else {
        const pb = cidrsB.map(parseCidr).filter((c): c is Cidr => !('error' in c));
        const fresh = cidrsA.filter((c) => {
          const p = parseCidr(c);
          return 'error' in p || !pb.some((b) => cidrContains(b, p));
        });
        if (fresh.length) wider.push(`logins from ${few(fresh)}`);
      }
    }
  }
  setGrowth('token_policies', 'policy');
  if (wider.length) add('RV-AUTH-WIDEN', `Vault auth role ${name} ${isUpdate ? 'now accepts' : 'accepts'} ${few(wider)}.`);
  if (isUpdate) {
    const longer: string[] = [];
    for (const key of ['token_ttl', 'token_max_ttl', 'token_explicit_max_ttl', 'token_period']) {
      const b = num(at(before, key));
      const a = num(at(after, key));
      if (b === undefined || a === undefined) continue;
      if ((b > 0 && a === 0) || a > b) longer.push(`${key} ${b} → ${a === 0 ? '0 (system default, usually 32 days)' : a}`);
    }
    if (longer.length) add('RV-AUTH-TTL', `Vault auth role ${name}: ${few(longer)} (seconds).`);
  }
}

const METADATA_ONLY = /^(metadata(\[0\])?\.(labels|annotations)|manifest\.metadata\.(labels|annotations)|description|tags|tags_all)(\.|\[|$)/;

function updateBaseline(input: RuleInput, add: (id: string, reason: string) => void): void {
  const { change } = input;
  const paths = change.attrs.map((a) => a.path);
  const name = q(nameOfAny(input));
  if (paths.length > 0 && paths.every((p) => METADATA_ONLY.test(p))) {
    add('RV-METADATA-UPDATE', `${change.type} ${name}: only labels, annotations or description change.`);
  } else if (isSecurityType(change.type)) {
    add('RV-SECURITY-UPDATE', `${change.type} ${name} changes in place${paths.length ? ` (${few(paths, 4)})` : ''}.`);
  } else {
    add('RV-UPDATE', `${change.type} ${name} changes in place${paths.length ? ` (${few(paths, 4)})` : ''}.`);
  }
}
