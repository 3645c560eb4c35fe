/** VC-TR2: transit keys cannot be deleted by a plan. */
import { fail, pass, unknown } from '../../attributes';
import { c5, nist } from '../../controls';
import type { ResourceRule } from '../../types';
import { readBool } from '../../../synthesized/values';

export const rule: ResourceRule = {
  id: 'VC-TR2',
  pack: 'vault-crypto',
  scope: 'resource',
  level: 'error',
  title: 'Transit keys do not allow deletion',
  rationale:
    'With deletion_allowed = true a single destroy (or a renamed construct) deletes the key and makes every ciphertext under it unreadable. Committed configuration keeps it false; deleting a key is a deliberate, reviewed act.',
  fix: 'Set deletion_allowed = false (or leave it unset); flip it only in a dedicated, reviewed change right before retiring the key.',
  controls: [c5('CRY-03'), nist('SC-12'), nist('CP-9')],
  resourceTypes: ['vault_transit_secret_backend_key'],
  check(resource) {
    const v = readBool(resource.body, 'deletion_allowed');
    if (v.kind === 'unresolved') return unknown(`deletion_allowed is ${v.expression}, known only at plan time`, 'deletion_allowed');
    if (v.kind === 'invalid') return unknown(`deletion_allowed is not a boolean (${JSON.stringify(v.value)})`, 'deletion_allowed');
    if (v.kind === 'value' && v.value) return fail('deletion_allowed is true: a destroy would delete the key and every ciphertext under it would become unreadable', 'deletion_allowed');
    return pass();
  },
};
