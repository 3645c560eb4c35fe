/** SB-TLS1: Vault, Kubernetes API and identity-provider endpoints are reached over TLS. */
import { fail, pass, stackResources, unknown } from '../../attributes';
import { c5, nist, snc } from '../../controls';
import { providerBlocks } from '../../subjects';
import type { Outcome, StackOutcome, StackRule } from '../../types';
import { isExpression, read } from '../../../synthesized/values';

function judge(value: unknown, what: string, attribute: string, schemeRequired: boolean): Outcome | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return unknown(`${what} is not a string`, attribute);
  if (isExpression(value)) return unknown(`${what} is ${value}, known only at plan time`, attribute);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value.trim())?.[1]?.toLowerCase();
  if (scheme === 'https') return pass();
  if (scheme === undefined) return schemeRequired ? fail(`${what} "${value}" is not an https:// URL`, attribute) : pass();
  return fail(`${what} uses ${scheme}://: credentials, tokens and keys would cross the network in clear`, attribute);
}

export const rule: StackRule = {
  id: 'SB-TLS1',
  pack: 'sovereign-baseline',
  scope: 'stack',
  level: 'error',
  title: 'Vault, Kubernetes API and identity endpoints use TLS',
  rationale:
    'Provider traffic carries Vault tokens, Kubernetes credentials, keys and policies; auth backends fetch identity-provider keys that decide who gets in. Plain HTTP exposes all of it on the network, in-country or not.',
  fix: 'Use https:// URLs for provider.vault.address, provider.kubernetes.host, vault_jwt_auth_backend oidc_discovery_url / jwks_url and vault_kubernetes_auth_backend_config kubernetes_host.',
  controls: [snc('10.2'), c5('CRY-02'), nist('SC-8'), nist('SC-8(1)')],
  check(stack) {
    const out: StackOutcome[] = [];
    const push = (o: Outcome | undefined, where: Omit<StackOutcome, 'outcome'>): void => {
      if (o) out.push({ ...where, outcome: o });
    };
    for (const p of providerBlocks(stack, 'vault')) {
      const r = read(p.body, 'address');
      push(judge(r.kind === 'value' ? r.value : r.kind === 'unresolved' ? r.expression : undefined, 'provider.vault address', 'address', true), { location: p.location });
    }
    for (const p of providerBlocks(stack, 'kubernetes')) {
      const r = read(p.body, 'host');
      push(judge(r.kind === 'value' ? r.value : r.kind === 'unresolved' ? r.expression : undefined, 'provider.kubernetes host', 'host', false), { location: p.location });
    }
    for (const res of stackResources(stack, 'vault_jwt_auth_backend')) {
      for (const attr of ['oidc_discovery_url', 'jwks_url']) push(judge(res.body[attr], attr, attr, true), { resource: res });
    }
    for (const res of stackResources(stack, 'vault_kubernetes_auth_backend_config')) {
      push(judge(res.body['kubernetes_host'], 'kubernetes_host', 'kubernetes_host', true), { resource: res });
    }
    return out;
  },
};
