/**
 * NetworkPolicy semantics: the rules of each direction and their peers, CIDR peers as Kubernetes
 * parses them, and whether a policy denies a direction for every pod of its namespace.
 */
import { parseCidrLoose, type Cidr } from '../../landing-zone/net';
import { block, blocks, entries, isUnresolved, pick, stringList } from '../values';
import { selectorIsEmpty } from './selector';

export type Direction = 'ingress' | 'egress';
export type PolicyType = 'Ingress' | 'Egress';

const PEERS_KEY: Readonly<Record<Direction, 'from' | 'to'>> = { ingress: 'from', egress: 'to' };

/** A block given but empty in plan JSON (`[]`) is no block. */
function present(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

export interface NetworkPolicyPeer {
  readonly index: number;
  /** `spec.egress[0].to[1]`. */
  readonly attribute: string;
  /** The peer is a reference (or a value a caller masked): what it allows is known only at apply. */
  readonly unresolved: boolean;
  /** `ip_block` as written, when the peer has one (it may be a reference). */
  readonly ipBlockRaw?: unknown;
  /** `ip_block` when it is a literal block. */
  readonly ipBlock?: Record<string, unknown>;
  /** `namespace_selector` as written, when the peer has one. */
  readonly namespaceSelector?: unknown;
  /** `pod_selector` as written, when the peer has one. */
  readonly podSelector?: unknown;
}

export interface NetworkPolicyRule {
  readonly direction: Direction;
  readonly index: number;
  /** `spec.egress[0]`. */
  readonly attribute: string;
  /** `from` for ingress, `to` for egress. */
  readonly peersKey: 'from' | 'to';
  readonly rule: Record<string, unknown>;
  /** No peers at all: the rule allows every source or destination. */
  readonly anyPeer: boolean;
  readonly peers: readonly NetworkPolicyPeer[];
  readonly ports: readonly Record<string, unknown>[];
}

export function specOf(body: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined {
  return block(body.spec);
}

/** The rules of one direction of a NetworkPolicy body, with their peers. */
export function policyRules(body: Readonly<Record<string, unknown>>, direction: Direction): NetworkPolicyRule[] {
  const spec = specOf(body);
  if (!spec) return [];
  const peersKey = PEERS_KEY[direction];
  return blocks(spec[direction]).map((rule, index) => {
    const attribute = `spec.${direction}[${index}]`;
    const raw = rule[peersKey];
    const listed = entries(raw);
    const peers = listed.map((p, j): NetworkPolicyPeer => {
      const at = `${attribute}.${peersKey}[${j}]`;
      const peer = block(p);
      if (!peer || Array.isArray(p)) return { index: j, attribute: at, unresolved: true };
      const ipRaw = pick(peer, 'ip_block', 'ipBlock');
      const ns = pick(peer, 'namespace_selector', 'namespaceSelector');
      const pod = pick(peer, 'pod_selector', 'podSelector');
      const ipBlock = present(ipRaw) ? block(ipRaw) : undefined;
      return {
        index: j,
        attribute: at,
        unresolved: false,
        ...(present(ipRaw) ? { ipBlockRaw: ipRaw } : {}),
        ...(ipBlock ? { ipBlock } : {}),
        ...(present(ns) ? { namespaceSelector: ns } : {}),
        ...(present(pod) ? { podSelector: pod } : {}),
      };
    });
    return { direction, index, attribute, peersKey, rule, anyPeer: listed.length === 0, peers, ports: blocks(rule.ports) };
  });
}

/**
 * A peer CIDR as Kubernetes reads it (host bits allowed, surrounding spaces ignored); undefined
 * when it is not a CIDR.
 */
export function peerCidr(text: string): Cidr | undefined {
  return parseCidrLoose(text.trim());
}

// ---------------------------------------------------------------------------------------------
// Default deny.

export type DenyVerdict = 'deny' | 'unknown' | 'no';

/**
 * Whether a policy denies each direction for every pod of its namespace: an empty pod selector,
 * the type listed in policy_types, and no rules of that direction.
 */
export function denyAll(body: Readonly<Record<string, unknown>>): { readonly ingress: DenyVerdict; readonly egress: DenyVerdict } {
  const spec = specOf(body);
  if (!spec) return { ingress: 'no', egress: 'no' };
  const empty = selectorIsEmpty(pick(spec, 'pod_selector', 'podSelector'));
  const types = stringList(pick(spec, 'policy_types', 'policyTypes'));
  const direction = (name: PolicyType, rulesKey: Direction): DenyVerdict => {
    if (empty === false) return 'no';
    const rulesValue = spec[rulesKey];
    if (blocks(rulesValue).length > 0) return 'no';
    // Without policy_types Kubernetes assumes Ingress (plus Egress when egress rules exist).
    const listed = types.items.length > 0 || types.unresolved ? types.items.includes(name) : name === 'Ingress';
    if (!listed) return types.unresolved ? 'unknown' : 'no';
    return empty === 'unresolved' || isUnresolved(rulesValue) ? 'unknown' : 'deny';
  };
  return { ingress: direction('Ingress', 'ingress'), egress: direction('Egress', 'egress') };
}

/** The policy types a policy surely denies for every pod, in the order its policy_types lists them. */
export function deniedPolicyTypes(body: Readonly<Record<string, unknown>>): PolicyType[] {
  const verdict = denyAll(body);
  const listed = stringList(pick(specOf(body) ?? {}, 'policy_types', 'policyTypes')).items.filter((t): t is PolicyType => t === 'Ingress' || t === 'Egress');
  const order: PolicyType[] = [...new Set([...listed, 'Ingress', 'Egress'] as PolicyType[])];
  return order.filter((t) => verdict[t === 'Ingress' ? 'ingress' : 'egress'] === 'deny');
}

/** Coverage of a namespace in each direction by the policies surely in it (`sure`) and those that may be (`maybe`). */
export function denyCoverage(sure: readonly { readonly body: Readonly<Record<string, unknown>> }[], maybe: readonly { readonly body: Readonly<Record<string, unknown>> }[]): { readonly ingress: DenyVerdict; readonly egress: DenyVerdict } {
  const of = (dir: Direction): DenyVerdict => {
    const sureV = sure.map((p) => denyAll(p.body)[dir]);
    if (sureV.includes('deny')) return 'deny';
    if (sureV.includes('unknown') || maybe.some((p) => denyAll(p.body)[dir] !== 'no')) return 'unknown';
    return 'no';
  };
  return { ingress: of('ingress'), egress: of('egress') };
}
