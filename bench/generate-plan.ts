/** A synthetic Terraform plan JSON (format 1.2) with N resource changes of the types slz emits, for the review benchmark. */

const TYPES = ['kubernetes_namespace_v1', 'kubernetes_network_policy_v1', 'vault_transit_secret_backend_key', 'vault_policy', 'kubernetes_role_v1', 'vault_mount'] as const;
const ACTIONS: readonly (readonly string[])[] = [['create'], ['update'], ['no-op'], ['delete'], ['delete', 'create'], ['update']];

export function generatePlan(changes: number): string {
  const resource_changes = Array.from({ length: changes }, (_, i) => {
    const type = TYPES[i % TYPES.length]!;
    const actions = ACTIONS[i % ACTIONS.length]!;
    const name = `r${i}`;
    const before = actions[0] === 'create' ? null : { name: `tenant-${i}`, labels: { tier: 'a' }, exportable: false, policy: `path "tenants/t${i}/transit/encrypt/k" {\n  capabilities = ["update"]\n}\n` };
    const after = actions.length === 1 && actions[0] === 'delete' ? null : { name: `tenant-${i}`, labels: { tier: i % 3 === 0 ? 'b' : 'a' }, exportable: false, policy: `path "tenants/t${i}/transit/encrypt/k" {\n  capabilities = ["update"]\n}\n` };
    return {
      address: `${type}.${name}`,
      mode: 'managed',
      type,
      name,
      provider_name: type.startsWith('vault') ? 'registry.terraform.io/hashicorp/vault' : 'registry.terraform.io/hashicorp/kubernetes',
      change: { actions, before, after, after_unknown: after ? { id: true } : {}, before_sensitive: before ? {} : false, after_sensitive: after ? {} : false },
      ...(actions.length === 2 ? { action_reason: 'replace_because_cannot_update' } : {}),
    };
  });
  return JSON.stringify({ format_version: '1.2', terraform_version: '1.9.8', resource_changes, planned_values: {}, configuration: {} });
}
