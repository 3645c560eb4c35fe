/**
 * Workload login to Vault with Kubernetes service-account tokens: the auth mount per region
 * (platform stack) and one role per tenant service account (tenancy stack). Rules VC-AT1, KT-SEC1.
 */
import { AuthBackend } from '@cdktf/provider-vault/lib/auth-backend';
import { KubernetesAuthBackendConfig } from '@cdktf/provider-vault/lib/kubernetes-auth-backend-config';
import { KubernetesAuthBackendRole } from '@cdktf/provider-vault/lib/kubernetes-auth-backend-role';
import { ClusterRoleBindingV1 } from '@cdktf/provider-kubernetes/lib/cluster-role-binding-v1';
import { Construct } from 'constructs';
import { isPlainHttpsUrl, PropChecker } from '../common/validate';

/** The built-in ClusterRole that may create TokenReviews and SubjectAccessReviews, nothing else. */
export const AUTH_DELEGATOR_ROLE = 'system:auth-delegator';

const MOUNT_PATH = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;
// Vault lower-cases policy names; refusing upper case and globs keeps names exact.
const POLICY_NAME = /^[a-z0-9][a-z0-9._-]{0,127}$/;
const AUDIENCE = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,254}$/;

/** A service account and the Vault policies its tokens carry. */
export interface WorkloadBinding {
  /** Kubernetes service account name (DNS-1123 label, never `*`). */
  readonly serviceAccount: string;
  /** Policies attached to the token; never `root` or `default` (the latter is implicit). */
  readonly policies: readonly string[];
}

export interface WorkloadIdentityProps {
  /**
   * Mount path of the Kubernetes auth method (a literal: the mount lives in the platform stack).
   * @default 'kubernetes'
   */
  readonly authPath?: string;
  /** Tenant name (DNS-1123 label); prefixes every role name. */
  readonly tenant: string;
  /** The tenant's Kubernetes namespace (DNS-1123 label). */
  readonly namespace: string;
  /** One role per binding. */
  readonly bindings: readonly WorkloadBinding[];
  /**
   * Audience the service-account token must carry (a projected token requested for Vault).
   * @default 'vault'
   */
  readonly audience?: string;
  /**
   * Token TTL in seconds, from 60 to 3600.
   * @default 900
   */
  readonly tokenTtlSeconds?: number;
  /**
   * Longest token lifetime including renewals, in seconds; from the TTL to 14400.
   * @default 3600
   */
  readonly tokenMaxTtlSeconds?: number;
  /**
   * Whether each workload's own token reviews itself (Vault outside the cluster, no reviewer
   * JWT): the service accounts are then bound to `system:auth-delegator`, which lets them create
   * TokenReviews and nothing else, and their projected tokens must carry the API server's audience
   * beside `audience`.
   * @default false - Vault in the cluster reviews tokens with its own pod token
   */
  readonly clientTokenReview?: boolean;
}

/** Kubernetes auth roles binding each tenant service account, in its namespace only, to its policies. */
export class WorkloadIdentity extends Construct {
  readonly authPath: string;
  readonly roles: readonly KubernetesAuthBackendRole[];
  private readonly tenant: string;
  private readonly serviceAccounts: ReadonlySet<string>;

  constructor(scope: Construct, id: string, props: WorkloadIdentityProps) {
    super(scope, id);
    const authPath = props.authPath ?? 'kubernetes';
    const audience = props.audience ?? 'vault';
    const ttl = props.tokenTtlSeconds ?? 900;
    const maxTtl = props.tokenMaxTtlSeconds ?? 3600;

    const c = new PropChecker('WorkloadIdentity');
    c.check(MOUNT_PATH.test(authPath), `authPath "${authPath}" must be a mount path of lower-case segments (no leading/trailing "/", no globs)`);
    c.dnsLabel('tenant', props.tenant);
    c.dnsLabel('namespace', props.namespace);
    c.check(AUDIENCE.test(audience), `audience "${audience}" must be a plain audience string (no spaces, no "*")`);
    c.intRange('tokenTtlSeconds', ttl, 60, 3600);
    c.intRange('tokenMaxTtlSeconds', maxTtl, 60, 14400);
    c.check(maxTtl >= ttl, `tokenMaxTtlSeconds (${maxTtl}) must be at least tokenTtlSeconds (${ttl})`);
    c.nonEmpty('bindings', props.bindings);
    c.unique('bindings[].serviceAccount', props.bindings.map((b) => b.serviceAccount));
    props.bindings.forEach((b, i) => {
      const at = `bindings[${i}]`;
      c.dnsLabel(`${at}.serviceAccount`, b.serviceAccount);
      c.nonEmpty(`${at}.policies`, b.policies);
      c.unique(`${at}.policies`, b.policies);
      for (const p of b.policies) {
        c.check(POLICY_NAME.test(p), `${at}.policies has "${p}", which is not a policy name (lower-case letters, digits, ".", "_", "-"; no globs)`);
        c.check(p !== 'root' && p !== 'default', `${at}.policies must not list "${p}"`);
      }
    });
    c.throwIfAny();

    this.authPath = authPath;
    this.tenant = props.tenant;
    this.serviceAccounts = new Set(props.bindings.map((b) => b.serviceAccount));

    this.roles = props.bindings.map(
      (b) =>
        new KubernetesAuthBackendRole(this, `role-${b.serviceAccount}`, {
          backend: authPath,
          roleName: this.roleNameFor(b.serviceAccount),
          // Exactly one account in exactly one namespace: a `*` in either would let other
          // workloads (or other tenants) log in with this role's policies.
          boundServiceAccountNames: [b.serviceAccount],
          boundServiceAccountNamespaces: [props.namespace],
          audience,
          // Entity aliases follow the account's UID: a deleted and re-created account of the
          // same name does not inherit the old identity.
          aliasNameSource: 'serviceaccount_uid',
          tokenPolicies: [...b.policies],
          tokenTtl: ttl,
          tokenMaxTtl: maxTtl,
          // The default policy only grants a token its own lookup/renew/revoke and cubbyhole,
          // which Vault Agent and the CSI provider need to keep the short-lived token alive.
          tokenNoDefaultPolicy: false,
        }),
    );

    if (props.clientTokenReview) {
      new ClusterRoleBindingV1(this, 'token-review', {
        metadata: { name: `${props.tenant}-vault-token-review`, labels: { 'app.kubernetes.io/managed-by': 'sovereign-landing-zone' } },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: AUTH_DELEGATOR_ROLE },
        subject: props.bindings.map((b) => ({ kind: 'ServiceAccount', name: b.serviceAccount, namespace: props.namespace })),
      });
    }
  }

  /** Name of the Vault role for a service account: `<tenant>-<serviceAccount>`. */
  roleNameFor(serviceAccount: string): string {
    if (!this.serviceAccounts.has(serviceAccount)) {
      throw new Error(`WorkloadIdentity: no binding for "${serviceAccount}" in tenant ${this.tenant}`);
    }
    return `${this.tenant}-${serviceAccount}`;
  }
}

export interface KubernetesAuthMountProps {
  /**
   * Mount path of the Kubernetes auth method.
   * @default 'kubernetes'
   */
  readonly authPath?: string;
  /** URL of the cluster's API server (https), used for TokenReview calls. */
  readonly kubernetesHost: string;
  /**
   * PEM CA certificate of the API server (public data). Leave unset when Vault runs in the
   * cluster: it then reads the CA from its own pod.
   * @default the CA mounted in Vault's pod
   */
  readonly kubernetesCaCert?: string;
  /**
   * Vault's own service account when Vault runs in the cluster: it reviews workload tokens with
   * its pod token, so it is bound to `system:auth-delegator`. Absent: Vault runs outside the
   * cluster and each workload's token reviews itself (see WorkloadIdentity `clientTokenReview`).
   * @default none (Vault outside the cluster)
   */
  readonly vaultServiceAccount?: { readonly namespace: string; readonly name: string };
}

/** The Kubernetes auth method of one region's Vault. */
export class KubernetesAuthMount extends Construct {
  readonly authPath: string;
  readonly backend: AuthBackend;

  constructor(scope: Construct, id: string, props: KubernetesAuthMountProps) {
    super(scope, id);
    const authPath = props.authPath ?? 'kubernetes';

    const c = new PropChecker('KubernetesAuthMount');
    c.check(MOUNT_PATH.test(authPath), `authPath "${authPath}" must be a mount path of lower-case segments (no leading/trailing "/", no globs)`);
    c.check(isPlainHttpsUrl(props.kubernetesHost), `kubernetesHost "${props.kubernetesHost}" must be an https URL without credentials, query or fragment`);
    if (props.kubernetesCaCert !== undefined) {
      c.check(props.kubernetesCaCert.includes('-----BEGIN CERTIFICATE-----'), 'kubernetesCaCert must be a PEM certificate');
    }
    if (props.vaultServiceAccount) {
      c.dnsLabel('vaultServiceAccount.namespace', props.vaultServiceAccount.namespace);
      c.dnsLabel('vaultServiceAccount.name', props.vaultServiceAccount.name);
    }
    c.throwIfAny();

    this.authPath = authPath;
    this.backend = new AuthBackend(this, 'backend', {
      type: 'kubernetes',
      path: authPath,
      description: 'Kubernetes service-account login for tenant workloads',
    });

    const inCluster = props.vaultServiceAccount !== undefined;
    new KubernetesAuthBackendConfig(this, 'config', {
      backend: this.backend.path,
      kubernetesHost: props.kubernetesHost,
      ...(props.kubernetesCaCert ? { kubernetesCaCert: props.kubernetesCaCert } : {}),
      // No token_reviewer_jwt: it is a long-lived secret. Vault in the cluster reviews tokens with
      // its own, rotated, pod token; Vault outside has no pod files, and each workload's token
      // reviews itself.
      disableLocalCaJwt: !inCluster,
    });
    if (props.vaultServiceAccount) {
      const sa = props.vaultServiceAccount;
      new ClusterRoleBindingV1(this, 'token-review', {
        metadata: { name: `vault-token-review-${sa.namespace}`, labels: { 'app.kubernetes.io/managed-by': 'sovereign-landing-zone' } },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: AUTH_DELEGATOR_ROLE },
        subject: [{ kind: 'ServiceAccount', name: sa.name, namespace: sa.namespace }],
      });
    }
  }
}
