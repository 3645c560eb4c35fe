/** RV-IMPORT: an existing object comes under management. */
import { one } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-IMPORT',
  level: 'MEDIUM',
  title: 'Resource imported',
  help: 'An existing object comes under management; check the configuration matches what really exists.',
  tags: ['state'],
  scope: 'change',
  checks: 'a change that imports an object (an `import` block)',
  baseline({ change }) {
    return one(
      change.importing !== undefined &&
        `${change.address} is imported${change.importing.id ? ` from id ${JSON.stringify(change.importing.id)}` : ''}: check the configuration matches the real object before apply overwrites it.`,
    );
  },
};
