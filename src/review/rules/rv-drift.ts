/** RV-DRIFT: the real object differs from the last applied state. */
import { few } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-DRIFT',
  level: 'MEDIUM',
  title: 'Changed outside Terraform',
  help: 'The real object differs from the last applied state: someone or something changed it outside the pipeline.',
  tags: ['drift'],
  scope: 'change',
  checks: "every entry of the plan's `resource_drift`",
  drift({ change }) {
    const what = change.action === 'delete' ? 'was deleted outside Terraform' : change.action === 'create' ? 'appeared outside Terraform' : 'was changed outside Terraform';
    const attrs = change.attrs.length && change.action === 'update' ? ` (${few(change.attrs.map((a) => a.path), 4)})` : '';
    return [`${change.address} ${what}${attrs}; find out who changed it and whether the plan reverts it.`];
  },
};
