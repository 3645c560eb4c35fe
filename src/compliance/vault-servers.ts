/**
 * Groups stacks by the Vault server they configure (provider.vault address), so tree-wide
 * questions ("does this Vault have an audit device?") are asked once per server and reported on
 * the first stack that uses it.
 */
import type { SynthStack } from '../synthesized';
import { providerBlocks } from './subjects';

export const UNKNOWN_SERVER = '(address from VAULT_ADDR)';

/** The Vault server addresses a stack's vault provider blocks point at. */
export function vaultServersOf(stack: SynthStack): string[] {
  const blocks = providerBlocks(stack, 'vault');
  const addresses = blocks.map((b) => (typeof b.body['address'] === 'string' ? (b.body['address'] as string).replace(/\/+$/, '') : UNKNOWN_SERVER));
  return [...new Set(addresses)];
}

/** Whether a stack creates any Vault resource. */
export function usesVault(stack: SynthStack): boolean {
  return Object.keys(stack.json.resource ?? {}).some((t) => t.startsWith('vault_'));
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
