/** VC-PK3: CA lifetimes and path lengths are bounded, and intermediates are name-constrained. */
import { fail, formatSeconds, pass, unknown } from '../../attributes';
import { nist } from '../../controls';
import type { Outcome, ResourceRule } from '../../types';
import { durationSeconds, read, readNumber, readStringList } from '../../../synthesized/values';

/** Upper bounds (proposal): 10 years for a root, 5 for an intermediate. */
export const MAX_ROOT_TTL_SECONDS = 87600 * 3600;
export const MAX_INTERMEDIATE_TTL_SECONDS = 43800 * 3600;

function ttl(body: Readonly<Record<string, unknown>>, max: number, what: string): Outcome | undefined {
  const r = read(body, 'ttl');
  if (r.kind === 'absent') return undefined; // the mount's max lease TTL applies
  if (r.kind === 'unresolved') return unknown(`ttl is ${r.expression}, known only at plan time`, 'ttl');
  const s = durationSeconds(r.value);
  if (s === undefined) return unknown(`ttl ${JSON.stringify(r.value)} is not a duration`, 'ttl');
  return s > max ? fail(`${what} ttl ${formatSeconds(s)} is longer than ${formatSeconds(max)}`, 'ttl') : undefined;
}

function pathLength(body: Readonly<Record<string, unknown>>, what: string): Outcome | undefined {
  const r = readNumber(body, 'max_path_length');
  if (r.kind === 'unresolved') return unknown(`max_path_length is ${r.expression}, known only at plan time`, 'max_path_length');
  if (r.kind === 'invalid') return unknown('max_path_length is not a number', 'max_path_length');
  if (r.kind === 'absent' || r.value < 0) return fail(`${what} max_path_length is ${r.kind === 'absent' ? 'not set (-1: unlimited)' : r.value}: any number of CAs may be chained below it`, 'max_path_length');
  return undefined;
}

export const rule: ResourceRule = {
  id: 'VC-PK3',
  pack: 'vault-crypto',
  scope: 'resource',
  level: 'warning',
  title: 'CA lifetimes, path lengths and name constraints are bounded',
  rationale:
    "Vault's PKI guidance: use a CA hierarchy with bounded lifetimes. An unbounded path length lets any intermediate mint further CAs; an intermediate without permitted DNS domains can sign for any name. Bounds here are proposals: root ≤ 10 years, intermediate ≤ 5 years.",
  fix: 'Set ttl (root ≤ 87600h, intermediate ≤ 43800h), max_path_length ≥ 0, and permitted_dns_domains on vault_pki_secret_backend_root_sign_intermediate (pki.rootTtlDays / intermediateTtlDays / domains).',
  controls: [nist('SC-17'), nist('SC-12')],
  resourceTypes: ['vault_pki_secret_backend_root_cert', 'vault_pki_secret_backend_root_sign_intermediate'],
  check(resource) {
    const root = resource.type === 'vault_pki_secret_backend_root_cert';
    const what = root ? 'root CA' : 'intermediate CA';
    const out: (Outcome | undefined)[] = [ttl(resource.body, root ? MAX_ROOT_TTL_SECONDS : MAX_INTERMEDIATE_TTL_SECONDS, what), pathLength(resource.body, what)];
    if (!root) {
      const d = readStringList(resource.body, 'permitted_dns_domains');
      if (d.kind === 'unresolved') out.push(unknown('permitted_dns_domains is known only at plan time', 'permitted_dns_domains'));
      else if (d.kind !== 'value' || d.value.length === 0) out.push(fail('permitted_dns_domains is not set: the intermediate can sign certificates for any name', 'permitted_dns_domains'));
    }
    const found = out.filter((o): o is Outcome => o !== undefined);
    return found.length ? found : pass();
  },
};
