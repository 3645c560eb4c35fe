/** RV-NOOP: nothing to do. */
import { one } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-NOOP',
  level: 'INFO',
  title: 'No change',
  help: 'Nothing to do.',
  tags: ['no-op'],
  scope: 'change',
  checks: 'a no-op that is neither an import nor a move',
  baseline({ change }) {
    if (change.action !== 'noop' || change.importing || change.moved) return [];
    return one(change.actionReason ? `No change (${change.actionReason.text.toLowerCase()}).` : 'No change.');
  },
};
