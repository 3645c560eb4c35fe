/** NetworkPolicy semantics: rules and peers in both JSON shapes, peer CIDRs, default deny. */
import { deniedPolicyTypes, denyAll, denyCoverage, peerCidr, policyRules } from '../../../src/synthesized/kubernetes/network-policy';

class Ref {
  constructor(readonly expr: string) {}
}

const deny = (types: unknown, extra: Record<string, unknown> = {}) => ({ spec: { pod_selector: {}, policy_types: types, ...extra } });

describe('policy rules and peers', () => {
  it('reads cdk.tf.json and plan shapes alike, with attribute paths', () => {
    const tf = { spec: { egress: [{ to: [{ ip_block: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }, { namespace_selector: {} }], ports: [{ port: 53 }] }] } };
    const plan = { spec: [{ egress: [{ to: [{ ip_block: [{ cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] }], namespace_selector: [], pod_selector: [] }, { namespace_selector: [{ match_labels: {} }] }], ports: [{ port: 53 }] }] }] };
    for (const body of [tf, plan]) {
      const [r] = policyRules(body, 'egress');
      expect(r).toMatchObject({ attribute: 'spec.egress[0]', peersKey: 'to', anyPeer: false, ports: [{ port: 53 }] });
      expect(r!.peers[0]).toMatchObject({ attribute: 'spec.egress[0].to[0]', ipBlock: { cidr: '10.0.0.0/8' }, unresolved: false });
      expect(r!.peers[0]!.namespaceSelector).toBeUndefined();
      expect(r!.peers[1]!.namespaceSelector).toBeDefined();
    }
  });

  it('tells a rule without peers (everyone) from a rule whose peers are references', () => {
    expect(policyRules({ spec: { ingress: [{ from: [] }] } }, 'ingress')[0]!.anyPeer).toBe(true);
    const [r] = policyRules({ spec: { ingress: [{ from: new Ref('${x}') }] } }, 'ingress');
    expect(r!.anyPeer).toBe(false);
    expect(r!.peers).toEqual([{ index: 0, attribute: 'spec.ingress[0].from[0]', unresolved: true }]);
  });

  it('accepts the camelCase keys of manifests', () => {
    expect(policyRules({ spec: { egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] } }, 'egress')[0]!.peers[0]!.ipBlock).toEqual({ cidr: '0.0.0.0/0' });
  });

  it('parses peer CIDRs as Kubernetes does: host bits and spaces allowed', () => {
    expect(peerCidr(' 10.0.0.1/8 ')).toMatchObject({ kind: 'ipv4', prefix: 8 });
    expect(peerCidr('::/0')).toMatchObject({ kind: 'ipv6', prefix: 0 });
    expect(peerCidr('10.0.0.0/33')).toBeUndefined();
    expect(peerCidr('not-a-cidr')).toBeUndefined();
  });
});

describe('default deny', () => {
  it('denies both directions with an empty selector, both types and no rules', () => {
    expect(denyAll(deny(['Ingress', 'Egress']))).toEqual({ ingress: 'deny', egress: 'deny' });
    expect(denyAll({ spec: [{ pod_selector: [{ match_labels: {}, match_expressions: [] }], policy_types: ['Egress', 'Ingress'], ingress: [], egress: [] }] })).toEqual({ ingress: 'deny', egress: 'deny' });
  });

  it('assumes Ingress when policy_types is absent, as Kubernetes does', () => {
    expect(denyAll(deny(undefined))).toEqual({ ingress: 'deny', egress: 'no' });
  });

  it('does not deny with a selector, or with rules of that direction', () => {
    expect(denyAll({ spec: { pod_selector: { match_labels: { app: 'x' } }, policy_types: ['Ingress'] } })).toEqual({ ingress: 'no', egress: 'no' });
    expect(denyAll(deny(['Ingress', 'Egress'], { egress: [{ to: [] }] }))).toEqual({ ingress: 'deny', egress: 'no' });
  });

  it('is unknown when the selector, the types or the rules are references', () => {
    expect(denyAll({ spec: { pod_selector: '${x}', policy_types: ['Ingress'] } }).ingress).toBe('unknown');
    expect(denyAll(deny('${x}'))).toEqual({ ingress: 'unknown', egress: 'unknown' });
    expect(denyAll(deny(['Egress'], { egress: new Ref('${x}') })).egress).toBe('unknown');
  });

  it('lists the denied types in the order the policy gives them', () => {
    expect(deniedPolicyTypes(deny(['Egress', 'Ingress']))).toEqual(['Egress', 'Ingress']);
    expect(deniedPolicyTypes(deny(['Ingress']))).toEqual(['Ingress']);
    expect(deniedPolicyTypes(deny(['Egress'], { egress: [{}] }))).toEqual([]);
  });

  it('covers a namespace when one sure policy denies, is unknown when only a maybe could', () => {
    const both = { body: deny(['Ingress', 'Egress']) };
    const egressOnly = { body: deny(['Egress']) };
    expect(denyCoverage([both], [])).toEqual({ ingress: 'deny', egress: 'deny' });
    expect(denyCoverage([egressOnly], [])).toEqual({ ingress: 'no', egress: 'deny' });
    expect(denyCoverage([], [both])).toEqual({ ingress: 'unknown', egress: 'unknown' });
    expect(denyCoverage([], [])).toEqual({ ingress: 'no', egress: 'no' });
  });
});
