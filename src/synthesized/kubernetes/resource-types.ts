/**
 * Kubernetes resource types of the hashicorp/kubernetes provider: the `_v1` names of provider
 * 2.x and the older unversioned names with the same schema, so trees (and plans) written against
 * either are read the same way.
 */

export const NAMESPACE_TYPES: readonly string[] = ['kubernetes_namespace_v1', 'kubernetes_namespace'];
export const NETWORK_POLICY_TYPES: readonly string[] = ['kubernetes_network_policy_v1', 'kubernetes_network_policy'];
export const RESOURCE_QUOTA_TYPES: readonly string[] = ['kubernetes_resource_quota_v1', 'kubernetes_resource_quota'];
export const LIMIT_RANGE_TYPES: readonly string[] = ['kubernetes_limit_range_v1', 'kubernetes_limit_range'];
export const DEFAULT_SA_TYPES: readonly string[] = ['kubernetes_default_service_account_v1', 'kubernetes_default_service_account'];
export const SERVICE_ACCOUNT_TYPES: readonly string[] = ['kubernetes_service_account_v1', 'kubernetes_service_account'];
export const NAMESPACED_ROLE_TYPES: readonly string[] = ['kubernetes_role_v1', 'kubernetes_role'];
export const CLUSTER_ROLE_TYPES: readonly string[] = ['kubernetes_cluster_role_v1', 'kubernetes_cluster_role'];
export const ROLE_TYPES: readonly string[] = [...NAMESPACED_ROLE_TYPES, ...CLUSTER_ROLE_TYPES];
export const ROLE_BINDING_TYPES: readonly string[] = ['kubernetes_role_binding_v1', 'kubernetes_role_binding'];
export const CLUSTER_ROLE_BINDING_TYPES: readonly string[] = ['kubernetes_cluster_role_binding_v1', 'kubernetes_cluster_role_binding'];
export const BINDING_TYPES: readonly string[] = [...ROLE_BINDING_TYPES, ...CLUSTER_ROLE_BINDING_TYPES];
export const SECRET_TYPES: readonly string[] = ['kubernetes_secret_v1', 'kubernetes_secret'];
export const SERVICE_TYPES: readonly string[] = ['kubernetes_service_v1', 'kubernetes_service'];
export const CONFIG_MAP_TYPES: readonly string[] = ['kubernetes_config_map_v1', 'kubernetes_config_map'];
/** Any object, written verbatim (camelCase keys) under `manifest`. */
export const MANIFEST_TYPE = 'kubernetes_manifest';
/** The typed ValidatingAdmissionPolicy of provider 3.x (there is no typed binding). */
export const TYPED_VAP_TYPE = 'kubernetes_validating_admission_policy_v1';

/** Pods: the pod spec is `spec`. */
export const POD_TYPES: readonly string[] = ['kubernetes_pod_v1', 'kubernetes_pod'];
/** Workloads whose pod template is at `spec.template.spec`. */
export const TEMPLATE_WORKLOAD_TYPES: readonly string[] = [
  'kubernetes_deployment_v1',
  'kubernetes_deployment',
  'kubernetes_stateful_set_v1',
  'kubernetes_stateful_set',
  'kubernetes_daemon_set_v1',
  'kubernetes_daemonset',
  'kubernetes_job_v1',
  'kubernetes_job',
  'kubernetes_replication_controller_v1',
  'kubernetes_replication_controller',
];
/** CronJobs: the pod spec is `spec.job_template.spec.template.spec`. */
export const CRON_JOB_TYPES: readonly string[] = ['kubernetes_cron_job_v1', 'kubernetes_cron_job'];
export const WORKLOAD_TYPES: readonly string[] = [...POD_TYPES, ...TEMPLATE_WORKLOAD_TYPES, ...CRON_JOB_TYPES];

/** Namespaced object types (a namespaced object without `metadata.namespace` lands in `default`). */
export const NAMESPACED_TYPES: readonly string[] = [
  ...NETWORK_POLICY_TYPES,
  ...RESOURCE_QUOTA_TYPES,
  ...LIMIT_RANGE_TYPES,
  ...DEFAULT_SA_TYPES,
  ...SERVICE_ACCOUNT_TYPES,
  ...NAMESPACED_ROLE_TYPES,
  ...ROLE_BINDING_TYPES,
  ...SECRET_TYPES,
  ...SERVICE_TYPES,
  'kubernetes_config_map_v1',
  'kubernetes_config_map',
  'kubernetes_persistent_volume_claim_v1',
  'kubernetes_persistent_volume_claim',
  'kubernetes_ingress_v1',
  'kubernetes_ingress',
  'kubernetes_horizontal_pod_autoscaler_v1',
  'kubernetes_horizontal_pod_autoscaler_v2',
  'kubernetes_horizontal_pod_autoscaler',
  'kubernetes_pod_disruption_budget_v1',
  'kubernetes_pod_disruption_budget',
  'kubernetes_endpoints_v1',
  'kubernetes_endpoints',
  'kubernetes_endpoint_slice_v1',
  ...WORKLOAD_TYPES,
];

/** Types whose in-place changes touch a tenancy control (RBAC, network, namespace, quota, admission, workloads, secrets). */
const SECURITY_TYPES =
  /^kubernetes_(cluster_)?role(_binding)?(_v1)?$|^kubernetes_network_policy(_v1)?$|^kubernetes_namespace(_v1)?$|^kubernetes_(default_)?service_account(_v1)?$|^kubernetes_resource_quota(_v1)?$|^kubernetes_limit_range(_v1)?$|^kubernetes_manifest$|^kubernetes_(validating|mutating)_|^kubernetes_secret(_v1)?$|^kubernetes_(daemon_set|deployment|stateful_set|pod|job|cron_job)(_v1)?$/;

export function isSecurityRelevantKubernetesType(type: string): boolean {
  return SECURITY_TYPES.test(type);
}
