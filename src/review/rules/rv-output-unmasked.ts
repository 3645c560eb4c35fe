/** RV-OUTPUT-UNMASKED: an output that was sensitive no longer is. */
import type { OutputRule } from './types';

export const rule: OutputRule = {
  id: 'RV-OUTPUT-UNMASKED',
  level: 'MEDIUM',
  title: 'Output no longer sensitive',
  help: 'An output that was sensitive is no longer marked so; Terraform will print it. (This report still masks it.)',
  tags: ['secrets'],
  scope: 'output',
  checks: 'a plan output whose `before_sensitive` is true and `after_sensitive` false',
  check(name) {
    return [`Output "${name}" was sensitive and no longer is: Terraform will print its value in logs.`];
  },
};
