/** RV-STATE-BACKEND: a stack stores its state in a different backend. */
import { canonical } from '../values';
import { one } from './_shared';
import type { StackRule } from './types';

export const rule: StackRule = {
  id: 'RV-STATE-BACKEND',
  level: 'HIGH',
  title: 'State backend changed',
  help: 'The stack stores its state elsewhere; without a migration Terraform starts from empty state and plans to create everything again.',
  tags: ['terraform', 'residency'],
  scope: 'stack',
  checks: '`terraform.backend` of a stack present in both trees (config review)',
  check(stack, base, head) {
    return one(
      canonical(base.terraform?.backend) !== canonical(head.terraform?.backend) &&
        `Stack ${stack} stores its state in a different backend: migrate the state (terraform init -migrate-state) or Terraform starts empty and plans to create everything again.`,
    );
  },
};
