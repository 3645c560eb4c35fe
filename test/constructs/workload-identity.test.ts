import { Testing } from 'cdktf';
import {
  KubernetesAuthMount,
  type KubernetesAuthMountProps,
  WorkloadIdentity,
  type WorkloadIdentityProps,
} from '../../constructs/workload-identity';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

function synthRoles(props: WorkloadIdentityProps): Record<string, unknown>[] {
  const res = (JSON.parse(Testing.synthScope((s) => void new WorkloadIdentity(s, 'wi', props))) as { resource: Resources }).resource;
  return Object.values(res['vault_kubernetes_auth_backend_role'] ?? {});
}

function synthMount(props: KubernetesAuthMountProps): string {
  return Testing.synthScope((s) => void new KubernetesAuthMount(s, 'k8s', props));
}

const props: WorkloadIdentityProps = {
  tenant: 'patient-records',
  namespace: 'patient-records',
  bindings: [
    { serviceAccount: 'api', policies: ['patient-records-api'] },
    { serviceAccount: 'signer', policies: ['patient-records-signer', 'pki-issue'] },
  ],
};

describe('WorkloadIdentity', () => {
  test('one role per binding, bound to exactly that account and namespace', () => {
    const roles = synthRoles(props);
    expect(roles).toHaveLength(2);
    const api = roles.find((r) => r.role_name === 'patient-records-api');
    expect(api).toEqual(
      expect.objectContaining({
        backend: 'kubernetes',
        bound_service_account_names: ['api'],
        bound_service_account_namespaces: ['patient-records'],
        audience: 'vault',
        alias_name_source: 'serviceaccount_uid',
        token_policies: ['patient-records-api'],
        token_ttl: 900,
        token_max_ttl: 3600,
        token_no_default_policy: false,
      }),
    );
    const signer = roles.find((r) => r.role_name === 'patient-records-signer');
    expect(signer).toMatchObject({ bound_service_account_names: ['signer'], token_policies: ['patient-records-signer', 'pki-issue'] });
    for (const r of roles) {
      expect(JSON.stringify(r.bound_service_account_names)).not.toContain('*');
      expect(JSON.stringify(r.bound_service_account_namespaces)).not.toContain('*');
      expect(r).not.toHaveProperty('bound_service_account_namespace_selector');
    }
  });

  test('binds the workload accounts to system:auth-delegator only when their own tokens are reviewed (Vault outside the cluster)', () => {
    const none = JSON.parse(Testing.synthScope((sc) => void new WorkloadIdentity(sc, 'wi', props))) as { resource: Resources };
    expect(none.resource['kubernetes_cluster_role_binding_v1']).toBeUndefined();
    const res = (JSON.parse(Testing.synthScope((sc) => void new WorkloadIdentity(sc, 'wi', { ...props, clientTokenReview: true }))) as { resource: Resources }).resource;
    expect(Object.values(res['kubernetes_cluster_role_binding_v1'] ?? {})).toEqual([
      expect.objectContaining({
        metadata: expect.objectContaining({ name: 'patient-records-vault-token-review' }),
        role_ref: { api_group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:auth-delegator' },
        subject: [
          { kind: 'ServiceAccount', name: 'api', namespace: 'patient-records' },
          { kind: 'ServiceAccount', name: 'signer', namespace: 'patient-records' },
        ],
      }),
    ]);
  });

  test('honours auth path, audience and TTLs', () => {
    const roles = synthRoles({ ...props, authPath: 'k8s/cyberjaya', audience: 'https://vault.example.gov.my', tokenTtlSeconds: 3600, tokenMaxTtlSeconds: 14400 });
    expect(roles[0]).toMatchObject({ backend: 'k8s/cyberjaya', audience: 'https://vault.example.gov.my', token_ttl: 3600, token_max_ttl: 14400 });
  });

  test('exposes role names', () => {
    Testing.synthScope((s) => {
      const wi = new WorkloadIdentity(s, 'wi', props);
      expect(wi.roleNameFor('api')).toBe('patient-records-api');
      expect(() => wi.roleNameFor('ghost')).toThrow(/no binding/);
    });
  });

  describe('refuses invalid props', () => {
    test('wildcard or invalid service accounts and namespaces', () => {
      expect(() => synthRoles({ ...props, bindings: [{ serviceAccount: '*', policies: ['p'] }] })).toThrow(/serviceAccount "\*" is not a DNS-1123 label/);
      expect(() => synthRoles({ ...props, namespace: '*' })).toThrow(/namespace "\*" is not a DNS-1123 label/);
      expect(() => synthRoles({ ...props, tenant: 'Patient' })).toThrow(/tenant "Patient"/);
    });

    test('TTLs above their maximum or inverted', () => {
      expect(() => synthRoles({ ...props, tokenTtlSeconds: 3601 })).toThrow(/tokenTtlSeconds must be a whole number from 60 to 3600/);
      expect(() => synthRoles({ ...props, tokenMaxTtlSeconds: 14401 })).toThrow(/tokenMaxTtlSeconds must be a whole number from 60 to 14400/);
      expect(() => synthRoles({ ...props, tokenTtlSeconds: 1800, tokenMaxTtlSeconds: 900 })).toThrow(/must be at least tokenTtlSeconds/);
    });

    test('empty, root, default or globbed policies and duplicate accounts', () => {
      expect(() => synthRoles({ ...props, bindings: [{ serviceAccount: 'api', policies: [] }] })).toThrow(/policies must not be empty/);
      expect(() => synthRoles({ ...props, bindings: [{ serviceAccount: 'api', policies: ['root'] }] })).toThrow(/must not list "root"/);
      expect(() => synthRoles({ ...props, bindings: [{ serviceAccount: 'api', policies: ['default'] }] })).toThrow(/must not list "default"/);
      expect(() => synthRoles({ ...props, bindings: [{ serviceAccount: 'api', policies: ['tenant-*'] }] })).toThrow(/not a policy name/);
      expect(() => synthRoles({ ...props, bindings: [props.bindings[0]!, props.bindings[0]!] })).toThrow(/has "api" more than once/);
      expect(() => synthRoles({ ...props, bindings: [] })).toThrow(/bindings must not be empty/);
    });

    test('a wildcard audience', () => {
      expect(() => synthRoles({ ...props, audience: '*' })).toThrow(/audience/);
    });
  });
});

describe('KubernetesAuthMount', () => {
  test('mounts kubernetes auth for a Vault outside the cluster: no reviewer JWT, no pod files, no binding of its own', () => {
    const json = synthMount({ kubernetesHost: 'https://k8s.cyberjaya.example.gov.my:6443' });
    const res = (JSON.parse(json) as { resource: Resources }).resource;
    const backends = Object.values(res['vault_auth_backend'] ?? {});
    expect(backends).toEqual([expect.objectContaining({ type: 'kubernetes', path: 'kubernetes' })]);
    const configs = Object.values(res['vault_kubernetes_auth_backend_config'] ?? {});
    expect(configs).toHaveLength(1);
    expect(configs[0]).toMatchObject({ kubernetes_host: 'https://k8s.cyberjaya.example.gov.my:6443', disable_local_ca_jwt: true });
    expect(res['kubernetes_cluster_role_binding_v1']).toBeUndefined();
    expect(configs[0]).not.toHaveProperty('token_reviewer_jwt');
    expect(String(configs[0]!.backend)).toMatch(/^\$\{vault_auth_backend\..+\.path\}$/);
    expect(json).not.toContain('token_reviewer_jwt');
  });

  test('for a Vault in the cluster, reads its pod token and binds its service account to system:auth-delegator only', () => {
    const res = (JSON.parse(synthMount({ kubernetesHost: 'https://kubernetes.default.svc', vaultServiceAccount: { namespace: 'vault', name: 'vault' } })) as { resource: Resources }).resource;
    expect(Object.values(res['vault_kubernetes_auth_backend_config'] ?? {})[0]).toMatchObject({ disable_local_ca_jwt: false });
    expect(Object.values(res['kubernetes_cluster_role_binding_v1'] ?? {})).toEqual([
      expect.objectContaining({
        role_ref: { api_group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:auth-delegator' },
        subject: [{ kind: 'ServiceAccount', name: 'vault', namespace: 'vault' }],
      }),
    ]);
  });

  test('accepts a custom path and CA certificate', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const res = (JSON.parse(synthMount({ authPath: 'k8s/cyberjaya', kubernetesHost: 'https://10.0.0.1', kubernetesCaCert: pem })) as { resource: Resources }).resource;
    expect(Object.values(res['vault_auth_backend'] ?? {})[0]).toMatchObject({ path: 'k8s/cyberjaya' });
    expect(Object.values(res['vault_kubernetes_auth_backend_config'] ?? {})[0]).toMatchObject({ kubernetes_ca_cert: pem });
  });

  test('refuses a non-https or credential-bearing host', () => {
    expect(() => synthMount({ kubernetesHost: 'http://k8s.example.gov.my' })).toThrow(/must be an https URL/);
    expect(() => synthMount({ kubernetesHost: 'https://user:pw@k8s.example.gov.my' })).toThrow(/must be an https URL/);
    expect(() => synthMount({ kubernetesHost: 'k8s.example.gov.my:6443' })).toThrow(/must be an https URL/);
    expect(() => synthMount({ kubernetesHost: 'https://k8s.example.gov.my', kubernetesCaCert: 'not a pem' })).toThrow(/PEM/);
  });
});
