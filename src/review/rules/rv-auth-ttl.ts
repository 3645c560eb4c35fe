/** RV-AUTH-TTL: a Vault auth role's tokens live longer. */
import { numberValue, valueAt } from '../../synthesized/values';
import { AUTH_ROLE_TYPES } from './_auth';
import { few, nameOf, one, q } from './_shared';
import type { ChangeRule } from './types';

const TTLS = ['token_ttl', 'token_max_ttl', 'token_explicit_max_ttl', 'token_period'];

export const rule: ChangeRule = {
  id: 'RV-AUTH-TTL',
  level: 'HIGH',
  title: 'Vault token lifetime lengthened',
  help: 'Longer token TTLs keep stolen tokens useful for longer.',
  tags: ['identity', 'vault'],
  scope: 'change',
  types: AUTH_ROLE_TYPES,
  checks: `${AUTH_ROLE_TYPES.map((t) => `\`${t}\``).join(' or ')} whose ${TTLS.join(', ')} grows or falls back to the system default (0)`,
  changed({ change, before, after, isUpdate }) {
    if (!AUTH_ROLE_TYPES.includes(change.type) || !isUpdate) return [];
    const longer: string[] = [];
    for (const key of TTLS) {
      const b = numberValue(valueAt(before, key));
      const a = numberValue(valueAt(after, key));
      if (b === undefined || a === undefined) continue;
      if ((b > 0 && a === 0) || a > b) longer.push(`${key} ${b} → ${a === 0 ? '0 (system default, usually 32 days)' : a}`);
    }
    return one(longer.length > 0 && `Vault auth role ${q(nameOf(after, 'role_name'))}: ${few(longer)} (seconds).`);
  },
};
