/** RV-UNKNOWN-ACTION: the plan holds an action this reviewer does not know. */
import { one } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-UNKNOWN-ACTION',
  level: 'HIGH',
  title: 'Unrecognized plan action',
  help: 'The plan holds an action this reviewer does not know; it is never treated as safe. Read the plan itself.',
  tags: ['plan'],
  scope: 'change',
  checks: 'a resource change whose action list is not one Terraform documents',
  action({ change }) {
    return one(
      change.action === 'unknown' &&
        `Terraform plans the action [${change.actions.map((a) => JSON.stringify(a)).join(', ')}], which this reviewer does not recognize; treat it as dangerous until you have read the plan.`,
    );
  },
};
