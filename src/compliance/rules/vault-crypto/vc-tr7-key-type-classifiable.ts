/** VC-TR7: every transit key type maps to a known algorithm (for the CBOM and the crypto policy). */
import { fail, pass, unknown } from '../../attributes';
import { TRANSIT_KEY_TYPES } from '../../../jurisdictions';
import { nist } from '../../controls';
import type { ResourceRule } from '../../types';
import { transitKeyType } from '../../../synthesized/vault/transit-key';

export const rule: ResourceRule = {
  id: 'VC-TR7',
  pack: 'vault-crypto',
  scope: 'resource',
  level: 'warning',
  title: 'Transit key types resolve to a known algorithm',
  rationale:
    'The crypto inventory (CBOM) and the crypto policy can only judge a key whose algorithm is known. A managed_key delegates to an HSM or KMS whose algorithm is not in the configuration, so it stays unknown until it is described.',
  fix: `Use one of the transit key types the algorithm table knows (${TRANSIT_KEY_TYPES.join(', ')}); for managed keys, record the backing algorithm and accept the gap as an exemption.`,
  controls: [nist('CM-8'), nist('SC-13')],
  resourceTypes: ['vault_transit_secret_backend_key'],
  check(resource) {
    const t = transitKeyType(resource.body);
    switch (t.kind) {
      case 'known':
        return pass();
      case 'managed':
        return unknown('type is managed_key: the algorithm lives in an external HSM/KMS and cannot be classified from the configuration', 'type');
      case 'unresolved':
        return unknown(`type is ${t.expression}, known only at plan time`, 'type');
      case 'unrecognised':
        return fail(`type ${t.type} is not a Vault transit key type this tool can classify`, 'type');
    }
  },
};
