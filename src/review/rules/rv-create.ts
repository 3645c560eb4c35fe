/** RV-CREATE: a new object (and no specific rule says more). */
import { nameOfAny, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-CREATE',
  level: 'LOW',
  title: 'Resource created',
  help: 'A new object.',
  tags: ['create'],
  scope: 'change',
  checks: 'any creation no specific rule reports',
  baseline(input, hits) {
    return one(input.change.action === 'create' && hits.length === 0 && `${input.change.type} ${q(nameOfAny(input))} is created.`);
  },
};
