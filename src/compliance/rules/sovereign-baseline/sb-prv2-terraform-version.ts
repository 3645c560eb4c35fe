/** SB-PRV2: each stack states the Terraform/OpenTofu version it needs. */
import { fail, pass } from '../../attributes';
import { nist } from '../../controls';
import { stackLocation } from '../../subjects';
import type { StackRule } from '../../types';

export const rule: StackRule = {
  id: 'SB-PRV2',
  pack: 'sovereign-baseline',
  scope: 'stack',
  level: 'warning',
  title: 'A required Terraform/OpenTofu version is set',
  rationale: 'Without terraform.required_version an old or unexpected binary may apply the stack with different semantics (state format, provider protocol, OpenTofu-only features).',
  fix: 'Set terraform.required_version with a lower bound, e.g. ">= 1.6.0" (met by Terraform 1.6+ and OpenTofu 1.6+).',
  controls: [nist('CM-2'), nist('SA-10')],
  check(stack) {
    const v = stack.json.terraform?.required_version;
    const location = stackLocation(stack, 'terraform/required_version', ['terraform', 'required_version']);
    if (typeof v !== 'string' || v.trim() === '') return [{ location, outcome: fail('terraform.required_version is not set') }];
    if (!/(>=|~>|=|>)\s*\d/.test(v)) return [{ location, outcome: fail(`required_version "${v}" has no lower bound`) }];
    return [{ location, outcome: pass() }];
  },
};
