/** RV-KEY-DELETABLE: a transit key is made deletable, the step before destroying it. */
import { boolOf, valueAt } from '../../synthesized/values';
import { TRANSIT_KEY_RESOURCE } from '../../synthesized/vault/transit-key';
import { nameOf, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-KEY-DELETABLE',
  level: 'CRITICAL',
  title: 'Transit key made deletable',
  help: 'deletion_allowed = true is the step before destroying a key; destroyed key material cannot be recovered.',
  tags: ['crypto', 'vault'],
  scope: 'change',
  types: [TRANSIT_KEY_RESOURCE],
  checks: `a \`${TRANSIT_KEY_RESOURCE}\` created with, or changed to, \`deletion_allowed = true\``,
  changed({ change, before, after }) {
    if (change.type !== TRANSIT_KEY_RESOURCE) return [];
    return one(
      boolOf(valueAt(after, 'deletion_allowed')) === true &&
        boolOf(valueAt(before, 'deletion_allowed')) !== true &&
        `Transit key ${q(nameOf(after, 'name'))} becomes deletable (deletion_allowed = true): the next step can destroy it for good.`,
    );
  },
};
