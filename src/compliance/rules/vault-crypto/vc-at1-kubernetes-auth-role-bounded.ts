/** VC-AT1: Kubernetes auth roles bind exact service accounts with bounded, non-root tokens. */
import { fail, pass, unknown } from '../../attributes';
import { nist, snc } from '../../controls';
import type { Outcome, ResourceRule } from '../../types';
import { readNumber, readString, readStringList } from '../../../synthesized/values';

/** Longest token lifetime a workload login may get (proposal): 24 hours. */
export const MAX_WORKLOAD_TOKEN_SECONDS = 86400;

export const rule: ResourceRule = {
  id: 'VC-AT1',
  pack: 'vault-crypto',
  scope: 'resource',
  level: 'error',
  title: 'Kubernetes auth roles are bound to exact service accounts with bounded tokens',
  rationale:
    'A Kubernetes auth role turns a service-account token into a Vault token. Wildcards in the bound names or namespaces let any pod (of any tenant) log in; a missing audience accepts tokens minted for other services; root or default-only policies, or unbounded TTLs, break least privilege.',
  fix: 'Bind exact bound_service_account_names and bound_service_account_namespaces (no "*"), set audience, list the workload\'s own policies (never root), and set token_max_ttl (or token_explicit_max_ttl) ≤ 24h.',
  controls: [nist('AC-6'), nist('IA-5'), nist('AC-2(5)'), snc('9.6.a')],
  resourceTypes: ['vault_kubernetes_auth_backend_role'],
  check(resource) {
    const b = resource.body;
    const out: Outcome[] = [];
    for (const attribute of ['bound_service_account_names', 'bound_service_account_namespaces']) {
      const r = readStringList(b, attribute);
      if (r.kind === 'unresolved') out.push(unknown(`${attribute} is known only at plan time`, attribute));
      else if (r.kind !== 'value' || r.value.length === 0) out.push(fail(`${attribute} is empty`, attribute));
      else if (r.value.some((v) => v.includes('*'))) out.push(fail(`${attribute} contains a wildcard (${r.value.filter((v) => v.includes('*')).join(', ')})`, attribute));
    }
    const aud = readString(b, 'audience');
    if (aud.kind === 'unresolved') out.push(unknown('audience is known only at plan time', 'audience'));
    else if (aud.kind !== 'value' || aud.value.trim() === '') out.push(fail('audience is not set: tokens minted for any audience are accepted', 'audience'));
    const policies = readStringList(b, 'token_policies');
    if (policies.kind === 'unresolved') out.push(unknown('token_policies is known only at plan time', 'token_policies'));
    else if (policies.kind === 'value' && policies.value.includes('root')) out.push(fail('token_policies includes root', 'token_policies'));
    else if (policies.kind !== 'value' || policies.value.filter((p) => p !== 'default').length === 0) out.push(fail('token_policies grants nothing but the default policy: name the workload\'s own policy', 'token_policies'));
    const ttls = ['token_max_ttl', 'token_explicit_max_ttl'].map((a) => [a, readNumber(b, a)] as const);
    const unresolved = ttls.find(([, r]) => r.kind === 'unresolved');
    const set = ttls.filter(([, r]) => r.kind === 'value' && r.value > 0).map(([a, r]) => [a, (r as { value: number }).value] as const);
    if (unresolved) out.push(unknown(`${unresolved[0]} is known only at plan time`, unresolved[0]));
    else if (set.length === 0) out.push(fail('neither token_max_ttl nor token_explicit_max_ttl is set: tokens renew up to the system maximum', 'token_max_ttl'));
    else {
      const [attribute, seconds] = set.reduce((a, c) => (c[1] < a[1] ? c : a));
      if (seconds > MAX_WORKLOAD_TOKEN_SECONDS) out.push(fail(`${attribute} ${seconds}s is longer than ${MAX_WORKLOAD_TOKEN_SECONDS}s`, attribute));
    }
    return out.length ? out : pass();
  },
};
