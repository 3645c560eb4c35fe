/** RV-AUDIT-DELETE: a Vault audit device is removed (a replacement keeps one). */
import { literal, valueAt } from '../../synthesized/values';
import { nameOf, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-AUDIT-DELETE',
  level: 'CRITICAL',
  title: 'Vault audit device removed',
  help: 'Without this audit device, requests are no longer recorded there; removing the in-country device breaks the audit-trail control.',
  tags: ['destroy', 'audit', 'vault'],
  scope: 'change',
  types: ['vault_audit'],
  checks: 'a `vault_audit` that is deleted (not replaced)',
  destroyed({ change, before }) {
    if (change.type !== 'vault_audit' || change.action === 'replace') return [];
    return one(`Vault audit device ${q(nameOf(before, 'path'))} (${literal(valueAt(before, 'type')) ?? 'unknown type'}) is removed: requests stop being recorded there.`);
  },
};
