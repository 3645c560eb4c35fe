/** SB-SEC3: a secret goes to Vault through the write-only argument where the provider has one, so it never lands in state. */
import { fail, pass } from '../../attributes';
import { read } from '../../../synthesized/values';
import { nist } from '../../controls';
import type { Outcome, ResourceRule } from '../../types';

/**
 * Secret arguments of hashicorp/vault resources and their write-only replacements (provider ≥ 5.7,
 * Terraform/OpenTofu ≥ 1.11), from the provider's changelog.
 */
export const WRITE_ONLY_ALTERNATIVES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  vault_jwt_auth_backend: { oidc_client_secret: 'oidc_client_secret_wo' },
  vault_kubernetes_auth_backend_config: { token_reviewer_jwt: 'token_reviewer_jwt_wo' },
  vault_ldap_auth_backend: { bindpass: 'bindpass_wo' },
  vault_ldap_secret_backend: { bindpass: 'bindpass_wo' },
  vault_aws_secret_backend: { secret_key: 'secret_key_wo' },
  vault_aws_auth_backend_client: { secret_key: 'secret_key_wo' },
  vault_azure_secret_backend: { client_secret: 'client_secret_wo' },
  vault_azure_auth_backend_config: { client_secret: 'client_secret_wo' },
  vault_gcp_auth_backend: { credentials: 'credentials_wo' },
  vault_okta_auth_backend: { api_token: 'api_token_wo', token: 'api_token_wo' },
  vault_consul_secret_backend: { token: 'token_wo', client_key: 'client_key_wo' },
  vault_nomad_secret_backend: { token: 'token_wo', client_key: 'client_key_wo' },
  vault_rabbitmq_secret_backend: { password: 'password_wo' },
  vault_kubernetes_secret_backend: { service_account_jwt: 'service_account_jwt_wo' },
  vault_approle_auth_backend_login: { secret_id: 'secret_id_wo' },
};

export const rule: ResourceRule = {
  id: 'SB-SEC3',
  pack: 'sovereign-baseline',
  scope: 'resource',
  level: 'error',
  title: 'Secrets are sent write-only where the provider allows it',
  rationale:
    'A secret set through an ordinary argument is stored in the plan and in the state, readable by everyone who can read the state backend. The Vault provider offers write-only arguments (…_wo, with a …_wo_version to rotate) that Terraform and OpenTofu ≥ 1.11 send to Vault and never store.',
  fix: 'Use the write-only argument (e.g. oidc_client_secret_wo with oidc_client_secret_wo_version) fed by an ephemeral variable, and remove the stored one.',
  controls: [nist('SC-28'), nist('IA-5(7)')],
  resourceTypes: Object.keys(WRITE_ONLY_ALTERNATIVES),
  check(resource) {
    const out: Outcome[] = [];
    for (const [attribute, writeOnly] of Object.entries(WRITE_ONLY_ALTERNATIVES[resource.type] ?? {})) {
      const v = read(resource.body, attribute);
      if (v.kind === 'absent' || (v.kind === 'value' && (v.value === '' || v.value === null))) continue;
      out.push(fail(`${attribute} is stored in plan and state; send it as ${writeOnly} (write-only) instead`, attribute));
    }
    return out.length ? out : pass();
  },
};
