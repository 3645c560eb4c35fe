/** VC-TR4: convergent (deterministic) encryption is flagged and needs key derivation. */
import { fail, pass, unknown } from '../../attributes';
import { nist } from '../../controls';
import type { ResourceRule } from '../../types';
import { readBool } from '../../../synthesized/values';

export const rule: ResourceRule = {
  id: 'VC-TR4',
  pack: 'vault-crypto',
  scope: 'resource',
  level: 'warning',
  title: 'Convergent encryption is justified and uses derived keys',
  rationale:
    'With convergent_encryption the same plaintext always gives the same ciphertext, which leaks equality (and, for small value sets, the values themselves). Vault requires derived = true for it; even then it needs a recorded reason.',
  fix: 'Turn convergent_encryption off unless deterministic ciphertext is required (e.g. searchable identifiers); then set derived = true and record the accepted risk as an exemption.',
  controls: [nist('SC-13'), nist('SC-28')],
  resourceTypes: ['vault_transit_secret_backend_key'],
  check(resource) {
    const conv = readBool(resource.body, 'convergent_encryption');
    if (conv.kind === 'unresolved') return unknown(`convergent_encryption is ${conv.expression}, known only at plan time`, 'convergent_encryption');
    if (!(conv.kind === 'value' && conv.value)) return pass();
    const derived = readBool(resource.body, 'derived');
    const noDerive = !(derived.kind === 'value' && derived.value);
    return fail(`convergent_encryption is on: equal plaintexts give equal ciphertexts${noDerive ? '; and derived is not true, which Vault requires for it' : ''}`, 'convergent_encryption');
  },
};
