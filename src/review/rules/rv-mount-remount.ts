/** RV-MOUNT-REMOUNT: a secrets engine or auth method moves to another path. */
import { literal, valueAt } from '../../synthesized/values';
import { MOUNT_RESOURCES } from '../../synthesized/vault/mount';
import { one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-MOUNT-REMOUNT',
  level: 'HIGH',
  title: 'Vault mount moved to a new path',
  help: 'A remount keeps the data but every policy, role and client that names the old path stops working.',
  tags: ['vault'],
  scope: 'change',
  types: MOUNT_RESOURCES,
  checks: `an in-place update of ${MOUNT_RESOURCES.map((t) => `\`${t}\``).join(', ')} whose \`path\` changes`,
  changed({ change, before, after }) {
    if (change.action !== 'update' || !MOUNT_RESOURCES.includes(change.type)) return [];
    const pb = literal(valueAt(before, 'path'));
    const pa = valueAt(after, 'path');
    if (pb === undefined || pa === undefined || literal(pa) === pb) return [];
    return one(
      `Vault ${change.type === 'vault_mount' ? 'secrets engine' : 'auth method'} at ${q(pb)} is remounted at ${typeof pa === 'string' ? q(pa) : 'a path known only at apply'}: policies, roles and clients naming the old path stop working.`,
    );
  },
};
