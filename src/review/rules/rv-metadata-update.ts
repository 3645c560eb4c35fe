/** RV-METADATA-UPDATE: an update that touches only labels, annotations or descriptions. */
import { unjudgedUpdate } from './_update';
import { nameOfAny, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-METADATA-UPDATE',
  level: 'LOW',
  title: 'Labels, annotations or description only',
  help: 'Only descriptive metadata changes.',
  tags: ['update'],
  scope: 'change',
  checks: 'an in-place update whose every changed attribute is a label, annotation, description or tag',
  baseline(input, hits) {
    return one(unjudgedUpdate(input, hits) === 'metadata' && `${input.change.type} ${q(nameOfAny(input))}: only labels, annotations or description change.`);
  },
};
