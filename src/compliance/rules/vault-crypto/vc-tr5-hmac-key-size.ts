/** VC-TR5: an hmac transit key declares a key size Vault accepts (32–512 bytes). */
import { HMAC_KEY_BYTES_RANGE } from '../../../jurisdictions';
import { fail, pass, unknown } from '../../attributes';
import { readNumber } from '../../../synthesized/values';
import { nist, sp80057 } from '../../controls';
import { transitKeyType } from '../../../synthesized/vault/transit-key';
import type { ResourceRule } from '../../types';

export const rule: ResourceRule = {
  id: 'VC-TR5',
  pack: 'vault-crypto',
  scope: 'resource',
  level: 'error',
  title: 'HMAC transit keys declare a key size Vault accepts',
  rationale:
    'The Vault provider always sends key_size, 0 when it is not set, and Vault refuses an HMAC key outside 32–512 bytes ("invalid key size for HMAC key"). The apply fails part-way, and the keys it already created cannot be deleted (deletion_allowed = false).',
  fix: `Set key_size on every hmac key, from ${HMAC_KEY_BYTES_RANGE.min} to ${HMAC_KEY_BYTES_RANGE.max} bytes (slz writes 32 unless the landing-zone file gives keySize).`,
  controls: [nist('SC-12'), sp80057('5.6.1')],
  resourceTypes: ['vault_transit_secret_backend_key'],
  check(resource) {
    const type = transitKeyType(resource.body);
    if (type.kind !== 'known' || type.type !== 'hmac') return pass();
    const size = readNumber(resource.body, 'key_size');
    if (size.kind === 'unresolved') return unknown(`key_size is ${size.expression}, known only at plan time`, 'key_size');
    if (size.kind === 'absent') return fail('key_size is not set: the provider sends 0 and Vault refuses the key', 'key_size');
    if (size.kind === 'invalid') return fail(`key_size is not a number (${JSON.stringify(size.value)})`, 'key_size');
    const ok = Number.isInteger(size.value) && size.value >= HMAC_KEY_BYTES_RANGE.min && size.value <= HMAC_KEY_BYTES_RANGE.max;
    return ok ? pass() : fail(`key_size is ${size.value}: Vault accepts ${HMAC_KEY_BYTES_RANGE.min}–${HMAC_KEY_BYTES_RANGE.max} bytes for an HMAC key`, 'key_size');
  },
};
