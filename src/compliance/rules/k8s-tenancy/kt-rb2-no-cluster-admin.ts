import { block } from '../../../synthesized';
import type { Outcome, ResourceRule } from '../../types';
import { describe, fail, namespaceNamed, pass, subjectsOf, unknown } from './_shared';
import { clusterOf } from '../../../synthesized/kubernetes/cluster';
import { metadataOf, namespaceInfo, referencedObject, resolveName, TENANT_LABEL } from '../../../synthesized/kubernetes/namespace';
import { BINDING_TYPES, CLUSTER_ROLE_BINDING_TYPES, NAMESPACE_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { literal, stringMap } from '../../../synthesized/values';

/** The built-in ClusterRole limited to TokenReview and SubjectAccessReview creation. */
const AUTH_DELEGATOR = 'system:auth-delegator';

export const rule: ResourceRule = {
  id: 'KT-RB2',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'resource',
  resourceTypes: BINDING_TYPES,
  title: 'No cluster-admin bindings; tenants create no ClusterRoleBindings',
  rationale:
    'cluster-admin is every permission on every object of the cluster: bound to anyone, it erases the tenancy boundary. A ' +
    'ClusterRoleBinding created for a tenant (labelled sovereign.slz.dev/tenant, or binding a service account of a tenant namespace) ' +
    'reaches beyond the tenant\'s namespace by construction. Platform components may hold narrow ClusterRoleBindings (the log ' +
    'forwarder reads pods and namespaces cluster-wide), so an unlabelled ClusterRoleBinding to another role is not flagged here; ' +
    'its role is checked by KT-RB1, RB3–RB5 and RB8. One cluster-wide role is allowed for tenant service accounts: the built-in ' +
    'system:auth-delegator (create TokenReviews and SubjectAccessReviews, nothing else), which Vault outside the cluster needs so ' +
    "that each workload's token can review itself.",
  fix: 'Bind a namespaced Role with the permissions needed through a kubernetes_role_binding_v1 in the tenant namespace; never bind cluster-admin.',
  controls: [
    { framework: 'CIS-K8S', id: '5.1.1' },
    { framework: 'NIST-800-53', id: 'AC-6' },
    { framework: 'BSI-C5', id: 'COS-06' },
  ],
  check(resource, ctx) {
    const subject = describe(resource);
    const roleRef = block(resource.body.role_ref) ?? {};
    const roleName = resolveName(resource.stack, roleRef.name);
    const outcomes: Outcome[] = [];
    if (roleName === 'cluster-admin') outcomes.push(fail(`${subject} binds the "cluster-admin" ClusterRole`, 'role_ref.name'));
    else if (roleName === undefined) outcomes.push(unknown(`${subject}: role_ref.name is ${String(roleRef.name)}, known only at plan time (it could be cluster-admin)`, 'role_ref.name'));

    // Delegated authentication only: Vault outside the cluster reviews each workload token with the token itself.
    if (CLUSTER_ROLE_BINDING_TYPES.includes(resource.type) && roleName !== AUTH_DELEGATOR) {
      const labels = stringMap(metadataOf(resource.body).labels);
      const tenantLabel = labels === 'unresolved' ? undefined : literal(labels?.[TENANT_LABEL]);
      if (tenantLabel !== undefined) outcomes.push(fail(`${subject} is a ClusterRoleBinding created for tenant "${tenantLabel}" (label ${TENANT_LABEL})`, 'metadata.labels'));
      for (const s of subjectsOf(resource)) {
        if (s.kind !== 'ServiceAccount') continue;
        const ref = referencedObject(resource.stack, s.namespace);
        const ns =
          ref && NAMESPACE_TYPES.includes(ref.target.type)
            ? namespaceInfo(ref.target)
            : literal(s.namespace) !== undefined
              ? namespaceNamed(literal(s.namespace) as string, clusterOf(resource.stack, resource.body), resource.stack, ctx)
              : undefined;
        if (ns?.tenant) outcomes.push(fail(`${subject} gives cluster-wide rights to service account "${s.name ?? String(s.rawName)}" of tenant ${ns.label}`, `subject[${s.index}]`));
      }
    }
    return outcomes.length > 0 ? outcomes : pass;
  },
};
