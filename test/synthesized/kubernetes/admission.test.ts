/** Admission control resources. */
import { admissionObject, isAdmissionControl, manifestKind } from '../../../src/synthesized/kubernetes/admission';
import type { ResourceRef, SynthStack } from '../../../src/synthesized';

const stack: SynthStack = { name: 's', file: 'f', json: {} };
const ref = (type: string, body: Record<string, unknown>): ResourceRef => ({ stack, type, name: 'n', address: `${type}.n`, constructPath: 's/n', body });
const vap = (kind: string, apiVersion = 'admissionregistration.k8s.io/v1') => ({ manifest: { apiVersion, kind, metadata: { name: 'slz-residency' }, spec: { failurePolicy: 'Fail' } } });

describe('admission', () => {
  it('knows admission resources, typed or as manifests', () => {
    expect(isAdmissionControl('kubernetes_manifest', vap('ValidatingAdmissionPolicyBinding'))).toBe(true);
    expect(isAdmissionControl('kubernetes_validating_webhook_configuration_v1', {})).toBe(true);
    expect(isAdmissionControl('kubernetes_manifest', vap('ConfigMap'))).toBe(false);
    expect(manifestKind(vap('ValidatingAdmissionPolicy'))).toBe('ValidatingAdmissionPolicy');
  });

  it('reads policies and bindings of admissionregistration.k8s.io, and says when the kind is a reference', () => {
    expect(admissionObject(ref('kubernetes_manifest', vap('ValidatingAdmissionPolicy')))).toMatchObject({ kind: 'ValidatingAdmissionPolicy', name: 'slz-residency', spec: { failurePolicy: 'Fail' }, cluster: 'env:' });
    expect(admissionObject(ref('kubernetes_validating_admission_policy_v1', { metadata: { name: 'typed' }, spec: { failure_policy: 'Fail' } }))).toMatchObject({ kind: 'ValidatingAdmissionPolicy', name: 'typed' });
    expect(admissionObject(ref('kubernetes_manifest', vap('ValidatingAdmissionPolicy', 'example.com/v1')))).toBeUndefined();
    expect(admissionObject(ref('kubernetes_manifest', vap('${var.kind}')))).toBe('unresolved');
    expect(admissionObject(ref('kubernetes_manifest', { manifest: '${var.m}' }))).toBe('unresolved');
    expect(admissionObject(ref('kubernetes_role_v1', {}))).toBeUndefined();
  });
});
