/**
 * NetworkPolicy semantics: the rules of each direction and their peers, CIDR peers as Kubernetes
 * parses them, and whether a policy denies a direction for every pod of its namespace.
 */
import { cidrContains, parseCidrLoose, type Cidr } from '../../landing-zone/net';
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

/** The ports one rule opens: a port number (literal or numeric string) and protocol, or 'all' when it lists none. */
export function rulePorts(rule: NetworkPolicyRule): readonly { readonly port: number | 'named' | 'unresolved'; readonly endPort?: number; readonly protocol: string }[] | 'all' {
  if (rule.ports.length === 0) return 'all';
  return rule.ports.map((p) => {
    const raw = p.port;
    const protocol = typeof p.protocol === 'string' ? p.protocol : 'TCP';
    const endPort = typeof (p.end_port ?? p.endPort) === 'number' ? Number(p.end_port ?? p.endPort) : undefined;
    if (raw === undefined || raw === null) return { port: 'unresolved' as const, protocol };
    if (isUnresolved(raw)) return { port: 'unresolved' as const, protocol };
    const n = Number(raw);
    return Number.isInteger(n) ? { port: n, ...(endPort !== undefined ? { endPort } : {}), protocol } : { port: 'named' as const, protocol };
  });
}

/**
 * Whether an egress rule lets traffic to TCP `port` of `ip` (when the destination's address is a
 * literal IP) or of any destination it names: 'yes', 'no', or 'unknown' when references or named
 * ports decide it. A peer by namespace selector counts as reaching an in-cluster destination.
 */
export function egressReaches(rule: NetworkPolicyRule, port: number, ip: string | undefined): 'yes' | 'no' | 'unknown' {
  const ports = rulePorts(rule);
  let portVerdict: 'yes' | 'no' | 'unknown' = 'no';
  if (ports === 'all') portVerdict = 'yes';
  else {
    for (const p of ports) {
      if (p.protocol.toUpperCase() !== 'TCP') continue;
      if (p.port === 'unresolved' || p.port === 'named') portVerdict = portVerdict === 'yes' ? 'yes' : 'unknown';
      else if (p.port === port || (p.endPort !== undefined && p.port <= port && port <= p.endPort)) portVerdict = 'yes';
    }
  }
  if (portVerdict === 'no') return 'no';
  if (rule.anyPeer) return portVerdict;
  let peerVerdict: 'yes' | 'no' | 'unknown' = 'no';
  for (const peer of rule.peers) {
    if (peer.unresolved) peerVerdict = peerVerdict === 'yes' ? 'yes' : 'unknown';
    else if (peer.ipBlock) {
      const cidr = typeof peer.ipBlock.cidr === 'string' ? peerCidr(peer.ipBlock.cidr) : undefined;
      if (!cidr) peerVerdict = peerVerdict === 'yes' ? 'yes' : 'unknown';
      else if (ip === undefined || cidrContains(cidr, parseCidrLoose(`${ip}/${ip.includes(':') ? 128 : 32}`)!)) peerVerdict = 'yes';
    } else if (peer.namespaceSelector !== undefined) {
      // Pods of other namespaces: an in-cluster destination (a Service, by name or by its cluster
      // IP, which the CNI translates to pod addresses before policies apply) may be among them.
      // A pod selector alone means this namespace's own pods, never another server.
      peerVerdict = 'yes';
    }
  }
  if (peerVerdict === 'yes') return portVerdict;
  return peerVerdict === 'unknown' || portVerdict === 'unknown' ? 'unknown' : 'no';
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
