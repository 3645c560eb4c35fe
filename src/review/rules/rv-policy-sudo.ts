/** RV-POLICY-SUDO: a Vault policy gains sudo or a path covering every mount. */
import { few, nameOf, q } from './_shared';
import { policyGrowth } from './_policy';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-POLICY-SUDO',
  level: 'HIGH',
  title: 'Vault policy grants sudo or every path',
  help: 'sudo reaches root-protected endpoints; a `*` path grants the capabilities on everything.',
  tags: ['vault', 'policy'],
  scope: 'change',
  types: ['vault_policy'],
  checks: 'a `vault_policy` (created or updated) that gains sudo on a path, or a `*`, `+/*` or `sys/*` path',
  changed(input) {
    const g = policyGrowth(input);
    return g?.sudo.length ? [`Vault policy ${q(nameOf(input.after, 'name'))} grants ${few(g.sudo)}.`] : [];
  },
};
