/** RV-ADMISSION-WEAKEN: the residency admission policy stops denying, fails open, loses validations, or a namespace leaves its scope. */
import { ADMISSION_RESOURCE_TYPES, isAdmissionControl, manifestKind } from '../../synthesized/kubernetes/admission';
import { TENANT_LABEL } from '../../synthesized/kubernetes/namespace';
import { MANIFEST_TYPE, NAMESPACE_TYPES } from '../../synthesized/kubernetes/resource-types';
import { entries, literal, stringList, valueAt } from '../../synthesized/values';
import { canonical } from '../values';
import { labelsOf } from './_labels';
import { few, k8sName, q } from './_shared';
import type { ChangeInput, ChangeRule } from './types';

function namespaceLeavesScope({ change, before, after, isUpdate }: ChangeInput): string[] {
  if (!NAMESPACE_TYPES.includes(change.type) || !isUpdate) return [];
  const tb = labelsOf(before)[TENANT_LABEL];
  const ta = labelsOf(after)[TENANT_LABEL];
  if (typeof tb !== 'string' || (ta !== undefined && ta !== null)) return [];
  return [`Namespace ${q(k8sName(after))} loses its ${TENANT_LABEL} label: the residency admission policy no longer applies to its pods.`];
}

function admissionWeakened({ change, before, after, isUpdate }: ChangeInput): string[] {
  if (!isUpdate || !isAdmissionControl(change.type, after)) return [];
  const spec = (tree: unknown, key: string) => valueAt(tree, 'manifest', 'spec', key);
  const weaker: string[] = [];
  const actionsB = stringList(spec(before, 'validationActions')).items;
  const actionsA = stringList(spec(after, 'validationActions')).items;
  if (actionsB.includes('Deny') && !actionsA.includes('Deny')) weaker.push(`it no longer denies (validationActions ${actionsA.join(', ') || 'none'})`);
  const fb = literal(spec(before, 'failurePolicy')) ?? 'Fail';
  const fa = literal(spec(after, 'failurePolicy')) ?? 'Fail';
  if (fb === 'Fail' && fa === 'Ignore') weaker.push('it fails open (failurePolicy Ignore)');
  const va = new Set(entries(spec(after, 'validations')).map(canonical));
  const lost = entries(spec(before, 'validations'))
    .map(canonical)
    .filter((v) => !va.has(v)).length;
  if (lost) weaker.push(`${lost} validation${lost === 1 ? ' is' : 's are'} removed or rewritten`);
  for (const scope of ['matchResources', 'matchConstraints', 'paramRef', 'policyName']) {
    if (canonical(spec(before, scope)) !== canonical(spec(after, scope))) weaker.push(`its ${scope} changes`);
  }
  return weaker.length ? [`Admission ${manifestKind(after) ?? change.type} ${q(k8sName(after))}: ${few(weaker)}.`] : [];
}

export const rule: ChangeRule = {
  id: 'RV-ADMISSION-WEAKEN',
  level: 'HIGH',
  title: 'Admission control weakened',
  help: 'The residency admission policy stops denying, fails open, loses validations, changes scope, or a tenant namespace loses the label that puts it in scope.',
  tags: ['residency', 'kubernetes'],
  scope: 'change',
  types: [...NAMESPACE_TYPES, ...ADMISSION_RESOURCE_TYPES, MANIFEST_TYPE],
  checks: `an update of a ValidatingAdmissionPolicy or its binding (kubernetes_manifest) that drops Deny, fails open, loses validations or changes scope; a namespace losing \`${TENANT_LABEL}\``,
  changed: (input) => [...namespaceLeavesScope(input), ...admissionWeakened(input)],
};
