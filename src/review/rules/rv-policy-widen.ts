/** RV-POLICY-WIDEN: a Vault policy gains paths or capabilities, or loses a deny. */
import { few, nameOf, q } from './_shared';
import { policyGrowth } from './_policy';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-POLICY-WIDEN',
  level: 'HIGH',
  title: 'Vault policy widened',
  help: 'The policy gains paths or capabilities, or loses a deny.',
  tags: ['vault', 'policy'],
  scope: 'change',
  types: ['vault_policy'],
  checks: 'an updated `vault_policy` that gains a path or a capability no earlier path covered, or lifts a deny',
  changed(input) {
    const g = policyGrowth(input);
    return g?.widened.length ? [`Vault policy ${q(nameOf(input.after, 'name'))} gains ${few(g.widened)}.`] : [];
  },
};
