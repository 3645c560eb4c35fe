/**
 * TenantNamespace: one tenant's namespace with Pod Security `restricted`, quota, container
 * defaults, token-less service accounts and least-privilege RBAC bound to identity-provider groups.
 */
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { ResourceQuotaV1 } from '@cdktf/provider-kubernetes/lib/resource-quota-v1';
import { RoleBindingV1 } from '@cdktf/provider-kubernetes/lib/role-binding-v1';
import { RoleV1, type RoleV1Rule } from '@cdktf/provider-kubernetes/lib/role-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { labelValue, sovereigntyLabels, type SovereigntyContext } from '../common/labels';
import { TENANT_LABEL } from '../../src/synthesized/kubernetes/namespace';
import { containerLimitRange, isReservedNamespace, podSecurityLabels, tokenlessDefaultServiceAccount } from '../common/namespace';
import { PropChecker } from '../common/validate';
import { parseQuantity } from '../../src/synthesized/kubernetes/quantity';

export { parseQuantity, scaleQuantity } from '../../src/synthesized/kubernetes/quantity';

/** Namespace-wide totals. Quantities use Kubernetes notation (`8`, `500m`, `32Gi`). */
export interface TenantQuota {
  /** CPU for the whole namespace; sets both `requests.cpu` and `limits.cpu`. */
  readonly cpu: string;
  /** Memory for the whole namespace; sets both `requests.memory` and `limits.memory`. */
  readonly memory: string;
  /** Maximum number of pods. */
  readonly pods: number;
  /**
   * NVIDIA GPUs (`requests.nvidia.com/gpu`).
   * @default 0 - no GPUs: extended resources without a quota are unlimited
   */
  readonly gpu?: number;
  /**
   * Total persistent volume claim size (`requests.storage`).
   * @default - no storage quota
   */
  readonly storage?: string;
}

/** Per-container request/limit applied by the LimitRange when a container declares none. */
export interface ContainerDefaults {
  /** @default '100m' */
  readonly cpuRequest?: string;
  /** @default '500m' */
  readonly cpuLimit?: string;
  /** @default '128Mi' */
  readonly memoryRequest?: string;
  /** @default '512Mi' */
  readonly memoryLimit?: string;
}

/** Identity-provider group names per access tier (RoleBinding subjects of kind Group). */
export interface TenantAccess {
  /** @default - no admin binding */
  readonly admins?: readonly string[];
  /** @default - no developer binding */
  readonly developers?: readonly string[];
  /** @default - no viewer binding */
  readonly viewers?: readonly string[];
}

export interface TenantNamespaceProps {
  /** Namespace name, a DNS-1123 label; also the value of the `sovereign.slz.dev/tenant` label. */
  readonly name: string;
  /** Agency, classification, jurisdiction and region written as labels on every object. */
  readonly context: SovereigntyContext;
  /**
   * Pod Security Standards version pinned by the `…-version` labels (`latest` or `v1.<minor>`).
   * @default 'latest'
   */
  readonly podSecurityVersion?: string;
  /** Namespace-wide ResourceQuota. */
  readonly quota: TenantQuota;
  /**
   * LimitRange defaults for containers that declare no requests or limits.
   * @default - 100m/128Mi requested, 500m/512Mi limit
   */
  readonly limitDefaults?: ContainerDefaults;
  /**
   * Workload service accounts (DNS-1123 labels), created without token automount.
   * @default - none
   */
  readonly serviceAccounts?: readonly string[];
  /**
   * Groups bound to the admin, developer and viewer roles.
   * @default - no human access
   */
  readonly access?: TenantAccess;
}

/** The three access tiers, in binding order. */
export type AccessTier = 'admin' | 'developer' | 'viewer';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete'];

/** Read-only view of workload state; no Secrets and no container logs (they may hold data). */
const VIEWER_RULES: readonly RoleV1Rule[] = [
  { apiGroups: [''], resources: ['pods', 'services', 'endpoints', 'configmaps', 'persistentvolumeclaims', 'events', 'serviceaccounts', 'resourcequotas', 'limitranges'], verbs: READ },
  { apiGroups: ['apps'], resources: ['deployments', 'replicasets', 'statefulsets', 'daemonsets'], verbs: READ },
  { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: READ },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: READ },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: READ },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'networkpolicies'], verbs: READ },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
  { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: READ },
];

/**
 * Deploys through controllers only: no bare pods (they bypass rollout history), no exec,
 * attach, port-forward or ephemeral containers, no Secrets, no PVC deletion (data loss).
 */
const DEVELOPER_RULES: readonly RoleV1Rule[] = [
  ...VIEWER_RULES,
  { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
  { apiGroups: [''], resources: ['pods'], verbs: ['delete'] },
  { apiGroups: [''], resources: ['configmaps', 'services'], verbs: WRITE },
  { apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['create', 'update', 'patch'] },
  { apiGroups: ['apps'], resources: ['deployments', 'statefulsets'], verbs: WRITE },
  { apiGroups: ['apps'], resources: ['deployments/scale', 'statefulsets/scale'], verbs: ['get', 'update', 'patch'] },
  { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: WRITE },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: WRITE },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: WRITE },
];

/**
 * Developer rights plus Secrets write-only (rotate without reading; data keys live in Vault),
 * PVC deletion and Ingress. Still no exec: break-glass access belongs to the platform team.
 */
const ADMIN_RULES: readonly RoleV1Rule[] = [
  ...DEVELOPER_RULES,
  { apiGroups: [''], resources: ['secrets'], verbs: ['create', 'update', 'patch', 'delete'] },
  { apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['delete'] },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: WRITE },
];

/** The RBAC rules each tier gets; exported so reviewers and tests read the same table. */
export const TENANT_ROLE_RULES: Readonly<Record<AccessTier, readonly RoleV1Rule[]>> = {
  admin: ADMIN_RULES,
  developer: DEVELOPER_RULES,
  viewer: VIEWER_RULES,
};

const PSS_VERSION = /^(latest|v1\.[0-9]{1,3})$/;
const DEFAULTS: Required<ContainerDefaults> = { cpuRequest: '100m', cpuLimit: '500m', memoryRequest: '128Mi', memoryLimit: '512Mi' };

/** A tenant's namespace and everything that makes it safe to hand to the tenant. */
export class TenantNamespace extends Construct {
  /** The namespace resource. */
  readonly namespace: NamespaceV1;
  /** Token of the namespace resource's name: reference it so Terraform orders dependants after it. */
  readonly namespaceName: string;
  /** Workload service accounts by name. */
  readonly serviceAccounts: Readonly<Record<string, ServiceAccountV1>>;
  /** Roles by tier, only for tiers that have groups. */
  readonly roles: Readonly<Partial<Record<AccessTier, RoleV1>>>;

  constructor(scope: Construct, id: string, props: TenantNamespaceProps) {
    super(scope, id);

    const limits = { ...DEFAULTS, ...stripUndefined(props.limitDefaults ?? {}) };
    const podSecurityVersion = props.podSecurityVersion ?? 'latest';
    const serviceAccountNames = props.serviceAccounts ?? [];
    validate(this.node.path, props, limits, podSecurityVersion);

    // labelValue would mangle a token's placeholder text, so a token name is used as it is.
    const tenantLabel = Token.isUnresolved(props.name) ? props.name : labelValue(props.name);
    const labels = sovereigntyLabels(props.context, { [TENANT_LABEL]: tenantLabel });

    this.namespace = new NamespaceV1(this, 'Namespace', {
      metadata: {
        name: props.name,
        labels: {
          ...labels,
          // enforce rejects violating pods; audit and warn make violations visible in the audit
          // log and to kubectl users even for objects (Deployments) that enforce does not check.
          ...podSecurityLabels('restricted', podSecurityVersion),
        },
      },
    });
    this.namespaceName = this.namespace.metadata.name;
    const meta = (name: string) => ({ name, namespace: this.namespaceName, labels: { ...labels } });

    const hard: Record<string, string> = {
      'requests.cpu': props.quota.cpu,
      'limits.cpu': props.quota.cpu,
      'requests.memory': props.quota.memory,
      'limits.memory': props.quota.memory,
      pods: String(props.quota.pods),
      'requests.nvidia.com/gpu': String(props.quota.gpu ?? 0),
      // Tenants publish through the platform's ingress, never straight onto node or cloud IPs.
      'services.loadbalancers': '0',
      'services.nodeports': '0',
    };
    if (props.quota.storage !== undefined) hard['requests.storage'] = props.quota.storage;
    new ResourceQuotaV1(this, 'Quota', { metadata: meta('tenant-quota'), spec: { hard } });

    // With limits.* in the quota, a container without limits would be rejected; defaults let
    // simple workloads start while keeping every container bounded.
    containerLimitRange(this, meta('tenant-limits'), limits);
    tokenlessDefaultServiceAccount(this, this.namespaceName, labels);

    const accounts: Record<string, ServiceAccountV1> = {};
    for (const sa of serviceAccountNames) {
      // Workloads opt in per pod (or use projected tokens for Vault); nothing gets one by default.
      accounts[sa] = new ServiceAccountV1(this, `ServiceAccount-${sa}`, { metadata: meta(sa), automountServiceAccountToken: false });
    }
    this.serviceAccounts = accounts;

    const roles: Partial<Record<AccessTier, RoleV1>> = {};
    const tiers: readonly [AccessTier, readonly string[] | undefined][] = [
      ['admin', props.access?.admins],
      ['developer', props.access?.developers],
      ['viewer', props.access?.viewers],
    ];
    for (const [tier, groups] of tiers) {
      if (!groups || groups.length === 0) continue;
      const name = `slz-tenant-${tier}`;
      const role = new RoleV1(this, `Role-${tier}`, {
        metadata: meta(name),
        rule: TENANT_ROLE_RULES[tier].map((r) => ({ apiGroups: [...r.apiGroups], resources: [...r.resources], verbs: [...r.verbs] })),
      });
      new RoleBindingV1(this, `RoleBinding-${tier}`, {
        metadata: meta(name),
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role.metadata.name },
        subject: groups.map((g) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: g })),
      });
      roles[tier] = role;
    }
    this.roles = roles;
  }
}

function validate(path: string, props: TenantNamespaceProps, limits: Required<ContainerDefaults>, pssVersion: string): void {
  const check = new PropChecker(`TenantNamespace ${path}`);
  check.dnsLabel('name', props.name);
  check.check(!isReservedNamespace(String(props.name)), `name "${props.name}" is reserved for the cluster`);
  check.check(PSS_VERSION.test(pssVersion), `podSecurityVersion "${pssVersion}" must be "latest" or "v1.<minor>"`);
  for (const f of ['agency', 'classification', 'jurisdiction', 'region'] as const) {
    check.check(typeof props.context?.[f] === 'string' && props.context[f].length > 0, `context.${f} must not be empty`);
  }

  const q = props.quota;
  const cpu = quantity(check, 'quota.cpu', q.cpu);
  const memory = quantity(check, 'quota.memory', q.memory);
  check.intRange('quota.pods', q.pods, 1, 100000);
  if (q.gpu !== undefined) check.intRange('quota.gpu', q.gpu, 0, 100000);
  if (q.storage !== undefined) quantity(check, 'quota.storage', q.storage);

  const cpuReq = quantity(check, 'limitDefaults.cpuRequest', limits.cpuRequest);
  const cpuLim = quantity(check, 'limitDefaults.cpuLimit', limits.cpuLimit);
  const memReq = quantity(check, 'limitDefaults.memoryRequest', limits.memoryRequest);
  const memLim = quantity(check, 'limitDefaults.memoryLimit', limits.memoryLimit);
  if (cpuReq !== undefined && cpuLim !== undefined) check.check(cpuReq <= cpuLim, `limitDefaults.cpuRequest (${limits.cpuRequest}) exceeds limitDefaults.cpuLimit (${limits.cpuLimit})`);
  if (memReq !== undefined && memLim !== undefined) check.check(memReq <= memLim, `limitDefaults.memoryRequest (${limits.memoryRequest}) exceeds limitDefaults.memoryLimit (${limits.memoryLimit})`);
  // A default limit above the namespace total would make every defaulted pod unschedulable.
  if (cpu !== undefined && cpuLim !== undefined) check.check(cpuLim <= cpu, `limitDefaults.cpuLimit (${limits.cpuLimit}) exceeds quota.cpu (${q.cpu})`);
  if (memory !== undefined && memLim !== undefined) check.check(memLim <= memory, `limitDefaults.memoryLimit (${limits.memoryLimit}) exceeds quota.memory (${q.memory})`);

  const sas = props.serviceAccounts ?? [];
  check.unique('serviceAccounts', sas);
  sas.forEach((sa, i) => {
    check.dnsLabel(`serviceAccounts[${i}]`, sa);
    check.check(sa !== 'default', 'serviceAccounts must not list "default" (it is managed with automount off)');
  });

  for (const tier of ['admins', 'developers', 'viewers'] as const) {
    const groups = props.access?.[tier] ?? [];
    check.unique(`access.${tier}`, groups);
    groups.forEach((g, i) => {
      check.check(typeof g === 'string' && g.trim().length > 0 && g === g.trim(), `access.${tier}[${i}] must be a non-empty group name without surrounding spaces`);
      // system: groups are Kubernetes-internal (system:masters bypasses RBAC entirely).
      check.check(typeof g !== 'string' || !g.startsWith('system:'), `access.${tier}[${i}] "${g}" is a Kubernetes system group`);
    });
  }
  check.throwIfAny();
}

function quantity(check: PropChecker, field: string, text: string): number | undefined {
  const v = parseQuantity(text);
  check.check(v !== undefined && v > 0, `${field} "${String(text)}" is not a positive Kubernetes quantity (e.g. 500m, 2, 4Gi)`);
  return v;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
