import type { ResourceRule } from '../../types';
import { checkRbacRules } from './_shared';
import { grants } from '../../../synthesized/kubernetes/rbac';
import { ROLE_TYPES } from '../../../synthesized/kubernetes/resource-types';

const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];
const ADMISSION = ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations', 'validatingadmissionpolicies', 'validatingadmissionpolicybindings'];

export const rule: ResourceRule = {
  id: 'KT-RB8',
  pack: 'k8s-tenancy',
  level: 'warning',
  scope: 'resource',
  resourceTypes: ROLE_TYPES,
  title: 'No token minting, admission-configuration writes or CSR approval',
  rationale:
    'create on serviceaccounts/token mints tokens for any service account of the scope; writing webhook configurations or ' +
    'ValidatingAdmissionPolicies (and their bindings) can switch off or rewrite admission control, the residency guard included; ' +
    'update on certificatesigningrequests/approval issues client certificates, possibly for privileged identities.',
  fix: 'Remove these grants; they belong to the platform\'s Terraform and to the control plane.',
  controls: [
    { framework: 'CIS-K8S', id: '5.1.13' },
    { framework: 'CIS-K8S', id: '5.1.12' },
    { framework: 'CIS-K8S', id: '5.1.11' },
    { framework: 'NIST-800-53', id: 'AC-6' },
  ],
  check(resource) {
    return checkRbacRules(
      resource,
      (rule) => {
        const found: string[] = [];
        const token = grants(rule, [''], ['serviceaccounts/token'], ['create']);
        if (token.verbs.length > 0) found.push('create on "serviceaccounts/token"');
        const adm = grants(rule, ['admissionregistration.k8s.io'], ADMISSION, WRITE);
        if (adm.verbs.length > 0) found.push(`${adm.verbs.join('/')} on ${adm.resources.map((r) => `"${r}"`).join(', ')}`);
        const csr = grants(rule, ['certificates.k8s.io'], ['certificatesigningrequests/approval'], ['update', 'patch']);
        if (csr.verbs.length > 0) found.push(`${csr.verbs.join('/')} on "certificatesigningrequests/approval"`);
        return found.length > 0 ? `grants ${found.join('; ')}` : undefined;
      },
      'token, admission and CSR-approval access',
    );
  },
};
