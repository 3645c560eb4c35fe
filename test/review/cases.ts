/**
 * Plans built for each review rule: a positive case (the rule fires) and a near miss (it stays
 * quiet). Plan values use plan-JSON shapes: nested blocks are lists (`metadata[0].name`). Shared by
 * the rule tests and the byte-identity guard (test/golden.test.ts).
 */
import { planOf, rc, type Json } from './helpers';

export const meta = (name: string, labels: Json = {}, namespace = 'patient-records') => [{ name, namespace, labels, annotations: {} }];

export const key = (over: Json = {}): Json => ({ name: 'records', backend: 'tenants/patient-records/transit', type: 'aes256-gcm96', exportable: false, allow_plaintext_backup: false, deletion_allowed: false, auto_rotate_period: 7776000, min_decryption_version: 1, ...over });
export const mount = (over: Json = {}): Json => ({ path: 'tenants/patient-records/transit', type: 'transit', description: 'transit engine', default_lease_ttl_seconds: 0, ...over });
export const ns = (labels: Json): Json => ({ metadata: [{ name: 'patient-records', labels }], timeouts: null });
export const PSA = { 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/warn': 'restricted', 'pod-security.kubernetes.io/audit': 'restricted', 'sovereign.slz.dev/tenant': 'patient-records' };
export const netpol = (spec: Json, name = 'allow-egress-his'): Json => ({ metadata: meta(name), spec: [{ pod_selector: [{ match_labels: {}, match_expressions: [] }], ...spec }] });
export const egressTo = (...cidrs: string[]): Json => ({ policy_types: ['Egress'], egress: [{ ports: [{ port: '443', protocol: 'TCP' }], to: cidrs.map((cidr) => ({ ip_block: [{ cidr, except: [] }], namespace_selector: [], pod_selector: [] })) }], ingress: [] });
export const ingressFrom = (...cidrs: string[]): Json => ({ policy_types: ['Ingress'], ingress: [{ ports: [{ port: '8443', protocol: 'TCP' }], from: cidrs.map((cidr) => ({ ip_block: [{ cidr, except: [] }], namespace_selector: [], pod_selector: [] })) }], egress: [] });
export const DENY = netpol({ policy_types: ['Ingress', 'Egress'], ingress: [], egress: [] }, 'default-deny');
export const role = (rules: Json[]): Json => ({ metadata: meta('slz-tenant-developer'), rule: rules });
export const rule = (resources: string[], verbs: string[], apiGroups = ['']): Json => ({ api_groups: apiGroups, resources, verbs, resource_names: [] });
export const k8sRole = (over: Json = {}): Json => ({ backend: 'kubernetes', role_name: 'patient-records-api', bound_service_account_names: ['api'], bound_service_account_namespaces: ['patient-records'], token_ttl: 900, token_max_ttl: 3600, token_policies: ['patient-records-api'], ...over });
export const POLICY = 'path "tenants/patient-records/transit/encrypt/records" {\n  capabilities = ["update"]\n}\n\npath "tenants/patient-records/kv/data/api/*" {\n  capabilities = ["read"]\n}\n';
export const policy = (text: string): Json => ({ name: 'patient-records-api', policy: text });
export const vap = (spec: Json, kind = 'ValidatingAdmissionPolicyBinding'): Json => ({ manifest: { apiVersion: 'admissionregistration.k8s.io/v1', kind, metadata: { name: 'slz-residency-tenants' }, spec } });
export const quota = (hard: Json): Json => ({ metadata: meta('tenant-quota'), spec: [{ hard }] });
export const cm = (data: Json, labels: Json = {}): Json => ({ metadata: meta('cfg', labels), data });

export interface Case {
  readonly rule: string;
  readonly name: string;
  readonly plan: Json;
  readonly expect: boolean;
  /** Another rule the negative case lands on instead, when it matters. */
  readonly instead?: string;
}

export const one = (...changes: Json[]) => planOf(changes);

export const cases: Case[] = [
  // CRITICAL
  { rule: 'RV-KEY-DELETE', name: 'transit key deleted', plan: one(rc('vault_transit_secret_backend_key', 'k', ['delete'], key(), null)), expect: true },
  { rule: 'RV-KEY-DELETE', name: 'transit key replaced', plan: one(rc('vault_transit_secret_backend_key', 'k', ['delete', 'create'], key(), key({ type: 'chacha20-poly1305' }), {}, { replace_paths: [['type']] })), expect: true },
  { rule: 'RV-KEY-DELETE', name: 'transit key updated in place', plan: one(rc('vault_transit_secret_backend_key', 'k', ['update'], key(), key({ auto_rotate_period: 2592000 }))), expect: false, instead: 'RV-SECURITY-UPDATE' },
  { rule: 'RV-PKI-DELETE', name: 'root CA deleted', plan: one(rc('vault_pki_secret_backend_root_cert', 'root', ['delete'], { backend: 'pki-root', common_name: 'MOH Root CA' }, null)), expect: true },
  { rule: 'RV-PKI-DELETE', name: 'intermediate re-signed (replaced)', plan: one(rc('vault_pki_secret_backend_root_sign_intermediate', 's', ['create', 'delete'], { common_name: 'x' }, { common_name: 'y' })), expect: true },
  { rule: 'RV-PKI-DELETE', name: 'root CA created', plan: one(rc('vault_pki_secret_backend_root_cert', 'root', ['create'], null, { backend: 'pki-root', common_name: 'MOH Root CA' })), expect: false, instead: 'RV-CREATE' },
  { rule: 'RV-MOUNT-DELETE', name: 'transit mount deleted', plan: one(rc('vault_mount', 'm', ['delete'], mount(), null)), expect: true },
  { rule: 'RV-MOUNT-DELETE', name: 'kv mount replaced', plan: one(rc('vault_mount', 'm', ['delete', 'create'], mount({ type: 'kv' }), mount({ type: 'kv', seal_wrap: true }))), expect: true },
  { rule: 'RV-MOUNT-DELETE', name: 'database mount deleted', plan: one(rc('vault_mount', 'm', ['delete'], mount({ type: 'database' }), null)), expect: false, instead: 'RV-DELETE' },
  { rule: 'RV-NAMESPACE-DELETE', name: 'namespace deleted', plan: one(rc('kubernetes_namespace_v1', 'n', ['delete'], ns(PSA), null)), expect: true },
  { rule: 'RV-NAMESPACE-DELETE', name: 'vault namespace deleted', plan: one(rc('vault_namespace', 'n', ['delete'], { path: 'moh' }, null)), expect: true },
  { rule: 'RV-NAMESPACE-DELETE', name: 'namespace forgotten', plan: one(rc('kubernetes_namespace_v1', 'n', ['forget'], ns(PSA), null)), expect: false, instead: 'RV-FORGET' },
  { rule: 'RV-AUDIT-DELETE', name: 'audit device deleted', plan: one(rc('vault_audit', 'a', ['delete'], { path: 'socket', type: 'socket' }, null)), expect: true },
  { rule: 'RV-AUDIT-DELETE', name: 'audit device replaced', plan: one(rc('vault_audit', 'a', ['delete', 'create'], { path: 'socket', type: 'socket' }, { path: 'socket', type: 'socket', description: 'x' })), expect: false, instead: 'RV-REPLACE' },
  { rule: 'RV-NETPOL-DENY-REMOVE', name: 'default-deny deleted', plan: one(rc('kubernetes_network_policy_v1', 'd', ['delete'], DENY, null)), expect: true },
  { rule: 'RV-NETPOL-DENY-REMOVE', name: 'default-deny stops denying egress', plan: one(rc('kubernetes_network_policy_v1', 'd', ['update'], DENY, netpol({ policy_types: ['Ingress'], ingress: [], egress: [] }, 'default-deny'))), expect: true },
  { rule: 'RV-NETPOL-DENY-REMOVE', name: 'allow policy deleted', plan: one(rc('kubernetes_network_policy_v1', 'd', ['delete'], netpol(egressTo('10.20.0.0/16')), null)), expect: false, instead: 'RV-DELETE' },
  { rule: 'RV-ADMISSION-DELETE', name: 'admission binding deleted', plan: one(rc('kubernetes_manifest', 'b', ['delete'], vap({ validationActions: ['Deny'] }), null)), expect: true },
  { rule: 'RV-ADMISSION-DELETE', name: 'config map manifest deleted', plan: one(rc('kubernetes_manifest', 'b', ['delete'], vap({}, 'ConfigMap'), null)), expect: false, instead: 'RV-DELETE' },
  { rule: 'RV-KEY-EXPORTABLE', name: 'key made exportable', plan: one(rc('vault_transit_secret_backend_key', 'k', ['update'], key(), key({ exportable: true }))), expect: true },
  { rule: 'RV-KEY-EXPORTABLE', name: 'key created exportable', plan: one(rc('vault_transit_secret_backend_key', 'k', ['create'], null, key({ exportable: true }))), expect: true },
  { rule: 'RV-KEY-EXPORTABLE', name: 'already exportable key updated', plan: one(rc('vault_transit_secret_backend_key', 'k', ['update'], key({ exportable: true }), key({ exportable: true, auto_rotate_period: 100 }))), expect: false },
  { rule: 'RV-KEY-PLAINTEXT-BACKUP', name: 'plaintext backup allowed', plan: one(rc('vault_transit_secret_backend_key', 'k', ['update'], key(), key({ allow_plaintext_backup: true }))), expect: true },
  { rule: 'RV-KEY-PLAINTEXT-BACKUP', name: 'plaintext backup stays off', plan: one(rc('vault_transit_secret_backend_key', 'k', ['update'], key(), key({ auto_rotate_period: 100 }))), expect: false },
  { rule: 'RV-KEY-DELETABLE', name: 'key made deletable', plan: one(rc('vault_transit_secret_backend_key', 'k', ['update'], key(), key({ deletion_allowed: true }))), expect: true },
  { rule: 'RV-KEY-DELETABLE', name: 'key made undeletable', plan: one(rc('vault_transit_secret_backend_key', 'k', ['update'], key({ deletion_allowed: true }), key())), expect: false },
  { rule: 'RV-PSA-DOWNGRADE', name: 'enforce restricted → baseline', plan: one(rc('kubernetes_namespace_v1', 'n', ['update'], ns(PSA), ns({ ...PSA, 'pod-security.kubernetes.io/enforce': 'baseline' }))), expect: true },
  { rule: 'RV-PSA-DOWNGRADE', name: 'enforce label removed', plan: one(rc('kubernetes_namespace_v1', 'n', ['update'], ns(PSA), ns({ ...PSA, 'pod-security.kubernetes.io/enforce': undefined }))), expect: true },
  { rule: 'RV-PSA-DOWNGRADE', name: 'enforce baseline → restricted', plan: one(rc('kubernetes_namespace_v1', 'n', ['update'], ns({ ...PSA, 'pod-security.kubernetes.io/enforce': 'baseline' }), ns(PSA))), expect: false },
  // HIGH
  { rule: 'RV-UNKNOWN-ACTION', name: 'unrecognized action', plan: one(rc('vault_policy', 'p', ['teleport'], policy(POLICY), policy(POLICY))), expect: true },
  { rule: 'RV-UNKNOWN-ACTION', name: 'empty action list', plan: one(rc('vault_policy', 'p', [], policy(POLICY), policy(POLICY))), expect: true },
  { rule: 'RV-UNKNOWN-ACTION', name: 'known action', plan: one(rc('vault_policy', 'p', ['create'], null, policy(POLICY))), expect: false },
  { rule: 'RV-REPLACE', name: 'policy replaced by name change', plan: one(rc('vault_policy', 'p', ['delete', 'create'], policy(POLICY), { ...policy(POLICY), name: 'other' }, { action_reason: 'replace_because_cannot_update' }, { replace_paths: [['name']] })), expect: true },
  { rule: 'RV-REPLACE', name: 'replace then forget', plan: one(rc('vault_policy', 'p', ['create', 'forget'], policy(POLICY), policy(POLICY))), expect: true },
  { rule: 'RV-REPLACE', name: 'key replaced (critical rule instead)', plan: one(rc('vault_transit_secret_backend_key', 'k', ['delete', 'create'], key(), key({ name: 'x' }))), expect: false, instead: 'RV-KEY-DELETE' },
  { rule: 'RV-MOUNT-REMOUNT', name: 'mount path changes', plan: one(rc('vault_mount', 'm', ['update'], mount(), mount({ path: 'tenants/pr/transit' }))), expect: true },
  { rule: 'RV-MOUNT-REMOUNT', name: 'auth backend path changes', plan: one(rc('vault_auth_backend', 'a', ['update'], { path: 'kubernetes', type: 'kubernetes' }, { path: 'k8s', type: 'kubernetes' })), expect: true },
  { rule: 'RV-MOUNT-REMOUNT', name: 'mount description changes', plan: one(rc('vault_mount', 'm', ['update'], mount(), mount({ description: 'x' }))), expect: false, instead: 'RV-METADATA-UPDATE' },
  { rule: 'RV-ADMISSION-WEAKEN', name: 'binding stops denying', plan: one(rc('kubernetes_manifest', 'b', ['update'], vap({ validationActions: ['Deny'] }), vap({ validationActions: ['Warn'] }))), expect: true },
  { rule: 'RV-ADMISSION-WEAKEN', name: 'policy fails open', plan: one(rc('kubernetes_manifest', 'p', ['update'], vap({ failurePolicy: 'Fail', validations: [{ expression: 'a' }] }, 'ValidatingAdmissionPolicy'), vap({ failurePolicy: 'Ignore', validations: [{ expression: 'a' }] }, 'ValidatingAdmissionPolicy'))), expect: true },
  { rule: 'RV-ADMISSION-WEAKEN', name: 'namespace leaves admission scope', plan: one(rc('kubernetes_namespace_v1', 'n', ['update'], ns(PSA), ns({ ...PSA, 'sovereign.slz.dev/tenant': undefined }))), expect: true },
  { rule: 'RV-ADMISSION-WEAKEN', name: 'binding label changes only', plan: one(rc('kubernetes_manifest', 'b', ['update'], vap({ validationActions: ['Deny'] }), { manifest: { ...(vap({ validationActions: ['Deny'] }).manifest as Json), metadata: { name: 'slz-residency-tenants', labels: { a: 'b' } } } })), expect: false },
  { rule: 'RV-EGRESS-OPEN', name: 'egress to 0.0.0.0/0', plan: one(rc('kubernetes_network_policy_v1', 'e', ['update'], netpol(egressTo('10.20.0.0/16')), netpol(egressTo('10.20.0.0/16', '0.0.0.0/0')))), expect: true },
  { rule: 'RV-EGRESS-OPEN', name: 'egress rule without destination', plan: one(rc('kubernetes_network_policy_v1', 'e', ['create'], null, netpol({ policy_types: ['Egress'], egress: [{ ports: [], to: [] }] }))), expect: true },
  { rule: 'RV-EGRESS-OPEN', name: 'egress to a private range', plan: one(rc('kubernetes_network_policy_v1', 'e', ['update'], netpol(egressTo('10.20.0.0/16')), netpol(egressTo('10.20.0.0/16', '10.40.0.0/16')))), expect: false, instead: 'RV-EGRESS-WIDEN' },
  { rule: 'RV-EGRESS-WIDEN', name: 'egress CIDR widened', plan: one(rc('kubernetes_network_policy_v1', 'e', ['update'], netpol(egressTo('10.30.1.0/24')), netpol(egressTo('10.30.0.0/16')))), expect: true },
  { rule: 'RV-EGRESS-WIDEN', name: 'egress CIDR narrowed', plan: one(rc('kubernetes_network_policy_v1', 'e', ['update'], netpol(egressTo('10.30.0.0/16')), netpol(egressTo('10.30.1.0/24')))), expect: false, instead: 'RV-SECURITY-UPDATE' },
  { rule: 'RV-EGRESS-WIDEN', name: 'policy replaced with the same egress', plan: one(rc('kubernetes_network_policy_v1', 'e', ['delete', 'create'], netpol(egressTo('10.30.1.0/24')), netpol(egressTo('10.30.1.0/24'), 'renamed'))), expect: false, instead: 'RV-REPLACE' },
  { rule: 'RV-EGRESS-WIDEN', name: 'policy replaced with a wider egress', plan: one(rc('kubernetes_network_policy_v1', 'e', ['delete', 'create'], netpol(egressTo('10.30.1.0/24')), netpol(egressTo('10.30.0.0/16'), 'renamed'))), expect: true },
  { rule: 'RV-INGRESS-OPEN', name: 'ingress from ::/0', plan: one(rc('kubernetes_network_policy_v1', 'i', ['update'], netpol(ingressFrom('10.50.0.0/16')), netpol(ingressFrom('::/0')))), expect: true },
  { rule: 'RV-INGRESS-OPEN', name: 'ingress unchanged sources', plan: one(rc('kubernetes_network_policy_v1', 'i', ['update'], netpol(ingressFrom('10.50.0.0/16')), netpol(ingressFrom('10.50.1.0/24')))), expect: false },
  { rule: 'RV-INGRESS-WIDEN', name: 'ingress from a new range', plan: one(rc('kubernetes_network_policy_v1', 'i', ['update'], netpol(ingressFrom('10.50.0.0/16')), netpol(ingressFrom('10.50.0.0/16', '10.60.0.0/16')))), expect: true },
  { rule: 'RV-INGRESS-WIDEN', name: 'ingress range removed', plan: one(rc('kubernetes_network_policy_v1', 'i', ['update'], netpol(ingressFrom('10.50.0.0/16', '10.60.0.0/16')), netpol(ingressFrom('10.50.0.0/16')))), expect: false },
  { rule: 'RV-RBAC-WILDCARD', name: 'role gains * verbs', plan: one(rc('kubernetes_role_v1', 'r', ['update'], role([rule(['pods'], ['get'])]), role([rule(['pods'], ['*'])]))), expect: true },
  { rule: 'RV-RBAC-WILDCARD', name: 'binding to cluster-admin', plan: one(rc('kubernetes_role_binding_v1', 'b', ['create'], null, { metadata: meta('x'), role_ref: [{ kind: 'ClusterRole', name: 'cluster-admin', api_group: 'rbac.authorization.k8s.io' }], subject: [{ kind: 'Group', name: 'devs' }] })), expect: true },
  { rule: 'RV-RBAC-WILDCARD', name: 'role keeps its permissions', plan: one(rc('kubernetes_role_v1', 'r', ['update'], role([rule(['pods'], ['get'])]), { ...role([rule(['pods'], ['get'])]), metadata: meta('slz-tenant-developer', { a: 'b' }) })), expect: false },
  { rule: 'RV-RBAC-WIDEN', name: 'role gains delete on secrets', plan: one(rc('kubernetes_role_v1', 'r', ['update'], role([rule(['pods'], ['get'])]), role([rule(['pods'], ['get']), rule(['secrets'], ['delete'])]))), expect: true },
  { rule: 'RV-RBAC-WIDEN', name: 'binding gains a subject', plan: one(rc('kubernetes_role_binding_v1', 'b', ['update'], { metadata: meta('x'), role_ref: [{ kind: 'Role', name: 'viewer' }], subject: [{ kind: 'Group', name: 'auditors' }] }, { metadata: meta('x'), role_ref: [{ kind: 'Role', name: 'viewer' }], subject: [{ kind: 'Group', name: 'auditors' }, { kind: 'Group', name: 'system:authenticated' }] })), expect: true },
  { rule: 'RV-RBAC-WIDEN', name: 'role loses a verb', plan: one(rc('kubernetes_role_v1', 'r', ['update'], role([rule(['pods'], ['get', 'list'])]), role([rule(['pods'], ['get'])]))), expect: false, instead: 'RV-SECURITY-UPDATE' },
  { rule: 'RV-RBAC-CLUSTER-BINDING', name: 'new cluster role binding', plan: one(rc('kubernetes_cluster_role_binding_v1', 'b', ['create'], null, { metadata: [{ name: 'x' }], role_ref: [{ kind: 'ClusterRole', name: 'view' }], subject: [{ kind: 'ServiceAccount', name: 'fwd', namespace: 'slz-logging' }] })), expect: true },
  { rule: 'RV-RBAC-CLUSTER-BINDING', name: 'cluster role binding replaced', plan: one(rc('kubernetes_cluster_role_binding_v1', 'b', ['delete', 'create'], { metadata: [{ name: 'x' }], role_ref: [{ kind: 'ClusterRole', name: 'view' }], subject: [] }, { metadata: [{ name: 'y' }], role_ref: [{ kind: 'ClusterRole', name: 'view' }], subject: [] })), expect: false, instead: 'RV-REPLACE' },
  { rule: 'RV-RBAC-CLUSTER-BINDING', name: 'new namespaced role binding', plan: one(rc('kubernetes_role_binding_v1', 'b', ['create'], null, { metadata: meta('x'), role_ref: [{ kind: 'Role', name: 'view' }], subject: [{ kind: 'Group', name: 'devs' }] })), expect: false, instead: 'RV-CREATE' },
  { rule: 'RV-AUTH-WIDEN', name: 'any namespace may log in', plan: one(rc('vault_kubernetes_auth_backend_role', 'r', ['update'], k8sRole(), k8sRole({ bound_service_account_namespaces: ['*'] }))), expect: true },
  { rule: 'RV-AUTH-WIDEN', name: 'jwt role loses a bound claim', plan: one(rc('vault_jwt_auth_backend_role', 'r', ['update'], { role_name: 'admin', bound_claims: { amr: 'mfa', groups: 'admins' }, token_bound_cidrs: ['10.99.0.0/16'] }, { role_name: 'admin', bound_claims: { groups: 'admins' }, token_bound_cidrs: ['10.99.0.0/16'] })), expect: true },
  { rule: 'RV-AUTH-WIDEN', name: 'jwt role accepts logins from anywhere', plan: one(rc('vault_jwt_auth_backend_role', 'r', ['update'], { role_name: 'admin', bound_claims: { amr: 'mfa' }, token_bound_cidrs: ['10.99.0.0/16'] }, { role_name: 'admin', bound_claims: { amr: 'mfa' }, token_bound_cidrs: ['0.0.0.0/0'] })), expect: true },
  { rule: 'RV-AUTH-WIDEN', name: 'service account removed', plan: one(rc('vault_kubernetes_auth_backend_role', 'r', ['update'], k8sRole({ bound_service_account_names: ['api', 'old'] }), k8sRole())), expect: false, instead: 'RV-SECURITY-UPDATE' },
  { rule: 'RV-AUTH-TTL', name: 'token TTL lengthened', plan: one(rc('vault_kubernetes_auth_backend_role', 'r', ['update'], k8sRole(), k8sRole({ token_ttl: 86400 }))), expect: true },
  { rule: 'RV-AUTH-TTL', name: 'token TTL to 0 (system default)', plan: one(rc('vault_kubernetes_auth_backend_role', 'r', ['update'], k8sRole(), k8sRole({ token_max_ttl: 0 }))), expect: true },
  { rule: 'RV-AUTH-TTL', name: 'token TTL shortened', plan: one(rc('vault_kubernetes_auth_backend_role', 'r', ['update'], k8sRole(), k8sRole({ token_ttl: 300 }))), expect: false },
  { rule: 'RV-POLICY-SUDO', name: 'policy gains sudo', plan: one(rc('vault_policy', 'p', ['update'], policy(POLICY), policy(`${POLICY}path "sys/mounts/*" {\n  capabilities = ["sudo", "update"]\n}\n`))), expect: true },
  { rule: 'RV-POLICY-SUDO', name: 'new policy on every path', plan: one(rc('vault_policy', 'p', ['create'], null, policy('path "*" { capabilities = ["read"] }'))), expect: true },
  { rule: 'RV-POLICY-SUDO', name: 'policy without sudo', plan: one(rc('vault_policy', 'p', ['create'], null, policy(POLICY))), expect: false, instead: 'RV-CREATE' },
  { rule: 'RV-POLICY-WIDEN', name: 'policy gains a path', plan: one(rc('vault_policy', 'p', ['update'], policy(POLICY), policy(`${POLICY}path "tenants/other/kv/data/*" {\n  capabilities = ["read"]\n}\n`))), expect: true },
  { rule: 'RV-POLICY-WIDEN', name: 'policy gains a capability', plan: one(rc('vault_policy', 'p', ['update'], policy(POLICY), policy(POLICY.replace('["read"]', '["read", "delete"]')))), expect: true },
  { rule: 'RV-POLICY-WIDEN', name: 'policy loses a path', plan: one(rc('vault_policy', 'p', ['update'], policy(POLICY), policy(POLICY.slice(0, POLICY.indexOf('\n\n'))))), expect: false, instead: 'RV-SECURITY-UPDATE' },
  { rule: 'RV-KEY-QUANTUM', name: 'new ECDSA key', plan: one(rc('vault_transit_secret_backend_key', 'k', ['create'], null, key({ type: 'ecdsa-p256' }))), expect: true },
  { rule: 'RV-KEY-QUANTUM', name: 'new RSA key by replacement', plan: one(rc('vault_transit_secret_backend_key', 'k', ['create', 'delete'], key(), key({ type: 'rsa-4096' }))), expect: true },
  { rule: 'RV-KEY-QUANTUM', name: 'new ML-DSA key', plan: one(rc('vault_transit_secret_backend_key', 'k', ['create'], null, key({ type: 'ml-dsa', parameter_set: '65' }))), expect: false, instead: 'RV-CREATE' },
  { rule: 'RV-KEY-QUANTUM', name: 'new hybrid key', plan: one(rc('vault_transit_secret_backend_key', 'k', ['create'], null, key({ type: 'hybrid', parameter_set: '65', hybrid_key_type_ec: 'ecdsa-p256' }))), expect: false },
  { rule: 'RV-KEY-QUANTUM', name: 'new AES key', plan: one(rc('vault_transit_secret_backend_key', 'k', ['create'], null, key())), expect: false },
  { rule: 'RV-KEY-ROTATION-OFF', name: 'rotation switched off', plan: one(rc('vault_transit_secret_backend_key', 'k', ['update'], key(), key({ auto_rotate_period: 0 }))), expect: true },
  { rule: 'RV-KEY-ROTATION-OFF', name: 'rotation shortened', plan: one(rc('vault_transit_secret_backend_key', 'k', ['update'], key(), key({ auto_rotate_period: 2592000 }))), expect: false },
  { rule: 'RV-KEY-MIN-DECRYPT-DOWN', name: 'min decryption version lowered', plan: one(rc('vault_transit_secret_backend_key', 'k', ['update'], key({ min_decryption_version: 3 }), key({ min_decryption_version: 1 }))), expect: true },
  { rule: 'RV-KEY-MIN-DECRYPT-DOWN', name: 'min decryption version raised', plan: one(rc('vault_transit_secret_backend_key', 'k', ['update'], key({ min_decryption_version: 1 }), key({ min_decryption_version: 3 }))), expect: false },
  // MEDIUM
  { rule: 'RV-PSA-AUDIT-DOWNGRADE', name: 'warn restricted → privileged', plan: one(rc('kubernetes_namespace_v1', 'n', ['update'], ns(PSA), ns({ ...PSA, 'pod-security.kubernetes.io/warn': 'privileged' }))), expect: true },
  { rule: 'RV-PSA-AUDIT-DOWNGRADE', name: 'audit stays restricted', plan: one(rc('kubernetes_namespace_v1', 'n', ['update'], ns(PSA), ns({ ...PSA, other: 'x' }))), expect: false },
  { rule: 'RV-DELETE', name: 'policy deleted', plan: one(rc('vault_policy', 'p', ['delete'], policy(POLICY), null, { action_reason: 'delete_because_no_resource_config' })), expect: true },
  { rule: 'RV-DELETE', name: 'key deleted (critical rule instead)', plan: one(rc('vault_transit_secret_backend_key', 'k', ['delete'], key(), null)), expect: false, instead: 'RV-KEY-DELETE' },
  { rule: 'RV-FORGET', name: 'resource forgotten', plan: one(rc('vault_policy', 'p', ['forget'], policy(POLICY), null)), expect: true },
  { rule: 'RV-FORGET', name: 'resource deleted', plan: one(rc('vault_policy', 'p', ['delete'], policy(POLICY), null)), expect: false },
  { rule: 'RV-IMPORT', name: 'resource imported', plan: one(rc('vault_policy', 'p', ['no-op'], policy(POLICY), policy(POLICY), {}, { importing: { id: 'patient-records-api' } })), expect: true },
  { rule: 'RV-IMPORT', name: 'resource created', plan: one(rc('vault_policy', 'p', ['create'], null, policy(POLICY))), expect: false },
  { rule: 'RV-MOVE', name: 'resource moved', plan: one(rc('vault_policy', 'p', ['no-op'], policy(POLICY), policy(POLICY), { previous_address: 'vault_policy.old' })), expect: true },
  { rule: 'RV-MOVE', name: 'previous address equals address', plan: one(rc('vault_policy', 'p', ['no-op'], policy(POLICY), policy(POLICY), { previous_address: 'vault_policy.p' })), expect: false, instead: 'RV-NOOP' },
  { rule: 'RV-DRIFT', name: 'object changed outside Terraform', plan: planOf([], { resource_drift: [rc('vault_policy', 'p', ['update'], policy(POLICY), policy(`${POLICY}# edited by hand\n`))] }), expect: true },
  { rule: 'RV-DRIFT', name: 'no drift', plan: planOf([rc('vault_policy', 'p', ['no-op'], policy(POLICY), policy(POLICY))]), expect: false },
  { rule: 'RV-QUOTA-RAISE', name: 'cpu quota quadrupled', plan: one(rc('kubernetes_resource_quota_v1', 'q', ['update'], quota({ 'limits.cpu': '8', 'limits.memory': '32Gi' }), quota({ 'limits.cpu': '32', 'limits.memory': '32Gi' }))), expect: true },
  { rule: 'RV-QUOTA-RAISE', name: 'memory quota removed', plan: one(rc('kubernetes_resource_quota_v1', 'q', ['update'], quota({ 'limits.cpu': '8', 'limits.memory': '32Gi' }), quota({ 'limits.cpu': '8' }))), expect: true },
  { rule: 'RV-QUOTA-RAISE', name: 'quota raised a little', plan: one(rc('kubernetes_resource_quota_v1', 'q', ['update'], quota({ 'limits.cpu': '8' }), quota({ 'limits.cpu': '10' }))), expect: false, instead: 'RV-SECURITY-UPDATE' },
  {
    rule: 'RV-OUTPUT-UNMASKED',
    name: 'output loses sensitive',
    plan: planOf([], { output_changes: { token: { actions: ['update'], before: 'a', after: 'b', after_unknown: false, before_sensitive: true, after_sensitive: false } } }),
    expect: true,
  },
  {
    rule: 'RV-OUTPUT-UNMASKED',
    name: 'output stays sensitive',
    plan: planOf([], { output_changes: { token: { actions: ['update'], before: 'a', after: 'b', after_unknown: false, before_sensitive: true, after_sensitive: true } } }),
    expect: false,
  },
  { rule: 'RV-SECURITY-UPDATE', name: 'mount lease TTL changes', plan: one(rc('vault_mount', 'm', ['update'], mount(), mount({ default_lease_ttl_seconds: 60 }))), expect: true },
  { rule: 'RV-SECURITY-UPDATE', name: 'config map data changes', plan: one(rc('kubernetes_config_map_v1', 'c', ['update'], cm({ a: '1' }), cm({ a: '2' }))), expect: false, instead: 'RV-UPDATE' },
  // LOW / INFO
  { rule: 'RV-METADATA-UPDATE', name: 'labels only', plan: one(rc('kubernetes_config_map_v1', 'c', ['update'], cm({ a: '1' }), cm({ a: '1' }, { team: 'x' }))), expect: true },
  { rule: 'RV-METADATA-UPDATE', name: 'data change', plan: one(rc('kubernetes_config_map_v1', 'c', ['update'], cm({ a: '1' }), cm({ a: '2' }, { team: 'x' }))), expect: false },
  { rule: 'RV-UPDATE', name: 'config map data', plan: one(rc('kubernetes_config_map_v1', 'c', ['update'], cm({ a: '1' }), cm({ a: '2' }))), expect: true },
  { rule: 'RV-UPDATE', name: 'mount update', plan: one(rc('vault_mount', 'm', ['update'], mount(), mount({ default_lease_ttl_seconds: 60 }))), expect: false },
  { rule: 'RV-CREATE', name: 'config map created', plan: one(rc('kubernetes_config_map_v1', 'c', ['create'], null, cm({ a: '1' }))), expect: true },
  { rule: 'RV-CREATE', name: 'quantum-vulnerable key created', plan: one(rc('vault_transit_secret_backend_key', 'k', ['create'], null, key({ type: 'ed25519' }))), expect: false, instead: 'RV-KEY-QUANTUM' },
  { rule: 'RV-READ', name: 'data source read', plan: one({ ...rc('vault_policy_document', 'd', ['read'], null, { hcl: 'x' }, { action_reason: 'read_because_config_unknown' }), address: 'data.vault_policy_document.d', mode: 'data' }), expect: true },
  { rule: 'RV-READ', name: 'no read', plan: one(rc('vault_policy', 'p', ['no-op'], policy(POLICY), policy(POLICY))), expect: false },
  { rule: 'RV-NOOP', name: 'no change', plan: one(rc('vault_policy', 'p', ['no-op'], policy(POLICY), policy(POLICY))), expect: true },
  { rule: 'RV-NOOP', name: 'a change', plan: one(rc('vault_policy', 'p', ['create'], null, policy(POLICY))), expect: false },
];
