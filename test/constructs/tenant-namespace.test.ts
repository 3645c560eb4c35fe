import { Testing, TerraformStack } from 'cdktf';
import { type Construct } from 'constructs';
import { TENANT_ROLE_RULES, TenantNamespace, type TenantNamespaceProps } from '../../constructs/tenant-namespace';
import { problems } from '../helpers/constructs';

// Registers toHaveResourceWithProperties and the other cdktf matchers for this file.
Testing.setupJest();

type Body = Record<string, unknown> & { metadata?: { name?: string; namespace?: string; labels?: Record<string, string> } };
type Resources = Record<string, Record<string, Body>>;
interface Rule {
  api_groups: string[];
  resources: string[];
  verbs: string[];
  resource_names?: string[];
}

const context = { agency: 'moh', classification: 'SULIT', jurisdiction: 'MY', region: 'cyberjaya' };
const props: TenantNamespaceProps = {
  name: 'patient-records',
  context,
  quota: { cpu: '8', memory: '32Gi', pods: 50 },
  serviceAccounts: ['api', 'worker'],
  access: { admins: ['moh-platform-admins'], developers: ['moh-devs', 'moh-contractors'], viewers: ['moh-auditors'] },
};

function stack(): TerraformStack {
  return new TerraformStack(Testing.app({ outdir: process.env.SLZ_TEST_TMP }), 'stack');
}

function synthJson(build: (scope: Construct) => void): string {
  const s = stack();
  build(s);
  return Testing.synth(s);
}

function synth(p: TenantNamespaceProps = props): Resources {
  return (JSON.parse(synthJson((s) => void new TenantNamespace(s, 'tenant', p))) as { resource: Resources }).resource;
}

function all(res: Resources, type: string): Body[] {
  return Object.values(res[type] ?? {});
}

function one(res: Resources, type: string): Body {
  const xs = all(res, type);
  expect(xs).toHaveLength(1);
  return xs[0] as Body;
}

function rolesByName(res: Resources): Record<string, Rule[]> {
  return Object.fromEntries(all(res, 'kubernetes_role_v1').map((r) => [r.metadata?.name, r.rule as Rule[]]));
}


/** The reference Terraform sees to the (single) namespace resource's name. */
function nsRef(res: Resources): string {
  return `\${kubernetes_namespace_v1.${Object.keys(res['kubernetes_namespace_v1'] ?? {})[0]}.metadata[0].name}`;
}

describe('TenantNamespace', () => {
  test('namespace enforces, audits and warns Pod Security restricted, pinned to a version', () => {
    const ns = one(synth(), 'kubernetes_namespace_v1');
    expect(ns.metadata?.name).toBe('patient-records');
    expect(ns.metadata?.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/enforce-version': 'latest',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/audit-version': 'latest',
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/warn-version': 'latest',
    });
    const pinned = one(synth({ ...props, podSecurityVersion: 'v1.31' }), 'kubernetes_namespace_v1');
    expect(pinned.metadata?.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce-version': 'v1.31',
      'pod-security.kubernetes.io/audit-version': 'v1.31',
      'pod-security.kubernetes.io/warn-version': 'v1.31',
    });
  });

  test('namespace carries the sovereignty labels and the tenant label (KT-NS7, ResidencyGuard selector)', () => {
    expect(one(synth(), 'kubernetes_namespace_v1').metadata?.labels).toMatchObject({
      'app.kubernetes.io/managed-by': 'sovereign-landing-zone',
      'sovereign.slz.dev/agency': 'moh',
      'sovereign.slz.dev/classification': 'SULIT',
      'sovereign.slz.dev/jurisdiction': 'MY',
      'sovereign.slz.dev/region': 'cyberjaya',
      'sovereign.slz.dev/tenant': 'patient-records',
    });
  });

  test('every namespaced resource references the namespace resource, so Terraform orders it after', () => {
    const res = synth();
    const namespaced = Object.entries(res).filter(([t]) => t !== 'kubernetes_namespace_v1');
    expect(namespaced.length).toBeGreaterThan(4);
    for (const [, byId] of namespaced) for (const r of Object.values(byId)) expect(r.metadata?.namespace).toBe(nsRef(res));
  });

  test('ResourceQuota sets requests and limits for cpu and memory, pods, zero GPUs and no LB/NodePort services', () => {
    const quota = one(synth(), 'kubernetes_resource_quota_v1');
    expect(quota.spec).toEqual({
      hard: {
        'requests.cpu': '8',
        'limits.cpu': '8',
        'requests.memory': '32Gi',
        'limits.memory': '32Gi',
        pods: '50',
        'requests.nvidia.com/gpu': '0',
        'services.loadbalancers': '0',
        'services.nodeports': '0',
      },
    });
  });

  test('optional GPU and storage quotas', () => {
    const quota = one(synth({ ...props, quota: { cpu: '16', memory: '64Gi', pods: 20, gpu: 2, storage: '500Gi' } }), 'kubernetes_resource_quota_v1');
    expect(quota.spec).toMatchObject({ hard: { 'requests.nvidia.com/gpu': '2', 'requests.storage': '500Gi' } });
  });

  test('LimitRange gives every container default requests and limits', () => {
    expect(one(synth(), 'kubernetes_limit_range_v1').spec).toEqual({
      limit: [{ type: 'Container', default: { cpu: '500m', memory: '512Mi' }, default_request: { cpu: '100m', memory: '128Mi' } }],
    });
    const custom = one(synth({ ...props, limitDefaults: { cpuRequest: '250m', memoryLimit: '1Gi' } }), 'kubernetes_limit_range_v1');
    expect(custom.spec).toEqual({
      limit: [{ type: 'Container', default: { cpu: '500m', memory: '1Gi' }, default_request: { cpu: '250m', memory: '128Mi' } }],
    });
  });

  test('the default service account and every workload service account have token automount off', () => {
    const res = synth();
    expect(one(res, 'kubernetes_default_service_account_v1')).toMatchObject({ automount_service_account_token: false, metadata: { namespace: nsRef(res) } });
    const sas = all(res, 'kubernetes_service_account_v1');
    expect(sas.map((s) => s.metadata?.name).sort()).toEqual(['api', 'worker']);
    for (const sa of sas) expect(sa.automount_service_account_token).toBe(false);
  });

  test('matchers: the default SA resource', () => {
    const json = synthJson((s) => void new TenantNamespace(s, 'tenant', props));
    expect(json).toHaveResourceWithProperties({ tfResourceType: 'kubernetes_default_service_account_v1' }, { automount_service_account_token: false });
    expect(json).not.toHaveResource({ tfResourceType: 'kubernetes_cluster_role_v1' });
    expect(json).not.toHaveResource({ tfResourceType: 'kubernetes_cluster_role_binding_v1' });
  });

  describe('RBAC', () => {
    const roles = rolesByName(synth());
    const every = Object.values(roles).flat();

    test('one Role per tier with groups; none otherwise', () => {
      expect(Object.keys(roles).sort()).toEqual(['slz-tenant-admin', 'slz-tenant-developer', 'slz-tenant-viewer']);
      const onlyViewers = rolesByName(synth({ ...props, access: { viewers: ['a'], admins: [] } }));
      expect(Object.keys(onlyViewers)).toEqual(['slz-tenant-viewer']);
      const res = synth({ ...props, access: undefined });
      expect(all(res, 'kubernetes_role_v1')).toHaveLength(0);
      expect(all(res, 'kubernetes_role_binding_v1')).toHaveLength(0);
    });

    test('no wildcard in any api group, resource or verb (KT-RB1), and every rule is explicit', () => {
      expect(every.length).toBeGreaterThan(10);
      for (const r of every) {
        for (const field of [r.api_groups, r.resources, r.verbs]) {
          expect(field.length).toBeGreaterThan(0);
          for (const v of field) expect(v).not.toContain('*');
        }
      }
    });

    test('no escalate, bind or impersonate verbs (KT-RB5)', () => {
      for (const r of every) for (const v of ['escalate', 'bind', 'impersonate']) expect(r.verbs).not.toContain(v);
    });

    const writes = (rules: Rule[], resource: string) =>
      rules.filter((r) => r.resources.includes(resource)).flatMap((r) => r.verbs.filter((v) => !['get', 'list', 'watch'].includes(v)));

    test('nobody writes RBAC, network policies, quotas, limit ranges or service accounts: those are the platform’s', () => {
      for (const [name, rules] of Object.entries(roles)) {
        for (const res of ['roles', 'rolebindings', 'networkpolicies', 'resourcequotas', 'limitranges', 'serviceaccounts', 'namespaces', 'serviceaccounts/token']) {
          expect({ name, res, verbs: writes(rules, res) }).toEqual({ name, res, verbs: [] });
        }
      }
    });

    test('no exec, attach, port-forward, ephemeral containers or bare pod creation for anyone (KT-RB4)', () => {
      for (const r of every) {
        for (const res of ['pods/exec', 'pods/attach', 'pods/portforward', 'pods/ephemeralcontainers', 'nodes/proxy']) expect(r.resources).not.toContain(res);
        if (r.resources.includes('pods')) expect(r.verbs).not.toContain('create');
      }
    });

    test('viewers and developers get no Secrets at all', () => {
      for (const name of ['slz-tenant-viewer', 'slz-tenant-developer']) {
        for (const r of roles[name] ?? []) expect(r.resources).not.toContain('secrets');
      }
    });

    test('admins may write Secrets but never read them (KT-RB3)', () => {
      const secretVerbs = (roles['slz-tenant-admin'] ?? []).filter((r) => r.resources.includes('secrets')).flatMap((r) => r.verbs);
      expect(secretVerbs.sort()).toEqual(['create', 'delete', 'patch', 'update']);
    });

    test('viewers only read; developers deploy through controllers', () => {
      for (const r of roles['slz-tenant-viewer'] ?? []) expect(r.verbs).toEqual(['get', 'list', 'watch']);
      expect(writes(roles['slz-tenant-developer'] ?? [], 'deployments').sort()).toEqual(['create', 'delete', 'patch', 'update']);
      expect(writes(roles['slz-tenant-developer'] ?? [], 'persistentvolumeclaims')).not.toContain('delete');
      expect(writes(roles['slz-tenant-admin'] ?? [], 'persistentvolumeclaims')).toContain('delete');
    });

    test('the synthesized rules are the published table', () => {
      const table = (tier: 'admin' | 'developer' | 'viewer') =>
        TENANT_ROLE_RULES[tier].map((r) => ({ api_groups: r.apiGroups, resources: r.resources, verbs: r.verbs }));
      expect(roles['slz-tenant-admin']).toEqual(table('admin'));
      expect(roles['slz-tenant-developer']).toEqual(table('developer'));
      expect(roles['slz-tenant-viewer']).toEqual(table('viewer'));
    });

    test('bindings bind Roles (not ClusterRoles) to identity-provider Groups only', () => {
      const bindings = all(synth(), 'kubernetes_role_binding_v1');
      expect(bindings).toHaveLength(3);
      const dev = bindings.find((b) => b.metadata?.name === 'slz-tenant-developer');
      expect(dev?.subject).toEqual([
        { api_group: 'rbac.authorization.k8s.io', kind: 'Group', name: 'moh-devs' },
        { api_group: 'rbac.authorization.k8s.io', kind: 'Group', name: 'moh-contractors' },
      ]);
      for (const b of bindings) {
        expect(b.role_ref).toEqual({ api_group: 'rbac.authorization.k8s.io', kind: 'Role', name: expect.stringMatching(/^\$\{kubernetes_role_v1\.tenant_Role-/) });
        for (const s of b.subject as { kind: string; name: string }[]) {
          expect(s.kind).toBe('Group');
          expect(s.name).not.toMatch(/^system:/);
        }
      }
    });
  });

  test('exposes the namespace resource and its name token', () => {
    const t = new TenantNamespace(stack(), 'tenant', props);
    expect(t.namespace.terraformResourceType).toBe('kubernetes_namespace_v1');
    expect(t.namespaceName).toMatch(/\$\{TfToken\[/);
    expect(Object.keys(t.serviceAccounts)).toEqual(['api', 'worker']);
    expect(Object.keys(t.roles).sort()).toEqual(['admin', 'developer', 'viewer']);
  });

  describe('refuses invalid props', () => {
    test('name must be a DNS-1123 label and not a system namespace (KT-NS6)', () => {
      expect(() => synth({ ...props, name: 'Patient_Records' })).toThrow(/name "Patient_Records" is not a DNS-1123 label/);
      expect(() => synth({ ...props, name: 'a'.repeat(64) })).toThrow(/DNS-1123/);
      for (const n of ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'kube-anything']) expect(() => synth({ ...props, name: n })).toThrow(/reserved for the cluster/);
    });

    test('pod security version', () => {
      expect(() => synth({ ...props, podSecurityVersion: '1.30' })).toThrow(/podSecurityVersion "1.30"/);
    });

    test('quantities, pods and GPUs', () => {
      expect(problems(() => synth({ ...props, quota: { cpu: 'eight', memory: '-1Gi', pods: 0, gpu: -1, storage: '10GB' } }))).toEqual([
        'quota.cpu "eight" is not a positive Kubernetes quantity (e.g. 500m, 2, 4Gi)',
        'quota.memory "-1Gi" is not a positive Kubernetes quantity (e.g. 500m, 2, 4Gi)',
        'quota.pods must be a whole number from 1 to 100000 (got 0)',
        'quota.gpu must be a whole number from 0 to 100000 (got -1)',
        'quota.storage "10GB" is not a positive Kubernetes quantity (e.g. 500m, 2, 4Gi)',
      ]);
    });

    test('container defaults must be consistent and fit the quota', () => {
      expect(() => synth({ ...props, limitDefaults: { cpuRequest: '2', cpuLimit: '1' } })).toThrow(/cpuRequest \(2\) exceeds limitDefaults.cpuLimit \(1\)/);
      expect(() => synth({ ...props, limitDefaults: { memoryRequest: '1Gi', memoryLimit: '512Mi' } })).toThrow(/memoryRequest/);
      expect(() => synth({ ...props, quota: { cpu: '250m', memory: '32Gi', pods: 5 } })).toThrow(/limitDefaults.cpuLimit \(500m\) exceeds quota.cpu \(250m\)/);
      expect(() => synth({ ...props, quota: { cpu: '8', memory: '256Mi', pods: 5 } })).toThrow(/memoryLimit \(512Mi\) exceeds quota.memory/);
    });

    test('service accounts: DNS labels, unique, not "default"', () => {
      expect(problems(() => synth({ ...props, serviceAccounts: ['api', 'api', 'Bad', 'default'] }))).toEqual([
        'serviceAccounts has "api" more than once',
        'serviceAccounts[2] "Bad" is not a DNS-1123 label (lower-case letters, digits and \'-\', at most 63 characters)',
        'serviceAccounts must not list "default" (it is managed with automount off)',
      ]);
    });

    test('groups: no system groups, no duplicates, no blanks', () => {
      expect(() => synth({ ...props, access: { admins: ['system:masters'] } })).toThrow(/access.admins\[0\] "system:masters" is a Kubernetes system group/);
      expect(() => synth({ ...props, access: { viewers: ['a', 'a'] } })).toThrow(/access.viewers has "a" more than once/);
      expect(() => synth({ ...props, access: { developers: [' '] } })).toThrow(/access.developers\[0\] must be a non-empty group name/);
    });

    test('context fields must be present', () => {
      expect(() => synth({ ...props, context: { ...context, agency: '' } })).toThrow(/context.agency must not be empty/);
    });

    test('every problem is reported at once', () => {
      expect(problems(() => synth({ ...props, name: 'BAD', podSecurityVersion: 'x', quota: { cpu: 'x', memory: '1Gi', pods: 1 } }))).toHaveLength(3);
    });
  });
});
