/** RV-KEY-PLAINTEXT-BACKUP: a transit key allows plaintext backups, which Vault never lets be undone. */
import { boolOf, valueAt } from '../../synthesized/values';
import { TRANSIT_KEY_RESOURCE } from '../../synthesized/vault/transit-key';
import { nameOf, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-KEY-PLAINTEXT-BACKUP',
  level: 'CRITICAL',
  title: 'Transit key allows plaintext backup',
  help: 'allow_plaintext_backup cannot be turned off again; a plaintext backup carries the key material out of Vault.',
  tags: ['irreversible', 'crypto', 'vault'],
  scope: 'change',
  types: [TRANSIT_KEY_RESOURCE],
  checks: `a \`${TRANSIT_KEY_RESOURCE}\` created with, or changed to, \`allow_plaintext_backup = true\``,
  changed({ change, before, after }) {
    if (change.type !== TRANSIT_KEY_RESOURCE) return [];
    return one(
      boolOf(valueAt(after, 'allow_plaintext_backup')) === true &&
        boolOf(valueAt(before, 'allow_plaintext_backup')) !== true &&
        `Transit key ${q(nameOf(after, 'name'))} allows plaintext backups of its key material. This cannot be undone.`,
    );
  },
};
