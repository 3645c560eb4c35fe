/**
 * One Kubernetes and one Vault provider per stack, for the stack's region. No secret in config:
 * the kubeconfig context (or host) carries cluster credentials, VAULT_TOKEN or an auth method
 * carries Vault's.
 */
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import type { Construct } from 'constructs';
import type { Region } from '../src/landing-zone/schema';

export function kubernetesProvider(scope: Construct, region: Region): KubernetesProvider {
  const k = region.kubernetes;
  return new KubernetesProvider(scope, 'kubernetes', {
    // The provider reads no kubeconfig unless told where it is.
    configPath: k.configPath ?? (k.context ? '~/.kube/config' : undefined),
    ...(k.context ? { configContext: k.context } : {}),
    ...(k.host ? { host: k.host } : {}),
  });
}

export function vaultProvider(scope: Construct, region: Region): VaultProvider {
  return new VaultProvider(scope, 'vault', {
    address: region.vault.address,
    ...(region.vault.namespace ? { namespace: region.vault.namespace } : {}),
    // Child tokens need `auth/token/create`; tenancy stacks run with narrowly scoped tokens.
    skipChildToken: true,
  });
}
