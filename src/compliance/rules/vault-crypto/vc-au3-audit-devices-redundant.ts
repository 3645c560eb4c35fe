/** VC-AU3: each Vault server has two audit devices of different types, one forwarding off the host. */
import { fail, pass } from '../../attributes';
import { c5, nist, snc } from '../../controls';
import { auditByServerFirstUsedBy } from '../../vault-servers';
import type { StackOutcome, StackRule } from '../../types';
import { readString } from '../../../synthesized/values';

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
    const out: StackOutcome[] = [];
    for (const { server, devices } of auditByServerFirstUsedBy(stack, ctx)) {
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
