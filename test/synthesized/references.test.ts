/** References between resources of one stack. */
import { referencedResource, resourceAt } from '../../src/synthesized/references';
import type { SynthStack } from '../../src/synthesized';

const stack: SynthStack = {
  name: 's',
  file: 'stacks/s/cdk.tf.json',
  json: {
    resource: {
      kubernetes_namespace_v1: { ns: { '//': { metadata: { path: 's/tenant/Namespace' } }, metadata: { name: 'records' } } },
      kubernetes_role_v1: { r: { metadata: { name: '${kubernetes_namespace_v1.ns.metadata[0].name}' } } },
    },
  },
};

describe('references', () => {
  it('finds the resource and the attribute a whole-value reference names', () => {
    expect(referencedResource(stack, ' ${kubernetes_namespace_v1.ns.metadata[0].name} ')).toMatchObject({ type: 'kubernetes_namespace_v1', name: 'ns', attribute: 'metadata[0].name', rest: ['metadata', 0, 'name'] });
    expect(referencedResource(stack, '${kubernetes_namespace_v1.missing.id}')).toBeUndefined();
    expect(referencedResource(stack, 'prefix-${kubernetes_namespace_v1.ns.id}')).toBeUndefined();
  });

  it('builds the analysis view of a resource with its construct path', () => {
    expect(resourceAt(stack, 'kubernetes_namespace_v1', 'ns')).toMatchObject({ address: 'kubernetes_namespace_v1.ns', constructPath: 's/tenant/Namespace' });
    expect(resourceAt(stack, 'kubernetes_role_v1', 'r')).toMatchObject({ constructPath: 's/kubernetes_role_v1.r' });
  });
});
