import type { ResourceRule } from '../../types';
import { combine, unknown } from './_shared';
import { COMPONENT_LABEL, LABEL_PREFIX, metadataOf, namespaceInfo, TENANT_LABEL } from '../../../synthesized/kubernetes/namespace';
import { NAMESPACE_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { literal, stringMap } from '../../../synthesized/values';

/** Required labels; owner may be given by any of the three. */
const REQUIRED: readonly { readonly what: string; readonly keys: readonly string[] }[] = [
  { what: 'agency', keys: [`${LABEL_PREFIX}/agency`] },
  { what: 'data classification', keys: [`${LABEL_PREFIX}/classification`] },
  { what: 'owner', keys: [`${LABEL_PREFIX}/owner`, TENANT_LABEL, COMPONENT_LABEL] },
  { what: 'residency (jurisdiction)', keys: [`${LABEL_PREFIX}/jurisdiction`] },
  { what: 'residency (region)', keys: [`${LABEL_PREFIX}/region`] },
];

export const rule: ResourceRule = {
  id: 'KT-NS7',
  pack: 'k8s-tenancy',
  level: 'warning',
  scope: 'resource',
  resourceTypes: NAMESPACE_TYPES,
  title: 'Namespaces carry the sovereignty labels',
  rationale:
    'An inventory of who owns what, at which classification and under which jurisdiction, is the basis of every residency and ' +
    'incident question. The labels make it machine-readable on the cluster: agency, classification, jurisdiction and region, and ' +
    'an owner, which is the tenant (sovereign.slz.dev/tenant) for tenant namespaces, the platform component ' +
    '(sovereign.slz.dev/component) for platform ones, or an explicit sovereign.slz.dev/owner.',
  fix:
    `Label the namespace ${LABEL_PREFIX}/agency, ${LABEL_PREFIX}/classification, ${LABEL_PREFIX}/jurisdiction, ${LABEL_PREFIX}/region and ` +
    `one of ${TENANT_LABEL}, ${COMPONENT_LABEL} or ${LABEL_PREFIX}/owner (the constructs do this from the landing zone).`,
  controls: [{ framework: 'NIST-800-53', id: 'CM-8' }],
  check(resource) {
    const ns = namespaceInfo(resource);
    const labels = stringMap(metadataOf(resource.body).labels);
    if (labels === 'unresolved') return unknown(`${ns.label}: metadata.labels is a reference`, 'metadata.labels');
    const map = labels ?? {};
    const problems: string[] = [];
    const unknowns: string[] = [];
    for (const req of REQUIRED) {
      const present = req.keys.filter((k) => map[k] !== undefined && map[k] !== null && map[k] !== '');
      if (present.length === 0) problems.push(`no ${req.what} label (${req.keys.join(' or ')})`);
      else if (present.every((k) => literal(map[k]) === undefined)) unknowns.push(`${req.what} label is a reference`);
    }
    return combine(problems, unknowns, ns.label, 'metadata.labels');
  },
};
