/** RV-FORGET: Terraform stops managing an object without destroying it. */
import { nameOfAny, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-FORGET',
  level: 'MEDIUM',
  title: 'Resource forgotten',
  help: 'Terraform stops managing the object but does not destroy it: it keeps running, unmanaged and unreviewed.',
  tags: ['state'],
  scope: 'change',
  checks: 'a `forget` action (a `removed` block with destroy = false)',
  baseline(input) {
    const { change } = input;
    return one(change.action === 'forget' && `${change.type} ${q(nameOfAny(input))} is removed from Terraform state but not destroyed: it keeps running unmanaged.`);
  },
};
