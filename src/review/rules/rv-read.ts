/** RV-READ: a data source is read during apply. */
import { one } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-READ',
  level: 'INFO',
  title: 'Data source read',
  help: 'A data source is read during apply.',
  tags: ['read'],
  scope: 'change',
  checks: 'a data source read during apply',
  baseline({ change }) {
    return one(change.action === 'read' && `Data source ${change.address} is read during apply${change.actionReason ? ` (${change.actionReason.text.toLowerCase()})` : ''}.`);
  },
};
