/** Namespaces, labels and names, and where a namespaced object lives. */
import { clusterOf, sameCluster } from '../../../src/synthesized/kubernetes/cluster';
import { isReservedNamespace, namespaceInfo, namespaceNameOf, namespaceTarget, objectMetadataOf, podSecurityLabel, podSecurityRank, referencedObject, resolveName, TENANT_LABEL } from '../../../src/synthesized/kubernetes/namespace';
import { resourceAt } from '../../../src/synthesized/references';
import type { ResourceRef, SynthStack } from '../../../src/synthesized';

const stack: SynthStack = {
  name: 's',
  file: 'stacks/s/cdk.tf.json',
  json: {
    provider: { kubernetes: [{ host: 'https://API.example.gov.my/' }, { alias: 'dr', config_context: 'dr' }] },
    resource: {
      kubernetes_namespace_v1: { ns: { metadata: { name: 'records', labels: { [TENANT_LABEL]: 'records' } } }, dyn: { metadata: { name: '${var.n}', labels: '${var.l}' } } },
      kubernetes_default_service_account_v1: { sa: { metadata: { namespace: '${kubernetes_namespace_v1.ns.metadata[0].name}' } } },
      kubernetes_role_v1: { r: { metadata: { name: 'reader', namespace: '${kubernetes_namespace_v1.ns.metadata[0].name}' } } },
      kubernetes_manifest: { m: { manifest: { metadata: { name: 'from-manifest', namespace: 'other' } }, provider: '${kubernetes.dr}' } },
      kubernetes_config_map_v1: { cm: { metadata: { name: 'c' } }, odd: { metadata: { name: 'o', namespace: '${var.ns}' } } },
    },
  },
};
const ref = (type: string, name: string): ResourceRef => resourceAt(stack, type, name)!;

describe('names', () => {
  it('resolves literal names and references to names of the same stack', () => {
    expect(resolveName(stack, 'x')).toBe('x');
    expect(resolveName(stack, '${kubernetes_namespace_v1.ns.metadata[0].name}')).toBe('records');
    expect(resolveName(stack, '${kubernetes_namespace_v1.ns.id}')).toBe('records');
    expect(resolveName(stack, '${kubernetes_default_service_account_v1.sa.metadata[0].name}')).toBe('default');
    expect(resolveName(stack, '${kubernetes_role_v1.r.id}')).toBeUndefined();
    expect(resolveName(stack, '${kubernetes_manifest.m.manifest.metadata.name}')).toBe('from-manifest');
    expect(resolveName(stack, '${var.x}')).toBeUndefined();
    expect(referencedObject(stack, '${kubernetes_role_v1.r.rule}')).toBeUndefined();
  });

  it('reads the metadata of typed resources and manifests', () => {
    expect(objectMetadataOf('kubernetes_manifest', stack.json.resource!.kubernetes_manifest!.m!)).toMatchObject({ name: 'from-manifest' });
    expect(objectMetadataOf('kubernetes_role_v1', { metadata: [{ name: 'plan-shape' }] })).toEqual({ name: 'plan-shape' });
  });
});

describe('namespaces', () => {
  it('describes a namespace: name, labels, tenant, cluster', () => {
    expect(namespaceInfo(ref('kubernetes_namespace_v1', 'ns'))).toMatchObject({ name: 'records', label: 'namespace "records"', tenant: true, cluster: 'host:https://api.example.gov.my' });
    expect(namespaceInfo(ref('kubernetes_namespace_v1', 'dyn'))).toMatchObject({ name: undefined, label: 'namespace kubernetes_namespace_v1.dyn', labels: undefined, tenant: false });
  });

  it('tells where a namespaced object lives', () => {
    expect(namespaceTarget(ref('kubernetes_role_v1', 'r'))).toEqual({ kind: 'ref', address: 'kubernetes_namespace_v1.ns', name: 'records' });
    expect(namespaceTarget(ref('kubernetes_manifest', 'm'))).toEqual({ kind: 'name', name: 'other', implicit: false });
    expect(namespaceTarget(ref('kubernetes_config_map_v1', 'cm'))).toEqual({ kind: 'name', name: 'default', implicit: true });
    expect(namespaceTarget(ref('kubernetes_config_map_v1', 'odd'))).toEqual({ kind: 'unresolved', expr: '${var.ns}' });
    expect(namespaceNameOf(ref('kubernetes_config_map_v1', 'odd'))).toBeUndefined();
  });

  it('knows the reserved namespaces and the Pod Security vocabulary', () => {
    for (const n of ['default', 'kube-system', 'kube-anything']) expect(isReservedNamespace(n)).toBe(true);
    expect(isReservedNamespace('records')).toBe(false);
    expect(podSecurityLabel('enforce')).toBe('pod-security.kubernetes.io/enforce');
    expect(podSecurityRank('restricted')).toBeGreaterThan(podSecurityRank('baseline'));
    expect(podSecurityRank('baseline')).toBeGreaterThan(podSecurityRank('privileged'));
    expect(podSecurityRank('nonsense')).toBe(podSecurityRank('privileged'));
  });
});

describe('clusters', () => {
  it('keys a resource by its provider configuration', () => {
    expect(clusterOf(stack, {})).toBe('host:https://api.example.gov.my');
    expect(clusterOf(stack, { provider: '${kubernetes.dr}' })).toBe('context:dr');
    expect(clusterOf(stack, { provider: '${kubernetes.gone}' })).toBeUndefined();
    expect(clusterOf({ ...stack, json: {} }, {})).toBe('env:');
    expect(clusterOf({ ...stack, json: { provider: { kubernetes: [{ host: '${var.h}' }] } } }, {})).toBeUndefined();
    expect(sameCluster('a', 'a')).toBe('same');
    expect(sameCluster('a', 'b')).toBe('different');
    expect(sameCluster(undefined, 'b')).toBe('unknown');
  });
});
