/** VC-AU3: each Vault server has two audit devices of different types, one forwarding off the host. */
import { fail, pass, readString, stackResources } from '../../attributes';
import { memo } from '../../memo';
import { c5, nist, snc } from '../../controls';
import { stacksByVaultServer, usesVault, vaultServersOf, UNKNOWN_SERVER } from '../../vault-servers';
import type { StackOutcome, StackRule } from '../../types';

const FORWARDING = new Set(['socket', 'syslog']);

export const rule: StackRule = {
  id: 'VC-AU3',
  pack: 'vault-crypto',
  scope: 'stack',
  level: 'warning',
  title: 'Vault has two audit devices of different types, one forwarding',
  rationale:
    "Vault blocks every request when no audit device can write. HashiCorp's audit-logging best practice is at least two devices of different types; one of them (socket or syslog) should forward entries off the Vault host to the central, separate log store.",
  fix: 'Configure a file device and a socket (or syslog) device to the in-country sink on each Vault server.',
  controls: [snc('12.7.c'), c5('OPS-14'), nist('AU-4(1)'), nist('AU-9(2)')],
  check(stack, ctx) {
    if (!usesVault(stack)) return [];
    const out: StackOutcome[] = [];
    const byServer = memo(ctx, 'vault:servers', () => stacksByVaultServer(ctx.stacks));
    for (const server of vaultServersOf(stack).length ? vaultServersOf(stack) : [UNKNOWN_SERVER]) {
      const group = byServer.get(server) ?? [stack];
      if (group[0] !== stack) continue;
      const devices = group.flatMap((s) => stackResources(s, 'vault_audit'));
      if (devices.length === 0) continue; // VC-AU1 reports it
      const types = devices.map((d) => readString(d.body, 'type')).map((t) => (t.kind === 'value' ? t.value : '?'));
      const distinct = new Set(types);
      const problems: string[] = [];
      if (devices.length < 2 || distinct.size < 2) problems.push(`${devices.length} device${devices.length === 1 ? '' : 's'} of ${distinct.size} type${distinct.size === 1 ? '' : 's'} (${[...distinct].join(', ')})`);
      if (![...distinct].some((t) => FORWARDING.has(t))) problems.push('none forwards off the host (socket or syslog)');
      out.push({ outcome: problems.length ? fail(`Vault at ${server}: ${problems.join('; ')}`) : pass() });
    }
    return out;
  },
};
