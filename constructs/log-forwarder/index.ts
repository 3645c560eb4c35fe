/**
 * LogForwarder: one Fluent Bit DaemonSet per region that ships the tenant namespaces' container
 * logs, tagged with their sovereignty context, over verified TLS to the in-country sink.
 */
import { ClusterRoleBindingV1 } from '@cdktf/provider-kubernetes/lib/cluster-role-binding-v1';
import { ClusterRoleV1 } from '@cdktf/provider-kubernetes/lib/cluster-role-v1';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { DaemonSetV1 } from '@cdktf/provider-kubernetes/lib/daemon-set-v1';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { ResourceQuotaV1 } from '@cdktf/provider-kubernetes/lib/resource-quota-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { Annotations, Fn, Lazy, Token } from 'cdktf';
import { Construct } from 'constructs';
import ipaddr from 'ipaddr.js';
import { LABEL_PREFIX, labelValue, sovereigntyLabels, type SovereigntyContext } from '../common/labels';
import { COMPONENT_LABEL, LOG_COLLECTOR_COMPONENT } from '../../src/synthesized/kubernetes/namespace';
import { containerLimitRange, isReservedNamespace, podSecurityLabels, tokenlessDefaultServiceAccount } from '../common/namespace';
import { PropChecker } from '../common/validate';
import { cidrContains, NetworkFirewall, parseCidr, type ParsedCidr } from '../network-firewall';
import { parseQuantity, scaleQuantity } from '../../src/synthesized/kubernetes/quantity';
import { isRegistryHost, parseImageReference } from './image';

export { isRegistryHost, parseImageReference, type ImageReference } from './image';

/** Fluent Bit output used for the sink. */
export type LogSinkType = 'syslog' | 'http' | 'forward';

/** The in-country log sink. TLS is always on and the certificate always verified. */
export interface LogSink {
  /** `syslog` (RFC 5424 over TLS), `http` (JSON over HTTPS) or `forward` (Fluentd forward over TLS). */
  readonly type: LogSinkType;
  /** DNS name or IP address; also the TLS server name checked against the certificate. */
  readonly host: string;
  /** TCP port, 1–65535. */
  readonly port: number;
  /**
   * Request path, only for `http`.
   * @default '/'
   */
  readonly path?: string;
}

/** Requests and limits of each forwarder pod. */
export interface ForwarderResources {
  /** @default '50m' */
  readonly cpuRequest?: string;
  /** @default '500m' */
  readonly cpuLimit?: string;
  /** @default '64Mi' */
  readonly memoryRequest?: string;
  /** @default '256Mi' */
  readonly memoryLimit?: string;
}

/** Egress the forwarder needs when its namespace is locked down with a NetworkFirewall. */
export interface ForwarderFirewall {
  /** In-country blocks; `sinkCidr` and `apiServerCidr` must lie inside one of them. */
  readonly inCountryCidrs: readonly string[];
  /** Block holding the sink's addresses (NetworkPolicies match addresses, not names). */
  readonly sinkCidr: string;
  /** Block holding the Kubernetes API server endpoints (the kubernetes filter reads pod metadata). */
  readonly apiServerCidr: string;
  /**
   * API server endpoint port as the CNI sees it (after the `kubernetes` Service's DNAT).
   * @default 6443
   */
  readonly apiServerPort?: number;
}

export interface LogForwarderProps {
  /**
   * Namespace created for the forwarder (DNS-1123 label).
   * @default 'slz-logging'
   */
  readonly namespace?: string;
  /** Fluent Bit image (3.2 or later), e.g. `registry.gov.my/mirror/fluent-bit:3.2.4@sha256:…`. */
  readonly image: string;
  /** In-country registry host (`host[:port]`); `image` must be pulled from it. */
  readonly registry: string;
  /** Where logs go. */
  readonly sink: LogSink;
  /**
   * Namespaces whose container logs are shipped; every other namespace's logs are left alone.
   * More are added with `addTenantNamespace` (a TenancyStack adds its own), so tenants defined in
   * code are shipped like those of the landing-zone file. At least one is needed by synth time.
   * @default - none yet
   */
  readonly tenantNamespaces?: readonly string[];
  /** Agency, classification, jurisdiction and region added to every record and every label. */
  readonly context: SovereigntyContext;
  /**
   * ConfigMap in the forwarder's namespace whose `ca.crt` key holds the sink's CA bundle.
   * @default - the image's system trust store
   */
  readonly caConfigMap?: string;
  /**
   * Requests and limits per pod.
   * @default - 50m/64Mi requested, 500m/256Mi limit
   */
  readonly resources?: ForwarderResources;
  /**
   * Largest node count the ResourceQuota of the forwarder's namespace must admit (one pod per node).
   * @default 100
   */
  readonly maxNodes?: number;
  /**
   * Group that owns the container log files on the nodes; added as a supplemental group so
   * the non-root forwarder can read them.
   * @default 0 - containerd and CRI-O write the files as root:root 0640
   */
  readonly logFileGroup?: number;
  /**
   * Pod Security Standards version pinned by the namespace's `…-version` labels.
   * @default 'latest'
   */
  readonly podSecurityVersion?: string;
  /**
   * Locks the namespace down with a NetworkFirewall (default deny, DNS, sink, API server).
   * @default - no NetworkPolicy; see README (compliance rule KT-NS1 then reports the namespace)
   */
  readonly firewall?: ForwarderFirewall;
}

const SINK_TYPES: readonly string[] = ['syslog', 'http', 'forward'];
const RESOURCE_DEFAULTS: Required<ForwarderResources> = { cpuRequest: '50m', cpuLimit: '500m', memoryRequest: '64Mi', memoryLimit: '256Mi' };
const PSS_VERSION = /^(latest|v1\.[0-9]{1,3})$/;
const HTTP_PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;
const APP = 'slz-log-forwarder';
/** Numeric, so `runAsNonRoot` can be verified by the kubelet without reading the image. */
const RUN_AS = '10001';

const CONFIG_DIR = '/fluent-bit/etc';
const CA_DIR = '/fluent-bit/tls';
const STATE_DIR = '/var/fluent-bit/state';

/** Ships tenant container logs to the in-country sink over verified TLS. */
export class LogForwarder extends Construct {
  readonly namespace: NamespaceV1;
  /** Token of the namespace resource's name. */
  readonly namespaceName: string;
  readonly daemonSet: DaemonSetV1;
  readonly configMap: ConfigMapV1;
  readonly serviceAccount: ServiceAccountV1;
  /** The namespace's NetworkFirewall, when `firewall` is given. */
  readonly firewall?: NetworkFirewall;
  /**
   * The rendered Fluent Bit configuration (may contain Terraform references to namespace names);
   * a token resolved at synth, when every tenant namespace has been added.
   */
  readonly fluentBitConfig: string;
  private readonly tenants: string[];
  private readonly checkPath: string;

  constructor(scope: Construct, id: string, props: LogForwarderProps) {
    super(scope, id);

    const nsName = props.namespace ?? 'slz-logging';
    const res = { ...RESOURCE_DEFAULTS, ...stripUndefined(props.resources ?? {}) };
    const maxNodes = props.maxNodes ?? 100;
    const logFileGroup = props.logFileGroup ?? 0;
    const pssVersion = props.podSecurityVersion ?? 'latest';
    const image = validate(this.node.path, props, nsName, res, maxNodes, logFileGroup, pssVersion);
    if (image.digest === undefined) {
      Annotations.of(this).addWarning(`LogForwarder image "${props.image}" is not pinned by digest; a re-tagged image would roll out unreviewed (KT-WL3)`);
    }

    const labels = sovereigntyLabels(props.context, { [COMPONENT_LABEL]: LOG_COLLECTOR_COMPONENT });

    this.namespace = new NamespaceV1(this, 'Namespace', {
      metadata: {
        name: nsName,
        labels: {
          ...labels,
          // Read-only hostPath mounts of the node's log directories are forbidden by both
          // `restricted` and `baseline`, so only `privileged` admits the forwarder. audit and
          // warn stay `restricted` so every deviation is recorded and shown.
          ...podSecurityLabels('privileged', pssVersion),
        },
      },
    });
    this.namespaceName = this.namespace.metadata.name;
    const meta = (name: string) => ({ name, namespace: this.namespaceName, labels: { ...labels } });

    // The namespace gets the same guard rails as a tenant's: bounded, token-less by default.
    new ResourceQuotaV1(this, 'Quota', {
      metadata: meta('log-forwarder-quota'),
      spec: {
        hard: {
          'requests.cpu': scaleQuantity(res.cpuRequest, maxNodes),
          'limits.cpu': scaleQuantity(res.cpuLimit, maxNodes),
          'requests.memory': scaleQuantity(res.memoryRequest, maxNodes),
          'limits.memory': scaleQuantity(res.memoryLimit, maxNodes),
          pods: String(maxNodes),
          'services.loadbalancers': '0',
          'services.nodeports': '0',
        },
      },
    });
    containerLimitRange(this, meta('log-forwarder-limits'), res);
    tokenlessDefaultServiceAccount(this, this.namespaceName, labels);

    // Automount stays off on the account; only the DaemonSet's pod template opts in, so no
    // other pod that names this account receives its token.
    this.serviceAccount = new ServiceAccountV1(this, 'ServiceAccount', { metadata: meta(APP), automountServiceAccountToken: false });

    // Cluster-scoped because tenant pods live in other namespaces; read-only and limited to the
    // two kinds the kubernetes filter looks up.
    const clusterRole = new ClusterRoleV1(this, 'ClusterRole', {
      metadata: { name: `${APP}-${nsName}`, labels: { ...labels } },
      rule: [{ apiGroups: [''], resources: ['pods', 'namespaces'], verbs: ['get', 'list', 'watch'] }],
    });
    new ClusterRoleBindingV1(this, 'ClusterRoleBinding', {
      metadata: { name: `${APP}-${nsName}`, labels: { ...labels } },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterRole.metadata.name },
      subject: [{ kind: 'ServiceAccount', name: this.serviceAccount.metadata.name, namespace: this.namespaceName }],
    });

    this.tenants = [...(props.tenantNamespaces ?? [])];
    this.checkPath = this.node.path;
    this.fluentBitConfig = Lazy.stringValue({
      produce: () => {
        if (this.tenants.length === 0) throw new Error(`LogForwarder ${this.checkPath}: tenantNamespaces must not be empty (add one with addTenantNamespace)`);
        return renderFluentBitConfig({ ...props, tenantNamespaces: this.tenants });
      },
    });
    this.configMap = new ConfigMapV1(this, 'Config', {
      metadata: meta(`${APP}-config`),
      data: { 'fluent-bit.conf': this.fluentBitConfig },
    });

    const volumeMounts = [
      // Same paths as on the node: /var/log/containers/*.log are symlinks into /var/log/pods,
      // which must resolve inside the container too.
      { name: 'varlogcontainers', mountPath: '/var/log/containers', readOnly: true },
      { name: 'varlogpods', mountPath: '/var/log/pods', readOnly: true },
      { name: 'state', mountPath: STATE_DIR },
      { name: 'config', mountPath: CONFIG_DIR, readOnly: true },
      ...(props.caConfigMap ? [{ name: 'sink-ca', mountPath: CA_DIR, readOnly: true }] : []),
    ];
    const volumes = [
      { name: 'varlogcontainers', hostPath: { path: '/var/log/containers', type: 'Directory' } },
      { name: 'varlogpods', hostPath: { path: '/var/log/pods', type: 'Directory' } },
      // Tail positions and the retry buffer; bounded so a dead sink cannot fill the node's disk.
      { name: 'state', emptyDir: { sizeLimit: '1Gi' } },
      { name: 'config', configMap: { name: this.configMap.metadata.name, defaultMode: '0444' } },
      ...(props.caConfigMap
        ? [{ name: 'sink-ca', configMap: { name: props.caConfigMap, defaultMode: '0444', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }]
        : []),
    ];

    const podLabels = { ...labels, 'app.kubernetes.io/name': APP };
    this.daemonSet = new DaemonSetV1(this, 'DaemonSet', {
      metadata: meta(APP),
      spec: {
        selector: { matchLabels: { 'app.kubernetes.io/name': APP } },
        strategy: { type: 'RollingUpdate' },
        template: {
          metadata: {
            labels: podLabels,
            // Fluent Bit does not reload a changed ConfigMap; a new hash rolls the pods.
            annotations: { [`${LABEL_PREFIX}/config-sha256`]: Fn.sha256(Fn.jsonencode(this.configMap.data)) },
          },
          spec: {
            serviceAccountName: this.serviceAccount.metadata.name,
            automountServiceAccountToken: true,
            enableServiceLinks: false,
            hostNetwork: false,
            hostPid: false,
            hostIpc: false,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: RUN_AS,
              runAsGroup: RUN_AS,
              supplementalGroups: [logFileGroup],
              seccompProfile: { type: 'RuntimeDefault' },
            },
            // Tenant pods may run on tainted nodes (GPU pools); their logs must still ship.
            toleration: [{ operator: 'Exists' }],
            container: [
              {
                name: 'fluent-bit',
                image: props.image,
                imagePullPolicy: 'IfNotPresent',
                args: [`--config=${CONFIG_DIR}/fluent-bit.conf`],
                securityContext: {
                  runAsNonRoot: true,
                  runAsUser: RUN_AS,
                  privileged: false,
                  readOnlyRootFilesystem: true,
                  allowPrivilegeEscalation: false,
                  capabilities: { drop: ['ALL'] },
                  seccompProfile: { type: 'RuntimeDefault' },
                },
                resources: {
                  requests: { cpu: res.cpuRequest, memory: res.memoryRequest },
                  limits: { cpu: res.cpuLimit, memory: res.memoryLimit },
                },
                volumeMount: volumeMounts,
              },
            ],
            volume: volumes,
          },
        },
      },
    });

    if (props.firewall) {
      const fw = props.firewall;
      this.firewall = new NetworkFirewall(this, 'Firewall', {
        namespace: this.namespaceName,
        inCountryCidrs: fw.inCountryCidrs,
        egress: [
          { name: 'log-sink', cidr: fw.sinkCidr, ports: [{ port: props.sink.port, protocol: 'TCP' }] },
          { name: 'kube-apiserver', cidr: fw.apiServerCidr, ports: [{ port: fw.apiServerPort ?? 6443, protocol: 'TCP' }] },
        ],
        context: props.context,
      });
    }
  }

  /** The namespaces shipped so far. */
  get tenantNamespaces(): readonly string[] {
    return [...this.tenants];
  }

  /** Ships one more namespace's container logs (a DNS-1123 label, or a token of one). */
  addTenantNamespace(namespace: string): void {
    const check = new PropChecker(`LogForwarder ${this.node.path}`);
    check.dnsLabel(`tenantNamespaces[${this.tenants.length}]`, namespace);
    check.unique('tenantNamespaces', [...this.tenants, namespace]);
    check.throwIfAny();
    this.tenants.push(namespace);
  }
}

function validate(
  path: string,
  props: LogForwarderProps,
  nsName: string,
  res: Required<ForwarderResources>,
  maxNodes: number,
  logFileGroup: number,
  pssVersion: string,
): { digest?: string } {
  const check = new PropChecker(`LogForwarder ${path}`);
  check.dnsLabel('namespace', nsName);
  // The construct creates and owns its namespace; a system namespace would be taken over.
  check.check(!isReservedNamespace(nsName), `namespace "${nsName}" is reserved for the cluster`);
  check.check(PSS_VERSION.test(pssVersion), `podSecurityVersion "${pssVersion}" must be "latest" or "v1.<minor>"`);
  for (const f of ['agency', 'classification', 'jurisdiction', 'region'] as const) {
    check.check(typeof props.context?.[f] === 'string' && props.context[f].length > 0, `context.${f} must not be empty`);
  }

  const registryOk = isRegistryHost(props.registry);
  check.check(registryOk, `registry "${String(props.registry)}" must be a lower-case host name with an optional port, e.g. registry.example.gov.my`);
  const image = parseImageReference(props.image);
  check.check(image !== undefined, `image "${String(props.image)}" is not a valid image reference`);
  if (image && registryOk) {
    check.check(
      image.registry === props.registry,
      `image "${props.image}" is pulled from ${image.registry}, not from the in-country registry ${props.registry}`,
    );
  }

  const sink = props.sink;
  check.check(SINK_TYPES.includes(sink?.type), `sink.type must be syslog, http or forward (got ${String(sink?.type)})`);
  check.check(isHost(sink?.host), `sink.host "${String(sink?.host)}" must be a DNS name or an IP address`);
  check.intRange('sink.port', sink?.port, 1, 65535);
  if (sink?.path !== undefined) {
    check.check(sink.type === 'http', 'sink.path applies only to type http');
    check.check(HTTP_PATH.test(sink.path), `sink.path "${sink.path}" must start with / and contain only URL path characters`);
  }

  check.unique('tenantNamespaces', props.tenantNamespaces ?? []);
  (props.tenantNamespaces ?? []).forEach((ns, i) => check.dnsLabel(`tenantNamespaces[${i}]`, ns));
  if (props.caConfigMap !== undefined) check.dnsName('caConfigMap', props.caConfigMap);

  const q: Record<string, number | undefined> = {};
  for (const k of ['cpuRequest', 'cpuLimit', 'memoryRequest', 'memoryLimit'] as const) {
    q[k] = parseQuantity(res[k]);
    check.check((q[k] ?? 0) > 0, `resources.${k} "${String(res[k])}" is not a positive Kubernetes quantity`);
  }
  if (q.cpuRequest !== undefined && q.cpuLimit !== undefined) check.check(q.cpuRequest <= q.cpuLimit, 'resources.cpuRequest exceeds resources.cpuLimit');
  if (q.memoryRequest !== undefined && q.memoryLimit !== undefined) check.check(q.memoryRequest <= q.memoryLimit, 'resources.memoryRequest exceeds resources.memoryLimit');
  check.intRange('maxNodes', maxNodes, 1, 100000);
  check.intRange('logFileGroup', logFileGroup, 0, 2147483647);

  if (props.firewall) {
    // Checked here too so that every problem is reported at once, not after the first throw.
    const fw = props.firewall;
    const inCountry: ParsedCidr[] = [];
    fw.inCountryCidrs.forEach((c, i) => {
      const r = parseCidr(c);
      if (r.ok && r.cidr.prefix > 0) inCountry.push(r.cidr);
      else check.check(false, `firewall.inCountryCidrs[${i}]: ${r.ok ? `"${c}" covers every address` : r.problem}`);
    });
    for (const f of ['sinkCidr', 'apiServerCidr'] as const) {
      const r = parseCidr(fw[f]);
      if (!r.ok) check.check(false, `firewall.${f}: ${r.problem}`);
      else check.check(r.cidr.prefix > 0 && inCountry.some((c) => cidrContains(c, r.cidr)), `firewall.${f} "${fw[f]}" is not inside any in-country CIDR`);
    }
    if (fw.apiServerPort !== undefined) check.intRange('firewall.apiServerPort', fw.apiServerPort, 1, 65535);
  }
  check.throwIfAny();
  return image ?? {};
}

const DNS_NAME = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function isHost(host: unknown): boolean {
  if (typeof host !== 'string') return false;
  if (Token.isUnresolved(host)) return true;
  return DNS_NAME.test(host) || ipaddr.IPv4.isValidFourPartDecimal(host) || (ipaddr.IPv6.isValid(host) && !host.includes('%'));
}

/**
 * Fluent Bit classic configuration. Plain strings only: no `"` (cdktf-notes §10) and no `${`,
 * which Terraform would read as an interpolation (Fluent Bit's own env-var syntax is unused).
 */
export function renderFluentBitConfig(props: LogForwarderProps): string {
  const section = (name: string, entries: readonly (readonly [string, string])[]) =>
    [`[${name}]`, ...entries.map(([k, v]) => `    ${k.padEnd(20)} ${v}`)].join('\n');
  const ctx = props.context;
  const sink = props.sink;
  const tls: [string, string][] = [
    ['tls', 'On'],
    ['tls.verify', 'On'],
    // Without hostname verification any certificate from the trusted CA would be accepted.
    ['tls.verify_hostname', 'On'],
    ['tls.vhost', sink.host],
    ...(props.caConfigMap ? [['tls.ca_file', `${CA_DIR}/ca.crt`] as [string, string]] : []),
  ];

  const sections = [
    section('SERVICE', [
      ['Flush', '5'],
      ['Grace', '10'],
      ['Log_Level', 'info'],
      ['Daemon', 'Off'],
      // No listening port: nothing to reach inside a default-deny namespace.
      ['HTTP_Server', 'Off'],
      ['storage.path', `${STATE_DIR}/buffer/`],
      ['storage.sync', 'normal'],
      ['storage.backlog.mem_limit', '16M'],
    ]),
    // Only the tenant namespaces' files: kubelet names them <pod>_<namespace>_<container>-<id>.log
    // and neither pod nor namespace names may contain '_', so the glob cannot match another namespace.
    section('INPUT', [
      ['Name', 'tail'],
      ['Tag', 'kube.*'],
      ['Path', (props.tenantNamespaces ?? []).map((ns) => `/var/log/containers/*_${ns}_*.log`).join(',')],
      ['multiline.parser', 'cri'],
      ['DB', `${STATE_DIR}/tail-positions.db`],
      ['DB.locking', 'true'],
      ['Mem_Buf_Limit', '16MB'],
      ['Skip_Long_Lines', 'On'],
      ['Refresh_Interval', '10'],
      ['storage.type', 'filesystem'],
    ]),
    section('FILTER', [
      ['Name', 'kubernetes'],
      ['Match', 'kube.*'],
      ['Kube_URL', 'https://kubernetes.default.svc:443'],
      ['Kube_CA_File', '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt'],
      ['Kube_Token_File', '/var/run/secrets/kubernetes.io/serviceaccount/token'],
      ['Kube_Tag_Prefix', 'kube.var.log.containers.'],
      // A tenant must not be able to inject top-level fields (Merge_Log) or switch parsing
      // or shipping off for its own pods through annotations.
      ['Merge_Log', 'Off'],
      ['Labels', 'On'],
      ['Annotations', 'Off'],
      ['K8S-Logging.Parser', 'Off'],
      ['K8S-Logging.Exclude', 'Off'],
    ]),
    // modify works on top-level keys only, so the kubernetes map is lifted first.
    section('FILTER', [
      ['Name', 'nest'],
      ['Match', 'kube.*'],
      ['Operation', 'lift'],
      ['Nested_under', 'kubernetes'],
      ['Add_prefix', 'kubernetes_'],
    ]),
    // Set and Hard_copy overwrite, so a record can never carry a forged sovereignty field.
    section('FILTER', [
      ['Name', 'modify'],
      ['Match', 'kube.*'],
      ['Set', `agency ${labelValue(ctx.agency)}`],
      ['Set', `classification ${labelValue(ctx.classification)}`],
      ['Set', `region ${labelValue(ctx.region)}`],
      ['Set', `jurisdiction ${labelValue(ctx.jurisdiction)}`],
      ['Hard_copy', 'kubernetes_namespace_name tenant'],
    ]),
  ];

  const common: [string, string][] = [
    ['Match', 'kube.*'],
    ['Host', sink.host],
    ['Port', String(sink.port)],
  ];
  const retry: [string, string][] = [
    // Keep retrying rather than drop security logs; the bounded buffer caps the cost.
    ['Retry_Limit', 'no_limits'],
    ['storage.total_limit_size', '512M'],
  ];
  if (sink.type === 'syslog') {
    // Syslog carries one message field; the sovereignty fields travel as RFC 5424 structured data.
    sections.push(
      section('FILTER', [
        ['Name', 'nest'],
        ['Match', 'kube.*'],
        ['Operation', 'nest'],
        ['Wildcard', 'agency'],
        ['Wildcard', 'tenant'],
        ['Wildcard', 'classification'],
        ['Wildcard', 'region'],
        ['Wildcard', 'jurisdiction'],
        ['Nest_under', 'slz'],
      ]),
      section('OUTPUT', [
        ['Name', 'syslog'],
        ...common,
        ['Mode', 'tls'],
        ['Syslog_Format', 'rfc5424'],
        ['Syslog_Message_Key', 'log'],
        ['Syslog_Hostname_Key', 'kubernetes_host'],
        ['Syslog_Appname_Key', 'kubernetes_container_name'],
        ['Syslog_Procid_Key', 'kubernetes_pod_name'],
        ['Syslog_SD_Key', 'slz'],
        ...tls,
        ...retry,
      ]),
    );
  } else if (sink.type === 'http') {
    sections.push(
      section('OUTPUT', [
        ['Name', 'http'],
        ...common,
        ['URI', sink.path ?? '/'],
        ['Format', 'json'],
        ['json_date_key', 'timestamp'],
        ['json_date_format', 'iso8601'],
        ...tls,
        ...retry,
      ]),
    );
  } else {
    sections.push(section('OUTPUT', [['Name', 'forward'], ...common, ...tls, ...retry]));
  }
  return `${sections.join('\n\n')}\n`;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
