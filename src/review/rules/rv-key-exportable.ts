/** RV-KEY-EXPORTABLE: a transit key becomes exportable, which Vault never lets be undone. */
import { boolOf, valueAt } from '../../synthesized/values';
import { TRANSIT_KEY_RESOURCE } from '../../synthesized/vault/transit-key';
import { nameOf, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-KEY-EXPORTABLE',
  level: 'CRITICAL',
  title: 'Transit key made exportable',
  help: 'Once a transit key is exportable, Vault never allows turning it back: its key material can leave Vault, which defeats the point of in-country key custody.',
  tags: ['irreversible', 'crypto', 'vault'],
  scope: 'change',
  types: [TRANSIT_KEY_RESOURCE],
  checks: `a \`${TRANSIT_KEY_RESOURCE}\` created with, or changed to, \`exportable = true\``,
  changed({ change, before, after }) {
    if (change.type !== TRANSIT_KEY_RESOURCE) return [];
    return one(
      boolOf(valueAt(after, 'exportable')) === true &&
        boolOf(valueAt(before, 'exportable')) !== true &&
        `Transit key ${q(nameOf(after, 'name'))} becomes exportable: its key material can be taken out of Vault. This cannot be undone.`,
    );
  },
};
