/**
 * Fully qualified provider sources with `~>` ranges and a required Terraform version on every
 * stack (cdktf-notes §6): cdktf emits `kubernetes` unqualified with an exact pin, which OpenTofu
 * and private mirrors resolve differently (opentofu/opentofu#2402).
 */
import type { TerraformStack } from 'cdktf';

export interface ProviderPin {
  readonly source: string;
  readonly version: string;
}

export const PROVIDER_PINS = {
  kubernetes: { source: 'hashicorp/kubernetes', version: '~> 2.38' },
  vault: { source: 'hashicorp/vault', version: '~> 5.7' },
} as const satisfies Record<string, ProviderPin>;

/** Write-only arguments (the OIDC client secret stays out of state) and S3-native state locking need Terraform ≥ 1.11 or OpenTofu ≥ 1.11. */
export const REQUIRED_TERRAFORM_VERSION = '>= 1.11.0';

export interface PinOptions {
  /** Host-qualified registry prefix for an in-country mirror, e.g. `registry.example.gov.my`. */
  readonly registryHost?: string;
}

export function pinProviders(stack: TerraformStack, providers: readonly (keyof typeof PROVIDER_PINS)[], options: PinOptions = {}): void {
  for (const name of providers) {
    const pin = PROVIDER_PINS[name];
    const source = options.registryHost ? `${options.registryHost}/${pin.source}` : pin.source;
    stack.addOverride(`terraform.required_providers.${name}`, { source, version: pin.version });
  }
  stack.addOverride('terraform.required_version', REQUIRED_TERRAFORM_VERSION);
}
