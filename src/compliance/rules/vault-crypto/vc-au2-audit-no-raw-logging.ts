/** VC-AU2: audit devices keep sensitive values HMAC'd (no raw logging). */
import { fail, pass, unknown } from '../../attributes';
import { c5, nist, snc } from '../../controls';
import type { Outcome, ResourceRule } from '../../types';
import { readBool } from '../../../synthesized/values';

export const rule: ResourceRule = {
  id: 'VC-AU2',
  pack: 'vault-crypto',
  scope: 'resource',
  level: 'error',
  title: "Audit devices do not log secrets in clear",
  rationale:
    "With log_raw on, Vault writes tokens, secrets and plaintext into the audit log, so the log store becomes as sensitive as Vault itself; hmac_accessor off exposes token accessors that let their holder look up and revoke tokens.",
  fix: 'Set options.log_raw = "false" (or leave it unset) and leave options.hmac_accessor unset or "true".',
  controls: [nist('AU-9'), nist('SC-28'), c5('OPS-10'), snc('12.6.a')],
  resourceTypes: ['vault_audit'],
  check(resource) {
    const out: Outcome[] = [];
    const raw = readBool(resource.body, 'options.log_raw');
    if (raw.kind === 'unresolved') out.push(unknown(`options.log_raw is ${raw.expression}, known only at plan time`, 'options.log_raw'));
    else if (raw.kind === 'invalid') out.push(unknown(`options.log_raw is not a boolean (${JSON.stringify(raw.value)})`, 'options.log_raw'));
    else if (raw.kind === 'value' && raw.value) out.push(fail('options.log_raw is true: tokens, secrets and plaintext are written to the audit log in clear', 'options.log_raw'));
    const acc = readBool(resource.body, 'options.hmac_accessor');
    if (acc.kind === 'unresolved') out.push(unknown(`options.hmac_accessor is ${acc.expression}, known only at plan time`, 'options.hmac_accessor'));
    else if (acc.kind === 'value' && !acc.value) out.push(fail('options.hmac_accessor is false: token accessors are logged in clear', 'options.hmac_accessor'));
    return out.length ? out : pass();
  },
};
