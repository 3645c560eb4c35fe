/**
 * Terraform's `kubernetes` state backend (state in a Secret of an in-country cluster).
 * cdktf 0.21 ships no KubernetesBackend (cdktf-notes §11), so this small subclass emits it.
 */
import { TerraformBackend, TerraformRemoteState } from 'cdktf';
import type { Construct } from 'constructs';

export interface KubernetesBackendConfig {
  /** Suffix of the Secret that holds the state (`tfstate-default-<suffix>`). */
  readonly secretSuffix: string;
  readonly namespace?: string;
  readonly configPath?: string;
  readonly configContext?: string;
  readonly host?: string;
}

export class KubernetesBackend extends TerraformBackend {
  constructor(
    scope: Construct,
    private readonly config: KubernetesBackendConfig,
  ) {
    super(scope, 'backend', 'kubernetes');
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    const c = this.config;
    return {
      secret_suffix: c.secretSuffix,
      ...(c.namespace ? { namespace: c.namespace } : {}),
      ...(c.configPath ? { config_path: c.configPath } : {}),
      ...(c.configContext ? { config_context: c.configContext } : {}),
      ...(c.host ? { host: c.host } : {}),
    };
  }

  getRemoteStateDataSource(scope: Construct, name: string, _fromStack: string): TerraformRemoteState {
    return new DataTerraformRemoteStateKubernetes(scope, name, this.synthesizeAttributes());
  }
}

/** Reads another stack's state from the kubernetes backend (`terraform_remote_state`). */
export class DataTerraformRemoteStateKubernetes extends TerraformRemoteState {
  constructor(scope: Construct, id: string, config: Record<string, unknown>) {
    super(scope, id, 'kubernetes', config);
  }
}
