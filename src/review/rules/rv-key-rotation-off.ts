/** RV-KEY-ROTATION-OFF: automatic rotation of a transit key is switched off. */
import { block } from '../../synthesized/values';
import { autoRotatePeriod, TRANSIT_KEY_RESOURCE } from '../../synthesized/vault/transit-key';
import { nameOf, one, q } from './_shared';
import type { ChangeRule } from './types';

const seconds = (tree: unknown): number | undefined => {
  const r = autoRotatePeriod(block(tree) ?? {});
  return r.kind === 'value' ? r.seconds : undefined;
};

export const rule: ChangeRule = {
  id: 'RV-KEY-ROTATION-OFF',
  level: 'HIGH',
  title: 'Key rotation switched off',
  help: 'auto_rotate_period = 0 stops automatic rotation: the key outlives its cryptoperiod.',
  tags: ['crypto', 'vault'],
  scope: 'change',
  types: [TRANSIT_KEY_RESOURCE],
  checks: `a \`${TRANSIT_KEY_RESOURCE}\` whose \`auto_rotate_period\` goes from a period to 0`,
  changed({ change, before, after, isUpdate }) {
    if (change.type !== TRANSIT_KEY_RESOURCE || !isUpdate) return [];
    const rb = seconds(before);
    return one(rb !== undefined && rb > 0 && seconds(after) === 0 && `Transit key ${q(nameOf(after, 'name'))} stops rotating automatically (auto_rotate_period ${rb} → 0).`);
  },
};
