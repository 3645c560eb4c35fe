/** VC-AU1: every Vault server the stacks configure has at least one audit device. */
import { fail, pass, stackResources } from '../../attributes';
import { memo } from '../../memo';
import { c5, nist, snc } from '../../controls';
import { stacksByVaultServer, usesVault, vaultServersOf, UNKNOWN_SERVER } from '../../vault-servers';
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
    if (!usesVault(stack)) return [];
    const out: StackOutcome[] = [];
    const byServer = memo(ctx, 'vault:servers', () => stacksByVaultServer(ctx.stacks));
    for (const server of vaultServersOf(stack).length ? vaultServersOf(stack) : [UNKNOWN_SERVER]) {
      const group = byServer.get(server) ?? [stack];
      if (group[0] !== stack) continue;
      const devices = group.flatMap((s) => stackResources(s, 'vault_audit'));
      out.push({
        outcome: devices.length > 0 ? pass() : fail(`no vault_audit device is configured for Vault at ${server} in any checked stack (${group.map((s) => s.name).join(', ')})`),
      });
    }
    return out;
  },
};
