/** VC-AU1: every Vault server the stacks configure has at least one audit device. */
import { fail, pass } from '../../attributes';
import { c5, nist, snc } from '../../controls';
import { auditByServerFirstUsedBy } from '../../vault-servers';
import type { StackOutcome, StackRule } from '../../types';

export const rule: StackRule = {
  id: 'VC-AU1',
  pack: 'vault-crypto',
  scope: 'stack',
  level: 'error',
  title: 'Vault has an audit device',
  rationale:
    'Without an audit device Vault keeps no record of who used which key or secret, and with a device configured Vault refuses requests it cannot log. Judged per Vault server across the checked stacks and reported on the first stack that uses the server.',
  fix: 'Enable audit devices on each Vault server (the platform stack\'s AuditLogging construct: a file device and a socket device to the in-country sink).',
  controls: [snc('12.6.a'), c5('OPS-10'), nist('AU-2'), nist('AU-12')],
  check(stack, ctx) {
    const out: StackOutcome[] = [];
    for (const { server, group, devices } of auditByServerFirstUsedBy(stack, ctx)) {
      out.push({
        outcome: devices.length > 0 ? pass() : fail(`no vault_audit device is configured for Vault at ${server} in any checked stack (${group.map((s) => s.name).join(', ')})`),
      });
    }
    return out;
  },
};
