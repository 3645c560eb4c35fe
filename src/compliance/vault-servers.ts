/**
 * Groups stacks by the Vault server they configure (provider.vault address), so tree-wide
 * questions ("does this Vault have an audit device?") are asked once per server and reported on
 * the first stack that uses it.
 */
import type { ResourceRef, SynthStack } from '../synthesized';
import { declarativeAuditDevices, OPENBAO_AUDIT_OUTPUT } from '../synthesized/openbao-audit';
import { providerAddress } from '../synthesized/vault/server';
import { stackResources } from './attributes';
import { memo } from './memo';
import { providerBlocks } from './subjects';
import type { RuleContext } from './types';

export const UNKNOWN_SERVER = '(address from VAULT_ADDR)';

/** The Vault server addresses a stack's vault provider blocks point at. */
export function vaultServersOf(stack: SynthStack): string[] {
  const blocks = providerBlocks(stack, 'vault');
  const addresses = blocks.map((b) => providerAddress(b.body) ?? UNKNOWN_SERVER);
  return [...new Set(addresses)];
}

/** Whether a stack creates any Vault resource, or declares OpenBao audit devices. */
export function usesVault(stack: SynthStack): boolean {
  return Object.keys(stack.json.resource ?? {}).some((t) => t.startsWith('vault_')) || stack.json.output?.[OPENBAO_AUDIT_OUTPUT] !== undefined;
}

/**
 * OpenBao audit devices declared for the server configuration (the stack output), read like
 * `vault_audit` resources: the same type, path and options, located at the output.
 */
function declaredDevices(stack: SynthStack): ResourceRef[] {
  return (declarativeAuditDevices(stack) ?? []).map((d) => ({
    stack,
    type: 'vault_audit',
    name: d.path,
    address: `output.${OPENBAO_AUDIT_OUTPUT}`,
    constructPath: `${stack.name}/output/${OPENBAO_AUDIT_OUTPUT}/${d.path}`,
    body: { type: d.type, path: d.path, description: d.description, options: { ...d.options } },
  }));
}

const cache = new WeakMap<readonly SynthStack[], Map<string, SynthStack[]>>();

/** Server address → stacks (in the given order) that configure it and create Vault resources or audit devices. */
export function stacksByVaultServer(stacks: readonly SynthStack[]): Map<string, SynthStack[]> {
  let map = cache.get(stacks);
  if (!map) {
    map = new Map();
    for (const s of stacks) {
      if (!usesVault(s)) continue;
      const servers = vaultServersOf(s);
      for (const a of servers.length ? servers : [UNKNOWN_SERVER]) {
        const list = map.get(a);
        if (list) list.push(s);
        else map.set(a, [s]);
      }
    }
    cache.set(stacks, map);
  }
  return map;
}

/** A Vault server judged once, on the first checked stack that uses it, with every audit device configured for it. */
export interface VaultServerAudit {
  readonly server: string;
  readonly group: readonly SynthStack[];
  readonly devices: readonly ResourceRef[];
}

/** The Vault servers `stack` is the first user of (VC-AU1/AU3 report there, once per server). */
export function auditByServerFirstUsedBy(stack: SynthStack, ctx: RuleContext): VaultServerAudit[] {
  if (!usesVault(stack)) return [];
  const byServer = memo(ctx, 'vault:servers', () => stacksByVaultServer(ctx.stacks));
  const out: VaultServerAudit[] = [];
  for (const server of vaultServersOf(stack).length ? vaultServersOf(stack) : [UNKNOWN_SERVER]) {
    const group = byServer.get(server) ?? [stack];
    if (group[0] !== stack) continue;
    out.push({ server, group, devices: group.flatMap((s) => [...stackResources(s, 'vault_audit'), ...declaredDevices(s)]) });
  }
  return out;
}
