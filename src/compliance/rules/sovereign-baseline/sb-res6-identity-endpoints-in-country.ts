/** SB-RES6: identity providers and auth backends Vault trusts are in-country. */
import { fail, pass, unknown } from '../../attributes';
import { c5, jurisdiction, nist, snc } from '../../controls';
import { judgeEndpoint, resourceResidency } from '../../residency';
import type { Outcome, ResourceRule } from '../../types';
import { read } from '../../../synthesized/values';

const ENDPOINT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  vault_jwt_auth_backend: ['oidc_discovery_url', 'jwks_url', 'bound_issuer'],
  vault_kubernetes_auth_backend_config: ['kubernetes_host'],
  vault_ldap_auth_backend: ['url'],
};

export const rule: ResourceRule = {
  id: 'SB-RES6',
  pack: 'sovereign-baseline',
  scope: 'resource',
  level: 'error',
  title: 'Identity providers and auth endpoints are in-country',
  rationale:
    "The identity provider decides who administers the tenancy, and the Kubernetes API decides which workload gets a Vault token. Both are technical data and trust anchors: at or above the residency threshold they must be in-country, like Vault itself.",
  fix: "Use the national identity provider's in-country issuer (identity.oidc.issuer) and the cluster's in-country API address; add their in-country domains to network.endpointDomains.",
  controls: [snc('19.2.d'), snc('9.6.a'), c5('IDM-01'), nist('IA-8'), nist('SA-9(5)'), jurisdiction('residency')],
  resourceTypes: Object.keys(ENDPOINT_ATTRIBUTES),
  check(resource, ctx) {
    const scope = resourceResidency(ctx);
    if (!('kind' in scope)) return scope;
    const out: Outcome[] = [];
    for (const attribute of ENDPOINT_ATTRIBUTES[resource.type] ?? []) {
      const r = read(resource.body, attribute);
      if (r.kind === 'absent') continue;
      const values = r.kind === 'value' && typeof r.value === 'string' && attribute === 'url' ? r.value.split(',').map((s) => s.trim()) : [r.kind === 'unresolved' ? r.expression : r.value];
      for (const value of values) {
        const v = judgeEndpoint(value, scope.lz, { clusterLocal: resource.type === 'vault_kubernetes_auth_backend_config' });
        if (v.verdict === 'in') out.push(pass());
        else if (v.verdict === 'out') out.push(fail(`${attribute}: ${v.why}; at ${scope.lz.classification} identity endpoints must stay in ${scope.where}`, attribute));
        else out.push(unknown(`${attribute}: ${v.why}`, attribute));
      }
    }
    return out.length ? out : pass();
  },
};
