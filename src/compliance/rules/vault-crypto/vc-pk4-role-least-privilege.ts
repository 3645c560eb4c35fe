/** VC-PK4: PKI roles issue only what they must. */
import { fail, formatSeconds, pass, unknown } from '../../attributes';
import { nist } from '../../controls';
import type { Outcome, ResourceRule } from '../../types';
import { durationSeconds, read, readBool, readString, readStringList } from '../../../synthesized/values';

/** Longest leaf lifetime allowed (proposal): 398 days, the public TLS baseline. */
export const MAX_LEAF_TTL_SECONDS = 398 * 86400;

function flag(body: Readonly<Record<string, unknown>>, attribute: string, bad: boolean, defaultValue: boolean, why: string): Outcome | undefined {
  const v = readBool(body, attribute);
  if (v.kind === 'unresolved') return unknown(`${attribute} is ${v.expression}, known only at plan time`, attribute);
  if (v.kind === 'invalid') return unknown(`${attribute} is not a boolean`, attribute);
  const value = v.kind === 'value' ? v.value : defaultValue;
  return value === bad ? fail(`${attribute} is ${value}${v.kind === 'absent' ? ' (the default)' : ''}: ${why}`, attribute) : undefined;
}

export const rule: ResourceRule = {
  id: 'VC-PK4',
  pack: 'vault-crypto',
  scope: 'resource',
  level: 'error',
  title: 'PKI roles are limited to the agency\'s names and short lifetimes',
  rationale:
    "Vault's PKI guidance on safe roles: a role is what a workload can make the CA sign. Any name, wildcards, globs, non-hostname subjects, any key type or long lifetimes turn the agency CA into a tool for impersonating other services.",
  fix: 'Set allow_any_name = false, enforce_hostnames = true, allow_wildcard_certificates = false, allow_glob_domains = false, a non-empty allowed_domains, a concrete key_type and max_ttl ≤ 9552h (398 days).',
  controls: [nist('SC-17'), nist('AC-6'), nist('IA-5(2)')],
  resourceTypes: ['vault_pki_secret_backend_role'],
  check(resource) {
    const b = resource.body;
    const out: (Outcome | undefined)[] = [
      flag(b, 'allow_any_name', true, false, 'certificates can be issued for any name'),
      flag(b, 'enforce_hostnames', false, true, 'subjects need not be valid host names'),
      flag(b, 'allow_wildcard_certificates', true, true, 'wildcard certificates can be issued'),
      flag(b, 'allow_glob_domains', true, false, 'allowed_domains entries act as globs'),
    ];
    const domains = readStringList(b, 'allowed_domains');
    if (domains.kind === 'unresolved') out.push(unknown('allowed_domains is known only at plan time', 'allowed_domains'));
    else if (domains.kind !== 'value' || domains.value.length === 0) out.push(fail('allowed_domains is empty: the role is not limited to the agency\'s domains', 'allowed_domains'));
    const kt = readString(b, 'key_type');
    if (kt.kind === 'unresolved') out.push(unknown('key_type is known only at plan time', 'key_type'));
    else if (kt.kind === 'value' && kt.value === 'any') out.push(fail('key_type is "any": requesters choose the key type and size, weak keys included', 'key_type'));
    const ttl = read(b, 'max_ttl');
    if (ttl.kind === 'unresolved') out.push(unknown(`max_ttl is ${ttl.expression}, known only at plan time`, 'max_ttl'));
    else if (ttl.kind === 'absent') out.push(fail('max_ttl is not set: certificates may live as long as the mount allows', 'max_ttl'));
    else {
      const s = durationSeconds(ttl.value);
      if (s === undefined) out.push(unknown(`max_ttl ${JSON.stringify(ttl.value)} is not a duration`, 'max_ttl'));
      else if (s === 0) out.push(fail('max_ttl is 0: the mount\'s maximum applies', 'max_ttl'));
      else if (s > MAX_LEAF_TTL_SECONDS) out.push(fail(`max_ttl ${formatSeconds(s)} is longer than ${formatSeconds(MAX_LEAF_TTL_SECONDS)}`, 'max_ttl'));
    }
    const found = out.filter((o): o is Outcome => o !== undefined);
    return found.length ? found : pass();
  },
};
