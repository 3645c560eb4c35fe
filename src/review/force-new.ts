/**
 * Attributes that force replacement, for the resource types this project emits, so a config
 * diff (no credentials, no plan) can predict replacements. Taken from the providers' schemas
 * (`ForceNew: true`): hashicorp/terraform-provider-vault `vault/resource_*.go` and
 * hashicorp/terraform-provider-kubernetes. Paths use the cdk.tf.json shape (`metadata.name`).
 * Predictions are labelled "predicted, confirm with a plan" everywhere they are shown.
 *
 * Mount paths are not here: vault_mount, vault_auth_backend and vault_jwt_auth_backend remount
 * in place on Vault ≥ 1.10 (the providers call sys/remount); rule RV-MOUNT-REMOUNT reports it.
 */

const K8S_METADATA = ['metadata.name', 'metadata.namespace', 'metadata.generate_name'];
const PKI_SUBJECT = ['ou', 'organization', 'country', 'locality', 'province', 'street_address', 'postal_code'];

export const FORCE_NEW: Readonly<Record<string, readonly string[]>> = {
  vault_mount: ['type', 'local', 'seal_wrap', 'external_entropy_access'],
  vault_auth_backend: ['type', 'local', 'description'],
  vault_jwt_auth_backend: ['type', 'local'],
  vault_audit: ['path', 'type', 'description', 'local', 'options'],
  vault_namespace: ['path'],
  vault_policy: ['name'],
  vault_kv_secret_backend_v2: ['mount'],
  vault_transit_secret_backend_key: ['backend', 'name', 'type', 'derived', 'convergent_encryption', 'context', 'managed_key_name', 'managed_key_id', 'hybrid_key_type_pqc'],
  vault_kubernetes_auth_backend_role: ['backend', 'role_name'],
  vault_kubernetes_auth_backend_config: ['backend'],
  vault_jwt_auth_backend_role: ['backend', 'role_name', 'role_type'],
  vault_pki_secret_backend_role: ['backend', 'name'],
  vault_pki_secret_backend_issuer: ['backend'],
  vault_pki_secret_backend_key: ['backend', 'type', 'key_type', 'key_bits'],
  vault_pki_secret_backend_intermediate_set_signed: ['backend', 'certificate'],
  vault_pki_secret_backend_root_cert: [
    'backend', 'type', 'common_name', 'alt_names', 'ip_sans', 'uri_sans', 'other_sans', 'format', 'private_key_format', 'key_type', 'key_bits',
    'max_path_length', 'exclude_cn_from_sans', 'permitted_dns_domains', 'excluded_dns_domains', 'permitted_ip_ranges', 'excluded_ip_ranges',
    'permitted_email_addresses', 'excluded_email_addresses', 'permitted_uri_domains', 'excluded_uri_domains', ...PKI_SUBJECT,
    'managed_key_name', 'managed_key_id', 'issuer_name', 'key_name', 'key_ref', 'not_before_duration', 'use_pss', 'key_usage',
  ],
  vault_pki_secret_backend_intermediate_cert_request: [
    'backend', 'type', 'common_name', 'alt_names', 'ip_sans', 'uri_sans', 'other_sans', 'format', 'private_key_format', 'key_type', 'key_bits',
    'signature_bits', 'exclude_cn_from_sans', ...PKI_SUBJECT, 'serial_number', 'managed_key_name', 'managed_key_id', 'add_basic_constraints',
    'key_usage', 'key_name', 'key_ref',
  ],
  vault_pki_secret_backend_root_sign_intermediate: [
    'backend', 'csr', 'common_name', 'alt_names', 'ip_sans', 'uri_sans', 'other_sans', 'format', 'max_path_length', 'key_usage',
    'exclude_cn_from_sans', 'use_csr_values', 'permitted_dns_domains', 'excluded_dns_domains', 'permitted_ip_ranges', 'excluded_ip_ranges',
    'permitted_email_addresses', 'excluded_email_addresses', 'permitted_uri_domains', 'excluded_uri_domains', ...PKI_SUBJECT,
    'signature_bits', 'skid', 'use_pss', 'not_before_duration',
  ],
  kubernetes_namespace_v1: ['metadata.name', 'metadata.generate_name'],
  kubernetes_role_binding_v1: [...K8S_METADATA, 'role_ref'],
  kubernetes_cluster_role_binding_v1: ['metadata.name', 'metadata.generate_name', 'role_ref'],
  kubernetes_daemon_set_v1: [...K8S_METADATA, 'spec.selector'],
  kubernetes_deployment_v1: [...K8S_METADATA, 'spec.selector'],
  kubernetes_stateful_set_v1: [...K8S_METADATA, 'spec.selector', 'spec.service_name', 'spec.volume_claim_template'],
  kubernetes_manifest: ['manifest.apiVersion', 'manifest.kind', 'manifest.metadata.name', 'manifest.metadata.namespace'],
};

/** Attributes forcing replacement for a type (every other kubernetes_* type: its metadata name and namespace). */
export function forceNewOf(type: string): readonly string[] {
  const known = FORCE_NEW[type];
  if (known) return known;
  const unversioned = FORCE_NEW[`${type}_v1`];
  if (unversioned) return unversioned;
  if (type.startsWith('kubernetes_')) return K8S_METADATA;
  return [];
}
