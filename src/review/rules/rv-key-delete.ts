/** RV-KEY-DELETE: a transit key is destroyed, and its key material with it. */
import { TRANSIT_KEY_RESOURCE } from '../../synthesized/vault/transit-key';
import { destroyVerb, nameOf, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-KEY-DELETE',
  level: 'CRITICAL',
  title: 'Transit key deleted or replaced',
  help: 'Destroying a Vault transit key destroys its key material: data encrypted, wrapped or signed with it can no longer be decrypted or verified. Keep the key; rotate it instead of replacing it.',
  tags: ['destroy', 'crypto', 'vault'],
  scope: 'change',
  types: [TRANSIT_KEY_RESOURCE],
  checks: `a \`${TRANSIT_KEY_RESOURCE}\` that is deleted or replaced`,
  destroyed({ change, before, after }) {
    return one(
      change.type === TRANSIT_KEY_RESOURCE &&
        `Transit key ${q(nameOf(before, 'name') ?? nameOf(after, 'name'))} ${destroyVerb(change)}: its key material is gone, and data encrypted, wrapped or signed with it can no longer be decrypted or verified.`,
    );
  },
};
