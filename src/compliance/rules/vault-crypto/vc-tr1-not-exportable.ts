/** VC-TR1: transit keys can never leave Vault (not exportable, no plaintext backup). */
import { fail, pass, unknown } from '../../attributes';
import { c5, nist, snc } from '../../controls';
import type { Outcome, ResourceRule } from '../../types';
import { EXPORT_FLAGS } from '../../../synthesized/vault/transit-key';
import { readBool } from '../../../synthesized/values';

export const rule: ResourceRule = {
  id: 'VC-TR1',
  pack: 'vault-crypto',
  scope: 'resource',
  level: 'error',
  title: 'Transit keys are not exportable and have no plaintext backup',
  rationale:
    "exportable and allow_plaintext_backup let key material leave the agency's Vault, and once set to true Vault never lets them be turned off again: custody of the key is lost for good. Customer-held, non-exportable keys are the core of key sovereignty.",
  fix: 'Set exportable = false and allow_plaintext_backup = false (or leave them unset). A key already created with either on must be replaced by a new key and the data re-wrapped.',
  controls: [c5('CRY-03'), snc('10.5'), nist('SC-12'), nist('SC-12(1)')],
  resourceTypes: ['vault_transit_secret_backend_key'],
  check(resource) {
    const out: Outcome[] = [];
    const what: Readonly<Record<(typeof EXPORT_FLAGS)[number], string>> = {
      exportable: 'the key material can be exported in clear',
      allow_plaintext_backup: 'a plaintext backup of the key can be taken',
    };
    for (const attribute of EXPORT_FLAGS) {
      const v = readBool(resource.body, attribute);
      if (v.kind === 'unresolved') out.push(unknown(`${attribute} is ${v.expression}, known only at plan time`, attribute));
      else if (v.kind === 'invalid') out.push(unknown(`${attribute} is not a boolean (${JSON.stringify(v.value)})`, attribute));
      else if (v.kind === 'value' && v.value) out.push(fail(`${attribute} is true: ${what[attribute]}, and Vault never allows turning it off again`, attribute));
    }
    return out.length ? out : pass();
  },
};
