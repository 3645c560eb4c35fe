/** VC-PK2: CA private keys are generated inside Vault and never exported into state. */
import { fail, pass, unknown } from '../../attributes';
import { nist, snc } from '../../controls';
import type { ResourceRule } from '../../types';
import { readString } from '../../../synthesized/values';

const ALLOWED = new Set(['internal', 'kms', 'existing']);

export const rule: ResourceRule = {
  id: 'VC-PK2',
  pack: 'vault-crypto',
  scope: 'resource',
  level: 'error',
  title: 'CA private keys are internal to Vault',
  rationale:
    'type = "exported" returns the private key to Terraform, which writes it into state and plan files: the agency root of trust would then live in every place state is copied. Root and intermediate keys must be generated inside the in-country Vault (internal, or a KMS/HSM-backed key).',
  fix: 'Set type = "internal" (or "kms" with a managed key) on vault_pki_secret_backend_root_cert, _intermediate_cert_request and _key.',
  controls: [snc('10.6.a'), nist('SC-12'), nist('SC-17')],
  resourceTypes: ['vault_pki_secret_backend_root_cert', 'vault_pki_secret_backend_intermediate_cert_request', 'vault_pki_secret_backend_key'],
  check(resource) {
    const t = readString(resource.body, 'type');
    if (t.kind === 'unresolved') return unknown(`type is ${t.expression}, known only at plan time`, 'type');
    if (t.kind !== 'value') return unknown('type is not set, so it is not known where the private key is kept', 'type');
    if (t.value === 'exported') return fail('type is "exported": the CA private key is returned to Terraform and stored in state', 'type');
    if (!ALLOWED.has(t.value)) return unknown(`type "${t.value}" is not a known key-placement type`, 'type');
    return pass();
  },
};
