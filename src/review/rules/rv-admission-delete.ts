/** RV-ADMISSION-DELETE: an admission policy, binding or webhook is removed. */
import { ADMISSION_RESOURCE_TYPES, isAdmissionControl, manifestKind } from '../../synthesized/kubernetes/admission';
import { MANIFEST_TYPE } from '../../synthesized/kubernetes/resource-types';
import { k8sName, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-ADMISSION-DELETE',
  level: 'CRITICAL',
  title: 'Admission policy removed',
  help: 'The ValidatingAdmissionPolicy and its binding pin tenant pods to in-country nodes and registries; without them, nothing stops a pod from running elsewhere or pulling foreign images.',
  tags: ['destroy', 'residency', 'kubernetes'],
  scope: 'change',
  types: [...ADMISSION_RESOURCE_TYPES, MANIFEST_TYPE],
  checks: 'a ValidatingAdmissionPolicy, its binding or a validating webhook configuration (typed or `kubernetes_manifest`) that is deleted',
  destroyed({ change, before }) {
    if (!isAdmissionControl(change.type, before) || change.action === 'replace') return [];
    return one(`Admission ${manifestKind(before) ?? change.type} ${q(k8sName(before))} is deleted: pods are no longer checked for in-country nodes and registries.`);
  },
};
