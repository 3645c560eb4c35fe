/** RV-MOUNT-DELETE: a secrets engine that stores data (KV, transit, PKI) is disabled. */
import { literal, valueAt } from '../../synthesized/values';
import { DATA_MOUNT_TYPES } from '../../synthesized/vault/mount';
import { destroyVerb, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-MOUNT-DELETE',
  level: 'CRITICAL',
  title: 'KV, transit or PKI mount deleted or replaced',
  help: 'Disabling a Vault secrets engine deletes everything stored under it (secrets, keys, certificates). A replacement is a new, empty engine.',
  tags: ['destroy', 'vault'],
  scope: 'change',
  types: ['vault_mount'],
  checks: `a \`vault_mount\` of type ${DATA_MOUNT_TYPES.join(', ')} (or of a type that cannot be read) that is deleted or replaced`,
  destroyed({ change, before, after }) {
    if (change.type !== 'vault_mount') return [];
    const type = literal(valueAt(before, 'type')) ?? literal(valueAt(after, 'type'));
    if (type !== undefined && !DATA_MOUNT_TYPES.includes(type)) return [];
    return one(`Vault ${type ?? 'secrets'} engine at ${q(literal(valueAt(before, 'path')))} ${destroyVerb(change)}: Vault deletes everything stored under it${type === undefined ? ' (its type could not be read)' : ''}.`);
  },
};
