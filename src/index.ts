/**
 * Public API of sovereign-landing-zone. Importing this loads cdktf and the providers (through
 * the stacks and constructs); the CLI loads them only for synth.
 */
export * from './landing-zone';
export * as jurisdictions from './jurisdictions';
export * as compliance from './compliance';
export * as crypto from './crypto';
export * from '../stacks';
export { TenantNamespace, type TenantNamespaceProps } from '../constructs/tenant-namespace';
export { NetworkFirewall, type NetworkFirewallProps, type EgressRule as FirewallEgressRule, type IngressRule as FirewallIngressRule } from '../constructs/network-firewall';
export { KeyManagement, type KeyManagementProps } from '../constructs/key-management';
export { AgencyRootCa, PkiAuthority, type AgencyRootCaProps, type PkiAuthorityProps } from '../constructs/pki-authority';
export { WorkloadIdentity, KubernetesAuthMount, type WorkloadIdentityProps, type KubernetesAuthMountProps } from '../constructs/workload-identity';
export { HumanAccess, type HumanAccessProps } from '../constructs/human-access';
export { AuditLogging, type AuditLoggingProps } from '../constructs/audit-logging';
export { LogForwarder, type LogForwarderProps } from '../constructs/log-forwarder';
export { ResidencyGuard, type ResidencyGuardProps } from '../constructs/residency-guard';
export { sovereigntyLabels, type SovereigntyContext } from '../constructs/common/labels';
export { renderVaultPolicy, escapeInterpolation, type VaultPolicyRule } from '../constructs/common/vault-policy';
export { synthContext } from './synthesized/from-landing-zone';
export * as review from './review';
