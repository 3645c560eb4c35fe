/** Which Vault server a stack talks to. */
import { defaultVaultAddress, providerAddress } from '../../../src/synthesized/vault/server';
import type { SynthStack } from '../../../src/synthesized';

const stack = (vault: Record<string, unknown>[]): SynthStack => ({ name: 's', file: 'f', json: { provider: { vault } } });

describe('Vault servers', () => {
  it('normalizes a provider address and leaves VAULT_ADDR to the environment', () => {
    expect(providerAddress({ address: 'https://vault.example.gov.my:8200//' })).toBe('https://vault.example.gov.my:8200');
    expect(providerAddress({})).toBeUndefined();
    expect(providerAddress(undefined)).toBeUndefined();
  });

  it('picks the default provider (no alias), else the first, and only a literal address', () => {
    expect(defaultVaultAddress(stack([{ alias: 'dr', address: 'https://dr/' }, { address: 'https://main/' }]))).toBe('https://main');
    expect(defaultVaultAddress(stack([{ alias: 'dr', address: 'https://dr/' }]))).toBe('https://dr');
    expect(defaultVaultAddress(stack([{ address: '${var.vault}' }]))).toBeUndefined();
    expect(defaultVaultAddress(stack([]))).toBeUndefined();
  });
});
