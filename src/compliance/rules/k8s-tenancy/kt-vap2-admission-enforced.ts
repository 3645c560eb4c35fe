import { fail, notApplicable, pass, unknown } from './_shared';
import type { ResourceRule } from '../../types';
import { admissionObject } from '../../../synthesized/kubernetes/admission';
import { MANIFEST_TYPE, TYPED_VAP_TYPE } from '../../../synthesized/kubernetes/resource-types';
import { literal, pick, stringList } from '../../../synthesized/values';

export const rule: ResourceRule = {
  id: 'KT-VAP2',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'resource',
  resourceTypes: [MANIFEST_TYPE, TYPED_VAP_TYPE],
  title: 'Admission policies fail closed and their bindings deny',
  rationale:
    'A ValidatingAdmissionPolicy with failurePolicy Ignore admits every pod whenever its expression cannot be evaluated, and a ' +
    'binding whose validationActions are only Audit or Warn records the violation and lets the pod run anyway: the residency ' +
    'guard would exist on paper only. failurePolicy may be left out (the API default is Fail); validationActions must include Deny.',
  fix: 'Set the policy\'s spec.failurePolicy to "Fail" and the binding\'s spec.validationActions to ["Deny"] (optionally with "Audit").',
  controls: [
    { framework: 'SECNUMCLOUD', id: '19.2.b' },
    { framework: 'BSI-C5', id: 'PSS-12' },
    { framework: 'NIST-800-53', id: 'SA-9(5)' },
  ],
  check(resource) {
    const a = admissionObject(resource);
    if (a === undefined) return notApplicable;
    if (a === 'unresolved') return unknown(`${resource.address}: manifest kind or apiVersion is known only at plan time`, 'manifest');
    const subject = `${a.kind} "${a.name ?? resource.address}"`;
    const prefix = resource.type === MANIFEST_TYPE ? 'manifest.spec' : 'spec';
    if (a.kind === 'ValidatingAdmissionPolicy') {
      const raw = pick(a.spec, 'failurePolicy', 'failure_policy');
      const attr = `${prefix}.${resource.type === MANIFEST_TYPE ? 'failurePolicy' : 'failure_policy'}`;
      if (raw === undefined) return pass;
      const v = literal(raw);
      if (v === undefined) return unknown(`${subject}: failurePolicy is known only at plan time`, attr);
      return v === 'Fail' ? pass : fail(`${subject} has failurePolicy "${v}": pods are admitted when the policy cannot be evaluated`, attr);
    }
    const actions = stringList(pick(a.spec, 'validationActions', 'validation_actions'));
    const attr = `${prefix}.validationActions`;
    if (actions.items.includes('Deny')) return pass;
    if (actions.unresolved) return unknown(`${subject}: validationActions are known only at plan time`, attr);
    return fail(`${subject} has validationActions ${actions.items.length > 0 ? `[${actions.items.join(', ')}]` : 'unset'}, without Deny: violations are not refused`, attr);
  },
};
