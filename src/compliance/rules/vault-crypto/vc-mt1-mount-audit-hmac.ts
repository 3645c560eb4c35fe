/** VC-MT1: mounts do not exempt sensitive request/response keys from audit HMAC. */
import { fail, pass, unknown } from '../../attributes';
import { nist } from '../../controls';
import type { Outcome, ResourceRule } from '../../types';
import { readStringList } from '../../../synthesized/values';

/** Request/response fields that carry key material, plaintext or secrets. */
export const SENSITIVE_AUDIT_KEYS = new Set([
  'plaintext',
  'ciphertext',
  'input',
  'batch_input',
  'context',
  'nonce',
  'hmac',
  'signature',
  'data',
  'value',
  'key',
  'keys',
  'private_key',
  'secret',
  'secret_id',
  'password',
  'token',
  'client_token',
  'certificate',
  'csr',
]);

export const rule: ResourceRule = {
  id: 'VC-MT1',
  pack: 'vault-crypto',
  scope: 'resource',
  level: 'warning',
  title: 'Mounts keep sensitive fields HMAC\'d in audit logs',
  rationale:
    'audit_non_hmac_request_keys / audit_non_hmac_response_keys write the named fields to every audit device in clear. On transit, KV or PKI mounts that turns the audit log into a copy of plaintext, ciphertext or key material.',
  fix: 'Remove sensitive fields (plaintext, ciphertext, input, data, private_key, …) from the mount\'s audit_non_hmac_request_keys and audit_non_hmac_response_keys.',
  controls: [nist('AU-9'), nist('SC-28')],
  resourceTypes: ['vault_mount'],
  check(resource) {
    const out: Outcome[] = [];
    for (const attribute of ['audit_non_hmac_request_keys', 'audit_non_hmac_response_keys']) {
      const r = readStringList(resource.body, attribute);
      if (r.kind === 'unresolved') out.push(unknown(`${attribute} is known only at plan time`, attribute));
      else if (r.kind === 'invalid') out.push(unknown(`${attribute} is not a list of strings`, attribute));
      else if (r.kind === 'value') {
        const bad = r.value.filter((k) => SENSITIVE_AUDIT_KEYS.has(k.toLowerCase()));
        if (bad.length) out.push(fail(`${attribute} logs ${bad.join(', ')} in clear on every audit device`, attribute));
      }
    }
    return out.length ? out : pass();
  },
};
