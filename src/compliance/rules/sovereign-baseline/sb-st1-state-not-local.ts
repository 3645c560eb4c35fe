/** SB-ST1: at residency levels, state lives in a managed in-country backend, not on a workstation. */
import { fail } from '../../attributes';
import { c5, nist } from '../../controls';
import { technicalDataResidency } from '../../residency';
import { backendOf } from '../../subjects';
import type { StackRule } from '../../types';

export const rule: StackRule = {
  id: 'SB-ST1',
  pack: 'sovereign-baseline',
  scope: 'stack',
  level: 'warning',
  title: 'State is not kept on local disk at classified levels',
  rationale:
    'A local backend leaves state (with every generated secret and certificate) on the disk of whoever ran Terraform: not locked, not backed up, not encrypted, and free to leave the country on a laptop. At or above the residency threshold a shared, access-controlled in-country backend is expected.',
  fix: 'Set state.backend to pg, kubernetes or s3 on an in-country endpoint in the landing-zone file; with OpenTofu, also enable state encryption.',
  controls: [nist('CP-9'), nist('SC-28'), nist('AC-3'), c5('OPS-06')],
  check(stack, ctx) {
    const scope = technicalDataResidency(ctx);
    if (scope.kind !== 'applies') return [];
    const backend = backendOf(stack);
    if (!backend) return [{ outcome: fail('no backend is configured, so Terraform keeps state on the local disk') }];
    if (backend.type !== 'local') return [];
    return [{ location: backend.location, outcome: fail(`the local backend keeps state on the machine that runs Terraform; at ${scope.lz.classification} use an in-country shared backend`, 'path') }];
  },
};
