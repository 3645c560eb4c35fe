/** RV-DELETE: an object is destroyed (and no specific rule says more). */
import { nameOfAny, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-DELETE',
  level: 'MEDIUM',
  title: 'Resource deleted',
  help: 'The object is destroyed.',
  tags: ['destroy'],
  scope: 'change',
  checks: 'any deletion no specific rule reports',
  baseline(input, hits) {
    const { change } = input;
    return one(change.action === 'delete' && hits.length === 0 && `${change.type} ${q(nameOfAny(input))} is deleted${change.actionReason ? ` (${change.actionReason.text.toLowerCase()})` : ''}.`);
  },
};
