/** Which Vault (or OpenBao) server a stack talks to, from its vault provider blocks. */
import type { SynthStack } from '../tree';
import { isUnresolved } from '../values';

/** The address a vault provider block names, without trailing slashes; undefined when it names none (VAULT_ADDR decides). */
export function providerAddress(config: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const address = config?.['address'];
  return typeof address === 'string' ? address.replace(/\/+$/, '') : undefined;
}

/** The server the stack's default vault provider (no alias, else the first) talks to, when it is written as a literal. */
export function defaultVaultAddress(stack: SynthStack): string | undefined {
  const providers = stack.json.provider?.vault ?? [];
  const address = providerAddress(providers.find((p) => p.alias === undefined) ?? providers[0]);
  return address !== undefined && !isUnresolved(address) ? address : undefined;
}
