import { Testing, TerraformStack } from 'cdktf';
import { ResidencyGuard, residencyValidations, type ResidencyGuardProps } from '../../constructs/residency-guard';
import { problems } from '../helpers/constructs';

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels: Record<string, string> };
  spec: Record<string, unknown>;
}
interface Validation {
  expression: string;
  message: string;
  reason: string;
}

const props: ResidencyGuardProps = {
  allowedNodeRegions: ['my-cyberjaya', 'my-kulim'],
  imageRegistries: ['registry.example.gov.my', 'harbor.example.gov.my:5000'],
};

function stack(): TerraformStack {
  return new TerraformStack(Testing.app({ outdir: process.env.SLZ_TEST_TMP }), 'stack');
}

function synthJson(p: ResidencyGuardProps = props): string {
  const s = stack();
  new ResidencyGuard(s, 'guard', p);
  return Testing.synth(s);
}

function manifests(p: ResidencyGuardProps = props): { policy: Manifest; binding: Manifest; raw: Record<string, { manifest: Manifest; depends_on?: string[] }> } {
  const raw = (JSON.parse(synthJson(p)) as { resource: { kubernetes_manifest: Record<string, { manifest: Manifest; depends_on?: string[] }> } }).resource.kubernetes_manifest;
  const list = Object.values(raw).map((r) => r.manifest);
  const policy = list.find((m) => m.kind === 'ValidatingAdmissionPolicy');
  const binding = list.find((m) => m.kind === 'ValidatingAdmissionPolicyBinding');
  if (!policy || !binding) throw new Error('missing manifest');
  return { policy, binding, raw };
}

function validations(p: ResidencyGuardProps = props): Validation[] {
  return manifests(p).policy.spec.validations as Validation[];
}


describe('ResidencyGuard', () => {
  test('manifest keys stay camelCase: cdktf does not snake_case kubernetes_manifest content', () => {
    const json = synthJson();
    for (const key of ['apiVersion', 'failurePolicy', 'matchConstraints', 'resourceRules', 'apiGroups', 'apiVersions', 'validationActions', 'policyName', 'matchResources', 'namespaceSelector', 'matchExpressions']) {
      expect(json).toContain(`"${key}"`);
    }
    for (const key of ['api_version', 'failure_policy', 'match_constraints', 'resource_rules', 'validation_actions', 'policy_name', 'match_resources', 'namespace_selector', 'match_expressions']) {
      expect(json).not.toContain(`"${key}"`);
    }
  });

  test('the policy: admissionregistration.k8s.io/v1, fails closed, on pod CREATE and UPDATE (and ephemeral containers)', () => {
    const { policy } = manifests();
    expect(policy.apiVersion).toBe('admissionregistration.k8s.io/v1');
    expect(policy.metadata.name).toBe('slz-residency');
    expect(policy.spec.failurePolicy).toBe('Fail');
    expect(policy.spec.matchConstraints).toEqual({
      resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['pods', 'pods/ephemeralcontainers'] }],
    });
  });

  test('the binding denies (not only audits or warns) in tenant namespaces, after the policy exists', () => {
    const { binding, raw } = manifests();
    expect(binding.apiVersion).toBe('admissionregistration.k8s.io/v1');
    expect(binding.metadata.name).toBe('slz-residency-tenants');
    expect(binding.spec).toEqual({
      policyName: 'slz-residency',
      validationActions: ['Deny'],
      matchResources: { namespaceSelector: { matchExpressions: [{ key: 'sovereign.slz.dev/tenant', operator: 'Exists' }] } },
    });
    const bindingResource = Object.values(raw).find((r) => r.manifest.kind === 'ValidatingAdmissionPolicyBinding');
    expect(bindingResource?.depends_on).toEqual([expect.stringMatching(/^kubernetes_manifest\.guard_Policy_/)]);
  });

  test('every validation has a message and reason Forbidden', () => {
    const vs = validations();
    expect(vs).toHaveLength(4);
    for (const v of vs) {
      expect(v.message.length).toBeGreaterThan(20);
      expect(v.reason).toBe('Forbidden');
    }
  });

  test('image validations cover containers, init containers and ephemeral containers, and name every registry with its trailing slash', () => {
    const [containers, init, ephemeral] = validations();
    expect(containers?.expression).toMatch(/^object\.spec\.containers\.all\(c, /);
    expect(init?.expression).toMatch(/^!has\(object\.spec\.initContainers\) \|\| object\.spec\.initContainers\.all\(c, /);
    expect(ephemeral?.expression).toMatch(/^!has\(object\.spec\.ephemeralContainers\) \|\| object\.spec\.ephemeralContainers\.all\(c, /);
    for (const v of [containers, init, ephemeral]) {
      expect(v?.expression).toContain("['registry.example.gov.my/', 'harbor.example.gov.my:5000/'].exists(p, c.image.startsWith(p))");
      for (const r of props.imageRegistries) expect(v?.message).toContain(r);
    }
  });

  test('region validation accepts the nodeSelector or a required node affinity, with only allowed regions', () => {
    const region = validations()[3];
    const e = region?.expression ?? '';
    expect(e).toContain("object.spec.nodeSelector['topology.kubernetes.io/region'] in ['my-cyberjaya', 'my-kulim']");
    expect(e).toContain('requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms.all(t,');
    expect(e).toContain("e.key == 'topology.kubernetes.io/region' && e.operator == 'In'");
    expect(e).toContain("e.values.all(v, v in ['my-cyberjaya', 'my-kulim'])");
    // preferred (soft) affinity does not count as pinning.
    expect(e).not.toContain('preferredDuringScheduling');
    for (const r of props.allowedNodeRegions) expect(region?.message).toContain(r);
  });

  test('expressions are well formed: balanced brackets and quotes', () => {
    for (const v of validations()) {
      let depth = 0;
      let quoted = false;
      for (const ch of v.expression) {
        if (ch === "'") quoted = !quoted;
        if (quoted) continue;
        if ('([{'.includes(ch)) depth++;
        if (')]}'.includes(ch)) depth--;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect({ depth, quoted }).toEqual({ depth: 0, quoted: false });
      // Terraform would read these as interpolations.
      expect(v.expression).not.toMatch(/[$%]\{/);
    }
  });

  test('the construct exposes the same validations it synthesizes', () => {
    const g = new ResidencyGuard(stack(), 'guard', props);
    expect(g.validations).toEqual(residencyValidations(props.allowedNodeRegions, props.imageRegistries));
    expect(validations()).toEqual(g.validations);
    expect(g.policy.terraformResourceType).toBe('kubernetes_manifest');
  });

  test('custom name, tenant selector and labels', () => {
    const { policy, binding } = manifests({
      ...props,
      name: 'moh-residency',
      tenantSelector: { matchLabels: { 'sovereign.slz.dev/agency': 'moh' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['gold'] }] },
      context: { agency: 'moh', classification: 'SULIT', jurisdiction: 'MY', region: 'cyberjaya' },
    });
    expect(policy.metadata.name).toBe('moh-residency');
    expect(binding.metadata.name).toBe('moh-residency-tenants');
    expect(binding.spec.policyName).toBe('moh-residency');
    expect(binding.spec.matchResources).toEqual({
      namespaceSelector: { matchLabels: { 'sovereign.slz.dev/agency': 'moh' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['gold'] }] },
    });
    expect(policy.metadata.labels).toMatchObject({ 'sovereign.slz.dev/jurisdiction': 'MY' });
  });

  describe('refuses invalid props', () => {
    test('regions: present, unique, literal label values', () => {
      expect(() => manifests({ ...props, allowedNodeRegions: [] })).toThrow(/allowedNodeRegions must not be empty/);
      expect(() => manifests({ ...props, allowedNodeRegions: ['a', 'a'] })).toThrow(/allowedNodeRegions has "a" more than once/);
      expect(() => manifests({ ...props, allowedNodeRegions: ["x' || true || '"] })).toThrow(/is not a literal label value/);
      expect(() => manifests({ ...props, allowedNodeRegions: ['my cyberjaya'] })).toThrow(/not a literal label value/);
    });

    test('registries: host[:port] only, lower case, unique', () => {
      expect(
        problems(() => manifests({ ...props, imageRegistries: ['https://registry.example.gov.my', 'registry.example.gov.my/project', 'Registry.Example.gov.my', 'reg:99999'] })),
      ).toHaveLength(4);
      expect(() => manifests({ ...props, imageRegistries: [] })).toThrow(/imageRegistries must not be empty/);
      expect(() => manifests({ ...props, imageRegistries: ['r.gov.my', 'r.gov.my'] })).toThrow(/more than once/);
    });

    test('an empty tenant selector would bind every namespace', () => {
      expect(() => manifests({ ...props, tenantSelector: {} })).toThrow(/tenantSelector must not be empty/);
      expect(() => manifests({ ...props, tenantSelector: { matchLabels: {}, matchExpressions: [] } })).toThrow(/must not be empty/);
    });

    test('selector requirements', () => {
      expect(
        problems(() =>
          manifests({
            ...props,
            tenantSelector: {
              matchLabels: { 'bad key!': 'v' },
              matchExpressions: [
                { key: 'a', operator: 'In' },
                { key: 'b', operator: 'Exists', values: ['x'] },
                { key: 'c', operator: 'Like' as 'In', values: ['x'] },
              ],
            },
          }),
        ),
      ).toEqual([
        'tenantSelector.matchLabels key "bad key!" is not a valid label key',
        'tenantSelector.matchExpressions[0]: In needs at least one value',
        'tenantSelector.matchExpressions[1]: Exists takes no values',
        'tenantSelector.matchExpressions[2].operator must be In, NotIn, Exists or DoesNotExist',
      ]);
    });

    test('name must be a DNS subdomain', () => {
      expect(() => manifests({ ...props, name: 'SLZ_Residency' })).toThrow(/name "SLZ_Residency" is not a valid DNS name/);
    });
  });
});
