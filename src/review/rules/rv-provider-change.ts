/** RV-PROVIDER-CHANGE: a stack talks to another cluster or Vault, or authenticates differently. */
import { canonical } from '../values';
import { one } from './_shared';
import type { StackRule } from './types';

export const rule: StackRule = {
  id: 'RV-PROVIDER-CHANGE',
  level: 'MEDIUM',
  title: 'Provider configuration changed',
  help: 'The stack now talks to another cluster or Vault, or authenticates differently.',
  tags: ['terraform'],
  scope: 'stack',
  checks: 'the `provider` blocks of a stack present in both trees (config review)',
  check(stack, base, head) {
    return one(
      canonical(base.provider) !== canonical(head.provider) &&
        `Stack ${stack} changes its provider configuration (cluster, Vault address or authentication): the same state now points at another target.`,
    );
  },
};
