/**
 * NetworkFirewall: the NetworkPolicies of one namespace. Default deny both ways, then explicit
 * allows for DNS, same-namespace traffic, declared in-country egress and declared ingress.
 */
import {
  NetworkPolicyV1,
  type NetworkPolicyV1Spec,
  type NetworkPolicyV1SpecEgressPorts,
} from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { Construct } from 'constructs';
import { sovereigntyLabels, type SovereigntyContext } from '../common/labels';
import { PropChecker } from '../common/validate';
import { cidrContains, parseCidr, type ParsedCidr } from './cidr';

export { cidrContains, parseCidr, type CidrResult, type ParsedCidr } from './cidr';

/** Transport protocol of a NetworkPolicy port. */
export type FirewallProtocol = 'TCP' | 'UDP' | 'SCTP';

/** One destination or source port. */
export interface FirewallPort {
  /** Port number, 1–65535. */
  readonly port: number;
  /**
   * Transport protocol.
   * @default 'TCP'
   */
  readonly protocol?: FirewallProtocol;
}

/** Egress to one in-country CIDR. */
export interface EgressRule {
  /** DNS-1123 label, unique among egress rules; the policy is named `allow-egress-<name>`. */
  readonly name: string;
  /** Destination block (IPv4 or IPv6, no host bits); must lie inside one of `inCountryCidrs`. */
  readonly cidr: string;
  /** Destination ports; at least one, so a rule never opens a whole host. */
  readonly ports: readonly FirewallPort[];
}

/** Ingress from one CIDR or from one namespace (exactly one of the two). */
export interface IngressRule {
  /** DNS-1123 label, unique among ingress rules; the policy is named `allow-ingress-<name>`. */
  readonly name: string;
  /**
   * Source block (IPv4 or IPv6, no host bits); must lie inside one of `inCountryCidrs`.
   * @default - none; set exactly one of `cidr` and `namespace`
   */
  readonly cidr?: string;
  /**
   * Source namespace: all its pods (matched by the `kubernetes.io/metadata.name` label).
   * @default - none; set exactly one of `cidr` and `namespace`
   */
  readonly namespace?: string;
  /** Ports of this namespace's pods that the source may reach; at least one. */
  readonly ports: readonly FirewallPort[];
}

/** Where cluster DNS runs. */
export interface DnsTarget {
  /**
   * Namespace of the DNS pods.
   * @default 'kube-system'
   */
  readonly namespace?: string;
  /**
   * Labels of the DNS pods.
   * @default { 'k8s-app': 'kube-dns' }
   */
  readonly podLabels?: Readonly<Record<string, string>>;
  /**
   * DNS ports.
   * @default 53/UDP and 53/TCP
   */
  readonly ports?: readonly FirewallPort[];
}

export interface NetworkFirewallProps {
  /** Namespace the policies live in and apply to (a name or a namespace resource's name token). */
  readonly namespace: string;
  /**
   * The only blocks egress (and CIDR ingress) may be opened to, e.g. `['10.0.0.0/8']`.
   * An empty list allows DNS and same-namespace traffic only.
   */
  readonly inCountryCidrs: readonly string[];
  /**
   * Egress allows, one NetworkPolicy each.
   * @default - none
   */
  readonly egress?: readonly EgressRule[];
  /**
   * Ingress allows, one NetworkPolicy each.
   * @default - none
   */
  readonly ingress?: readonly IngressRule[];
  /**
   * Cluster DNS the namespace may query.
   * @default - kube-system pods labelled `k8s-app: kube-dns`, ports 53/UDP and 53/TCP
   */
  readonly dns?: DnsTarget;
  /**
   * Sovereignty context for the policies' labels.
   * @default - only `app.kubernetes.io/managed-by`
   */
  readonly context?: SovereigntyContext;
}

const PROTOCOLS: readonly string[] = ['TCP', 'UDP', 'SCTP'];
const DEFAULT_DNS_PORTS: readonly FirewallPort[] = [
  { port: 53, protocol: 'UDP' },
  { port: 53, protocol: 'TCP' },
];
/** Set by the API server on every namespace since Kubernetes 1.22; tenants cannot forge it. */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** NetworkPolicies for one namespace: default deny, then explicit in-country allows. */
export class NetworkFirewall extends Construct {
  /** The `default-deny` policy: every pod, Ingress and Egress, no rules. */
  readonly defaultDeny: NetworkPolicyV1;
  /** Namespace the policies live in. */
  readonly namespace: string;

  private readonly inCountry: readonly ParsedCidr[];
  private readonly labels: Record<string, string>;
  private readonly egressNames = new Set<string>();
  private readonly ingressNames = new Set<string>();
  private readonly allPolicies: NetworkPolicyV1[] = [];

  constructor(scope: Construct, id: string, props: NetworkFirewallProps) {
    super(scope, id);

    const check = new PropChecker(`NetworkFirewall ${this.node.path}`);
    check.check(typeof props.namespace === 'string' && props.namespace.length > 0, 'namespace must not be empty');
    check.dnsLabel('namespace', props.namespace);

    const inCountry: ParsedCidr[] = [];
    check.unique('inCountryCidrs', props.inCountryCidrs);
    props.inCountryCidrs.forEach((text, i) => {
      const r = parseCidr(text);
      if (!r.ok) return void check.check(false, `inCountryCidrs[${i}]: ${r.problem}`);
      // A /0 would make every address "in-country" and disable the residency check.
      check.check(r.cidr.prefix > 0, `inCountryCidrs[${i}]: "${text}" covers every address; declare the country's own blocks`);
      inCountry.push(r.cidr);
    });
    this.inCountry = inCountry;

    const dnsNamespace = props.dns?.namespace ?? 'kube-system';
    const dnsLabels = props.dns?.podLabels ?? { 'k8s-app': 'kube-dns' };
    const dnsPorts = props.dns?.ports ?? DEFAULT_DNS_PORTS;
    check.dnsLabel('dns.namespace', dnsNamespace);
    check.check(Object.keys(dnsLabels).length > 0, 'dns.podLabels must not be empty (an empty selector would open every pod of the DNS namespace)');
    checkPorts(check, 'dns.ports', dnsPorts);

    const egress = props.egress ?? [];
    const ingress = props.ingress ?? [];
    check.unique('egress names', egress.map((r) => r.name));
    check.unique('ingress names', ingress.map((r) => r.name));
    egress.forEach((r, i) => this.checkEgress(check, `egress[${i}]`, r));
    ingress.forEach((r, i) => this.checkIngress(check, `ingress[${i}]`, r));
    check.throwIfAny();

    this.namespace = props.namespace;
    this.labels = props.context ? sovereigntyLabels(props.context) : { 'app.kubernetes.io/managed-by': 'sovereign-landing-zone' };

    // An empty pod selector with both policy types and no rules denies everything the other
    // policies do not allow: NetworkPolicies are additive allows.
    this.defaultDeny = this.policy('DefaultDeny', 'default-deny', {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    });

    // Namespace and pod selectors in the same peer are ANDed: only the DNS pods of that namespace.
    this.policy('AllowDns', 'allow-dns', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: dnsNamespace } }, podSelector: { matchLabels: { ...dnsLabels } } }],
          ports: toPorts(dnsPorts),
        },
      ],
    });

    // A pod selector without a namespace selector means "pods of this policy's namespace".
    this.policy('AllowSameNamespace', 'allow-same-namespace', {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: {} }] }],
      egress: [{ to: [{ podSelector: {} }] }],
    });

    for (const r of egress) this.addEgress(r);
    for (const r of ingress) this.addIngress(r);
  }

  /** Every NetworkPolicy of this firewall, default deny first. */
  get policies(): readonly NetworkPolicyV1[] {
    return [...this.allPolicies];
  }

  /**
   * Adds an `allow-egress-<name>` policy. Same rules as the `egress` prop: the CIDR must lie
   * inside one of `inCountryCidrs` and the name must be new.
   * @throws ConstructPropsError when the rule is invalid
   */
  allowEgress(rule: EgressRule): NetworkPolicyV1 {
    const check = new PropChecker(`NetworkFirewall ${this.node.path}`);
    check.check(!this.egressNames.has(rule.name), `egress rule "${rule.name}" already exists`);
    this.checkEgress(check, 'egress rule', rule);
    check.throwIfAny();
    return this.addEgress(rule);
  }

  /**
   * Adds an `allow-egress-<name>` policy to the pods with `podLabels` in another namespace of the
   * cluster (a service running in-cluster, e.g. Vault). The labels must not be empty: an empty
   * selector would open the whole namespace.
   * @throws ConstructPropsError when the rule is invalid
   */
  allowEgressToPods(rule: { readonly name: string; readonly namespace: string; readonly podLabels: Readonly<Record<string, string>>; readonly ports: readonly FirewallPort[] }): NetworkPolicyV1 {
    const check = new PropChecker(`NetworkFirewall ${this.node.path}`);
    check.check(!this.egressNames.has(rule.name), `egress rule "${rule.name}" already exists`);
    check.dnsLabel('egress rule.name', rule.name);
    check.dnsLabel('egress rule.namespace', rule.namespace);
    check.check(Object.keys(rule.podLabels).length > 0, `egress rule "${rule.name}": podLabels must not be empty (an empty selector would open every pod of ${rule.namespace})`);
    checkPorts(check, `egress rule "${rule.name}".ports`, rule.ports);
    check.check(rule.ports.length > 0, `egress rule "${rule.name}" needs at least one port`);
    check.throwIfAny();
    this.egressNames.add(rule.name);
    return this.policy(`AllowEgress-${rule.name}`, `allow-egress-${rule.name}`, {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: rule.namespace } }, podSelector: { matchLabels: { ...rule.podLabels } } }], ports: toPorts(rule.ports) }],
    });
  }

  /**
   * Adds an `allow-ingress-<name>` policy. Same rules as the `ingress` prop.
   * @throws ConstructPropsError when the rule is invalid
   */
  allowIngress(rule: IngressRule): NetworkPolicyV1 {
    const check = new PropChecker(`NetworkFirewall ${this.node.path}`);
    check.check(!this.ingressNames.has(rule.name), `ingress rule "${rule.name}" already exists`);
    this.checkIngress(check, 'ingress rule', rule);
    check.throwIfAny();
    return this.addIngress(rule);
  }

  private addEgress(rule: EgressRule): NetworkPolicyV1 {
    this.egressNames.add(rule.name);
    return this.policy(`AllowEgress-${rule.name}`, `allow-egress-${rule.name}`, {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: rule.cidr } }], ports: toPorts(rule.ports) }],
    });
  }

  private addIngress(rule: IngressRule): NetworkPolicyV1 {
    this.ingressNames.add(rule.name);
    const from = rule.cidr !== undefined
      ? [{ ipBlock: { cidr: rule.cidr } }]
      : [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: rule.namespace ?? '' } } }];
    return this.policy(`AllowIngress-${rule.name}`, `allow-ingress-${rule.name}`, {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from, ports: toPorts(rule.ports) }],
    });
  }

  private policy(id: string, name: string, spec: NetworkPolicyV1Spec): NetworkPolicyV1 {
    const p = new NetworkPolicyV1(this, id, { metadata: { name, namespace: this.namespace, labels: { ...this.labels } }, spec });
    this.allPolicies.push(p);
    return p;
  }

  private checkEgress(check: PropChecker, at: string, rule: EgressRule): void {
    check.dnsLabel(`${at}.name`, rule.name);
    checkPorts(check, `${at}.ports`, rule.ports);
    this.checkInCountry(check, `${at}.cidr`, rule.cidr);
  }

  private checkIngress(check: PropChecker, at: string, rule: IngressRule): void {
    check.dnsLabel(`${at}.name`, rule.name);
    checkPorts(check, `${at}.ports`, rule.ports);
    const hasCidr = rule.cidr !== undefined;
    const hasNs = rule.namespace !== undefined;
    check.check(hasCidr !== hasNs, `${at} must set exactly one of cidr and namespace`);
    if (hasCidr) this.checkInCountry(check, `${at}.cidr`, rule.cidr ?? '');
    if (hasNs) check.dnsLabel(`${at}.namespace`, rule.namespace);
  }

  private checkInCountry(check: PropChecker, at: string, text: string): void {
    if (typeof text !== 'string') return void check.check(false, `${at} must be a CIDR string`);
    const r = parseCidr(text);
    if (!r.ok) return void check.check(false, `${at}: ${r.problem}`);
    if (r.cidr.prefix === 0) return void check.check(false, `${at}: "${text}" opens every address; only in-country blocks may be allowed`);
    check.check(
      this.inCountry.some((c) => cidrContains(c, r.cidr)),
      `${at}: "${text}" is not inside any in-country CIDR (${this.inCountry.map((c) => c.text).join(', ') || 'none declared'})`,
    );
  }
}

function checkPorts(check: PropChecker, at: string, ports: readonly FirewallPort[] | undefined): void {
  check.nonEmpty(at, ports);
  (ports ?? []).forEach((p, i) => {
    check.intRange(`${at}[${i}].port`, p.port, 1, 65535);
    if (p.protocol !== undefined) check.check(PROTOCOLS.includes(p.protocol), `${at}[${i}].protocol must be TCP, UDP or SCTP (got ${String(p.protocol)})`);
  });
}

function toPorts(ports: readonly FirewallPort[]): NetworkPolicyV1SpecEgressPorts[] {
  return ports.map((p) => ({ port: String(p.port), protocol: p.protocol ?? 'TCP' }));
}
