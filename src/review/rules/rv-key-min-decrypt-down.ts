/** RV-KEY-MIN-DECRYPT-DOWN: retired versions of a transit key can decrypt again. */
import { numberValue, valueAt } from '../../synthesized/values';
import { TRANSIT_KEY_RESOURCE } from '../../synthesized/vault/transit-key';
import { nameOf, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-KEY-MIN-DECRYPT-DOWN',
  level: 'HIGH',
  title: 'Older key versions re-enabled for decryption',
  help: 'Lowering min_decryption_version makes retired key versions usable again.',
  tags: ['crypto', 'vault'],
  scope: 'change',
  types: [TRANSIT_KEY_RESOURCE],
  checks: `a \`${TRANSIT_KEY_RESOURCE}\` whose \`min_decryption_version\` is lowered`,
  changed({ change, before, after, isUpdate }) {
    if (change.type !== TRANSIT_KEY_RESOURCE || !isUpdate) return [];
    const mb = numberValue(valueAt(before, 'min_decryption_version'));
    const ma = numberValue(valueAt(after, 'min_decryption_version'));
    return one(mb !== undefined && ma !== undefined && ma < mb && `Transit key ${q(nameOf(after, 'name'))} accepts older versions for decryption again (min_decryption_version ${mb} → ${ma}).`);
  },
};
