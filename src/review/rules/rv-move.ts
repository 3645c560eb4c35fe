/** RV-MOVE: an object changes address in state. */
import { one } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-MOVE',
  level: 'MEDIUM',
  title: 'Resource moved',
  help: 'The object changes address in state (moved block or refactor); nothing is recreated if the move is all that happens.',
  tags: ['state'],
  scope: 'change',
  checks: 'a change whose previous address differs (a `moved` block or refactor)',
  baseline({ change }) {
    return one(change.moved && `${change.address} was moved from ${change.previousAddress ?? 'a previous address'}; its state follows it and nothing is recreated by the move itself.`);
  },
};
