/** RV-UPDATE: an in-place change to a resource that holds no security control. */
import { unjudgedUpdate } from './_update';
import { few, nameOfAny, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-UPDATE',
  level: 'LOW',
  title: 'In-place update',
  help: 'An in-place change to a resource that holds no security control.',
  tags: ['update'],
  scope: 'change',
  checks: 'any other in-place update',
  baseline(input, hits) {
    if (unjudgedUpdate(input, hits) !== 'other') return [];
    const paths = input.change.attrs.map((a) => a.path);
    return one(`${input.change.type} ${q(nameOfAny(input))} changes in place${paths.length ? ` (${few(paths, 4)})` : ''}.`);
  },
};
